// Bad input to the statistics routes: clear 4xx with {error, message}, never a 5xx; the
// longest allowed range answers; operators and anonymous callers are refused.
import { describe, expect, it } from 'vitest';
import { testHall } from '../helpers/app';

const day = 'from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z';

describe('statistics refuse bad input', () => {
  it('answers bad ranges, groupings, ids and parameters with 4xx and a stable code', async () => {
    const h = await testHall();
    const svc = await h.service('А');
    await h.req('POST', '/api/tickets', { serviceId: svc });
    const cases: [string, number, string][] = [
      ['/api/stats/report?from=2026-03-11T00:00:00Z&to=2026-03-10T00:00:00Z', 400, 'validation'], // reversed
      ['/api/stats/report?from=2026-03-10T00:00:00Z&to=2026-03-10T00:00:00Z', 400, 'validation'], // empty
      ['/api/stats/report?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400, 'range_too_long'], // six years
      ['/api/stats/report.csv?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400, 'range_too_long'],
      ['/api/stats/tickets.csv?from=2000-01-01T00:00:00Z&to=2099-01-01T00:00:00Z', 400, 'range_too_long'],
      ['/api/stats/summary?from=2000-01-01T00:00:00Z&to=2099-01-01T00:00:00Z', 400, 'range_too_long'],
      ['/api/stats/report?from=yesterday&to=2026-03-10T00:00:00Z', 400, 'validation'],
      ['/api/stats/report?from=2026-03-10&to=2026-03-11', 400, 'validation'], // a date is not an instant
      ['/api/stats/report?to=2026-03-10T00:00:00Z', 400, 'validation'],
      [`/api/stats/report?${day}&by=month`, 400, 'validation'],
      [`/api/stats/report?${day}&by=service&by=hour`, 400, 'validation'],
      [`/api/stats/report?${day}&serviceId=999`, 404, 'not_found'],
      [`/api/stats/report?${day}&counterId=999`, 404, 'not_found'],
      [`/api/stats/report?${day}&userId=999`, 404, 'not_found'],
      [`/api/stats/report?${day}&serviceId=abc`, 400, 'validation'],
      [`/api/stats/report?${day}&serviceId=-1`, 400, 'validation'],
      [`/api/stats/report?${day}&serviceId=1e3`, 400, 'validation'],
      [`/api/stats/report?${day}&targetSec=86401`, 400, 'validation'],
      [`/api/stats/report?${day}&targetSec=-5`, 400, 'validation'],
      [`/api/stats/report?${day}&colour=red`, 400, 'validation'],
      [`/api/stats/report.xlsx?${day}&lang=de`, 400, 'validation'],
      ['/api/stats/tickets/999999/events', 404, 'not_found'],
      ['/api/stats/tickets/x/events', 400, 'validation'],
      ['/api/stats/tickets?number=' + encodeURIComponent('DROP TABLE'), 400, 'validation'],
      ['/api/stats/tickets?number=А015&day=2026-02-30', 400, 'validation'],
      ['/api/stats/tickets?number=А015&day=20260310', 400, 'validation'],
      ['/api/stats/tickets', 400, 'validation'],
    ];
    for (const [url, status, error] of cases) {
      const r = await h.req('GET', url, undefined, h.admin);
      expect([url, r.status, r.json?.error, typeof r.json?.message]).toEqual([url, status, error, 'string']);
    }
  });

  it('answers the longest range allowed, three years by day, at once', async () => {
    const h = await testHall();
    const svc = await h.service('А');
    await h.req('POST', '/api/tickets', { serviceId: svc });
    const r = await h.req('GET', '/api/stats/report?from=2023-03-15T00:00:00Z&to=2026-03-18T00:00:00Z&by=day', undefined, h.admin);
    expect(r.status).toBe(200);
    expect(r.json.rows).toEqual([expect.objectContaining({ key: '2026-03-10', issued: 1 })]);
    const far = await h.req('GET', '/api/stats/report?from=9000-01-01T00:00:00Z&to=9001-01-01T00:00:00Z&by=hour', undefined, h.admin);
    expect(far).toMatchObject({ status: 200, json: { rows: [], total: { issued: 0, avgWaitSec: null } } });
  });

  it('is for supervisors: operators get 403, anonymous callers 401', async () => {
    const h = await testHall();
    const op = await h.operator();
    await h.req('POST', '/api/admin/users', { login: 'boss', name: 'Начальник', password: 'supervisor-Pa55', role: 'supervisor' }, h.admin);
    const boss = await h.login('boss', 'supervisor-Pa55');
    const urls = [`/api/stats/report?${day}`, `/api/stats/report.csv?${day}`, `/api/stats/report.xlsx?${day}`, '/api/stats/live',
      '/api/stats/tickets?number=А1', '/api/stats/tickets/1/events', `/api/stats/summary?${day}`, `/api/stats/tickets.csv?${day}`];
    for (const url of urls) {
      expect([url, (await h.req('GET', url, undefined, op)).json.error]).toEqual([url, 'forbidden']);
      expect([url, (await h.req('GET', url)).json.error]).toEqual([url, 'unauthorized']);
      expect([url, (await h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${boss}` } })).statusCode]).toEqual([url, url.includes('/events') ? 404 : 200]);
    }
  });
});

describe('ticket search', () => {
  it('finds a ticket by its number on a day, whatever the keyboard layout or the zeros', async () => {
    const h = await testHall();
    const a = await h.service('А'), p = await h.service('P');
    const first = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    for (let i = 0; i < 14; i++) await h.req('POST', '/api/tickets', { serviceId: a });
    const a15 = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    const p1 = (await h.req('POST', '/api/tickets', { serviceId: p })).json;
    const find = async (q: string, dayParam = '') => (await h.req('GET', `/api/stats/tickets?number=${encodeURIComponent(q)}${dayParam}`, undefined, h.admin)).json;
    expect(a15.number).toBe('А016');
    expect((await find('А016')).map((t: any) => t.id)).toEqual([a15.id]);
    expect((await find('а16')).map((t: any) => t.id)).toEqual([a15.id]);
    expect((await find('A016')).map((t: any) => t.id)).toEqual([a15.id]); // Latin A
    expect((await find('001')).map((t: any) => t.id)).toEqual([first.id, p1.id]); // any prefix
    expect((await find('Р001')).map((t: any) => t.id)).toEqual([p1.id]); // Cyrillic Р for the Latin P
    expect(await find('А016', '&day=2026-03-09')).toEqual([]);
    expect((await find('А001', '&day=2026-03-10'))[0]).toEqual({
      id: first.id, number: 'А001', serviceId: a, originalServiceId: a, serviceName: 'Service А', status: 'waiting', hallDay: '2026-03-10',
      issuedAt: '2026-03-10T07:00:00.000Z', calledAt: null, finishedAt: null, waitSec: null, counter: null, user: null,
    });
  });
});
