/**
 * Keeps personal data and bearer secrets out of logs. A status token, survey code, complaint
 * tracking code or booking signature in a URL is as good as a password for what it opens, and a
 * NIK, phone number or email address is personal data (UU PDP): logs are read by more people and
 * kept longer than the database rows they describe.
 */

export const REDACTED = '[redacted]';

/** Route parameters and query keys whose values open something or identify someone. */
const SECRET_NAME = /token|code|sig|nik|phone|email|secret|password|otp|key|contact/i;

const PATTERNS: [RegExp, string][] = [
  // Prefixed secrets (session, device, status tokens): prefix_ then 16+ url-safe characters.
  [/\b[a-z]{2,5}_[A-Za-z0-9_-]{16,}/g, REDACTED],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  // A NIK or KK number: 16 digits.
  [/(?<!\d)\d{16}(?!\d)/g, '[nik]'],
  // Indonesian phone numbers: +62 / 62 / 0 then 8 and 7 to 12 more digits, spaces or dashes allowed.
  [/(?<![\d])(?:\+?62|0)[\s-]?8(?:[\s-]?\d){7,12}(?!\d)/g, '[phone]'],
];

/** Masks NIKs, phone numbers, email addresses and prefixed tokens anywhere in a text. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, mask] of PATTERNS) out = out.replace(pattern, mask);
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A request URL fit for the log: the values of secret route parameters (per the route pattern,
 * e.g. `/api/queue/status/:token`) and secret query keys become [redacted]; personal data anywhere
 * else is masked.
 */
export function redactUrl(url: string, routePattern?: string): string {
  const q = url.indexOf('?');
  const pathPart = q >= 0 ? url.slice(0, q) : url;
  const query = q >= 0 ? url.slice(q + 1) : '';
  let segments = pathPart.split('/');
  if (routePattern) {
    const pattern = routePattern.split('/');
    if (pattern.length === segments.length) {
      segments = segments.map((seg, i) => {
        const p = pattern[i]!;
        return p.startsWith(':') && SECRET_NAME.test(p.slice(1)) ? REDACTED : seg;
      });
    }
  }
  const masked = (raw: string) => {
    const plain = decode(raw);
    const out = redactText(plain);
    return out === plain ? raw : out;
  };
  const path = segments.map((seg) => (seg === REDACTED ? seg : masked(seg))).join('/');
  if (!query) return path;
  const params = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const key = eq >= 0 ? pair.slice(0, eq) : pair;
    if (eq < 0) return pair;
    const value = pair.slice(eq + 1);
    if (SECRET_NAME.test(decode(key))) return `${key}=${REDACTED}`;
    const spaced = value.replace(/\+/g, ' ');
    const out = masked(spaced);
    return out === spaced ? pair : `${key}=${out}`;
  });
  return `${path}?${params.join('&')}`;
}

/** Pino redact paths: secrets and personal fields one or two levels into any logged object. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["idempotency-key"]',
  ...['nik', 'password', 'token', 'statusToken', 'secret', 'sig'].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];
