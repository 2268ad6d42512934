// The contract's error body {error, message} for every 4xx/5xx: Fastify's own, the router's
// (a bad or too long address), and Node's HTTP parser's (malformed requests, oversized headers).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { isDiskFull, type DiskWatch } from './disk';
import type { QuietLog } from './quiet-log';

export class AppError extends Error {
  /** `path`: the JSON pointer of the input field at fault (`/prefix`), so a form can show the
   * reason beside it. */
  constructor(public statusCode: number, public code: string, message: string, public path?: string) { super(message); }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, path?: string) => new AppError(409, 'conflict', message, path);
export const badRequest = (message: string, path?: string) => new AppError(400, 'validation', message, path);

const fastifyCodes: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
  FST_ERR_BAD_URL: [400, 'bad_url'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'uri_too_long'],
};

/** `page(url)` names the single-page screen whose index answers an unknown address under it
 * (a deep link such as /console/reports?by=hour), or null. `disk` (the app's) learns of writes
 * that failed for a full disk, and of writes that succeeded. */
export function installErrorHandlers(app: FastifyInstance, page: (url: string) => string | null = () => null, disk?: DiskWatch) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return reply.code(err.statusCode).send({ error: err.code, message: err.message, ...(err.path !== undefined ? { path: err.path } : {}) });
    if (err.validation) {
      const v = err.validation[0] as { instancePath?: string; params?: { additionalProperty?: string; missingProperty?: string } } | undefined;
      // The field at fault, as a JSON pointer into the request part (a missing or unknown field included).
      const field = v?.params?.missingProperty ?? v?.params?.additionalProperty;
      const path = v ? (v.instancePath ?? '') + (field ? `/${field}` : '') : undefined;
      return reply.code(400).send({ error: 'validation', message: `Invalid ${err.validationContext ?? 'request'}: ${err.message}`, ...(path !== undefined ? { path } : {}) });
    }
    if (err.statusCode === 429) return reply.code(429).send({ error: 'rate_limited', message: 'Too many requests, try again later' });
    const known = err.code ? fastifyCodes[err.code] : undefined;
    if (known) return reply.code(known[0]).send({ error: known[1], message: err.message });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return reply.code(err.statusCode).send({ error: 'bad_request', message: err.message });
    if (isDiskFull(err)) {
      disk?.failed();
      req.log.error({ err: err.message, url: req.url }, 'write failed: the disk is full');
      return reply.code(503).send({ error: 'disk_full', message: 'The server\'s disk is full: nothing was saved. Tell the administrator' });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'Internal server error' });
  });
  app.setNotFoundHandler((req, reply) => {
    const dir = req.method === 'GET' ? page(req.url) : null;
    if (dir) return reply.type('text/html; charset=utf-8').sendFile('index.html', dir);
    return reply.code(404).send({ error: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` });
  });
  // A write that succeeds after a full disk: the health check is green again at once.
  if (disk) app.addHook('onResponse', async (req, reply) => { if (req.method !== 'GET' && reply.statusCode < 400) disk.wrote(); });
}

/** Fastify's `frameworkErrors`: the router's errors, before any route or hook ran. */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const [status, error] = (err.code && fastifyCodes[err.code]) || [400, 'bad_request'];
  reply.code(status).send({ error, message: err.message });
}

/** Fastify's `clientErrorHandler`: what Node's HTTP parser refused never reaches Fastify. */
export function clientErrorHandler(quiet: QuietLog) {
  return (err: Error & { code?: string }, socket: Socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, error, message] =
      err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large', 'The request\'s headers or address are too large']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'timeout', 'The request did not arrive in time']
          : [400, 'bad_request', 'Malformed HTTP request'];
    quiet.warn('malformed HTTP request', { ip: socket.remoteAddress, error, reason: err.code ?? err.message });
    const body = JSON.stringify({ error, message });
    if (socket.writable) {
      socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n`
        + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    } else socket.destroy();
  };
}
