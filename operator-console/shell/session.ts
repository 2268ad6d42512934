// The staff session: token, user and chosen counter live in sessionStorage, so a reload of the
// console (or a crash of the tab) keeps the operator logged in at the same counter, while
// closing the browser ends it. Roles are ordered: operator < supervisor < admin.
import { signal } from '@preact/signals';
import { api, ApiError } from '../../ui/api';
import type { Role } from '../../server/protocol';

export interface StaffUser { id: number; login: string; name: string; role: Role;
  /** A generated or reset password: the console asks for a new one before anything else. */
  mustChangePassword?: boolean }

const rank: Record<Role, number> = { operator: 1, supervisor: 2, admin: 3 };

/** Whether the signed-in user has at least `role` (the API refuses the rest with 403 anyway). */
export function hasRole(role: Role, user: StaffUser | undefined = session.value?.user): boolean {
  return !!user && rank[user.role] >= rank[role];
}

const KEY = 'talon.console.session';

interface Saved { token: string; user: StaffUser; counterId: number | null }

function load(): Saved | null {
  try { return JSON.parse(sessionStorage.getItem(KEY) ?? 'null'); } catch { return null; }
}

export const session = signal<Saved | null>(load());

function save(s: Saved | null) {
  session.value = s;
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s)); else sessionStorage.removeItem(KEY);
}

export async function login(loginName: string, password: string) {
  const r = await api<{ token: string; user: StaffUser }>('POST', '/api/auth/login', { login: loginName, password });
  save({ token: r.token, user: r.user, counterId: null });
}

/** One's own password; the user's other sessions end, this one stays. */
export async function changePassword(current: string, password: string) {
  await staff('POST', '/api/auth/password', { current, password });
  if (session.value) save({ ...session.value, user: { ...session.value.user, mustChangePassword: false } });
}

export function setCounter(counterId: number | null) {
  if (session.value) save({ ...session.value, counterId });
}

/** Signs out, leaving the counter first (refused, and so kept, while a customer is at it). */
export async function logout() {
  const s = session.value;
  save(null);
  if (!s) return;
  if (s.counterId) await api('POST', `/api/counters/${s.counterId}/close`, undefined, s.token).catch(() => undefined);
  await api('POST', '/api/auth/logout', undefined, s.token).catch(() => undefined);
}

/** A staff request; an expired or revoked token returns the console to the login form. */
export async function staff<T>(method: string, path: string, body?: unknown): Promise<T> {
  try {
    return await api<T>(method, path, body, session.value?.token);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) save(null);
    throw e;
  }
}
