import type { Queryable } from '../platform/db.js';
import type { ContactKind, Destination, Lang } from './schemas.js';

// ---- one-time codes ----

/** Serialises code requests for one destination and one address (the rate limits count rows). */
export async function lockForCodeRequest(tx: Queryable, d: Destination, clientHash: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1)), pg_advisory_xact_lock(hashtext($2))', [`citizen-code:${d.kind}:${d.value}`, `citizen-client:${clientHash}`]);
}

export async function countCodesSince(tx: Queryable, by: { destination: Destination } | { clientHash: string }, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const { rows } = 'destination' in by
    ? await tx.query<{ n: number; oldest: Date | null }>('SELECT count(*)::int AS n, min(created_at) AS oldest FROM citizen_login_codes WHERE kind = $1 AND value = $2 AND created_at > $3', [by.destination.kind, by.destination.value, since])
    : await tx.query<{ n: number; oldest: Date | null }>('SELECT count(*)::int AS n, min(created_at) AS oldest FROM citizen_login_codes WHERE client_hash = $1 AND created_at > $2', [by.clientHash, since]);
  return { count: Number(rows[0]!.n), oldest: rows[0]!.oldest ? new Date(rows[0]!.oldest) : null };
}

export async function insertCode(tx: Queryable, c: { id: string; destination: Destination; codeHash: string; clientHash: string; lang: Lang; at: Date; expiresAt: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO citizen_login_codes (id, kind, value, code_hash, client_hash, lang, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.id, c.destination.kind, c.destination.value, c.codeHash, c.clientHash, c.lang, c.at, c.expiresAt],
  );
}

/** The codes of a destination that could still be used, locked for this sign-in attempt. */
export async function lockLiveCodes(tx: Queryable, d: Destination, now: Date): Promise<{ id: string; code_hash: string; failed_attempts: number; lang: Lang }[]> {
  const { rows } = await tx.query<{ id: string; code_hash: string; failed_attempts: number; lang: Lang }>(
    `SELECT id, code_hash, failed_attempts, lang FROM citizen_login_codes
      WHERE kind = $1 AND value = $2 AND used_at IS NULL AND expires_at > $3
      ORDER BY created_at DESC FOR UPDATE`,
    [d.kind, d.value, now],
  );
  return rows;
}

/** Marks a code used, only if nobody used it first. */
export async function useCode(tx: Queryable, id: string, now: Date): Promise<boolean> {
  const { rows } = await tx.query('UPDATE citizen_login_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id', [id, now]);
  return rows.length === 1;
}

/** Counts a wrong guess against every live code; a code reaching the limit is voided. */
export async function countFailedAttempt(tx: Queryable, ids: string[], maxAttempts: number, now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `UPDATE citizen_login_codes SET failed_attempts = failed_attempts + 1,
            used_at = CASE WHEN failed_attempts + 1 >= $2 THEN $3 ELSE used_at END
      WHERE id = ANY($1::uuid[])`,
    [ids, maxAttempts, now],
  );
}

// ---- citizens, contacts, sessions ----

export async function findCitizenByContact(q: Queryable, d: Destination): Promise<string | undefined> {
  const { rows } = await q.query<{ citizen_id: string }>('SELECT citizen_id FROM citizen_contacts WHERE kind = $1 AND value = $2', [d.kind, d.value]);
  return rows[0]?.citizen_id;
}

export async function insertCitizen(tx: Queryable, lang: Lang, at: Date): Promise<string> {
  const { rows } = await tx.query<{ id: string }>('INSERT INTO citizens (lang, created_at, last_seen_at) VALUES ($1, $2, $2) RETURNING id', [lang, at]);
  return rows[0]!.id;
}

/** Attaches a verified destination; answers the owner (another citizen if one got there first). */
export async function attachContact(tx: Queryable, citizenId: string, d: Destination, at: Date): Promise<string> {
  await tx.query('INSERT INTO citizen_contacts (kind, value, citizen_id, verified_at) VALUES ($1, $2, $3, $4) ON CONFLICT (kind, value) DO NOTHING', [d.kind, d.value, citizenId, at]);
  return (await findCitizenByContact(tx, d))!;
}

export interface CitizenRow {
  id: string;
  lang: Lang;
  contacts: { kind: ContactKind; value: string; verifiedAt: Date }[];
}

export async function findCitizen(q: Queryable, id: string): Promise<CitizenRow | undefined> {
  const { rows } = await q.query<{ id: string; lang: Lang }>('SELECT id, lang FROM citizens WHERE id = $1', [id]);
  if (!rows[0]) return undefined;
  const contacts = await q.query<{ kind: ContactKind; value: string; verified_at: Date }>('SELECT kind, value, verified_at FROM citizen_contacts WHERE citizen_id = $1 ORDER BY kind, value', [id]);
  return { id: rows[0].id, lang: rows[0].lang, contacts: contacts.rows.map((c) => ({ kind: c.kind, value: c.value, verifiedAt: new Date(c.verified_at) })) };
}

export async function setLang(q: Queryable, id: string, lang: Lang): Promise<void> {
  await q.query('UPDATE citizens SET lang = $2 WHERE id = $1', [id, lang]);
}

/** The language a known citizen chose for a destination, if the destination is verified. */
export async function langOfContact(q: Queryable, d: Destination): Promise<Lang | undefined> {
  const { rows } = await q.query<{ lang: Lang }>('SELECT c.lang FROM citizen_contacts k JOIN citizens c ON c.id = k.citizen_id WHERE k.kind = $1 AND k.value = $2', [d.kind, d.value]);
  return rows[0]?.lang;
}

export async function insertSession(tx: Queryable, s: { tokenHash: string; citizenId: string; csrfToken: string; at: Date; expiresAt: Date }): Promise<void> {
  await tx.query('INSERT INTO citizen_sessions (token_hash, citizen_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [s.tokenHash, s.citizenId, s.csrfToken, s.at, s.expiresAt]);
  await tx.query('UPDATE citizens SET last_seen_at = $2 WHERE id = $1', [s.citizenId, s.at]);
}

export async function findSession(q: Queryable, tokenHash: string, now: Date): Promise<{ citizenId: string; csrfToken: string } | undefined> {
  const { rows } = await q.query<{ citizen_id: string; csrf_token: string }>('SELECT citizen_id, csrf_token FROM citizen_sessions WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now]);
  return rows[0] ? { citizenId: rows[0].citizen_id, csrfToken: rows[0].csrf_token } : undefined;
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM citizen_sessions WHERE token_hash = $1', [tokenHash]);
}

// ---- Web Push ----

export async function ensureVapidKeys(q: Queryable, generated: { publicKey: string; privateKey: string }, at: Date): Promise<{ publicKey: string; privateKey: string }> {
  await q.query('INSERT INTO citizen_vapid_keys (id, public_key, private_key, created_at) VALUES (true, $1, $2, $3) ON CONFLICT (id) DO NOTHING', [generated.publicKey, generated.privateKey, at]);
  const { rows } = await q.query<{ public_key: string; private_key: string }>('SELECT public_key, private_key FROM citizen_vapid_keys');
  return { publicKey: rows[0]!.public_key, privateKey: rows[0]!.private_key };
}

export interface PushSubscriptionRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: Lang;
}

/** Saves a browser's subscription (a second save of the same endpoint updates it). */
export async function upsertPushSubscription(tx: Queryable, s: { endpoint: string; p256dh: string; auth: string; citizenId: string | null; lang: Lang; at: Date }): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO citizen_push_subscriptions (endpoint, p256dh, auth, citizen_id, lang, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (endpoint) DO UPDATE SET p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, lang = EXCLUDED.lang,
       citizen_id = coalesce(EXCLUDED.citizen_id, citizen_push_subscriptions.citizen_id)
     RETURNING id`,
    [s.endpoint, s.p256dh, s.auth, s.citizenId, s.lang, s.at],
  );
  return rows[0]!.id;
}

export async function findPushSubscription(q: Queryable, id: string): Promise<PushSubscriptionRow | undefined> {
  const { rows } = await q.query<PushSubscriptionRow>('SELECT id, endpoint, p256dh, auth, lang FROM citizen_push_subscriptions WHERE id = $1', [id]);
  return rows[0];
}

export async function pushSubscriptionsOfCitizens(q: Queryable, citizenIds: string[]): Promise<PushSubscriptionRow[]> {
  if (citizenIds.length === 0) return [];
  const { rows } = await q.query<PushSubscriptionRow>('SELECT id, endpoint, p256dh, auth, lang FROM citizen_push_subscriptions WHERE citizen_id = ANY($1::uuid[]) ORDER BY created_at', [citizenIds]);
  return rows;
}

export async function deletePushSubscriptionByEndpoint(q: Queryable, endpoint: string): Promise<void> {
  await q.query('DELETE FROM citizen_push_subscriptions WHERE endpoint = $1', [endpoint]);
}

/** Citizens holding any of these destinations, with their language. */
export async function citizensOfContacts(q: Queryable, contacts: Destination[]): Promise<{ id: string; lang: Lang }[]> {
  if (contacts.length === 0) return [];
  const { rows } = await q.query<{ id: string; lang: Lang }>(
    `SELECT DISTINCT c.id, c.lang FROM citizen_contacts k JOIN citizens c ON c.id = k.citizen_id
      WHERE (k.kind, k.value) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [contacts.map((c) => c.kind), contacts.map((c) => c.value)],
  );
  return rows;
}

// ---- ticket watches ----

export interface WatchRow {
  mpp_id: string;
  id: string;
  ticket_id: string;
  local_day: string;
  phone: string | null;
  email: string | null;
  push_subscription_id: string | null;
  lang: Lang;
  near_threshold: number;
  near_sent_at: Date | null;
  called_sent_at: Date | null;
  survey_sent_at: Date | null;
}
const WATCH_COLUMNS = 'mpp_id, id, ticket_id, local_day::text AS local_day, phone, email, push_subscription_id, lang, near_threshold, near_sent_at, called_sent_at, survey_sent_at';

export async function upsertWatch(
  tx: Queryable,
  w: { mppId: string; ticketId: string; localDay: string; phone: string | null; email: string | null; pushSubscriptionId: string | null; lang: Lang; nearThreshold: number; at: Date },
): Promise<WatchRow> {
  const { rows } = await tx.query<WatchRow>(
    `INSERT INTO citizen_ticket_watches (mpp_id, ticket_id, local_day, phone, email, push_subscription_id, lang, near_threshold, consent_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (mpp_id, ticket_id) DO UPDATE SET phone = EXCLUDED.phone, email = EXCLUDED.email,
       push_subscription_id = coalesce(EXCLUDED.push_subscription_id, citizen_ticket_watches.push_subscription_id),
       lang = EXCLUDED.lang, near_threshold = EXCLUDED.near_threshold, consent_at = EXCLUDED.consent_at
     RETURNING ${WATCH_COLUMNS}`,
    [w.mppId, w.ticketId, w.localDay, w.phone, w.email, w.pushSubscriptionId, w.lang, w.nearThreshold, w.at],
  );
  return rows[0]!;
}

export async function findWatch(q: Queryable, mppId: string, ticketId: string): Promise<WatchRow | undefined> {
  const { rows } = await q.query<WatchRow>(`SELECT ${WATCH_COLUMNS} FROM citizen_ticket_watches WHERE mpp_id = $1 AND ticket_id = $2`, [mppId, ticketId]);
  return rows[0];
}

export async function deleteWatch(q: Queryable, mppId: string, ticketId: string): Promise<void> {
  await q.query('DELETE FROM citizen_ticket_watches WHERE mpp_id = $1 AND ticket_id = $2', [mppId, ticketId]);
}

/** Watches of a day still waiting for their "turn near" message. */
export async function watchesAwaitingNear(q: Queryable, mppId: string, localDay: string): Promise<WatchRow[]> {
  const { rows } = await q.query<WatchRow>(
    `SELECT ${WATCH_COLUMNS} FROM citizen_ticket_watches WHERE mpp_id = $1 AND local_day = $2::date AND near_sent_at IS NULL AND called_sent_at IS NULL`,
    [mppId, localDay],
  );
  return rows;
}

/** Claims one message of a watch: true only for the first caller (the message is then sent once). */
export async function claimWatchMessage(tx: Queryable, mppId: string, watchId: string, which: 'near' | 'called' | 'survey', at: Date): Promise<boolean> {
  const column = which === 'near' ? 'near_sent_at' : which === 'called' ? 'called_sent_at' : 'survey_sent_at';
  const { rows } = await tx.query(`UPDATE citizen_ticket_watches SET ${column} = $3 WHERE mpp_id = $1 AND id = $2 AND ${column} IS NULL RETURNING id`, [mppId, watchId, at]);
  return rows.length === 1;
}

/** Watches (of any day since `since`) left with one of these phone numbers or emails. */
export async function watchesByContact(q: Queryable, contacts: { phones: string[]; emails: string[] }, since: string): Promise<WatchRow[]> {
  const { rows } = await q.query<WatchRow>(
    `SELECT ${WATCH_COLUMNS} FROM citizen_ticket_watches
      WHERE local_day >= $3::date AND (phone = ANY($1::text[]) OR lower(email) = ANY($2::text[]))
      ORDER BY local_day DESC, consent_at DESC LIMIT 50`,
    [contacts.phones, contacts.emails, since],
  );
  return rows;
}

// ---- forgetting: contact removal and account deletion ----

/** Removes one verified contact of a citizen; answers whether it was theirs. */
export async function deleteContact(tx: Queryable, citizenId: string, d: Destination): Promise<boolean> {
  const { rows } = await tx.query('DELETE FROM citizen_contacts WHERE citizen_id = $1 AND kind = $2 AND value = $3 RETURNING value', [citizenId, d.kind, d.value]);
  return rows.length === 1;
}

/** Locks a citizen's row so two removals cannot both pass the "not the last contact" check. */
export async function lockCitizen(tx: Queryable, citizenId: string): Promise<boolean> {
  const { rows } = await tx.query('SELECT id FROM citizens WHERE id = $1 FOR UPDATE', [citizenId]);
  return rows.length === 1;
}

/**
 * What Layan holds under a destination outside the account: unused sign-in codes and ticket
 * watches (the consent given on a status page). Answers how many rows went.
 */
export async function forgetDestination(tx: Queryable, d: Destination): Promise<number> {
  const codes = await tx.query('DELETE FROM citizen_login_codes WHERE kind = $1 AND value = $2 RETURNING id', [d.kind, d.value]);
  const watches = d.kind === 'phone'
    ? await tx.query('DELETE FROM citizen_ticket_watches WHERE phone = $1 RETURNING id', [d.value])
    : await tx.query('DELETE FROM citizen_ticket_watches WHERE lower(email) = $1 RETURNING id', [d.value]);
  return codes.rows.length + watches.rows.length;
}

/** Deletes the citizen; contacts, sessions and push subscriptions go with it (ON DELETE CASCADE). */
export async function deleteCitizen(tx: Queryable, citizenId: string): Promise<void> {
  await tx.query('DELETE FROM citizens WHERE id = $1', [citizenId]);
}
