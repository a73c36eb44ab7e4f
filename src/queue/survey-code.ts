import { createHmac } from 'node:crypto';

// Crockford base32, as the survey domain writes its codes (src/survey/tokens.ts).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The survey code printed on a ticket: derived from the ticket's secret status token exactly as the
 * survey domain derives it (src/survey/status-code.ts codeForStatusToken), so the code on paper is the
 * code the survey page accepts once the ticket is served. The queue may not import the survey domain
 * (survey depends on queue), hence this copy; floor.test.ts checks both give the same code.
 */
export function printedSurveyCode(statusToken: string): string {
  const mac = createHmac('sha256', statusToken).update('layan/survey-code/v1').digest();
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(mac[i]!);
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[Number((bits >> BigInt(59 - 5 * i)) & 31n)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
