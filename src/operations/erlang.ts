/**
 * Erlang C (M/M/N): with arrivals per hour λ, mean service time S and N counters, the offered load is
 * A = λ·S (in erlangs); the probability that an arrival waits is C(N, A), and the mean wait is
 * C(N, A)·S / (N − A). The staffing advice is the smallest N whose mean wait meets the target.
 */

/** Probability of waiting, C(N, A); 1 when N <= A (the line grows without bound). */
export function erlangC(counters: number, load: number): number {
  if (load <= 0) return 0;
  if (counters <= load) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= counters; k++) b = (load * b) / (k + load * b);
  const rho = load / counters;
  return b / (1 - rho + rho * b);
}

/** Mean wait in the same unit as `serviceTime`; Infinity when the counters cannot keep up. */
export function meanWait(counters: number, arrivalsPerHour: number, serviceMinutes: number): number {
  const load = (arrivalsPerHour * serviceMinutes) / 60;
  if (load <= 0) return 0;
  if (counters <= load) return Infinity;
  return (erlangC(counters, load) * serviceMinutes) / (counters - load);
}

/** The fewest counters whose Erlang C mean wait is at most `targetMinutes` (0 with no arrivals). */
export function countersNeeded(arrivalsPerHour: number, serviceMinutes: number, targetMinutes: number): number {
  if (arrivalsPerHour <= 0 || serviceMinutes <= 0) return 0;
  const load = (arrivalsPerHour * serviceMinutes) / 60;
  let n = Math.max(1, Math.floor(load) + 1);
  while (meanWait(n, arrivalsPerHour, serviceMinutes) > targetMinutes && n < 1000) n++;
  return n;
}
