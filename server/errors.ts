// The contract's error body {error, message} for every 4xx/5xx, Fastify's own included.
import type { FastifyError, FastifyInstance } from 'fastify';

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
};

/** `page(url)` names the single-page screen whose index answers an unknown address under it
 * (a deep link such as /console/reports?by=hour), or null. */
export function installErrorHandlers(app: FastifyInstance, page: (url: string) => string | null = () => null) {
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
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'Internal server error' });
  });
  app.setNotFoundHandler((req, reply) => {
    const dir = req.method === 'GET' ? page(req.url) : null;
    if (dir) return reply.type('text/html; charset=utf-8').sendFile('index.html', dir);
    return reply.code(404).send({ error: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` });
  });
}
