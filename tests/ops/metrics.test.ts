// GET /metrics, read by a Prometheus text-format parser: the tickets a test issued, queues,
// waits, devices, backups, request latency by route pattern; never a ticket id as a label.
import parse, { type Family } from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { testHall, type TestHall } from '../helpers/app';

let lastText = '';
async function scrape(h: TestHall, token?: string): Promise<Family[]> {
  const r = await h.app.inject({ url: '/metrics', headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  lastText = r.body;
  return parse(r.body);
}
/** The parser merges a histogram's label sets into one (and drops their _sum and _count), so
 * labelled histogram series are read from the text line itself. */
const line = (name: string, labels: string) => {
  const m = new RegExp(`^${name}\\{${labels.replace(/[/.*+?^${}()|[\]\\]/g, '\\$&')}\\} (\\S+)$`, 'm').exec(lastText);
  return m ? Number(m[1]) : undefined;
};
const family = (all: Family[], name: string) => {
  const f = all.find((x) => x.name === name);
  if (!f) throw new Error(`no ${name} in ${all.map((x) => x.name).join(', ')}`);
  return f;
};
const value = (all: Family[], name: string, labels: Record<string, string> = {}) =>
  Number(family(all, name).metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value);

describe('/metrics', () => {
  it('counts the tickets a test issues, serves and calls, per service', async () => {
    const h = await testHall();
    const a = await h.service('А'), b = await h.service('Б');
    const c = await h.counter([{ serviceId: a, priority: 1 }]);
    const op = await h.operator();
    await h.req('POST', `/api/counters/${c}/open`, {}, op);
    const before = await scrape(h);
    expect(value(before, 'talon_tickets_issued_total', { service: String(a) })).toBe(0);
    for (const s of [a, a, a, b]) expect((await h.req('POST', '/api/tickets', { serviceId: s })).status).toBe(201);
    h.clock.advance(90_000);
    await h.req('POST', `/api/counters/${c}/next`, {}, op); // А001 waited 90 s
    h.clock.advance(30_000);
    await h.req('POST', `/api/counters/${c}/recall`, {}, op); // a recall is not a second wait
    await h.req('POST', `/api/counters/${c}/next`, { finishCurrent: true }, op); // А002 waited 120 s
    await h.req('POST', `/api/counters/${c}/no-show`, {}, op);
    h.clock.advance(60_000);

    const m = await scrape(h);
    const svc = (id: number) => ({ service: String(id) });
    expect(value(m, 'talon_tickets_issued_total', svc(a))).toBe(3);
    expect(value(m, 'talon_tickets_issued_total', svc(b))).toBe(1);
    expect(value(m, 'talon_tickets_served_total', svc(a))).toBe(1);
    expect(value(m, 'talon_tickets_no_show_total', svc(a))).toBe(1);
    expect(value(m, 'talon_queue_length', svc(a))).toBe(1);
    expect(value(m, 'talon_queue_length', svc(b))).toBe(1);
    expect(value(m, 'talon_longest_wait_seconds', svc(b))).toBe(180);
    expect(value(m, 'talon_service_info', { service: String(a), name: 'Service А', prefix: 'А' })).toBe(1);
    const wait = family(m, 'talon_wait_seconds');
    expect(wait.type).toBe('HISTOGRAM');
    expect(wait.metrics[0].buckets).toMatchObject({ 60: '0', 120: '2', 900: '2', '+Inf': '2' }); // only А has waits
    expect(line('talon_wait_seconds_count', `service="${a}"`)).toBe(2);
    expect(line('talon_wait_seconds_sum', `service="${a}"`)).toBe(210);
    expect(line('talon_wait_seconds_bucket', `le="60",service="${a}"`)).toBe(0);
    expect(line('talon_wait_seconds_bucket', `le="120",service="${a}"`)).toBe(2);

    // Latency by route pattern; the labels never hold a ticket id.
    await h.req('GET', '/api/tickets/2');
    await h.req('GET', '/api/no-such-thing');
    const after = await scrape(h);
    const latency = family(after, 'talon_http_request_duration_seconds');
    expect(latency.type).toBe('HISTOGRAM');
    expect(line('talon_http_request_duration_seconds_count', 'method="POST",route="/api/tickets",status_code="201"')).toBe(4);
    expect(line('talon_http_request_duration_seconds_count', 'method="GET",route="/api/tickets/:id",status_code="200"')).toBe(1);
    expect(line('talon_http_request_duration_seconds_count', 'method="GET",route="unmatched",status_code="404"')).toBe(1);
    // No label anywhere names a ticket or holds a path with an id in it.
    const labels = [...lastText.matchAll(/^\w+\{([^}]*)\}/gm)].flatMap((m) => [...m[1].matchAll(/(\w+)="([^"]*)"/g)]);
    expect(labels.length).toBeGreaterThan(50);
    for (const [, k, v] of labels) {
      expect(k).not.toMatch(/ticket/i);
      if (k === 'route') expect(v).not.toMatch(/\/\d/);
    }
    expect(family(after, 'talon_build_info').metrics[0].labels).toMatchObject({ version: h.app.ctx.version });
    // Node's own process metrics come with it.
    expect(value(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('shows devices, the last backup and the files', async () => {
    const h = await testHall();
    await h.req('POST', '/api/admin/devices', { kind: 'printer', name: 'Киоск', config: {} }, h.admin);
    let m = await scrape(h);
    expect(value(m, 'talon_last_backup_timestamp_seconds')).toBe(0);
    const dev = family(m, 'talon_device_status').metrics[0].labels!;
    expect(dev).toMatchObject({ kind: 'printer', name: 'Киоск', status: 'offline' });
    expect(value(m, 'talon_device_up', { name: 'Киоск' })).toBe(0);
    await h.req('POST', '/api/admin/backup', undefined, h.admin);
    m = await scrape(h);
    expect(value(m, 'talon_last_backup_timestamp_seconds')).toBe(Math.floor(h.clock.now / 1000));
    expect(value(m, 'talon_backup_stale')).toBe(0);
    expect(value(m, 'talon_database_bytes')).toBeGreaterThan(0);
    expect(value(m, 'talon_disk_free_bytes')).toBeGreaterThan(0);
    expect(value(m, 'talon_websocket_clients')).toBe(0);
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    const h = await testHall({ METRICS_TOKEN: 'scrape-s3cret' });
    for (const token of [undefined, 'wrong', h.admin]) {
      const r = await h.app.inject({ url: '/metrics', headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ error: 'unauthorized', message: expect.stringContaining('METRICS_TOKEN') });
    }
    expect(value(await scrape(h, 'scrape-s3cret'), 'talon_websocket_clients')).toBe(0);
  });
});
