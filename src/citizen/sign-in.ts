import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { notify } from '../notifications/notify.js';
import type { ServiceContext } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import * as repo from './repository.js';
import type { CitizenView, CodeSent, Destination, Lang } from './schemas.js';
import { citizenErrors } from './errors.js';

/**
 * Sign-in with a one-time code, no password. A code goes to any well-formed phone number or email,
 * known or not, and every refusal reads the same whatever the destination: nobody learns from Layan
 * whether a number or address is registered.
 */
export const CODE_TTL_MINUTES = 10;
export const MAX_FAILED_ATTEMPTS = 5;
/** Per destination: at most this many codes per window. */
export const DESTINATION_LIMIT = { max: 3, windowMinutes: 15 };
/** Per requesting address: at most this many codes per window. */
export const CLIENT_LIMIT = { max: 10, windowMinutes: 60 };
export const SESSION_DAYS = 30;

export { citizenErrors };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const codeHash = (codeId: string, code: string) => sha256(`${codeId}:${code}`);
export const tokenHash = (token: string) => sha256(`citizen-session:${token}`);
export const clientHash = (ip: string) => sha256(`citizen-client:${ip}`);

/** "0812****7890", "si***@example.id": only what the citizen typed, partly hidden. */
export function maskDestination(d: Destination): string {
  if (d.kind === 'phone') {
    const local = `0${d.value.slice(3)}`;
    return `${local.slice(0, 4)}${'*'.repeat(Math.max(0, local.length - 8))}${local.slice(-4)}`;
  }
  const [name = '', domain = ''] = d.value.split('@');
  return `${name.slice(0, 2)}***@${domain}`;
}

function codeMessage(code: string, lang: Lang) {
  return lang === 'en'
    ? {
        subject: `Layan sign-in code: ${code}`,
        text: `Your code to sign in to My services (Layanan saya) is ${code}. It is valid for ${CODE_TTL_MINUTES} minutes and can be used once.\n\nIf you did not ask for it, ignore this message. Layan staff will never ask you for this code.`,
        shortText: `Layan code: ${code}. Valid ${CODE_TTL_MINUTES} min, once. Never share it.`,
      }
    : {
        subject: `Kode masuk Layan: ${code}`,
        text: `Kode Anda untuk masuk ke Layanan saya adalah ${code}. Berlaku ${CODE_TTL_MINUTES} menit dan hanya sekali pakai.\n\nAbaikan pesan ini bila Anda tidak memintanya. Petugas Layan tidak pernah meminta kode ini.`,
        shortText: `Kode Layan: ${code}. Berlaku ${CODE_TTL_MINUTES} menit, sekali pakai. Jangan berikan ke siapa pun.`,
      };
}

/**
 * Sends a one-time code to a phone number or email (through the outbox and the notification ports).
 * @throws AppError code_rate_limited (429) when the destination or the address asked too often.
 */
export async function requestCode(ctx: ServiceContext, input: { destination: Destination; lang?: Lang; ip: string }): Promise<CodeSent> {
  const { db, now } = ctx;
  const client = clientHash(input.ip);
  await db.transaction(async (tx) => {
    await repo.lockForCodeRequest(tx, input.destination, client);
    for (const [by, limit] of [[{ destination: input.destination }, DESTINATION_LIMIT], [{ clientHash: client }, CLIENT_LIMIT]] as const) {
      const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
      const { count, oldest } = await repo.countCodesSince(tx, by, since);
      if (count >= limit.max) {
        const retryAt = (oldest ?? now).getTime() + limit.windowMinutes * 60_000;
        const retryAfterSeconds = Math.max(60, Math.ceil((retryAt - now.getTime()) / 1000));
        throw citizenErrors.code_rate_limited({ retryAfterSeconds, retryAfterMinutes: Math.ceil(retryAfterSeconds / 60) });
      }
    }
    const lang = input.lang ?? (await repo.langOfContact(tx, input.destination)) ?? 'id';
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = randomUUID();
    await repo.insertCode(tx, { id, destination: input.destination, codeHash: codeHash(id, code), clientHash: client, lang, at: now, expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000) });
    await notify(tx, null, input.destination.kind === 'email' ? { email: input.destination.value } : { phone: input.destination.value }, codeMessage(code, lang));
  });
  return { sentTo: maskDestination(input.destination), expiresInMinutes: CODE_TTL_MINUTES };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  citizen: CitizenView;
}

/**
 * Exchanges a valid code for a session. The destination becomes a verified contact: of the citizen
 * already holding it, else of the citizen signed in now (adding a second contact), else of a new
 * citizen. Wrong, expired, reused and voided codes are refused alike.
 * @throws AppError code_invalid (400).
 */
export async function signIn(ctx: ServiceContext, input: { destination: Destination; code: string; currentCitizenId?: string | null }): Promise<NewSession> {
  const { db, now } = ctx;
  const outcome = await db.transaction(async (tx) => {
    const live = await repo.lockLiveCodes(tx, input.destination, now);
    const match = live.find((c) => sameHash(c.code_hash, codeHash(c.id, input.code)));
    if (!match) {
      await repo.countFailedAttempt(tx, live.map((c) => c.id), MAX_FAILED_ATTEMPTS, now);
      return undefined;
    }
    if (!(await repo.useCode(tx, match.id, now))) return undefined;
    let citizenId = await repo.findCitizenByContact(tx, input.destination);
    if (!citizenId) {
      const owner = (input.currentCitizenId && (await repo.findCitizen(tx, input.currentCitizenId))?.id) || (await repo.insertCitizen(tx, match.lang, now));
      citizenId = await repo.attachContact(tx, owner, input.destination, now);
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await repo.insertSession(tx, { tokenHash: tokenHash(token), citizenId, csrfToken, at: now, expiresAt });
    return { token, expiresAt, citizenId, csrfToken };
  });
  // The failed attempt is counted (committed) before refusing.
  if (!outcome) throw citizenErrors.code_invalid();
  return { token: outcome.token, expiresAt: outcome.expiresAt, citizen: await getCitizenView(ctx, { citizenId: outcome.citizenId, csrfToken: outcome.csrfToken }) };
}

export async function getCitizenView(ctx: Pick<ServiceContext, 'db'>, input: { citizenId: string; csrfToken: string }): Promise<CitizenView> {
  const { citizenId, csrfToken } = input;
  const c = await repo.findCitizen(ctx.db, citizenId);
  if (!c) throw citizenErrors.citizen_unauthenticated();
  return { id: c.id, lang: c.lang, contacts: c.contacts.map((k) => ({ kind: k.kind, value: k.value, verifiedAt: k.verifiedAt.toISOString() })), csrfToken };
}

export interface CitizenSession {
  citizenId: string;
  csrfToken: string;
  tokenHash: string;
}

/** The signed-in citizen of a session cookie, if the session is live. */
export async function resolveCitizenSession(db: Db, token: string | undefined, now: Date): Promise<CitizenSession | undefined> {
  if (!token || token.length > 100) return undefined;
  const hash = tokenHash(token);
  const s = await repo.findSession(db, hash, now);
  return s ? { ...s, tokenHash: hash } : undefined;
}

export async function signOut(ctx: ServiceContext, session: CitizenSession): Promise<void> {
  await repo.deleteSession(ctx.db, session.tokenHash);
}

export async function setLanguage(ctx: ServiceContext, input: { session: CitizenSession; lang: Lang }): Promise<CitizenView> {
  const { session, lang } = input;
  await repo.setLang(ctx.db, session.citizenId, lang);
  return getCitizenView(ctx, session);
}
