// A ticket answered with 201 is on disk: the server is killed with SIGKILL while tickets are
// being issued; after a restart every answered ticket is there with its number, and numbering
// goes on without a repeat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../helpers/server-process';

let s: ServerProcess;
beforeAll(async () => { s = await startServer(); });
afterAll(async () => { await s?.stop(); });

describe('durability', () => {
  it('keeps every answered ticket across three SIGKILLs mid-issue', async () => {
    let admin = await s.login();
    const svc = (await s.call('POST', '/api/admin/services', { name: 'Прочность', prefix: 'Ф' }, admin)).json.id;
    const answered = new Map<number, string>();
    for (let cycle = 0; cycle < 3; cycle++) {
      let killed = false;
      const target = answered.size + 150;
      // Eight clients issue until the kill; the kill comes right after a 201 is read.
      const client = async () => {
        while (!killed) {
          try {
            const r = await s.call('POST', '/api/tickets', { serviceId: svc }, admin);
            if (r.status !== 201) throw new Error(`status ${r.status}`);
            answered.set(r.json.id, r.json.number);
            if (answered.size >= target && !killed) { killed = true; s.proc.kill('SIGKILL'); }
          } catch (e) {
            if (!killed) throw e; // requests in flight at the kill fail: they were never answered
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, client));
      await s.restart();
      admin = await s.login();
      for (const [id, number] of answered) {
        const t = await s.call('GET', `/api/tickets/${id}`, undefined, admin); // staff are not rate-limited
        expect(t.status, `ticket ${number}`).toBe(200);
        expect(t.json.number).toBe(number);
      }
    }
    const numbers = [...answered.values()];
    expect(new Set(numbers).size).toBe(numbers.length);
    const after = (await s.call('POST', '/api/tickets', { serviceId: svc }, admin)).json.number;
    expect(numbers).not.toContain(after);
    const max = Math.max(...numbers.map((n) => Number(n.slice(1))));
    expect(Number(after.slice(1))).toBeGreaterThan(max);
  }, 120_000);
});

describe('shutdown', () => {
  it('stops cleanly on SIGTERM with exit code 0, and starts again on the same data', async () => {
    const admin = await s.login();
    const svc = (await s.call('GET', '/api/services')).json[0].id;
    const t = (await s.call('POST', '/api/tickets', { serviceId: svc }, admin)).json;
    const exited = new Promise<number | null>((r) => s.proc.once('exit', (code) => r(code)));
    s.proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    await s.restart();
    expect((await s.call('GET', `/api/tickets/${t.id}`)).json.number).toBe(t.number);
  });
});
