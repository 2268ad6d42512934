// The device administration's additions: the printed QR's address from the hall's public URL
// (and HOST when it is not set), the ticket preview decoded from the printer's own bytes, and
// what agents report (version, machine, devices, last seen).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from '../../drivers/agent/client.ts';
import { FakePrinter } from '../../drivers/testing/fake-printer.ts';
import { testHall } from '../helpers/app.ts';
import { recordLog, until } from './record-log.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

async function netPrinter() {
  const fake = new FakePrinter();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    fake.reply = (b) => s.write(b);
    s.on('data', (d) => fake.write(d));
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  cleanup.push(() => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }));
  return { fake, address: `tcp:127.0.0.1:${(server.address() as net.AddressInfo).port}` };
}

async function hallWithPrinter(env: Record<string, string> = {}) {
  const p = await netPrinter();
  const h = await testHall({ QUEUE_PRINTER: p.address, ...env });
  await until(async () => ((await h.req('GET', '/api/devices', undefined, h.admin)).json as any[])[0]?.status === 'ok', 5000, 'printer ok');
  const svc = ((await h.req('GET', '/api/services')).json as any[])[0];
  return { ...p, h, svc };
}

describe('the printed QR', () => {
  it('points at the hall\'s public URL once it is set, at HOST before', async () => {
    const { h, fake, svc } = await hallWithPrinter({ HOST: '10.9.8.7', PORT: '8123' });
    const t1 = (await h.req('POST', '/api/tickets', { serviceId: svc.id })).json;
    expect((await fake.waitForTickets(1))[0].qr).toEqual([`http://10.9.8.7:8123/kiosk/?ticket=${t1.id}`]);
    const bad = await h.req('PUT', '/api/admin/settings', { publicUrl: 'talon.local' }, h.admin);
    expect(bad).toMatchObject({ status: 400, json: { path: '/publicUrl' } });
    expect((await h.req('PUT', '/api/admin/settings', { publicUrl: 'https://user:pw@queue.example/' }, h.admin)).status).toBe(400);
    expect((await h.req('PUT', '/api/admin/settings', { publicUrl: 'https://queue.vodokanal.example/' }, h.admin)).json.publicUrl).toBe('https://queue.vodokanal.example');
    const t2 = (await h.req('POST', '/api/tickets', { serviceId: svc.id })).json;
    expect((await fake.waitForTickets(2))[1].qr).toEqual([`https://queue.vodokanal.example/kiosk/?ticket=${t2.id}`]);
    expect(t2.statusUrl).toMatch(/^\/kiosk\//); // the kiosk's own answer stays relative
  });
});

describe('ticket preview', () => {
  it('is the ticket the printer prints, line for line, with what its code page lacks replaced', async () => {
    const { h, fake, svc } = await hallWithPrinter();
    await h.req('PUT', '/api/admin/settings', { publicUrl: 'http://10.0.0.5:8080' }, h.admin);
    await h.req('PATCH', `/api/admin/services/${svc.id}`, { ticketFooter: 'Возьмите паспорт — и «квитанцию»' }, h.admin);
    const t = (await h.req('POST', '/api/tickets', { serviceId: svc.id })).json;
    const [printed] = await fake.waitForTickets(1);
    const p = await h.req('POST', '/api/admin/ticket-preview', { serviceId: svc.id }, h.admin);
    expect(p.status).toBe(200);
    const text = p.json.blocks.filter((b: any) => b.kind === 'text');
    // The sample ticket differs in its number, time and queue figures only.
    const differs = (s: string) => s === t.number || /^\d\d\.\d\d\.\d{4}/.test(s) || /ahead|wait/.test(s);
    expect(text.map((b: any) => b.text).filter((s: string) => !differs(s))).toEqual(printed.lines.map((l) => l.text).filter((s) => !differs(s)));
    expect(text.find((b: any) => b.text.startsWith('Возьмите'))!.text).toBe('Возьмите паспорт - и "квитанцию"');
    expect(text.find((b: any) => b.text === `${svc.prefix}001`)).toMatchObject({ width: 4, height: 4, bold: true, align: 1 });
    const qrAt = p.json.blocks.findIndex((b: any) => b.kind === 'qr');
    expect(p.json.blocks[qrAt]).toEqual({ kind: 'qr', data: 'http://10.0.0.5:8080/kiosk/?ticket=0' });
    expect(p.json.blocks[qrAt + 1].text).toBe('Статус талона / ticket status');
    expect(p.json).toMatchObject({ width: 32, encoder: { codepage: 17, encoding: 'cp866', qr: 'native' } });
  });

  it('follows the printer\'s settings and a service form\'s unsaved text', async () => {
    const h = await testHall();
    const dev = (await h.req('POST', '/api/admin/devices', { kind: 'printer', name: 'Киоск', config: { qr: 'raster', width: 48 } }, h.admin)).json;
    const p = await h.req('POST', '/api/admin/ticket-preview', { deviceId: dev.id, service: { name: 'Новая услуга', prefix: 'Ж', ticketFooter: 'Черновик подвала' } }, h.admin);
    expect(p.json.width).toBe(48);
    expect(p.json.blocks.map((b: any) => b.text)).toEqual(expect.arrayContaining(['Ж001', 'Новая услуга', 'Черновик подвала', '-'.repeat(48)]));
    const raster = p.json.blocks.find((b: any) => b.kind === 'raster');
    expect(raster.height).toBeGreaterThan(100);
    expect(Buffer.from(raster.data, 'base64')).toHaveLength(raster.widthBytes * raster.height);
    expect((await h.req('POST', '/api/admin/ticket-preview', { deviceId: 999 }, h.admin)).status).toBe(404);
    expect((await h.req('POST', '/api/admin/ticket-preview', { serviceId: 999 }, h.admin)).status).toBe(404);
  });
});

describe('device agents', () => {
  it('report their version, machine and devices; the last time seen is kept', async () => {
    const h = await testHall();
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const dev = (await h.req('POST', '/api/admin/devices', { kind: 'buttons', name: 'Окно агента' }, h.admin)).json;
    expect(dev).toMatchObject({ lastSeenAt: null, agentInfo: null });
    const token = (await h.req('POST', `/api/admin/devices/${dev.id}/token`, undefined, h.admin)).json.token;
    const agent = new AgentClient({ server: base, token, log: recordLog(), buttons: 'serial:/dev/null-keypad', version: '9.9.9', minBackoffMs: 50 });
    agent.start();
    const row = async () => ((await h.req('GET', '/api/admin/devices', undefined, h.admin)).json as any[]).find((d) => d.id === dev.id);
    await until(async () => (await row()).agentInfo !== null, 5000, 'agent info');
    expect(await row()).toMatchObject({ connected: true, agentInfo: { version: '9.9.9', buttons: 'serial:/dev/null-keypad', printer: null }, lastSeenAt: new Date(h.clock.now).toISOString() });
    expect(typeof (await row()).agentInfo.host).toBe('string');
    h.clock.advance(60_000);
    await agent.stop();
    await until(async () => !(await row()).connected, 5000, 'agent gone');
    expect(await row()).toMatchObject({ lastSeenAt: new Date(h.clock.now).toISOString(), agentInfo: { version: '9.9.9' } });
  });
});
