// What the analysis screens share: numbers in the screen's language, hall days and periods in the
// hall's zone (figures/hall-zone.ts; the area opens its tools once it is known), and a small data hook.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { lang } from '../../ui/i18n';
import type { PublicSettings } from '../../server/protocol';
import { nextDay, zonedEpoch } from '../../server/engine/calendar';
import { hallDay } from '../../server/engine/numbering';
import { hall, loadHall, timezone } from '../figures/hall-zone';
import { staff } from '../shell/session';

/** The hall's name and zone, fetched once. */
export function useHall(): PublicSettings | null {
  useEffect(() => { void loadHall().catch(() => undefined); }, []);
  return hall.value;
}

const tz = () => timezone.value!;

/** 1.19767 → "1,2" in Russian, "1.2" in English; null → "—". */
export function fmt(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return new Intl.NumberFormat(lang.value === 'ru' ? 'ru-RU' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** A signed change: "+2,0", "−3,0". */
export function signed(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const s = fmt(Math.abs(x), digits);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

export const minutes = (sec: number | null | undefined, digits = 1) => (sec === null || sec === undefined ? '—' : fmt(sec / 60, digits));

export const today = (now = Date.now()) => hallDay(now, tz());

/** [from day 00:00, the day after `to` 00:00) in the hall's zone, as ISO instants. */
export function period(from: string, to: string): { from: string; to: string } {
  return { from: new Date(zonedEpoch(from, '00:00', tz())).toISOString(), to: new Date(zonedEpoch(nextDay(to), '00:00', tz())).toISOString() };
}

export interface Loaded<T> { data: T | null; error: string | null; loading: boolean; reload: () => void }

/** GETs `path` (null: nothing yet) and again whenever it changes or `reload` is called. */
export function useGet<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: !!path });
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    staff<T>('GET', path).then(
      (data) => { if (live) setState({ data, error: null, loading: false }); },
      (e) => { if (live) setState((s) => ({ ...s, error: (e as Error).message, loading: false })); },
    );
    return () => { live = false; };
  }, [path, n]);
  return { ...state, reload: () => setN((x) => x + 1) };
}

export const WEEKDAYS = { ru: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };
export const weekdayName = (isoWeekday: number) => WEEKDAYS[lang.value][isoWeekday - 1];

/** The printed page of the tool on screen: A4 landscape (the sheet) or portrait (the report). */
export function PrintPage({ landscape }: { landscape: boolean }) {
  return h('style', null, `@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: ${landscape ? 10 : 15}mm; }`);
}
