/** Small formatters shared by the operations pages. */
export function minutes(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m`;
  return `${Math.floor(m / 60)}j ${m % 60}m`;
}

export function pct(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`;
}

export function mins(m: number | null | undefined): string {
  return m === null || m === undefined ? '–' : `${m}`;
}
