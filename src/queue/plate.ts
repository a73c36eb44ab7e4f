/**
 * Indonesian vehicle plates (tanda nomor kendaraan bermotor): a region code of one or two letters, a
 * number of one to four digits (no leading zero) and a suffix of up to three letters: "R 1234 AB",
 * "B 1 RI", "DK 123". People type them any way ("r1234ab", "R-1234-AB", "r 1234ab"); they are stored
 * and shown in the one written form, so the board and the officer read the same plate.
 */
const LOOSE = /^([A-Z]{1,2})([1-9][0-9]{0,3})([A-Z]{0,3})$/;

/** The plate in its written form ("R 1234 AB"), or null when it is not a plate. */
export function normalisePlate(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s.\-]+/g, '');
  const m = LOOSE.exec(compact);
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join(' ');
}

/**
 * The plate read aloud: letters one by one, digits one by one ("R 1234 AB" -> "R, satu dua tiga empat,
 * A B"), the way a plate is read to a driver, so the board's voice and the screen say the same plate.
 */
export function speakPlate(plate: string): string {
  const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
  return plate
    .split(' ')
    .map((part) => (/^\d+$/.test(part) ? part.split('').map((d) => DIGITS[Number(d)]).join(' ') : part.split('').join(' ')))
    .join(', ');
}
