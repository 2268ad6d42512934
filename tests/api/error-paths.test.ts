// What the HTTP parser, the router and the websocket handshake refuse is answered in the
// contract's shape {error, message}, over a real socket: oversized headers, a too long path
// parameter, malformed HTTP, a plain GET of a websocket address, a bad handshake, a page of
// another site; a client's bad frames are logged quietly.
import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { QuietLog } from '../../server/quiet-log';
import { testHall } from '../helpers/app';

/** Sends raw bytes, returns the status line's code and the parsed JSON body (or the raw text). */
function raw(port: number, request: string): Promise<{ status: number; type: string; body: any }> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(request));
    let out = '';
    s.on('data', (d) => { out += d; if (out.includes('\r\n\r\n') && /content-length: (\d+)/i.test(out)) maybeDone(); });
    const maybeDone = () => {
      const [head, body] = [out.slice(0, out.indexOf('\r\n\r\n')), out.slice(out.indexOf('\r\n\r\n') + 4)];
      if (Buffer.byteLength(body) < Number(/content-length: (\d+)/i.exec(head)![1])) return;
      s.destroy();
      let json: any = body;
      try { json = JSON.parse(body); } catch { /* left as text: the assertion shows it */ }
      resolve({ status: Number(head.split(' ')[1]), type: /content-type: ([^\r]+)/i.exec(head)?.[1] ?? '', body: json });
    };
    s.on('error', reject);
    s.on('close', () => reject(new Error(`closed without a complete answer: ${JSON.stringify(out.slice(0, 300))}`)));
  });
}

const upgrade = (path: string, headers: Record<string, string> = {}) => {
  const h = { Host: '127.0.0.1', Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers };
  return `GET ${path} HTTP/1.1\r\n${Object.entries(h).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
};

const contractShape = (r: { status: number; type: string; body: any }, status: number, error: string) => {
  expect(r.status).toBe(status);
  expect(r.type).toMatch(/^application\/json/);
  expect(r.body).toEqual({ error, message: expect.any(String) });
};

async function listening(logger?: pino.Logger) {
  const h = await testHall({}, undefined, logger);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  return { h, port: (h.app.server.address() as net.AddressInfo).port };
}

describe('errors outside the routes', () => {
  it('431, 414, malformed HTTP and bad addresses answer {error, message}, and the server keeps serving', async () => {
    const { port } = await listening();
    contractShape(await raw(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 431, 'headers_too_large');
    contractShape(await raw(port, `GET /api/health?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 431, 'headers_too_large');
    contractShape(await raw(port, `GET /api/tickets/${'1'.repeat(200)} HTTP/1.1\r\nHost: x\r\n\r\n`), 414, 'uri_too_long');
    contractShape(await raw(port, 'GARBAGE\r\n\r\n'), 400, 'bad_request');
    contractShape(await raw(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n'), 400, 'bad_request');
    contractShape(await raw(port, 'GET /api/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n'), 400, 'bad_url');
    expect((await raw(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n')).body).toEqual({ status: 'ok' });
  });

  it('a plain GET of a websocket address is 426; a bad handshake is 400 bad_handshake, in JSON', async () => {
    const { h, port } = await listening();
    contractShape(await raw(port, 'GET /api/ws HTTP/1.1\r\nHost: x\r\n\r\n'), 426, 'upgrade_required');
    const dev = (await h.req('POST', '/api/admin/devices', { kind: 'buttons', name: 'Окно 1' }, h.admin)).json;
    const token = (await h.req('POST', `/api/admin/devices/${dev.id}/token`, undefined, h.admin)).json.token;
    contractShape(await raw(port, `GET /api/agent HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`), 426, 'upgrade_required');
    contractShape(await raw(port, upgrade('/api/ws', { 'Sec-WebSocket-Key': 'bad' })), 400, 'bad_handshake');
    contractShape(await raw(port, upgrade('/api/ws', { 'Sec-WebSocket-Key': '' })), 400, 'bad_handshake');
    contractShape(await raw(port, upgrade('/api/ws', { 'Sec-WebSocket-Version': '99' })), 400, 'bad_handshake');
    contractShape(await raw(port, upgrade('/api/ws', { Upgrade: 'h2c' })), 400, 'bad_handshake');
    contractShape(await raw(port, upgrade('/api/agent', { 'Sec-WebSocket-Key': 'bad', Authorization: 'Bearer x' })), 400, 'bad_handshake');
  });

  it('refuses websocket upgrades from pages of another origin; the hall\'s own pages and agents (no Origin) connect', async () => {
    const { h, port } = await listening();
    contractShape(await raw(port, upgrade('/api/ws', { Origin: 'http://evil.example' })), 403, 'forbidden_origin');
    contractShape(await raw(port, upgrade('/api/ws', { Origin: 'null' })), 403, 'forbidden_origin');
    contractShape(await raw(port, upgrade('/api/ws', { Origin: `http://127.0.0.1:${port + 1}` })), 403, 'forbidden_origin');
    const open = (headers: Record<string, string>) => new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/ws`, { headers });
      ws.once('message', (d) => { ws.terminate(); resolve(JSON.parse(d.toString()).type); });
      ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
    });
    expect(await open({ Origin: `http://127.0.0.1:${port}` })).toBe('snapshot');
    expect(await open({})).toBe('snapshot');
    // A hall behind a name (the publicUrl setting) is its own origin too.
    h.app.ctx.settings.update({ publicUrl: 'http://talon.hall.local' });
    expect(await open({ Origin: 'http://talon.hall.local' })).toBe('snapshot');
  });

  it('bad websocket frames from 300 clients: ten warn lines without a stack, none at error', async () => {
    const lines: any[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l)); done(); } });
    const { port } = await listening(pino({ level: 'info' }, sink));
    lines.length = 0;
    await Promise.all(Array.from({ length: 300 }, () => new Promise<void>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.write(upgrade('/api/ws')));
      // An unmasked client frame: a protocol error.
      s.once('data', () => s.write(Buffer.from([0x81, 0x02, 0x68, 0x69])));
      s.on('close', () => resolve());
      s.on('error', () => {});
    })));
    const frames = lines.filter((l) => l.msg === 'bad websocket frame: connection closed');
    expect(frames).toHaveLength(10);
    for (const l of frames) {
      expect(l.level).toBe(40);
      expect(JSON.stringify(l)).not.toMatch(/stack|    at /);
    }
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('bodies', () => {
  it('a JSON body in another charset is 415; UTF-8 declared or not is read', async () => {
    const h = await testHall();
    const svc = (await h.req('GET', '/api/services')).json[0].id;
    const post = (type: string, payload: Buffer) => h.app.inject({ method: 'POST', url: '/api/tickets', headers: { 'content-type': type }, payload });
    const utf16 = await post('application/json; charset=utf-16', Buffer.from(JSON.stringify({ serviceId: svc }), 'utf16le'));
    expect(utf16.statusCode).toBe(415);
    expect(utf16.json()).toEqual({ error: 'unsupported_media_type', message: expect.stringContaining('utf-16') });
    expect((await post('application/json; charset="UTF-16LE"', Buffer.from('{}', 'utf16le'))).statusCode).toBe(415);
    expect((await post('application/json; charset=utf-8', Buffer.from(JSON.stringify({ serviceId: svc })))).statusCode).toBe(201);
    expect((await post('application/json;charset=UTF-8', Buffer.from(JSON.stringify({ serviceId: svc })))).statusCode).toBe(201);
    expect((await post('application/json', Buffer.from(JSON.stringify({ serviceId: svc })))).statusCode).toBe(201);
  });

  it('refuses NUL, control and bidirectional-override characters in names and texts; keeps line breaks', async () => {
    const h = await testHall();
    const refused = async (url: string, body: object, method = 'POST') => {
      const r = await h.req(method, url, body, h.admin);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ error: 'validation', message: expect.stringMatching(/control or bidirectional-override/) });
    };
    await refused('/api/admin/services', { name: 'Оплата\u202Eьтсолп', prefix: 'Э' });
    await refused('/api/admin/services', { name: 'Оплата\u0000', prefix: 'Э' });
    await refused('/api/admin/services', { name: 'Оплата', prefix: 'Э', ticketFooter: 'Возьмите\u001b@паспорт' });
    await refused('/api/admin/users', { login: 'ivanova', name: 'Иванова\u2066', password: 'operator-Pa55', role: 'operator' });
    await refused('/api/admin/notices', { text: 'Отключение\u202A воды' });
    await refused('/api/admin/settings', { hallName: '\u202EЛАЗ' }, 'PUT');
    await refused('/api/admin/counters', { name: 'Окно\u0007', services: [] });
    expect((await h.req('GET', '/api/services')).json.map((s: any) => s.name)).not.toContain('Оплата');
    const ok = await h.req('POST', '/api/admin/services', { name: 'Оплата', prefix: 'Э', ticketFooter: 'Возьмите паспорт\nи квитанцию\tза месяц' }, h.admin);
    expect(ok.status).toBe(201);
  });
});

describe('the quiet log', () => {
  it('logs ten lines of a kind a minute, then one line with the count of the rest', async () => {
    vi.useFakeTimers();
    try {
      const lines: [object, string][] = [];
      const quiet = new QuietLog({ warn: (o: object, m: string) => { lines.push([o, m]); } } as any);
      for (let i = 0; i < 25; i++) quiet.warn('bad websocket frame', { i });
      quiet.warn('malformed HTTP request', { i: 0 });
      expect(lines.map(([, m]) => m)).toEqual([...Array(10).fill('bad websocket frame'), 'malformed HTTP request']);
      vi.advanceTimersByTime(60_000);
      expect(lines.at(-1)).toEqual([{ held: 15 }, 'bad websocket frame: 15 more in the last minute, not logged one by one']);
      quiet.warn('bad websocket frame', { i: 26 });
      expect(lines.at(-1)).toEqual([{ i: 26 }, 'bad websocket frame']); // a new minute
    } finally {
      vi.useRealTimers();
    }
  });
});
