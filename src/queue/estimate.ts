/** What the wait estimate is computed from (see docs/queue.md, "Estimated wait"). */
export interface EstimateInput {
  /** Waiting tickets of the same service ahead of this one. */
  ahead: number;
  /** Recent call-to-finish times of the service, in seconds, newest first. */
  recentCycleSeconds: number[];
  /** Counters open now that serve the service. */
  openCounters: number;
  /** Used while fewer than MIN_SAMPLES recent times are known. */
  defaultServiceMinutes: number;
}

export const MIN_SAMPLES = 3;

/**
 * Expected seconds until a waiting ticket is called: the tickets ahead plus half a cycle (the
 * counters are on average half-way through their current person), shared by the open counters.
 * The cycle is a trimmed mean of recent times so one very long case does not swing it; with no
 * counter open it assumes one will open.
 */
export function estimateWaitSeconds(p: EstimateInput): number {
  const cycle = cycleSeconds(p.recentCycleSeconds, p.defaultServiceMinutes);
  const counters = Math.max(1, p.openCounters);
  return Math.round(((p.ahead + 0.5) * cycle) / counters);
}

export function cycleSeconds(recent: number[], defaultMinutes: number): number {
  const xs = recent.filter((x) => Number.isFinite(x) && x >= 0);
  if (xs.length < MIN_SAMPLES) return defaultMinutes * 60;
  const sorted = [...xs].sort((a, b) => a - b);
  const trim = Math.floor(sorted.length * 0.1);
  const kept = sorted.slice(trim, sorted.length - trim);
  return kept.reduce((s, x) => s + x, 0) / kept.length;
}

export const toMinutes = (seconds: number) => Math.max(0, Math.round(seconds / 60));
