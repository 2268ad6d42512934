// Devices: ticket printers and call buttons, attached to this server (a form builds the address:
// serial port and baud, network host and port, device file, HID ids) or driven by an agent on a
// kiosk or window PC (a token shown once; last seen, version, what it reports). Status is live;
// printers have a test print and a sample ticket.
import { useEffect, useState } from 'preact/hooks';
import { staff } from '../shell/session';
import { Field, FormStatus, ShownOnce, useSubmit } from './form';
import { TicketPreviewOf } from './TicketPreview';
import { t, type Key } from './strings';
import type { Counter, Device, DeviceConfig, DeviceStatus, HidKey } from './types';

const STATUS: Record<string, Key> = { ok: 'stOk', paper_low: 'stPaperLow', paper_out: 'stPaperOut', offline: 'stOffline', error: 'stError' };
const ACTIONS: [string, Key][] = [['call', 'actCall'], ['recall', 'actRecall'], ['start', 'actStart'], ['no_show', 'actNoShow'], ['finish', 'actFinish']];
const BAUDS = [9600, 19200, 38400, 57600, 115200];

type Transport = 'serial' | 'tcp' | 'file' | 'hid';
interface Addr { transport: Transport; path: string; baud: string; host: string; port: string; file: string; vendor: string; product: string; extra: string }

/** An address as the builder edits it; query settings other than the baud rate are kept as they are. */
export function parseAddr(a: string | undefined, kind: 'printer' | 'buttons'): Addr {
  const d: Addr = { transport: 'serial', path: '/dev/ttyUSB0', baud: kind === 'printer' ? '19200' : '9600', host: '', port: '9100', file: '/dev/usb/lp0', vendor: '', product: '', extra: '' };
  if (!a) return d;
  const m = /^(serial|tcp|file|hid):([^?]*)(?:\?(.*))?$/.exec(a);
  if (!m) return d;
  const q = new URLSearchParams(m[3] ?? '');
  const baud = q.get('baud');
  q.delete('baud');
  const extra = q.toString();
  if (m[1] === 'serial') return { ...d, transport: 'serial', path: m[2], baud: baud ?? d.baud, extra };
  if (m[1] === 'tcp') { const i = m[2].lastIndexOf(':'); return { ...d, transport: 'tcp', host: m[2].slice(0, i), port: m[2].slice(i + 1), extra }; }
  if (m[1] === 'file') return { ...d, transport: 'file', file: m[2], extra };
  const [vendor, product] = m[2].split(':');
  return { ...d, transport: 'hid', vendor: vendor ?? '', product: product ?? '' };
}

export function buildAddr(a: Addr): string {
  const q = (extra: string) => (extra ? (extra.startsWith('?') ? extra : `?${extra}`) : '');
  if (a.transport === 'serial') return `serial:${a.path.trim()}${q([`baud=${a.baud}`, a.extra].filter(Boolean).join('&'))}`;
  if (a.transport === 'tcp') return `tcp:${a.host.trim()}:${a.port.trim()}${q(a.extra)}`;
  if (a.transport === 'file') return `file:${a.file.trim()}${q(a.extra)}`;
  return `hid:${a.vendor.trim()}:${a.product.trim()}`;
}

/** What is wrong with the address before it is sent: the field and the reason. */
function addrFault(a: Addr): [string, Key] | null {
  if (a.transport === 'serial' && !a.path.trim()) return ['path', 'errRequired'];
  if (a.transport === 'tcp' && !a.host.trim()) return ['host', 'errRequired'];
  if (a.transport === 'tcp' && !(/^\d{1,5}$/.test(a.port) && +a.port >= 1 && +a.port <= 65535)) return ['port', 'errNumber'];
  if (a.transport === 'file' && !a.file.trim().startsWith('/')) return ['file', 'errRequired'];
  if (a.transport === 'hid' && !(/^[0-9a-f]{1,4}$/i.test(a.vendor) && /^[0-9a-f]{1,4}$/i.test(a.product))) return [/^[0-9a-f]{1,4}$/i.test(a.vendor) ? 'product' : 'vendor', 'errAddress'];
  return null;
}

export function Devices() {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [status, setStatus] = useState<DeviceStatus[]>([]);
  const [counters, setCounters] = useState<Counter[]>([]);
  const [editing, setEditing] = useState<Device | 'new' | null>(null);
  const [token, setToken] = useState<{ device: Device; token: string } | null>(null);
  const [preview, setPreview] = useState<Device | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const act = useSubmit();
  const load = () => staff<Device[]>('GET', '/api/admin/devices').then(setDevices);
  useEffect(() => {
    void load();
    void staff<Counter[]>('GET', '/api/admin/counters').then(setCounters);
    // Status is the drivers' own reading, shown live: paper out appears here before a customer finds out.
    const poll = () => staff<DeviceStatus[]>('GET', '/api/devices').then(setStatus, () => undefined);
    void poll();
    const timer = setInterval(() => { void poll(); void load(); }, 3000);
    return () => clearInterval(timer);
  }, []);
  const counterName = (id: number | null) => counters.find((c) => c.id === id)?.name ?? t('none');
  const statusOf = (id: number | string) => status.find((s) => s.id === id);

  const testPrint = async (d: Device) => {
    setNote(null);
    if (await act.run(() => staff('POST', `/api/admin/devices/${d.id}/test-print`))) setNote(t('devTestPrinted'));
  };
  const issueToken = async (d: Device) => {
    const r = await act.run(() => staff<{ token: string }>('POST', `/api/admin/devices/${d.id}/token`));
    if (r) setToken({ device: d, token: r.token });
  };
  const env = status.find((s) => s.id === 'QUEUE_PRINTER');
  return (
    <div class="stack">
      <div class="row"><button type="button" class="primary" onClick={() => setEditing('new')} data-testid="new-device">{t('devCreate')}</button></div>
      <FormStatus error={act.error} saved={false} fields={[]} />
      {note && <p class="form-saved" role="status" data-testid="device-note">{note}</p>}
      {devices && devices.length === 0 && !env && <p class="muted">{t('devNone')}</p>}
      <table class="table devices" data-testid="devices">
        <thead><tr><th>{t('devName')}</th><th>{t('devKind')}</th><th>{t('devWhere')}</th><th>{t('devCounter')}</th><th>{t('devStatus')}</th><th>{t('devLastSeen')}</th><th /></tr></thead>
        <tbody>
          {env && (
            <tr data-device="QUEUE_PRINTER">
              <td><b>{env.name}</b></td><td>{t('devPrinter')}</td><td>{t('devLocal')}</td><td>{t('none')}</td>
              <td><StatusTag s={env} /></td><td /><td />
            </tr>
          )}
          {devices?.map((d) => {
            const s = statusOf(d.id);
            const agent = !d.config.address;
            return (
              <tr key={d.id} data-device={d.id} class={d.enabled ? '' : 'off'}>
                <td><b>{d.name}</b></td>
                <td>{t(d.kind === 'printer' ? 'devPrinter' : 'devButtons')}</td>
                <td>{agent ? t('devAgent') : <code>{d.config.address}</code>}</td>
                <td>{d.kind === 'buttons' && d.config.keypads ? Object.entries(d.config.keypads).map(([k, c]) => `${k}→${counterName(c)}`).join(', ') : counterName(d.counterId)}</td>
                <td>{s ? <StatusTag s={s} /> : t('none')}{s?.detail && <small class="muted detail">{s.detail}</small>}</td>
                <td>{agent && (d.connected ? <span class="tag ok">{t('devOnline')}</span> : d.lastSeenAt ? new Date(d.lastSeenAt).toLocaleString() : t('devNever'))}
                  {d.agentInfo && <small class="muted detail">{t('devVersion')} {d.agentInfo.version ?? '?'} · {d.agentInfo.host ?? ''}{(d.agentInfo.printer || d.agentInfo.buttons) && ` · ${t('devReported')}: ${[d.agentInfo.printer, d.agentInfo.buttons].filter(Boolean).join(', ')}`}</small>}</td>
                <td class="actions-cell">
                  <button type="button" class="plain-dark" onClick={() => setEditing(d)}>{t('edit')}</button>
                  {d.kind === 'printer' && <button type="button" class="plain-dark" data-testid={`test-print-${d.id}`} disabled={act.pending} onClick={() => void testPrint(d)}>{t('devTestPrint')}</button>}
                  {d.kind === 'printer' && <button type="button" class="plain-dark" onClick={() => setPreview(d)}>{t('devPreview')}</button>}
                  {agent && <button type="button" class="plain-dark" onClick={() => void issueToken(d)}>{t('devToken')}</button>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing && <DeviceForm device={editing === 'new' ? null : editing} counters={counters} onDone={() => { setEditing(null); void load(); }} />}
      {token && (
        <ShownOnce title={t('devTokenTitle', { name: token.device.name })} value={token.token} onClose={() => setToken(null)}>
          <p class="hint">{t('devTokenHint')}</p>
          <pre class="command">AGENT_SERVER={location.origin} AGENT_TOKEN={token.token} {token.device.kind === 'printer' ? 'AGENT_PRINTER=serial:/dev/ttyUSB0' : 'AGENT_BUTTONS=serial:/dev/ttyUSB0'} npm run agent</pre>
        </ShownOnce>
      )}
      {preview && (
        <div class="overlay" role="dialog" aria-modal="true" aria-label={t('devPreview')} onClick={(e) => { if (e.target === e.currentTarget) setPreview(null); }}>
          <div class="dialog"><h2>{t('devPreview')}: {preview.name}</h2><TicketPreviewOf body={{ deviceId: preview.id }} />
            <div class="row"><button type="button" class="primary" onClick={() => setPreview(null)}>{t('close')}</button></div></div>
        </div>
      )}
    </div>
  );
}

function StatusTag({ s }: { s: DeviceStatus }) {
  return <span class={`tag st-${s.status}`} data-status={s.status}>{STATUS[s.status] ? t(STATUS[s.status]) : s.status}</span>;
}

function DeviceForm({ device, counters, onDone }: { device: Device | null; counters: Counter[]; onDone: () => void }) {
  const [kind, setKind] = useState<'printer' | 'buttons'>(device?.kind ?? 'printer');
  const [name, setName] = useState(device?.name ?? '');
  const [enabled, setEnabled] = useState(device?.enabled ?? true);
  const [local, setLocal] = useState(device ? !!device.config.address : true);
  const [addr, setAddr] = useState<Addr>(parseAddr(device?.config.address, device?.kind ?? 'printer'));
  const [cfg, setCfg] = useState<DeviceConfig>(device?.config ?? {});
  const [counterId, setCounterId] = useState<number | null>(device?.counterId ?? null);
  const [keypads, setKeypads] = useState<[string, number][]>(Object.entries(device?.config.keypads ?? {}));
  const [keys, setKeys] = useState<HidKey[]>(device?.config.keys ?? []);
  const form = useSubmit();
  const e = form.error;
  const a = (k: keyof Addr) => (ev: Event) => setAddr({ ...addr, [k]: (ev.target as HTMLInputElement).value });
  const transports: [Transport, Key][] = kind === 'printer' ? [['serial', 'devSerial'], ['tcp', 'devTcp'], ['file', 'devFile']] : [['serial', 'devSerial'], ['hid', 'devHid']];

  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (!name.trim()) return form.refuse('name', 'errRequired');
    if (local) { const f = addrFault(addr); if (f) return form.refuse(f[0], f[1]); }
    const config: DeviceConfig = {};
    if (local) config.address = buildAddr(addr);
    if (kind === 'printer') {
      if (cfg.codepage !== undefined) config.codepage = cfg.codepage;
      if (cfg.qr) config.qr = cfg.qr;
      if (cfg.width) config.width = cfg.width;
      if (cfg.encoding) config.encoding = cfg.encoding;
    } else {
      if (keypads.length) config.keypads = Object.fromEntries(keypads.filter(([k]) => k.trim()));
      if (keys.length) config.keys = keys;
    }
    const body = { name: name.trim(), enabled, config, counterId };
    const ok = await form.run(() => staff(device ? 'PATCH' : 'POST', device ? `/api/admin/devices/${device.id}` : '/api/admin/devices', device ? body : { kind, ...body }));
    if (ok) onDone();
  };
  const addrFields = ['path', 'baud', 'host', 'port', 'file', 'vendor', 'product', 'address'];
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-label={device ? device.name : t('devNew')}>
      <form class="dialog form wide-dialog" onSubmit={submit} noValidate data-testid="device-form">
        <h2>{device ? device.name : t('devNew')}</h2>
        <div class="grid2">
          <Field label={t('devKind')} name="kind" error={e}>
            <select name="kind" value={kind} disabled={!!device} onChange={(ev) => { const k = (ev.target as HTMLSelectElement).value as 'printer' | 'buttons'; setKind(k); setAddr(parseAddr(undefined, k)); }}>
              <option value="printer">{t('devPrinter')}</option><option value="buttons">{t('devButtons')}</option>
            </select>
          </Field>
          <Field label={t('devName')} name="name" error={e}><input name="name" value={name} onInput={(ev) => setName((ev.target as HTMLInputElement).value)} /></Field>
          <Field label={t('devWhere')} name="where" error={e}>
            <select name="where" value={local ? 'local' : 'agent'} onChange={(ev) => setLocal((ev.target as HTMLSelectElement).value === 'local')}>
              <option value="local">{t('devLocal')}</option><option value="agent">{t('devAgent')}</option>
            </select>
          </Field>
          <Field label={t('devEnabled')} name="enabled" error={e} check><input type="checkbox" checked={enabled} onChange={(ev) => setEnabled((ev.target as HTMLInputElement).checked)} /></Field>
        </div>
        {local && (
          <fieldset class="address">
            <legend>{t('devAddress')}: <code data-testid="built-address">{buildAddr(addr)}</code></legend>
            <div class="grid2">
              <Field label={t('devTransport')} name="transport" error={e}>
                <select name="transport" value={addr.transport} onChange={(ev) => setAddr({ ...addr, transport: (ev.target as HTMLSelectElement).value as Transport })}>
                  {transports.map(([v, k]) => <option key={v} value={v}>{t(k)}</option>)}
                </select>
              </Field>
              {addr.transport === 'serial' && <>
                <Field label={t('devPath')} name="path" error={e}><input name="path" value={addr.path} onInput={a('path')} /></Field>
                <Field label={t('devBaud')} name="baud" error={e}><select name="baud" value={addr.baud} onChange={a('baud')}>{BAUDS.map((b) => <option key={b} value={b}>{b}</option>)}</select></Field>
              </>}
              {addr.transport === 'tcp' && <>
                <Field label={t('devHost')} name="host" error={e}><input name="host" value={addr.host} placeholder="192.0.2.10" onInput={a('host')} /></Field>
                <Field label={t('devPort')} name="port" error={e}><input name="port" inputMode="numeric" class="short" value={addr.port} onInput={a('port')} /></Field>
              </>}
              {addr.transport === 'file' && <Field label={t('devFilePath')} name="file" error={e}><input name="file" value={addr.file} onInput={a('file')} /></Field>}
              {addr.transport === 'hid' && <>
                <Field label={t('devVendor')} name="vendor" error={e}><input name="vendor" class="short" value={addr.vendor} placeholder="1a86" onInput={a('vendor')} /></Field>
                <Field label={t('devProduct')} name="product" error={e}><input name="product" class="short" value={addr.product} placeholder="e029" onInput={a('product')} /></Field>
              </>}
            </div>
            {e?.field === 'address' && <span class="field-error" role="alert" data-testid="error-address">{e.text}</span>}
          </fieldset>
        )}
        {kind === 'printer' ? (
          <div class="grid2">
            <Field label={t('devCodepage')} name="codepage" error={e}>
              <select name="codepage" value={String(cfg.codepage ?? 17)} onChange={(ev) => setCfg({ ...cfg, codepage: Number((ev.target as HTMLSelectElement).value) })}>
                <option value="17">{t('cpEpson')}</option><option value="7">{t('cpRongta')}</option><option value="12">{t('cpKefar')}</option>
              </select>
            </Field>
            <Field label={t('devQr')} name="qr" error={e}>
              <select name="qr" value={cfg.qr ?? 'native'} onChange={(ev) => setCfg({ ...cfg, qr: (ev.target as HTMLSelectElement).value as 'native' | 'raster' })}>
                <option value="native">{t('qrNative')}</option><option value="raster">{t('qrRaster')}</option>
              </select>
            </Field>
            <Field label={t('devWidth')} name="width" error={e}>
              <select name="width" value={String(cfg.width ?? 32)} onChange={(ev) => setCfg({ ...cfg, width: Number((ev.target as HTMLSelectElement).value) })}>
                <option value="32">{t('width58')}</option><option value="48">{t('width80')}</option>
              </select>
            </Field>
            <Field label={t('devCounter')} name="counterId" error={e}>
              <CounterSelect counters={counters} value={counterId} onChange={setCounterId} />
            </Field>
          </div>
        ) : (
          <div class="stack">
            <Field label={t('devCounter')} name="counterId" error={e}><CounterSelect counters={counters} value={counterId} onChange={setCounterId} /></Field>
            {addr.transport !== 'hid' || !local ? (
              <fieldset><legend>{t('devKeypads')}</legend>
                {keypads.map(([k, c], i) => (
                  <div class="row" key={i}>
                    <input aria-label={t('devKeypad')} class="short" value={k} onInput={(ev) => setKeypads(keypads.map((x, j) => (j === i ? [(ev.target as HTMLInputElement).value, x[1]] : x)))} />
                    <span>→</span>
                    <CounterSelect counters={counters} value={c} onChange={(v) => setKeypads(keypads.map((x, j) => (j === i ? [x[0], v ?? 0] : x)))} />
                    <button type="button" class="icon" aria-label={t('remove')} onClick={() => setKeypads(keypads.filter((_, j) => j !== i))}>×</button>
                  </div>
                ))}
                <button type="button" class="plain-dark" onClick={() => setKeypads([...keypads, [String(keypads.length + 1), counters[0]?.id ?? 0]])}>{t('add')}</button>
              </fieldset>
            ) : (
              <fieldset><legend>{t('devKeys')}</legend>
                {keys.map((k, i) => (
                  <div class="row" key={i}>
                    <label class="inline">{t('devKeyIndex')}<input class="short" inputMode="numeric" value={k.index} onInput={(ev) => setKeys(keys.map((x, j) => (j === i ? { ...x, index: Number((ev.target as HTMLInputElement).value) } : x)))} /></label>
                    <label class="inline">{t('devKeyMask')}<input class="short" inputMode="numeric" value={k.mask ?? ''} onInput={(ev) => setKeys(keys.map((x, j) => (j === i ? { ...x, mask: Number((ev.target as HTMLInputElement).value) || undefined } : x)))} /></label>
                    <select aria-label={t('devKeyAction')} value={k.action} onChange={(ev) => setKeys(keys.map((x, j) => (j === i ? { ...x, action: (ev.target as HTMLSelectElement).value } : x)))}>
                      {ACTIONS.map(([v, l]) => <option key={v} value={v}>{t(l)}</option>)}
                    </select>
                    <button type="button" class="icon" aria-label={t('remove')} onClick={() => setKeys(keys.filter((_, j) => j !== i))}>×</button>
                  </div>
                ))}
                <button type="button" class="plain-dark" onClick={() => setKeys([...keys, { index: 0, mask: 1 << keys.length, action: 'call' }])}>{t('add')}</button>
              </fieldset>
            )}
          </div>
        )}
        <FormStatus error={e} saved={false} fields={['name', ...(local ? addrFields : []), 'counterId']} />
        <div class="row">
          <button type="submit" class="primary" disabled={form.pending} data-testid="save-device">{t('save')}</button>
          <button type="button" class="plain-dark" onClick={onDone}>{t('cancel')}</button>
        </div>
      </form>
    </div>
  );
}

function CounterSelect({ counters, value, onChange }: { counters: Counter[]; value: number | null; onChange: (v: number | null) => void }) {
  return (
    <select aria-label={t('devCounter')} value={value ?? ''} onChange={(e) => onChange(Number((e.target as HTMLSelectElement).value) || null)}>
      <option value="">{t('none')}</option>
      {counters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
    </select>
  );
}
