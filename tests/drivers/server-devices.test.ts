// The device layer inside the real server process: QUEUE_PRINTER over a pty pair, a serial
// keypad configured through the admin API, and the device administration's bad input.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFakeSerialPrinter } from '../../drivers/testing/fake-printer.ts';
import { startPtyPair } from '../../drivers/testing/pty-pair.ts';
import { ledLine } from '../../drivers/buttons/line-protocol.ts';
import { SerialPort } from 'serialport';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { until } from './record-log.ts';

// Server processes take 5 s and more to start on a loaded two-core machine.
const SLOW = 90_000;
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

async function server(env: Record<string, string> = {}) {
  const s = await startServer(env);
  cleanup.push(() => s.stop());
  return s;
}

/** A service of our own and a counter serving it, held by a fresh operator. */
async function hallWithCounter(s: ServerProcess, admin: string, prefix = 'Я') {
  const svc = await s.call('POST', '/api/admin/services', { name: 'Проверка устройств', prefix }, admin);
  const ctr = await s.call('POST', '/api/admin/counters', { name: `Окно ${prefix}`, services: [{ serviceId: svc.json.id, priority: 1 }] }, admin);
  const login = `op${prefix.charCodeAt(0)}`;
  await s.call('POST', '/api/admin/users', { login, name: 'Оператор', password: 'operator-Pa55', role: 'operator' }, admin);
  const op = await s.login(login, 'operator-Pa55');
  expect((await s.call('POST', `/api/counters/${ctr.json.id}/open`, undefined, op)).status).toBe(200);
  return { serviceId: svc.json.id as number, counterId: ctr.json.id as number, op };
}

const devicesStatus = async (s: ServerProcess, admin: string, id: string | number) =>
  ((await s.call('GET', '/api/devices', undefined, admin)).json as { id: string | number; status: string }[]).find((d) => d.id === id)?.status;

describe('QUEUE_PRINTER on a pty', () => {
  it('prints tickets; paper out answers printed:false and keeps the ticket; unplug and replug without a restart', async () => {
    const pty = await startPtyPair();
    cleanup.push(() => pty.stop());
    let fake = await openFakeSerialPrinter(pty.b);
    cleanup.push(() => fake.close());
    const s = await server({ QUEUE_PRINTER: `serial:${pty.a}?baud=19200&codepage=17` });
    const admin = await s.login();
    const { serviceId } = await hallWithCounter(s, admin);
    await until(async () => (await devicesStatus(s, admin, 'QUEUE_PRINTER')) === 'ok', 5000, 'printer ok');

    const t1 = await s.call('POST', '/api/tickets', { serviceId });
    expect(t1.status).toBe(201);
    expect(t1.json.printed).toBe(true);
    const [ticket] = await fake.waitForTickets(1);
    const text = ticket.lines.map((l) => l.text);
    expect(text).toContain(t1.json.number);
    expect(text).toContain('Проверка устройств');
    expect(t1.json.statusUrl).toMatch(/^\/kiosk\/\?ticket=[0-9a-f]{16}$/);
    expect(ticket.qr[0]).toMatch(new RegExp(`^http://[0-9.]+:${s.port}/`)); // the server's LAN address
    expect(ticket.qr[0].endsWith(t1.json.statusUrl)).toBe(true);

    fake.paper = 'out';
    const t2 = await s.call('POST', '/api/tickets', { serviceId });
    expect(t2.status).toBe(201);
    expect(t2.json.printed).toBe(false);
    expect((await s.call('GET', `/api/tickets/${t2.json.id}`)).json.status).toBe('waiting');
    expect(await devicesStatus(s, admin, 'QUEUE_PRINTER')).toBe('paper_out');
    expect(fake.tickets).toHaveLength(1);

    await fake.close();
    await pty.stop();
    await until(async () => (await devicesStatus(s, admin, 'QUEUE_PRINTER')) === 'offline', 8000, 'offline');
    const t3 = await s.call('POST', '/api/tickets', { serviceId });
    expect(t3.json.printed).toBe(false);

    await pty.restart();
    fake = await openFakeSerialPrinter(pty.b);
    await until(async () => (await devicesStatus(s, admin, 'QUEUE_PRINTER')) === 'ok', 8000, 'ok again');
    const t4 = await s.call('POST', '/api/tickets', { serviceId });
    expect(t4.json.printed).toBe(true);
    expect((await fake.waitForTickets(1))[0].lines.map((l) => l.text)).toContain(t4.json.number);
    expect(s.proc.exitCode).toBeNull();
  }, SLOW);
});

describe('a misspelt QUEUE_PRINTER', () => {
  it('stops the server at start with the reason', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talon-'));
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    await expect(startServer({ QUEUE_PRINTER: 'usb:/dev/lp0' }, { dataDir })).rejects.toThrow(/QUEUE_PRINTER: bad device address "usb:\/dev\/lp0"/);
    // An ordinary file is not a printer: the server would append tickets to it.
    writeFileSync(join(dataDir, 'notes.txt'), 'keep me\n');
    await expect(startServer({ QUEUE_PRINTER: `file:${join(dataDir, 'notes.txt')}` }, { dataDir })).rejects.toThrow(/QUEUE_PRINTER: bad file address .*not a character device/);
    await expect(startServer({ QUEUE_PRINTER: 'tcp:192.0.2.10:65536' }, { dataDir })).rejects.toThrow(/QUEUE_PRINTER: bad tcp port 65536/);
    expect(readFileSync(join(dataDir, 'notes.txt'), 'utf8')).toBe('keep me\n');
  }, SLOW);
});

describe('serial keypad configured in the database', () => {
  it('calls, marks no-show, starts and finishes at its counter; its LED shows the number; garbage is ignored', async () => {
    const pty = await startPtyPair();
    cleanup.push(() => pty.stop());
    const s = await server();
    const admin = await s.login();
    const { serviceId, counterId } = await hallWithCounter(s, admin);
    const dev = await s.call('POST', '/api/admin/devices', { kind: 'buttons', name: 'Пульт окна', config: { address: `serial:${pty.a}?baud=9600`, keypads: { '3': counterId } } }, admin);
    expect(dev.status).toBe(201);
    await until(async () => (await devicesStatus(s, admin, dev.json.id)) === 'ok', 5000, 'keypad ok');

    const keypad = new SerialPort({ path: pty.b, baudRate: 9600 });
    cleanup.push(() => new Promise((r) => keypad.close(() => r(null))));
    let led = Buffer.alloc(0);
    keypad.on('data', (d: Buffer) => { led = Buffer.concat([led, d]); });
    const press = (line: string | Buffer) => new Promise<void>((r) => keypad.write(line, () => keypad.drain(() => r())));
    const a = (await s.call('POST', '/api/tickets', { serviceId })).json;
    const b = (await s.call('POST', '/api/tickets', { serviceId })).json;
    const status = async (id: number) => (await s.call('GET', `/api/tickets/${id}`)).json.status;

    await press(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x0a, 0x00, 0xff]));
    await press('\nK3:C\n');
    await until(async () => (await status(a.id)) === 'called', 5000, 'A called');
    await until(() => led.includes(ledLine(3, a.number)), 3000, 'LED shows A');
    await press('K3:3\n'); // RS-485 keypad key 3 = no-show
    await until(async () => (await status(a.id)) === 'no_show', 5000, 'A no-show');
    await press('K3:1\n');
    await until(async () => (await status(b.id)) === 'called', 5000, 'B called');
    await until(() => led.includes(ledLine(3, b.number)), 3000, 'LED shows B');
    await press('K3:S\n');
    await until(async () => (await status(b.id)) === 'serving', 5000, 'B serving');
    await press('K3:F\n');
    await until(async () => (await status(b.id)) === 'done', 5000, 'B done');
    await until(() => led.subarray(-4).equals(ledLine(3, null)), 3000, 'LED blank');
    // A chattering key (three presses in one burst) makes one press: one call, nothing refused.
    const c = (await s.call('POST', '/api/tickets', { serviceId })).json;
    const refusals = () => s.log().match(/button action refused/g)?.length ?? 0;
    await press('K3:C\nK3:C\nK3:C\n');
    await until(async () => (await status(c.id)) === 'called', 5000, 'C called');
    await new Promise((r) => setTimeout(r, 400));
    expect(refusals()).toBe(0);
    // A press that does not fit the moment (C is still called) is refused and logged, not a crash.
    await press('K3:C\n');
    await until(() => refusals() === 1, 3000, 'refusal logged');
    expect((await s.call('GET', '/api/health')).status).toBe(200);
  }, SLOW);
});

describe('device administration', () => {
  it('validates settings, issues tokens and reports a test print', async () => {
    const pty = await startPtyPair();
    cleanup.push(() => pty.stop());
    const fake = await openFakeSerialPrinter(pty.b);
    cleanup.push(() => fake.close());
    const s = await server();
    const admin = await s.login();
    expect((await s.call('POST', '/api/admin/devices', { kind: 'printer', name: 'x', config: { address: 'usb:lp0' } }, admin)).json.error).toBe('validation');
    expect((await s.call('POST', '/api/admin/devices', { kind: 'printer', name: 'x', config: { encoding: 'utf-99' } }, admin)).status).toBe(400);
    // An address is checked whole when it is saved, not when the device would show `error` later.
    const regular = join(mkdtempSync(join(tmpdir(), 'talon-notes-')), 'notes.txt');
    writeFileSync(regular, 'keep me\n');
    cleanup.push(async () => rmSync(dirname(regular), { recursive: true, force: true }));
    for (const address of [`file:${regular}`, 'file:/etc/hostname', 'file:relative/lp0', `file:${dirname(regular)}/missing`, 'tcp:192.0.2.10:0',
      'tcp:192.0.2.10:65536', 'tcp:192.0.2.10:99999', `serial:${pty.a}?baud=-9600`, `serial:${pty.a}?baud=0`, `serial:${pty.a}?baud=99999999`,
      `serial:${pty.a}?baudrate=9600`, `serial:${pty.a}?width=500`]) {
      const r = await s.call('POST', '/api/admin/devices', { kind: 'printer', name: 'x', config: { address } }, admin);
      expect([address, r.status, r.json.error]).toEqual([address, 400, 'validation']);
    }
    expect((await s.call('POST', '/api/admin/devices', { kind: 'buttons', name: 'x', config: { address: 'tcp:192.0.2.10:70000' } }, admin)).status).toBe(400);
    const ok = await s.call('POST', '/api/admin/devices', { kind: 'printer', name: 'x', config: { address: 'tcp:192.0.2.10:9100' } }, admin);
    expect(ok.status).toBe(201);
    expect((await s.call('PATCH', `/api/admin/devices/${ok.json.id}`, { config: { address: `file:${regular}` } }, admin)).status).toBe(400);
    expect(readFileSync(regular, 'utf8')).toBe('keep me\n');
    expect((await s.call('POST', '/api/admin/devices', { kind: 'buttons', name: 'x', counterId: 9999 }, admin)).status).toBe(404);
    expect((await s.call('POST', '/api/admin/devices', { kind: 'lamp', name: 'x' }, admin)).status).toBe(400);
    expect((await s.call('GET', '/api/devices')).status).toBe(401);

    const p = await s.call('POST', '/api/admin/devices', { kind: 'printer', name: 'Киоск 1', config: { address: `serial:${pty.a}`, codepage: 17 } }, admin);
    await until(async () => (await devicesStatus(s, admin, p.json.id)) === 'ok', 5000, 'printer row ok');
    const test = await s.call('POST', `/api/admin/devices/${p.json.id}/test-print`, undefined, admin);
    expect(test).toEqual({ status: 200, json: { printed: true } });
    const [page] = await fake.waitForTickets(1);
    expect(page.lines.map((l) => l.text)).toEqual(expect.arrayContaining(['АБВГДЕЁЖЗИЙКЛМНОП', 'РСТУФХЦЧШЩЪЫЬЭЮЯ'])); // 32 columns

    const tok = await s.call('POST', `/api/admin/devices/${p.json.id}/token`, undefined, admin);
    expect(tok.status).toBe(201);
    expect(tok.json.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // The device token prints the kiosk's tickets on its own printer.
    const svc = (await s.call('GET', '/api/services')).json[0];
    const t = await s.call('POST', '/api/tickets', { serviceId: svc.id }, tok.json.token);
    expect(t.json.printed).toBe(true);
    await fake.waitForTickets(2);
    const tok2 = await s.call('POST', `/api/admin/devices/${p.json.id}/token`, undefined, admin);
    expect(tok2.json.token).not.toBe(tok.json.token);

    fake.paper = 'out';
    const failed = await s.call('POST', `/api/admin/devices/${p.json.id}/test-print`, undefined, admin);
    expect(failed.status).toBe(502);
    await s.call('PATCH', `/api/admin/devices/${p.json.id}`, { enabled: false }, admin);
    expect(await devicesStatus(s, admin, p.json.id)).toBe('offline');
    expect((await s.call('POST', `/api/admin/devices/${p.json.id}/test-print`, undefined, admin)).status).toBe(409);
  }, SLOW);
});
