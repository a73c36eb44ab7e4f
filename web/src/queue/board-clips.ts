import { BOARD_CLIPS } from './board-clip-list';

/** Where the shipped clips are served (web/public/suara, made by scripts/gen-board-audio.ts). */
export const CLIP_BASE = '/suara/';
const AVAILABLE = new Set(BOARD_CLIPS);
const PHRASES: [string, string, string][] = [
  ['nomor', 'antrean', 'nomor-antrean'],
  ['silakan', 'menuju', 'silakan-menuju'],
];

/**
 * The clips that say `sentence` (the board's call sentence, src/queue/speech.ts callAnnouncement), for a
 * browser without an Indonesian voice: the chime, then a clip per phrase or word; a single capital is a
 * letter of the ticket prefix or of an abbreviation read letter by letter ("B P J S"); a word without
 * its own clip is spelled with the letter clips rather than left out.
 * "Nomor antrean B satu, silakan menuju loket Polres satu." ->
 * chime, nomor-antrean, huruf-b, satu, silakan-menuju, loket, polres, satu.
 */
export function clipsFor(sentence: string): string[] {
  const words = sentence.split(/[\s.,!?;:]+/).filter(Boolean);
  const out = ['chime'];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const lower = w.toLowerCase();
    const phrase = PHRASES.find(([a, b]) => a === lower && words[i + 1]?.toLowerCase() === b);
    if (phrase) {
      out.push(phrase[2]);
      i++;
      continue;
    }
    if (/^[A-Z]$/.test(w)) {
      out.push(`huruf-${lower}`);
      continue;
    }
    const name = lower.normalize('NFD').replace(/[^a-z0-9]/g, '');
    if (AVAILABLE.has(name)) out.push(name);
    else for (const ch of name) if (AVAILABLE.has(`huruf-${ch}`)) out.push(`huruf-${ch}`);
  }
  return out;
}
