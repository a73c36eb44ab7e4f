import { speakPlate } from './plate.js';

const ONES = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/**
 * Reads a whole number in Bahasa Indonesia words ("terbilang"): 12 -> "dua belas",
 * 101 -> "seratus satu", 1500 -> "seribu lima ratus".
 * @throws RangeError for negative, fractional or too large (>= 10^12) numbers.
 */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`terbilang: unsupported number ${n}`);
  if (n < 12) return ONES[n]!;
  if (n < 20) return `${ONES[n - 10]} belas`;
  if (n < 100) return join(`${ONES[Math.floor(n / 10)]} puluh`, n % 10);
  if (n < 200) return join('seratus', n - 100);
  if (n < 1000) return join(`${ONES[Math.floor(n / 100)]} ratus`, n % 100);
  if (n < 2000) return join('seribu', n - 1000);
  if (n < 1e6) return join(`${terbilang(Math.floor(n / 1000))} ribu`, n % 1000);
  if (n < 1e9) return join(`${terbilang(Math.floor(n / 1e6))} juta`, n % 1e6);
  return join(`${terbilang(Math.floor(n / 1e9))} miliar`, n % 1e9);
}

function join(head: string, rest: number): string {
  return rest === 0 ? head : `${head} ${terbilang(rest)}`;
}

/** Letters of a ticket prefix read one by one ("AB" -> "A, B") so a speech engine does not make a word of them. */
function spellPrefix(prefix: string): string {
  return prefix.split('').join(' ');
}

const VOWEL = /[AEIOU]/;
const CONSONANT = /[B-DF-HJ-NP-TV-Z]/;

/**
 * An all-capital abbreviation as Indonesians read it: a pronounceable one as a word ("DUKCAPIL" ->
 * "Dukcapil", "SAMSAT", "SIM"), the others letter by letter ("BPJS" -> "B P J S", "PLN", "SKCK").
 * Pronounceable: three letters or more, a vowel, and not opening with two consonants.
 */
function readAbbreviation(word: string): string {
  const pronounceable = word.length >= 3 && VOWEL.test(word) && !(CONSONANT.test(word[0]!) && CONSONANT.test(word[1]!));
  return pronounceable ? word[0] + word.slice(1).toLowerCase() : word.split('').join(' ');
}

/**
 * The counter's label as shown on the board, read aloud: numbers in words, abbreviations read the way
 * people say them, the first word in lower case to sit inside the sentence.
 * "Loket DUKCAPIL 1" -> "loket Dukcapil satu"; "Loket 12" -> "loket dua belas".
 */
export function speakCounterLabel(label: string): string {
  const words = label
    .trim()
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => {
      if (/^\d+$/.test(w)) return terbilang(Number(w));
      if (/^[A-Z]{2,}$/.test(w)) return readAbbreviation(w);
      const m = /^([A-Za-z]+)(\d+)$/.exec(w); // "A3" -> "A tiga"
      if (m) return `${m[1]!.length > 1 && m[1] === m[1]!.toUpperCase() ? readAbbreviation(m[1]!) : m[1]} ${terbilang(Number(m[2]))}`;
      return w;
    });
  if (words[0] && words[0] !== words[0].toUpperCase()) words[0] = words[0].toLowerCase();
  return words.join(' ');
}

/**
 * The sentence a display board speaks for a call, naming the counter exactly as the board shows it:
 * ("A", 12, "Loket DUKCAPIL 3") -> "Nomor antrean A dua belas, silakan menuju loket Dukcapil tiga."
 */
export function callAnnouncement(prefix: string, seq: number, counterLabel: string, car: { plate?: string | null; holderName?: string | null } = {}): string {
  // A drive-thru call names the car too, as the lane board shows it: the plate, or the name without one.
  const who = car.plate ? `, pelat ${speakPlate(car.plate)}` : car.holderName ? `, atas nama ${car.holderName}` : '';
  return `Nomor antrean ${spellPrefix(prefix)} ${terbilang(seq)}${who}, silakan menuju ${speakCounterLabel(counterLabel)}.`;
}

/** The ticket number as printed: prefix, dash, at least three digits. */
export function formatTicketNumber(prefix: string, seq: number): string {
  return `${prefix}-${String(seq).padStart(3, '0')}`;
}
