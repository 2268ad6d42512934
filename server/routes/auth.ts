// Staff login and logout. One answer for a wrong login and a wrong password; repeated failures
// (from an address, or at one account from many: auth/login-guard.ts) are refused with 429
// before the password is even checked.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { dummyHash, verifyPassword } from '../auth/password';
import { requireRole, staff } from '../auth/guard';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { errors } from '../replies/common';
import { Login, Me, Ok, PasswordChanged } from '../replies/public';
import { Password, strict } from '../schemas';

export const authRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const byLogin = ctx.sql.prepare('SELECT id, login, name, role, password_hash AS passwordHash, active, must_change_password AS mustChangePassword FROM users WHERE login = ?');

  /** Refuses (429 with Retry-After) a login or password check while the login guard holds it back. */
  const holdBack = (ip: string, login: string, reply: FastifyReply) => {
    const wait = ctx.loginGuard.retryAfter(ip, login);
    if (wait <= 0) return;
    reply.header('retry-after', String(wait));
    throw new AppError(429, 'rate_limited', `Too many failed attempts: try again in ${wait < 120 ? `${wait} s` : `${Math.ceil(wait / 60)} minutes`}`);
  };

  app.post('/api/auth/login', {
    schema: { body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, strict), response: { 200: Login, ...errors(400, 401, 429) } },
    config: { rateLimit: { max: 30, timeWindow: 60_000 } },
  }, async (req, reply) => {
    const { login, password } = req.body as { login: string; password: string };
    holdBack(req.ip, login, reply);
    const user = byLogin.get(login) as { id: number; login: string; name: string; role: any; passwordHash: string; active: number; mustChangePassword: number } | undefined;
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok || !user.active) {
      ctx.loginGuard.fail(req.ip, login);
      req.log.warn({ login, ip: req.ip }, 'failed login');
      throw new AppError(401, 'unauthorized', 'Wrong login or password');
    }
    ctx.loginGuard.succeed(req.ip, login);
    const token = ctx.tokens.issue({ userId: user.id });
    // mustChangePassword: the screens ask for a new password before anything else.
    return { token, user: { id: user.id, login: user.login, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword === 1 } };
  });

  app.post('/api/auth/logout', { preHandler: requireRole('operator', { passwordChange: true }), schema: { response: { 200: Ok, ...errors(401) } } }, async (req) => {
    ctx.tokens.end(req.principal!.tokenId);
    return { ok: true };
  });

  app.get('/api/auth/me', { preHandler: requireRole('operator', { passwordChange: true }), schema: { response: { 200: Me, ...errors(401, 403) } } },
    async (req) => ({ user: { mustChangePassword: false, ...staff(req) } }));

  // One's own password: the current one is checked (and counts as a login attempt), the other
  // sessions of the user end, this one stays.
  app.post('/api/auth/password', {
    preHandler: requireRole('operator', { passwordChange: true }),
    schema: { body: Type.Object({ current: Type.String({ minLength: 1, maxLength: 200 }), password: Password }, strict), response: { 200: PasswordChanged, ...errors(400, 401, 403, 429) } },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (req, reply) => {
    const { current, password } = req.body as { current: string; password: string };
    const me = staff(req);
    holdBack(req.ip, me.login, reply);
    try {
      return await ctx.admin.changeOwnPassword(me.id, req.principal!.tokenId, current, password);
    } catch (e) {
      if (e instanceof AppError && e.code === 'wrong_password') ctx.loginGuard.fail(req.ip, me.login);
      throw e;
    }
  });
};
