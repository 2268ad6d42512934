// The simulators' agenda: a binary min-heap of timed items, by time and then in the order they
// were scheduled, so that equal instants run the same way on every run.
interface Entry<T> { at: number; n: number; item: T }

const before = <T>(a: Entry<T>, b: Entry<T>) => a.at < b.at || (a.at === b.at && a.n < b.n);

export class Agenda<T> {
  private h: Entry<T>[] = [];
  private n = 0;

  get size() { return this.h.length; }

  push(at: number, item: T) {
    const h = this.h;
    let i = h.push({ at, n: this.n++, item }) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  /** The earliest item and its time; the agenda must not be empty. */
  pop(): { at: number; item: T } {
    const h = this.h, top = h[0], last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return { at: top.at, item: top.item };
  }
}
