// Repeated failed logins from one address for one login are refused for a while (429), on top
// of the per-address request rate limit: guessing a password gets slow and noisy.
export class LoginGuard {
  private failures = new Map<string, { count: number; since: number }>();

  constructor(private clock: () => number, private maxFailures = 5, private windowMs = 15 * 60_000) {}

  blocked(key: string): boolean {
    const f = this.failures.get(key);
    if (!f) return false;
    if (this.clock() - f.since > this.windowMs) { this.failures.delete(key); return false; }
    return f.count >= this.maxFailures;
  }

  fail(key: string) {
    const f = this.failures.get(key);
    if (!f || this.clock() - f.since > this.windowMs) this.failures.set(key, { count: 1, since: this.clock() });
    else f.count++;
    if (this.failures.size > 10_000) this.failures.clear(); // bounded memory under a spray of logins
  }

  succeed(key: string) { this.failures.delete(key); }
}
