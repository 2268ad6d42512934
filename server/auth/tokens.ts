// Bearer tokens for staff logins and device agents. Only a SHA-256 of a token is stored, so a
// copy of the database does not hand out sessions.
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Role } from '../protocol';

export const STAFF_TOKEN_TTL_MS = 16 * 3600_000; // a long shift

export interface StaffUser { id: number; login: string; name: string; role: Role;
  /** A generated or reset password: until it is changed the session can only change it. */
  mustChangePassword?: boolean }
export type Principal = { kind: 'user'; tokenId: number; user: StaffUser } | { kind: 'device'; tokenId: number; deviceId: number };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class TokenStore {
  private insert; private lookup; private revoke;

  constructor(sql: Database.Database, private clock: () => number) {
    this.insert = sql.prepare('INSERT INTO tokens (token_hash, user_id, device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
    this.lookup = sql.prepare(`SELECT t.id AS tokenId, t.device_id AS deviceId, t.expires_at AS expiresAt,
        u.id, u.login, u.name, u.role, u.active, u.must_change_password AS mustChangePassword
      FROM tokens t LEFT JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = ? AND t.revoked_at IS NULL`);
    this.revoke = sql.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  }

  issue(owner: { userId: number } | { deviceId: number }): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    if ('userId' in owner) this.insert.run(hashToken(token), owner.userId, null, now, now + STAFF_TOKEN_TTL_MS);
    else this.insert.run(hashToken(token), null, owner.deviceId, now, null);
    return token;
  }

  resolve(token: string): Principal | null {
    const row = this.lookup.get(hashToken(token)) as any;
    if (!row || (row.expiresAt !== null && row.expiresAt <= this.clock())) return null;
    if (row.deviceId !== null) return { kind: 'device', tokenId: row.tokenId, deviceId: row.deviceId };
    if (!row.id || !row.active) return null;
    const user: StaffUser = { id: row.id, login: row.login, name: row.name, role: row.role };
    if (row.mustChangePassword) user.mustChangePassword = true;
    return { kind: 'user', tokenId: row.tokenId, user };
  }

  end(tokenId: number) { this.revoke.run(this.clock(), tokenId); }
}
