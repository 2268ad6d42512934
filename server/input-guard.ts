// Checks every request body before its schema: JSON is read as UTF-8 only (a body declared in
// another charset is refused, not misread), and no text may carry NUL or other control
// characters, or the bidirectional overrides that make a name display as something else
// (U+202E turns "Иванов\u202Eвонави" around on every screen). Tabs and line breaks are text.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

// C0 controls but \t \n \r, DEL, C1 controls; bidi embeddings, overrides and isolates.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

function findForbidden(v: unknown, path: string, depth = 0): string | null {
  if (typeof v === 'string') return FORBIDDEN.test(v) ? path || '/' : null;
  if (v === null || typeof v !== 'object' || depth > 32) return null;
  for (const [k, x] of Object.entries(v)) {
    const hit = FORBIDDEN.test(k) ? `${path}/${k}` : findForbidden(x, `${path}/${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

export function installInputGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    const type = req.headers['content-type'];
    const charset = type && CHARSET.exec(type)?.[1].toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      throw new AppError(415, 'unsupported_media_type', `Bodies are read as UTF-8 only, not ${charset.slice(0, 40)}`);
    }
  });
  app.addHook('preValidation', async (req) => {
    const at = findForbidden(req.body, '') ?? findForbidden(req.query, '');
    if (at) throw new AppError(400, 'validation', `Text at ${at.slice(0, 100)} contains a control or bidirectional-override character`);
  });
}
