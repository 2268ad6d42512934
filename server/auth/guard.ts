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

export function requireRole(role: Role) {
  return async (req: FastifyRequest) => {
    const p = req.principal;
    if (!p) throw new AppError(401, 'unauthorized', 'Log in first');
    if (p.kind !== 'user' || rank[p.user.role] < rank[role]) throw new AppError(403, 'forbidden', `This needs the ${role} role`);
  };
}

/** The logged-in staff user of a request that passed requireRole. */
export function staff(req: FastifyRequest): StaffUser {
  const p = req.principal;
  if (p?.kind !== 'user') throw new AppError(401, 'unauthorized', 'Log in first');
  return p.user;
}
