// Erlang C for c identical servers with Poisson arrivals and exponential service (M/M/c), the
// check of the simulator against queueing theory. C is computed through the Erlang B recursion,
// stable for large c. Shared: a staffing module may import it.

/** Erlang B blocking probability for c servers and offered load A = λ·s (erlangs). */
export function erlangB(c: number, load: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (load * b) / (k + load * b);
  return b;
}

/** Erlang C: the probability that a customer waits (load A < c). */
export function erlangC(c: number, load: number): number {
  if (load >= c) return 1;
  const b = erlangB(c, load);
  return (c * b) / (c - load * (1 - b));
}

/** Mean wait in queue: C · s / (c − A). */
export function erlangMeanWaitSec(c: number, arrivalsPerSec: number, serviceSec: number): number {
  const load = arrivalsPerSec * serviceSec;
  if (load >= c) return Infinity;
  return (erlangC(c, load) * serviceSec) / (c - load);
}
