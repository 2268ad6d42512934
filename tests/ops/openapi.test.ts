// The OpenAPI document: valid OpenAPI 3, naming every route Fastify has; the reply schemas of the
// public, auth and counter routes keep every field the handlers return.
import { Validator } from '@seriousme/openapi-schema-validator';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testHall } from '../helpers/app';

/** Fastify's own route list, from printRoutes' tree: "METHOD /path" for every route. */
function fastifyRoutes(tree: string): Set<string> {
  const out = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)(?:[└├]── )?(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m || !m[2]) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    if (m[3]) for (const method of m[3].split(', ')) out.add(`${method} ${stack.join('').replace(/\/+/g, '/')}`);
  }
  return out;
}

/** "/api/tickets/{id}" → "/api/tickets/:id", "/kiosk/{*}" → "/kiosk/*". */
const fastifyPath = (p: string) => p.replace(/\{\*\}/g, '*').replace(/\{(\w+)\}/g, ':$1');

describe('OpenAPI document', () => {
  it('validates as OpenAPI 3 and names every route the server has', async () => {
    const h = await testHall();
    const res = await h.req('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(res.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');

    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(res.json.paths as Record<string, object>)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${fastifyPath(path)}`);
    }
    // HEAD routes are Fastify's automatic twins of GET; /api/docs/* is the documentation page
    // itself. The tree prints a wildcard under "kiosk" as "*": hasRoute says where its slash is.
    const routes = new Set([...fastifyRoutes(h.app.printRoutes({ commonPrefix: false }))]
      .filter((r) => !r.startsWith('HEAD ') && !r.includes(' /api/docs'))
      .map((r) => {
        const [method, url] = r.split(' ');
        return h.app.hasRoute({ method: method as 'GET', url }) || !url.endsWith('*') ? r : `${method} ${url.slice(0, -1)}/*`;
      }));
    for (const r of routes) expect(h.app.hasRoute({ method: r.split(' ')[0] as 'GET', url: r.split(' ')[1] }), r).toBe(true);
    const expected = [...routes];
    expect(expected.length).toBeGreaterThan(50);
    expect(expected).toContain('GET /api/ws');
    expect(expected).toContain('POST /api/counters/:id/next');
    expect(expected.filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !routes.has(r) && !h.app.hasRoute({ method: r.split(' ')[0] as 'GET', url: r.split(' ')[1] }))).toEqual([]);

    // The answers are described, errors included; staff routes say they need a bearer token.
    const issue = res.json.paths['/api/tickets'].post;
    expect(Object.keys(issue.responses)).toEqual(expect.arrayContaining(['201', '404', '409', '429']));
    expect(issue.responses['201'].content['application/json'].schema.required).toEqual(expect.arrayContaining(['id', 'number', 'serviceId', 'status', 'ahead', 'etaMinutes', 'issuedAt']));
    expect(res.json.paths['/api/counters/{id}/next'].post.security).toEqual([{ bearer: [] }]);
    expect(res.json.paths['/api/services'].get.security).toBeUndefined();
  });

  it('serves the documentation page from the package, offline', async () => {
    const h = await testHall();
    const page = await h.app.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/https?:\/\//);
    const bundle = await h.app.inject('/api/docs/static/swagger-ui-bundle.js');
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(500_000);
    const init = await h.app.inject('/api/docs/static/swagger-initializer.js');
    expect(init.body).toContain('"validatorUrl":null');
  });
});

describe('reply schemas', () => {
  it('keep every field the public, auth and counter handlers return', async () => {
    const compared: string[] = [];
    const mismatches: unknown[] = [];
    // Each JSON reply is compared with the handler's own object before serialisation.
    const payloads = new WeakMap<object, unknown>();
    const h = await testHall({}, undefined, { beforeReady(app) {
      app.addHook('preSerialization', async (req, _reply, payload) => { payloads.set(req, JSON.parse(JSON.stringify(payload))); return payload; });
      app.addHook('onSend', async (req, reply, body) => {
        const before = payloads.get(req);
        if (before === undefined || !String(reply.getHeader('content-type')).startsWith('application/json')) return body;
        compared.push(`${req.method} ${req.routeOptions.url} ${reply.statusCode}`);
        const after = JSON.parse(String(body));
        if (!isDeepStrictEqual(after, before)) mismatches.push({ route: compared.at(-1), before, after });
        return body;
      });
    } });

    const svc = await h.service('А', { nameEn: 'Payments', openFrom: '00:00', openTo: '23:59' });
    const other = await h.service('Б');
    const c = await h.counter([{ serviceId: svc, priority: 1 }, { serviceId: other, priority: 2 }], 'Окно 1');
    await h.req('POST', '/api/admin/notices', { text: 'Отключение воды', textEn: 'Water outage' }, h.admin);
    const op = await h.operator();
    for (const [m, url] of [['GET', '/api/health'], ['GET', '/api/services'], ['GET', '/api/settings/public'], ['GET', '/api/notices'], ['GET', '/api/auth/me'], ['GET', '/api/staff/settings']]) {
      await h.req(m, url, undefined, op);
    }
    const t1 = (await h.req('POST', '/api/tickets', { serviceId: svc })).json;
    await h.req('POST', '/api/tickets', { serviceId: svc, privileged: true }); // 409: not enabled
    await h.req('POST', '/api/tickets', { serviceId: other });
    await h.req('GET', `/api/tickets/${t1.id}`);
    await h.req('GET', '/api/tickets/999999');
    await h.req('POST', `/api/counters/${c}/open`, {}, op);
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    await h.req('GET', `/api/counters/${c}`, undefined, op);
    await h.req('GET', '/api/display');
    await h.req('GET', `/api/tickets/${t1.id}`);
    for (const action of ['recall', 'start']) await h.req('POST', `/api/counters/${c}/${action}`, {}, op);
    await h.req('POST', `/api/counters/${c}/next`, { finishCurrent: true, outcome: 'resolved' }, op);
    await h.req('POST', `/api/counters/${c}/postpone`, { minutes: 1 }, op);
    await h.req('GET', `/api/counters/${c}`, undefined, op);
    await h.req('POST', `/api/counters/${c}/break`, { reason: 'lunch' }, op);
    await h.req('GET', '/api/counters', undefined, op);
    await h.req('POST', `/api/counters/${c}/resume`, {}, op);
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    await h.req('POST', `/api/counters/${c}/no-show`, {}, op);
    await h.req('POST', `/api/counters/${c}/close`, {}, op);
    await h.req('POST', '/api/auth/logout', {}, op);

    expect(mismatches).toEqual([]);
    // Not vacuous: the comparison saw the routes with reply schemas, errors included.
    for (const r of ['GET /api/services 200', 'POST /api/tickets 201', 'POST /api/tickets 409', 'GET /api/tickets/:id 200', 'GET /api/tickets/:id 404',
      'GET /api/counters/:id 200', 'POST /api/counters/:id/next 200', 'POST /api/counters/:id/postpone 200', 'GET /api/display 200', 'POST /api/auth/login 200',
      'POST /api/counters/:id/break 200', 'GET /api/counters 200', 'POST /api/auth/logout 200']) expect(compared).toContain(r);
  });
});
