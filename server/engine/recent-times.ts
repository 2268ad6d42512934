// Recent durations by key, for the wait estimates: the service times of the last finished
// visits per service, the lengths of the last breaks per reason. A rolling window, pure, so
// that the server (fed from the database at start and by every finish) and the hall-day
// simulator (fed by its simulated finishes) keep the same one.

export const RECENT_WINDOW = 20;

export class RecentTimes<K = number> {
  private recent = new Map<K, number[]>();

  add(key: K, sec: number) {
    let list = this.recent.get(key);
    if (!list) { list = []; this.recent.set(key, list); }
    list.push(sec);
    if (list.length > RECENT_WINDOW) list.shift();
  }

  get(key: K): number[] { return this.recent.get(key) ?? []; }
}
