// Twelve counters press "next" at the same moment, 500 times over, against the real server over
// real HTTP: no ticket is given twice and none is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../helpers/server-process';

const COUNTERS = 12, ROUNDS = 500;
let s: ServerProcess;
beforeAll(async () => { s = await startServer(); });
afterAll(async () => { await s?.stop(); });

describe('concurrent next', () => {
  it(`${COUNTERS} counters × ${ROUNDS} rounds never share a ticket and skip none`, async () => {
    const admin = await s.login();
    const svc = (await s.call('POST', '/api/admin/services', { name: 'Нагрузка', prefix: 'Z' }, admin)).json.id;
    const ops: { counter: number; token: string }[] = [];
    for (let i = 0; i < COUNTERS; i++) {
      const counter = (await s.call('POST', '/api/admin/counters', { name: `Load ${i + 1}`, services: [{ serviceId: svc, priority: 1 }] }, admin)).json.id;
      await s.call('POST', '/api/admin/users', { login: `load${i}`, name: `Load ${i}`, password: 'load-user-Pa55', role: 'operator' }, admin);
      const token = await s.login(`load${i}`, 'load-user-Pa55');
      expect((await s.call('POST', `/api/counters/${counter}/open`, {}, token)).status).toBe(200);
      ops.push({ counter, token });
    }
    const issued: number[] = [];
    for (let i = 0; i < COUNTERS * ROUNDS; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => s.call('POST', '/api/tickets', { serviceId: svc }, admin)));
      for (const r of batch) { expect(r.status).toBe(201); issued.push(r.json.id); }
    }
    issued.sort((a, b) => a - b);

    const seen = new Set<number>();
    for (let round = 1; round <= ROUNDS; round++) {
      const answers = await Promise.all(ops.map((o) => s.call('POST', `/api/counters/${o.counter}/next`, { finishCurrent: true }, o.token)));
      for (const a of answers) {
        expect(a.status).toBe(200);
        expect(seen.has(a.json.ticket.id)).toBe(false);
        seen.add(a.json.ticket.id);
      }
      // Longest wait first: after r rounds exactly the first 12·r tickets have been called.
      if (round % 50 === 0 || round === ROUNDS) expect([...seen].sort((a, b) => a - b)).toEqual(issued.slice(0, COUNTERS * round));
    }
    expect(seen.size).toBe(COUNTERS * ROUNDS);
    const services = (await s.call('GET', '/api/services')).json;
    expect(services.find((x: any) => x.id === svc).waiting).toBe(0);
  }, 300_000);
});
