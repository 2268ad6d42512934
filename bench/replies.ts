// `npx tsx bench/replies.ts`: what the reply schemas and the request histogram cost per reply.
// Serialising with the schema (fast-json-stringify, as Fastify does) against JSON.stringify, and
// one observation of talon_http_request_duration_seconds (prom-client, three labels).
import fjs from 'fast-json-stringify';
import { Histogram, Registry } from 'prom-client';
import { Type } from 'typebox';
import { IssuedTicket, Service } from '../server/replies/public';

const N = 200_000;
function median(fn: () => void): string {
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) fn();
    runs.push(((performance.now() - t0) / N) * 1e6);
  }
  runs.sort((a, b) => a - b);
  return `median ${runs[2].toFixed(0)} ns (5 runs of ${N.toLocaleString('en')}: ${runs.map((x) => x.toFixed(0)).join(', ')})`;
}

const ticket = {
  id: 1234, number: 'П015', serviceId: 1, status: 'waiting', privileged: false, ahead: 4, etaMinutes: 12, counter: null,
  issuedAt: '2026-03-10T07:00:00.000Z', calledAt: null, service: { id: 1, name: 'Оплата и задолженность', nameEn: 'Payments and debts' },
  statusUrl: '/kiosk/?ticket=1234', printed: true,
};
const services = Array.from({ length: 6 }, (_, i) => ({
  id: i, name: 'Оплата и задолженность', nameEn: 'Payments and debts', prefix: 'П', group: 'Физическим лицам', groupEn: 'Individuals',
  waiting: 7, etaMinutes: 12, available: true, closedReason: null, openFrom: null, openTo: null,
}));
for (const [label, schema, value] of [['POST /api/tickets answer', IssuedTicket, ticket], ['GET /api/services, 6 services', Type.Array(Service), services]] as const) {
  const withSchema = fjs(schema as object);
  console.log(`${label}: JSON.stringify ${median(() => JSON.stringify(value))}`);
  console.log(`${label}: with the reply schema ${median(() => withSchema(value as never))}`);
}
const h = new Histogram({ name: 'x_seconds', help: 'x', labelNames: ['method', 'route', 'status_code'], registers: [new Registry()] });
console.log(`one request observation: ${median(() => h.observe({ method: 'POST', route: '/api/tickets', status_code: '201' }, 0.0012))}`);
