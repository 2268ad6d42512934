// Password guessing: per account across addresses (the probe sent 100 guesses at one
// account from 20 addresses in 4 s and got 100 × 401), without letting a stranger lock the real
// operator out; and a table that stays bounded without lifting the lockouts in force.
import { describe, expect, it } from 'vitest';
import { LoginGuard } from '../../server/auth/login-guard';
import { testHall } from '../helpers/app';

describe('login limits', () => {
  it('100 guesses at one account from 20 addresses are held back; the operator at a known address still logs in', async () => {
    const h = await testHall();
    await h.req('POST', '/api/admin/users', { login: 'ivanova', name: 'Иванова', password: 'operator-Pa55', role: 'operator' }, h.admin);
    const login = (ip: string, password: string) => h.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { login: 'ivanova', password } });
    expect((await login('10.0.0.5', 'operator-Pa55')).statusCode).toBe(200); // her window, yesterday
    const codes: number[] = [];
    for (let i = 0; i < 100; i++) {
      codes.push((await login(`192.0.2.${(i % 20) + 1}`, `guess-${i}`)).statusCode);
      h.clock.advance(40); // 100 guesses in 4 s
    }
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(13); // 10, then one per 1, 2, 4 s
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(87);
    const held = await login('192.0.2.99', 'guess-x');
    expect(held.statusCode).toBe(429);
    expect(held.json()).toEqual({ error: 'rate_limited', message: expect.stringMatching(/try again in \d+ s/) });
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(held.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Not locked out at her own window, nor for long anywhere else.
    expect((await login('10.0.0.5', 'operator-Pa55')).statusCode).toBe(200);
    h.clock.advance(60_000);
    expect((await login('10.0.0.77', 'operator-Pa55')).statusCode).toBe(200);
  });

  it('repeated failures from one address for one login are refused for the window, other logins not', async () => {
    const h = await testHall();
    for (let i = 0; i < 5; i++) expect((await h.req('POST', '/api/auth/login', { login: 'admin', password: 'nope-nope' })).status).toBe(401);
    expect((await h.req('POST', '/api/auth/login', { login: 'admin', password: 'nope-nope' })).json.message).toMatch(/try again in 15 minutes/);
    h.clock.advance(15 * 60_000 + 1000);
    expect((await h.req('POST', '/api/auth/login', { login: 'admin', password: 'admin-test-Pa55' })).status).toBe(200);
  });

  it('past its size the table evicts the oldest idle entries, never a lockout in force', () => {
    const clock = { now: 0 };
    const guard = new LoginGuard(() => clock.now, 1000);
    for (let i = 0; i < 5; i++) guard.fail('203.0.113.1', 'admin');
    expect(guard.retryAfter('203.0.113.1', 'admin')).toBeGreaterThan(0);
    // A spray of one-off failures, 20 times the table's size (the old guard cleared its whole
    // table past 10,000 entries, lifting every lockout).
    for (let i = 0; i < 20_000; i++) { guard.fail(`198.51.100.${i % 250}`, `user${i}`); clock.now += 1; }
    expect(guard.retryAfter('203.0.113.1', 'admin')).toBeGreaterThan(0);
    expect((guard as any).pairs.map.size).toBeLessThanOrEqual(1000);
    expect((guard as any).accounts.map.size).toBeLessThanOrEqual(1000);
  });
});
