// Failed logins are held back twice, on top of the per-address request rate limit:
// - per address and login: 5 failures in 15 minutes, and that address may not try that login
//   again until the 15 minutes are over (429);
// - per account, across all addresses (a guess spread over many addresses): from the 10th failure
//   in 15 minutes on, the account takes one attempt per delay, 1 s doubling to at most 60 s. The
//   addresses where the account logged in during the last 30 days are exempt, so a stranger
//   cannot lock an operator out at their own window, and from anywhere else for a minute at most.
// The tables are bounded: past their size the oldest idle entry goes, never a lockout in force
// while an idle one is left (a spray of new logins must not lift the lockouts).

const PAIR_FAILURES = 5;
const ACCOUNT_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_MS = 60_000;
const KNOWN_MS = 30 * 24 * 3600_000;
const MAX_ENTRIES = 10_000;

interface Failures { count: number; since: number; nextAt: number }

/** A Map in least-recently-touched order, bounded by evicting the oldest entry `busy` spares. */
class Bounded<V> {
  readonly map = new Map<string, V>();
  constructor(private max: number, private busy: (v: V) => boolean = () => false) {}

  get(key: string) { return this.map.get(key); }
  delete(key: string) { this.map.delete(key); }

  touch(key: string, v: V) {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size <= this.max) return;
    let oldest: string | undefined;
    for (const [k, x] of this.map) {
      oldest ??= k;
      if (!this.busy(x)) { this.map.delete(k); return; }
    }
    this.map.delete(oldest!); // every entry is busy: the oldest goes after all
  }
}

export class LoginGuard {
  private readonly pairs: Bounded<Failures>;
  private readonly accounts: Bounded<Failures>;
  /** login|address → last successful login there. */
  private readonly known = new Bounded<number>(MAX_ENTRIES);

  constructor(private clock: () => number, max = MAX_ENTRIES) {
    this.pairs = new Bounded(max, (f) => this.live(f) && f.count >= PAIR_FAILURES);
    this.accounts = new Bounded(max, (f) => this.live(f) && f.nextAt > this.clock());
  }

  /** Seconds to wait before this address may try this login, or 0. */
  retryAfter(ip: string, login: string): number {
    const now = this.clock();
    const account = login.toLowerCase();
    const pair = this.pairs.get(`${ip}|${account}`);
    if (pair && this.live(pair) && pair.count >= PAIR_FAILURES) return Math.ceil((pair.since + WINDOW_MS - now) / 1000);
    const acc = this.accounts.get(account);
    if (acc && this.live(acc) && acc.nextAt > now && !this.isKnown(ip, account)) return Math.ceil((acc.nextAt - now) / 1000);
    return 0;
  }

  fail(ip: string, login: string) {
    const now = this.clock();
    const account = login.toLowerCase();
    this.pairs.touch(`${ip}|${account}`, this.count(this.pairs.get(`${ip}|${account}`), now));
    const acc = this.count(this.accounts.get(account), now);
    if (acc.count >= ACCOUNT_FAILURES) acc.nextAt = now + Math.min(MAX_DELAY_MS, 1000 * 2 ** (acc.count - ACCOUNT_FAILURES));
    this.accounts.touch(account, acc);
  }

  succeed(ip: string, login: string) {
    const account = login.toLowerCase();
    this.pairs.delete(`${ip}|${account}`);
    this.accounts.delete(account);
    this.known.touch(`${account}|${ip}`, this.clock());
  }

  private count(f: Failures | undefined, now: number): Failures {
    return f && this.live(f) ? { ...f, count: f.count + 1 } : { count: 1, since: now, nextAt: 0 };
  }

  private live(f: Failures) { return this.clock() - f.since <= WINDOW_MS; }

  private isKnown(ip: string, account: string) {
    const at = this.known.get(`${account}|${ip}`);
    return at !== undefined && this.clock() - at <= KNOWN_MS;
  }
}
