// The OpenAPI document: valid OpenAPI 3, naming every route Fastify has, describing every route's
// answer (a JSON schema, or the media type of a file or stream), its reply schemas following the
// conventions of server/replies/common.ts. That the schemas strip nothing: replies.test.ts.
import swagger from '@fastify/swagger';
import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { openapiOptions } from '../../server/ops/openapi';
import { Int, Obj, errors } from '../../server/replies/common';
import { testHall } from '../helpers/app';

type Media = { schema?: Record<string, unknown> };
type Doc = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, Media> }> }>> };

/** "METHOD path" of every operation whose answer the document does not describe: no 2xx reply
 * with a JSON schema or a media type of its own (a file, a stream), no 101 (a websocket) and no
 * 3xx (a redirect). */
function undescribed(doc: Doc): string[] {
  const out: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const described = Object.entries(op.responses ?? {}).some(([code, r]) => code === '101' || /^3/.test(code)
        || (/^2/.test(code) && Object.entries(r.content ?? {}).some(([type, m]) => type !== 'application/json' || m.schema?.type !== undefined)));
      if (!described) out.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return out;
}

/** Where a JSON reply schema breaks the conventions: an object that would drop fields it does not
 * list, a const (printed whatever the value), a union where a type list would do. */
function conventionBreaks(schema: unknown, at: string, out: string[] = []): string[] {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as Record<string, any>;
  const types = [s.type].flat();
  // Open: any field kept, or (a map) every field kept with a schema for its values.
  if (types.includes('object') && !s.additionalProperties && !s.patternProperties) out.push(`${at}: closed object`);
  if ('const' in s) out.push(`${at}: const`);
  for (const k of ['anyOf', 'oneOf', 'allOf']) if (k in s) out.push(`${at}: ${k}`);
  for (const [k, v] of Object.entries<unknown>(s.properties ?? {})) conventionBreaks(v, `${at}/${k}`, out);
  for (const v of [...Object.values<unknown>(s.patternProperties ?? {}), s.additionalProperties]) conventionBreaks(v, `${at}/*`, out);
  if (s.items) conventionBreaks(s.items, `${at}[]`, out);
  return out;
}

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

  it('describes the answer of every route: a JSON schema following the conventions, or a media type', async () => {
    const h = await testHall();
    const doc = (await h.req('GET', '/api/openapi.json')).json as Doc;
    expect(undescribed(doc)).toEqual([]);
    const breaks: string[] = [];
    let schemas = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [code, r] of Object.entries(op.responses ?? {})) {
          const json = r.content?.['application/json']?.schema;
          if (json) { schemas++; conventionBreaks(json, `${method.toUpperCase()} ${path} ${code}`, breaks); }
        }
      }
    }
    expect(breaks).toEqual([]);
    expect(schemas).toBeGreaterThan(300); // answers and refusals
    // The files say what they are.
    expect(Object.keys(doc.paths['/api/stats/report.xlsx'].get.responses!['200'].content!)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(Object.keys(doc.paths['/api/admin/backups/{name}'].get.responses!['200'].content!)).toEqual(['application/vnd.sqlite3']);
    expect(Object.keys(doc.paths['/api/ws'].get.responses!)).toEqual(['101', '426']);
  });

  it('finds a route that does not describe its answer, and a schema that breaks the conventions', async () => {
    const app = Fastify();
    await app.register(swagger, openapiOptions(app, 'test'));
    app.get('/api/described', { schema: { response: { 200: Obj({ a: Int }) } } }, async () => ({ a: 1 }));
    app.get('/api/undescribed', async () => ({ a: 1 }));
    app.get('/api/only-errors', { schema: { response: errors(404) } }, async () => ({ a: 1 }));
    app.get('/api/closed', { schema: { response: { 200: { type: 'object', properties: { a: { type: 'integer' }, b: { anyOf: [{ type: 'string' }, { type: 'null' }] } } } } } }, async () => ({ a: 1 }));
    await app.ready();
    const doc = app.swagger() as unknown as Doc;
    expect(undescribed(doc).sort()).toEqual(['GET /api/only-errors', 'GET /api/undescribed']);
    expect(conventionBreaks(doc.paths['/api/closed'].get.responses!['200'].content!['application/json'].schema, 'x')).toEqual(['x: closed object', 'x/b: anyOf']);
    expect(conventionBreaks(doc.paths['/api/described'].get.responses!['200'].content!['application/json'].schema, 'x')).toEqual([]);
    await app.close();
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
