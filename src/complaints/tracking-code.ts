import { randomInt } from 'node:crypto';

/**
 * Letters and digits that cannot be mistaken for one another when read aloud or copied by hand
 * (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V). 23 symbols x 12 = about 54 bits from a CSPRNG: not guessable,
 * and short enough to read over the phone as XXXX-XXXX-XXXX.
 */
const ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';

export const CODE_LENGTH = 12;

export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Accepts what people type: lower case, spaces and dashes. Returns undefined when it cannot be a code. */
export function normaliseTrackingCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{12}$/.test(code) ? code : undefined;
}

/** XXXX-XXXX-XXXX, the form shown to people. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}
