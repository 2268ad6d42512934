// Request authentication: `req.principal` from the bearer token (or null), and a preHandler
// factory that demands a staff role. Roles are ordered: operator < supervisor < admin.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { Role } from '../protocol';
import type { Principal, StaffUser, TokenStore } from './tokens';

declare module 'fastify' {
  interface FastifyRequest { principal: Principal | null }
}

const rank: Record<Role, number> = { operator: 1, supervisor: 2, admin: 3 };

export function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

export function installAuth(app: FastifyInstance, tokens: TokenStore) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    const token = bearer(req);
    req.principal = token ? tokens.resolve(token) : null;
  });
}

/** `opts.passwordChange`: the route is open to a session that must change its password first
 * (the change itself, who am I, logout); every other staff route refuses it. */
export function requireRole(role: Role, opts: { passwordChange?: boolean } = {}) {
  return async (req: FastifyRequest) => {
    const p = req.principal;
    if (!p) throw new AppError(401, 'unauthorized', 'Log in first');
    if (p.kind !== 'user' || rank[p.user.role] < rank[role]) throw new AppError(403, 'forbidden', `This needs the ${role} role`);
    if (p.user.mustChangePassword && !opts.passwordChange) throw new AppError(403, 'password_change_required', 'Change your password first');
  };
}

/** The logged-in staff user of a request that passed requireRole. */
export function staff(req: FastifyRequest): StaffUser {
  const p = req.principal;
  if (p?.kind !== 'user') throw new AppError(401, 'unauthorized', 'Log in first');
  return p.user;
}
