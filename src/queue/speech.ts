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

/**
 * The sentence a display board speaks for a call:
 * ("A", 12, 3) -> "Nomor antrean A dua belas, silakan menuju loket tiga."
 */
export function callAnnouncement(prefix: string, seq: number, counterNumber: number): string {
  return `Nomor antrean ${spellPrefix(prefix)} ${terbilang(seq)}, silakan menuju loket ${terbilang(counterNumber)}.`;
}

/** The ticket number as printed: prefix, dash, at least three digits. */
export function formatTicketNumber(prefix: string, seq: number): string {
  return `${prefix}-${String(seq).padStart(3, '0')}`;
}
