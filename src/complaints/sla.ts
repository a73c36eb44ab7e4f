/**
 * Working-day limits (SP4N-LAPOR! practice, see docs/complaints.md):
 * verification 3; information request or simple complaint 5; dispute without field check 14;
 * dispute needing a field check 60.
 */
export const VERIFICATION_DAYS = 3;
export const TRACKS = ['simple', 'dispute', 'dispute_field_check'] as const;
export type Track = (typeof TRACKS)[number];
export const TRACK_DAYS: Record<Track, number> = { simple: 5, dispute: 14, dispute_field_check: 60 };
/** Working days the citizen has, after an answer, to confirm or reopen before it closes itself. */
export const REOPEN_DAYS = 10;

/** An information request is always answered within the short limit, whatever track is chosen. */
export function resolutionDays(cls: 'pengaduan' | 'aspirasi' | 'permintaan_informasi', track: Track): number {
  return cls === 'permintaan_informasi' ? TRACK_DAYS.simple : TRACK_DAYS[track];
}
