// The contract's dispatch rule: which waiting ticket a counter calls next.
//  1. candidates: waiting tickets of the counter's services (plus tickets sent or postponed to
//     this very counter, once their time has come); tickets sent to another counter are not;
//  2. a ticket past its service's maximum wait goes first, longest-waiting first;
//  3. otherwise the lower priority number of the counter's link goes first;
//  4. within a level (privileged customers first where the hall enables it) the longest wait.
// A transfer keeps the issue time, so waiting time is always measured from `issuedAt`.
import type { CounterLink, QueueTicket, ServiceRule } from './types';

export interface DispatchInput {
  counterId: number;
  links: CounterLink[];
  services: ReadonlyMap<number, ServiceRule>;
  candidates: QueueTicket[];
  now: number;
  privilegedFirst: boolean;
  /** A ticket counts as overdue (rule 2) once it has waited this share of its maximum wait, in
   * percent: 100 is the contract's rule; less calls long waits first before they pass the target. */
  overdueAtPct?: number;
}

/** Priority level of tickets addressed to this counter itself: its main work. */
const OWN_PRIORITY = 1;

function isCallable(t: QueueTicket, counterId: number, linked: ReadonlyMap<number, number>, now: number): boolean {
  if (t.status === 'postponed') return t.targetCounterId === counterId && (t.postponedUntil ?? 0) <= now;
  if (t.status !== 'waiting') return false;
  if (t.targetCounterId !== null) return t.targetCounterId === counterId;
  return linked.has(t.serviceId);
}

export function pickNext(input: DispatchInput): QueueTicket | null {
  const { counterId, services, now, privilegedFirst } = input;
  const share = (input.overdueAtPct ?? 100) / 100;
  const linked = new Map(input.links.map((l) => [l.serviceId, l.priority]));
  let best: QueueTicket | null = null;
  let bestKey: number[] = [];
  for (const t of input.candidates) {
    if (!isCallable(t, counterId, linked, now)) continue;
    const maxWaitMs = (services.get(t.serviceId)?.maxWaitSec ?? 900) * 1000 * share;
    const overdue = now - t.issuedAt > maxWaitMs;
    const priority = t.targetCounterId === counterId ? OWN_PRIORITY : linked.get(t.serviceId)!;
    // Lexicographic key, smaller first. Overdue tickets ignore priority and privilege.
    const key = overdue
      ? [0, 0, 0, t.issuedAt, t.id]
      : [1, priority, privilegedFirst && t.privileged ? 0 : 1, t.issuedAt, t.id];
    if (!best || compareKeys(key, bestKey) < 0) { best = t; bestKey = key; }
  }
  return best;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
