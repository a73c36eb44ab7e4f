/** Used while fewer than MIN_SAMPLES recent call-to-finish times of a service are known. */
export const MIN_SAMPLES = 3;

/**
 * The usual call-to-finish time of a service, in seconds: the mean of recent times, leaving out a time
 * over OUTLIER x their median (a ticket left open at a counter, not a long case), or the MPP's default
 * minutes while too few are known. The position replay (positions.ts) keeps a counter busy for this long
 * per person.
 *
 * A plain mean, not a trimmed one: counter times are skewed to the right, so cutting both ends (the 10%
 * trimmed mean used before) sat below the true mean and made every promised wait early; on the replayed
 * busy days the mean brought the share of calls inside the shown range from 82% to 83% (docs/queue.md).
 */
export function cycleSeconds(recent: number[], defaultMinutes: number): number {
  const xs = recent.filter((x) => Number.isFinite(x) && x >= 0);
  if (xs.length < MIN_SAMPLES) return defaultMinutes * 60;
  const sorted = [...xs].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const kept = sorted.filter((x) => x <= OUTLIER * median);
  return kept.reduce((s, x) => s + x, 0) / kept.length;
}

/** A call-to-finish time over this many times the median is left out of the cycle. */
const OUTLIER = 4;

export const toMinutes = (seconds: number) => Math.max(0, Math.round(seconds / 60));
