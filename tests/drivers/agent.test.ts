// The device agent end to end: a real server process, `tsx drivers/agent/main.ts` as a child
// process with its printer and keypad on pty pairs, a server restart in the middle, and a
// refused token.
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { ledLine } from '../../drivers/buttons/line-protocol.ts';
import { openFakeSerialPrinter } from '../../drivers/testing/fake-printer.ts';
import { startPtyPair } from '../../drivers/testing/pty-pair.ts';
import { startServer } from '../helpers/server-process.ts';
import { startAgent } from './agent-process.ts';
import { until } from './record-log.ts';

// Server processes take 5 s and more to start on a loaded two-core machine.
const SLOW = 90_000;
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

describe('device agent', () => {
  it('prints tickets issued with its token, drives a keypad, and survives a server restart', async () => {
    const printerPty = await startPtyPair();
    cleanup.push(() => printerPty.stop());
    const keypadPty = await startPtyPair();
    cleanup.push(() => keypadPty.stop());
    const fake = await openFakeSerialPrinter(printerPty.b);
    cleanup.push(() => fake.close());
    const s = await startServer();
    cleanup.push(() => s.stop());
    const admin = await s.login();

    const svc = (await s.call('POST', '/api/admin/services', { name: 'Абонентский отдел', prefix: 'Ж' }, admin)).json;
    const ctr = (await s.call('POST', '/api/admin/counters', { name: 'Окно 7', services: [{ serviceId: svc.id, priority: 1 }] }, admin)).json;
    await s.call('POST', '/api/admin/users', { login: 'op7', name: 'Оператор', password: 'operator-Pa55', role: 'operator' }, admin);
    const op = await s.login('op7', 'operator-Pa55');
    await s.call('POST', `/api/counters/${ctr.id}/open`, undefined, op);

    const dev = (await s.call('POST', '/api/admin/devices', { kind: 'printer', name: 'Киоск у входа', counterId: ctr.id, config: { codepage: 17 } }, admin)).json;
    const token = (await s.call('POST', `/api/admin/devices/${dev.id}/token`, undefined, admin)).json.token;
    const agent = startAgent({ AGENT_SERVER: s.base, AGENT_TOKEN: token, AGENT_PRINTER: `serial:${printerPty.a}?baud=19200`, AGENT_BUTTONS: `serial:${keypadPty.a}` });
    cleanup.push(() => agent.stop());
    const devices = async () => (await s.call('GET', '/api/devices', undefined, admin)).json as { id: number | string; kind: string; status: string }[];
    await until(async () => (await devices()).some((d) => d.id === dev.id && d.status === 'ok'), 15000, 'agent printer ok');
    expect((await devices()).find((d) => d.id === `${dev.id}:buttons`)?.status).toBe('ok');

    const t1 = await s.call('POST', '/api/tickets', { serviceId: svc.id }, token);
    expect(t1.json.printed).toBe(true);
    const [ticket] = await fake.waitForTickets(1);
    expect(ticket.lines.map((l) => l.text)).toEqual(expect.arrayContaining([t1.json.number, 'Абонентский отдел']));

    // The agent's keypad calls at its counter; the LED gets the number over the websocket.
    const keypad = new SerialPort({ path: keypadPty.b, baudRate: 9600 });
    cleanup.push(() => new Promise((r) => keypad.close(() => r(null))));
    let led = Buffer.alloc(0);
    keypad.on('data', (d: Buffer) => { led = Buffer.concat([led, d]); });
    await new Promise((r) => keypad.on('open', r));
    keypad.write('K1:C\n');
    await until(async () => (await s.call('GET', `/api/tickets/${t1.json.id}`)).json.status === 'called', 5000, 'called by the agent keypad');
    await until(() => led.includes(ledLine(0, t1.json.number)), 5000, 'LED');

    led = Buffer.alloc(0);
    await s.restart();
    await until(async () => (await devices()).some((d) => d.id === dev.id && d.status === 'ok'), 15000, 'agent back after restart');
    // The LED gets the standing call again from the restarted server.
    await until(() => led.includes(ledLine(0, t1.json.number)), 5000, 'LED after restart');
    const t2 = await s.call('POST', '/api/tickets', { serviceId: svc.id }, token);
    expect(t2.json.printed).toBe(true);
    expect((await fake.waitForTickets(2))[1].lines.map((l) => l.text)).toContain(t2.json.number);
    expect(agent.proc.exitCode).toBeNull();
    expect(agent.log()).toMatch(/disconnected from the hall server/);

    // Paper out at the kiosk: reported through the agent, the ticket is kept.
    fake.paper = 'out';
    const t3 = await s.call('POST', '/api/tickets', { serviceId: svc.id }, token);
    expect(t3.json.printed).toBe(false);
    await until(async () => (await devices()).some((d) => d.id === dev.id && d.status === 'paper_out'), 5000, 'paper_out via agent');
    fake.paper = 'ok';

    // Agent gone: the kiosk's ticket is issued and kept, printed:false.
    await agent.stop();
    const t4 = await s.call('POST', '/api/tickets', { serviceId: svc.id }, token);
    expect(t4.status).toBe(201);
    expect(t4.json.printed).toBe(false);
    expect((await s.call('GET', `/api/tickets/${t4.json.id}`)).json.status).toBe('waiting');
  }, SLOW);

  it('a misspelt device address stops the agent at start with the reason', async () => {
    const agent = startAgent({ AGENT_SERVER: 'http://127.0.0.1:9', AGENT_TOKEN: 't', AGENT_PRINTER: 'lpt:1' });
    cleanup.push(() => agent.stop());
    expect(await agent.exited).toBe(2);
    expect(agent.log()).toMatch(/AGENT_PRINTER: bad device address/);
  }, SLOW);

  it('an unknown device token is refused with a clear error on both sides', async () => {
    const s = await startServer();
    cleanup.push(() => s.stop());
    const agent = startAgent({ AGENT_SERVER: s.base, AGENT_TOKEN: 'not-a-real-token' });
    cleanup.push(() => agent.stop());
    expect(await agent.exited).toBe(3);
    expect(agent.log()).toMatch(/the server refused this agent: check AGENT_TOKEN/);
    expect(agent.log()).toMatch(/Unknown or revoked device token/);
    await until(() => /agent refused: unknown or revoked device token/.test(s.log()), 3000, 'server log');
    expect((await s.call('GET', '/api/health')).status).toBe(200);
  }, SLOW);
});
