// Security headers, from helmet. The middleware is built once here: @fastify/helmet 13 builds it
// again for every request, re-parsing the CSP, which cost about 4% of the server's CPU under load.
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export function installSecurityHeaders(app: FastifyInstance) {
  const apply = helmet({
    // A hall LAN runs on plain http: no HSTS, no upgrade to https.
    strictTransportSecurity: false,
    contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null, 'img-src': ["'self'", 'data:'], 'media-src': ["'self'", 'blob:', 'data:'], 'style-src': ["'self'", "'unsafe-inline'"] } },
  });
  app.addHook('onRequest', (req, reply, done) => apply(req.raw, reply.raw, (err) => done(err as Error | undefined)));
}
