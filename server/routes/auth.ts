// Staff login and logout. One answer for a wrong login and a wrong password; repeated failures
// from an address are refused with 429 before the password is even checked.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { dummyHash, verifyPassword } from '../auth/password';
import { requireRole, staff } from '../auth/guard';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { Password, strict } from '../schemas';

export const authRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const byLogin = ctx.sql.prepare('SELECT id, login, name, role, password_hash AS passwordHash, active, must_change_password AS mustChangePassword FROM users WHERE login = ?');

  app.post('/api/auth/login', {
    schema: { body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, strict) },
    config: { rateLimit: { max: 30, timeWindow: 60_000 } },
  }, async (req) => {
    const { login, password } = req.body as { login: string; password: string };
    const key = `${req.ip}|${login.toLowerCase()}`;
    if (ctx.loginGuard.blocked(key)) throw new AppError(429, 'rate_limited', 'Too many failed logins: wait 15 minutes');
    const user = byLogin.get(login) as { id: number; login: string; name: string; role: any; passwordHash: string; active: number; mustChangePassword: number } | undefined;
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok || !user.active) {
      ctx.loginGuard.fail(key);
      req.log.warn({ login, ip: req.ip }, 'failed login');
      throw new AppError(401, 'unauthorized', 'Wrong login or password');
    }
    ctx.loginGuard.succeed(key);
    const token = ctx.tokens.issue({ userId: user.id });
    // mustChangePassword: the screens ask for a new password before anything else.
    return { token, user: { id: user.id, login: user.login, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword === 1 } };
  });

  app.post('/api/auth/logout', { preHandler: requireRole('operator', { passwordChange: true }) }, async (req) => {
    ctx.tokens.end(req.principal!.tokenId);
    return { ok: true };
  });

  app.get('/api/auth/me', { preHandler: requireRole('operator', { passwordChange: true }) }, async (req) => ({ user: { mustChangePassword: false, ...staff(req) } }));

  // One's own password: the current one is checked (and counts as a login attempt), the other
  // sessions of the user end, this one stays.
  app.post('/api/auth/password', {
    preHandler: requireRole('operator', { passwordChange: true }),
    schema: { body: Type.Object({ current: Type.String({ minLength: 1, maxLength: 200 }), password: Password }, strict) },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (req) => {
    const { current, password } = req.body as { current: string; password: string };
    const me = staff(req);
    const key = `${req.ip}|${me.login.toLowerCase()}`;
    if (ctx.loginGuard.blocked(key)) throw new AppError(429, 'rate_limited', 'Too many failed attempts: wait 15 minutes');
    try {
      return await ctx.admin.changeOwnPassword(me.id, req.principal!.tokenId, current, password);
    } catch (e) {
      if (e instanceof AppError && e.code === 'wrong_password') ctx.loginGuard.fail(key);
      throw e;
    }
  });
};
