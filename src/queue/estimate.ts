/** Used while fewer than MIN_SAMPLES recent call-to-finish times of a service are known. */
export const MIN_SAMPLES = 3;

/**
 * The usual call-to-finish time of a service, in seconds: a 10%-trimmed mean of recent times so one
 * very long case does not swing it, or the MPP's default minutes while too few are known. The position
 * replay (positions.ts) keeps a counter busy for this long per person.
 */
export function cycleSeconds(recent: number[], defaultMinutes: number): number {
  const xs = recent.filter((x) => Number.isFinite(x) && x >= 0);
  if (xs.length < MIN_SAMPLES) return defaultMinutes * 60;
  const sorted = [...xs].sort((a, b) => a - b);
  const trim = Math.floor(sorted.length * 0.1);
  const kept = sorted.slice(trim, sorted.length - trim);
  return kept.reduce((s, x) => s + x, 0) / kept.length;
}

export const toMinutes = (seconds: number) => Math.max(0, Math.round(seconds / 60));
