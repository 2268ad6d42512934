// What every settings form shares: a refused request turned into a translated reason beside the
// field at fault (the server names it by a JSON pointer), a field with its label and reason, and
// the save state of a form.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../ui/api';
import { t, type Key } from './strings';

export interface Refusal { field: string | null; text: string }

/** The field a JSON pointer names: its last part that is not an index ('/hours/2/0' → 'hours'),
 * or the whole path for paths a form shows as such. */
export const fieldOf = (path: string | undefined) => (path ? path.split('/').filter((p) => p && !/^\d+$/.test(p))[0] ?? null : null);

const byField: Record<string, Key> = {
  prefix: 'errPrefix', name: 'errRequired', nameEn: 'errRequired', login: 'errLogin', password: 'errPassword', text: 'errRequired',
  openFrom: 'errHours', openTo: 'errHours', hours: 'errHours', week: 'errHours', days: 'errHours', holidays: 'errDate',
  endsAt: 'errEndsBeforeStarts', startsAt: 'errDate', publicUrl: 'errPublicUrl', boards: 'errBoardName',
  maxWaitSec: 'errNumber', defaultServiceSec: 'errNumber', normServiceSec: 'errNumber', dailyLimit: 'errNumber', recallLimit: 'errNumber', overdueAtPct: 'errNumber',
  services: 'errDuplicate', hallName: 'errRequired', ids: 'errDuplicate',
};

/** Why the server refused, in the user's language, and the field it is about. */
export function refusal(e: unknown): Refusal {
  if (!(e instanceof ApiError)) return { field: null, text: t('errRefused', { message: String((e as Error)?.message ?? e) }) };
  const field = fieldOf(e.path);
  if (e.status === 0) return { field: null, text: t('errOffline') };
  if (e.code === 'last_admin') return { field, text: t('errLastAdmin') };
  if (e.code === 'not_found') return { field, text: t('errNotFound') };
  if (e.code === 'print_failed') return { field: null, text: t('errPrintFailed') };
  if (e.code === 'invalid_config') return { field: null, text: t('errConfig', { path: e.path || '/', message: e.message.replace(/^[^:]*: /, '') }) };
  if (e.code === 'conflict' && field === 'prefix') return { field, text: t('errPrefixTaken') };
  if (e.code === 'conflict' && /template/.test(e.message)) return { field: null, text: t('errTemplateLate') };
  if (e.code === 'conflict' && field === 'login') return { field, text: t('errLoginTaken') };
  if (e.code === 'validation' && field === 'address') return { field, text: t('errAddress', { reason: e.message }) };
  if (e.code === 'validation' && /address|tcp|serial|file:|hid|baud|port/i.test(e.message) && !field) return { field: 'address', text: t('errAddress', { reason: e.message }) };
  if (e.code === 'validation' && field && byField[field]) return { field, text: t(byField[field]) };
  return { field, text: t('errRefused', { message: e.message }) };
}

/** A form's state: pending, the refusal of its last attempt, a "saved" note. */
export function useSubmit() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState(false);
  const run = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (pending) return undefined;
    setPending(true); setError(null); setSaved(false);
    try {
      const r = await fn();
      setSaved(true);
      return r;
    } catch (e) {
      setError(refusal(e));
      return undefined;
    } finally { setPending(false); }
  };
  /** A reason found before sending (the browser's own checks are off: they would not be ours). */
  const refuse = (field: string | null, key: Key) => setError({ field, text: t(key) });
  return { pending, error, saved, run, refuse, setError, clear: () => { setError(null); setSaved(false); } };
}

/** A labelled field with its reason under it when the form was refused because of it. */
/** `check`: a checkbox, shown before its label. */
export function Field({ label, name, error, hint, children, wide, check }: { label: string; name: string; error?: Refusal | null; hint?: string; children: ComponentChildren; wide?: boolean; check?: boolean }) {
  const bad = error?.field === name;
  return (
    <label class={`field${wide ? ' wide' : ''}${check ? ' check' : ''}${bad ? ' bad' : ''}`} data-field={name}>
      <span class="label">{label}</span>
      {children}
      {hint && <small class="hint">{hint}</small>}
      {bad && <span class="field-error" role="alert" data-testid={`error-${name}`}>{error!.text}</span>}
    </label>
  );
}

/** The form's reason when it is not about one field, and its "saved" note. */
export function FormStatus({ error, saved, fields }: { error: Refusal | null; saved: boolean; fields: string[] }) {
  if (error && (!error.field || !fields.includes(error.field))) return <p class="form-error" role="alert" data-testid="form-error">{error.text}</p>;
  if (saved) return <p class="form-saved" role="status">{t('saved')}</p>;
  return null;
}

/** A value shown once (a generated password, a device token), with a copy button. */
export function ShownOnce({ title, value, children, onClose }: { title: string; value: string; children?: ComponentChildren; onClose: () => void }) {
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-label={title}>
      <div class="dialog once">
        <h2>{title}</h2>
        <p class="secret" data-testid="shown-once">{value}</p>
        <p class="hint">{t('shownOnce')}</p>
        {children}
        <div class="row">
          <button type="button" class="plain-dark" onClick={() => void navigator.clipboard?.writeText(value)}>{t('copy')}</button>
          <button type="button" class="primary" onClick={onClose}>{t('close')}</button>
        </div>
      </div>
    </div>
  );
}

/** Minutes in a form ↔ seconds in the API. */
export const toMin = (sec: number | null | undefined) => (sec == null ? '' : String(Math.round(sec / 6) / 10));
export const toSec = (min: string) => (min.trim() === '' ? null : Math.round(Number(min.replace(',', '.')) * 60));
