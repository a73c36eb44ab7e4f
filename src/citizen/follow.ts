import { z } from 'zod';
import * as complaints from '../complaints/repository.js';
import { formatTrackingCode } from '../complaints/tracking-code.js';
import { notify } from '../notifications/notify.js';
import type { Clock, ServiceContext } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { enqueue } from '../platform/outbox.js';
import type { TicketProgress } from '../queue/events.js';
import * as queue from '../queue/repository.js';
import { ticketView } from '../queue/service.js';
import { surveyCodeForTicketStatus } from '../survey/status-code.js';
import * as messages from './messages.js';
import type { PushMessage, PushSender } from './push.js';
import * as repo from './repository.js';
import type { Destination, FollowTicketRequest, FollowView, Lang } from './schemas.js';
import { citizenErrors } from './sign-in.js';

export const PUSH_TOPIC = 'citizen.push';
/** A push is worth little once the moment passed: the push service may hold it this long. */
const PUSH_TTL_SECONDS = 15 * 60;

export interface FollowEnv {
  db: Db;
  clock: Clock;
  /** Absolute base of the links in messages (PUBLIC_URL); empty gives site-relative links. */
  publicUrl: string;
}

const PushJob = z.object({ subscriptionId: z.uuid(), payload: z.object({ title: z.string(), body: z.string(), url: z.string(), tag: z.string() }) });

/** Queues one message to a person on every channel they gave, in the caller's transaction. */
async function send(
  tx: Queryable,
  mppId: string | null,
  to: { phone?: string | null; email?: string | null; pushSubscriptionIds?: string[] },
  m: messages.Message,
  link: { url: string; tag: string },
): Promise<void> {
  await notify(tx, mppId, { phone: to.phone, email: to.email }, m);
  for (const subscriptionId of to.pushSubscriptionIds ?? []) {
    await enqueue(tx, PUSH_TOPIC, { subscriptionId, payload: { ...m.push, url: link.url, tag: link.tag } }, mppId);
  }
}

/**
 * The holder of a ticket (by its secret status token) asks to be told when the turn is near, when
 * called and after service, by SMS/WhatsApp, email and/or Web Push. Consent is explicit and for this
 * ticket only; the contact is used for nothing else and the holder can withdraw it.
 * @throws AppError not_found (unknown token), ticket_not_followable (409: finished ticket).
 */
export async function followTicket(env: FollowEnv, statusToken: string, input: FollowTicketRequest): Promise<FollowView> {
  const t = await queue.findTicketByStatusToken(env.db, statusToken);
  if (!t) throw commonErrors.not_found();
  if (!['waiting', 'called', 'serving'].includes(t.status)) throw citizenErrors.ticket_not_followable();
  const now = env.clock.now();
  const watch = await env.db.transaction(async (tx) => {
    const pushId = input.push
      ? await repo.upsertPushSubscription(tx, { endpoint: input.push.endpoint, p256dh: input.push.keys.p256dh, auth: input.push.keys.auth, citizenId: null, lang: input.lang, at: now })
      : null;
    const w = await repo.upsertWatch(tx, {
      mppId: t.mppId, ticketId: t.id, localDay: t.localDay, phone: input.phone ?? null, email: input.email ?? null, pushSubscriptionId: pushId, lang: input.lang, nearThreshold: input.nearThreshold, at: now,
    });
    return w;
  });
  // Already near when asked: say so at once rather than after the next call.
  await checkTurnNear(env, t.mppId, [watch]);
  return toFollowView(watch, t.number);
}

export async function getFollow(ctx: ServiceContext, input: { statusToken: string }): Promise<FollowView | null> {
  const { db } = ctx;
  const { statusToken } = input;
  const t = await queue.findTicketByStatusToken(db, statusToken);
  if (!t) throw commonErrors.not_found();
  const w = await repo.findWatch(db, t.mppId, t.id);
  return w ? toFollowView(w, t.number) : null;
}

/** Withdraws consent: the contact is deleted with the watch. */
export async function unfollowTicket(ctx: ServiceContext, input: { statusToken: string }): Promise<void> {
  const { db } = ctx;
  const { statusToken } = input;
  const t = await queue.findTicketByStatusToken(db, statusToken);
  if (!t) throw commonErrors.not_found();
  await repo.deleteWatch(db, t.mppId, t.id);
}

function toFollowView(w: repo.WatchRow, number: string): FollowView {
  return { ticketNumber: number, phone: w.phone, email: w.email, push: w.push_subscription_id !== null, nearThreshold: w.near_threshold, lang: w.lang };
}

const channelsOf = (w: repo.WatchRow) => ({ phone: w.phone, email: w.email, pushSubscriptionIds: w.push_subscription_id ? [w.push_subscription_id] : [] });

/** Sends "your turn is near" to each watch whose ticket now has at most its threshold of people ahead. */
async function checkTurnNear(env: FollowEnv, mppId: string, watches: repo.WatchRow[]): Promise<number> {
  let sent = 0;
  const now = env.clock.now();
  for (const w of watches) {
    if (w.near_sent_at || w.called_sent_at) continue;
    const t = await queue.findTicket(env.db, mppId, w.ticket_id);
    if (!t || t.status !== 'waiting') continue;
    const view = await ticketView(env.db, t, now);
    if (view.peopleAhead === null || view.peopleAhead > w.near_threshold) continue;
    const statusUrl = `${env.publicUrl}/antrean/${t.statusToken}`;
    const m = messages.turnNear(w.lang, { number: t.number, ahead: view.peopleAhead, mppName: t.mppName, statusUrl });
    const claimed = await env.db.transaction(async (tx) => {
      if (!(await repo.claimWatchMessage(tx, mppId, w.id, 'near', now))) return false;
      await send(tx, mppId, channelsOf(w), m, { url: `/antrean/${t.statusToken}`, tag: `ticket-${t.id}` });
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/**
 * The consumer of the queue's progress seam (queue.ticket_progress): after a call, the called
 * holder is told where to go and every other watched ticket of that day is checked for "turn
 * near"; after a finished service, the holder gets the survey link. Each message is claimed once
 * per watch, so a retried delivery never sends it twice.
 */
export async function onTicketProgress(env: FollowEnv, e: TicketProgress): Promise<void> {
  const now = env.clock.now();
  if (e.type === 'called') {
    const w = await repo.findWatch(env.db, e.mppId, e.ticketId);
    const t = w ? await queue.findTicket(env.db, e.mppId, e.ticketId) : undefined;
    if (w && t && t.counterNumber !== null) {
      // The counter as the status page and the board name it (its sign on the floor), not its internal number.
      const counter = t.counterName ?? (w.lang === 'en' ? `counter ${t.counterNumber}` : `loket ${t.counterNumber}`);
      const m = messages.called(w.lang, { number: t.number, counter, mppName: t.mppName });
      await env.db.transaction(async (tx) => {
        if (await repo.claimWatchMessage(tx, e.mppId, w.id, 'called', now)) await send(tx, e.mppId, channelsOf(w), m, { url: `/antrean/${t.statusToken}`, tag: `ticket-${t.id}` });
      });
    }
    await checkTurnNear(env, e.mppId, await repo.watchesAwaitingNear(env.db, e.mppId, e.localDay));
    return;
  }
  const w = await repo.findWatch(env.db, e.mppId, e.ticketId);
  if (!w || w.survey_sent_at) return;
  const t = await queue.findTicket(env.db, e.mppId, e.ticketId);
  if (!t || t.status !== 'served') return;
  let code: string;
  try {
    code = (await surveyCodeForTicketStatus({ db: env.db }, { statusToken: t.statusToken })).token;
  } catch {
    return; // already answered at the counter's tablet: nothing to invite to
  }
  const m = messages.surveyInvitation(w.lang, { number: t.number, serviceName: t.serviceName, surveyUrl: `${env.publicUrl}/survei/${code}` });
  await env.db.transaction(async (tx) => {
    if (await repo.claimWatchMessage(tx, e.mppId, w.id, 'survey', now)) await send(tx, e.mppId, channelsOf(w), m, { url: `/survei/${code}`, tag: `survey-${t.id}` });
  });
}

export const ComplaintChanged = z.object({ complaintId: z.uuid(), action: z.string(), from: z.string().nullable(), to: z.string() });

/**
 * The consumer of complaints' status changes: the complainant, through the contact they left on
 * the complaint for that purpose, hears of every public step, the answer in full by email.
 * A citizen who verified that contact gets it in their language and on their subscribed browsers.
 */
export async function onComplaintChanged(env: FollowEnv, mppId: string, e: z.infer<typeof ComplaintChanged>): Promise<void> {
  const c = await complaints.findComplaint(env.db, mppId, e.complaintId);
  if (!c || (!c.contact_email && !c.contact_phone)) return;
  if (e.from === e.to) return;
  const phone = c.contact_phone ? normalizeLoosePhone(c.contact_phone) : null;
  const contacts: Destination[] = [
    ...(c.contact_email ? [{ kind: 'email' as const, value: c.contact_email.toLowerCase() }] : []),
    ...(phone ? [{ kind: 'phone' as const, value: phone }] : []),
  ];
  const owners = await repo.citizensOfContacts(env.db, contacts);
  const lang: Lang = owners[0]?.lang ?? 'id';
  const push = await repo.pushSubscriptionsOfCitizens(env.db, owners.map((o) => o.id));
  const code = formatTrackingCode(c.tracking_code);
  const reason = ['not_ours', 'duplicate', 'archived'].includes(e.to) ? c.status_reason : null;
  const m = messages.complaintChanged(lang, { code, status: e.to, answer: e.to === 'answered' ? c.public_answer : null, reason, trackUrl: `${env.publicUrl}/lacak/${code}` });
  await env.db.transaction((tx) =>
    send(tx, mppId, { email: c.contact_email, phone, pushSubscriptionIds: push.map((p) => p.id) }, m, { url: `/lacak/${code}`, tag: `complaint-${c.id}` }),
  );
}

/** A complaint's phone (free text) as E.164 when it is an Indonesian number; otherwise left out. */
function normalizeLoosePhone(raw: string): string | null {
  const digits = raw.replace(/[^0-9]/g, '');
  const e164 = digits.startsWith('0') ? `+62${digits.slice(1)}` : digits.startsWith('62') ? `+${digits}` : null;
  return e164 && /^\+62[0-9]{8,13}$/.test(e164) ? e164 : null;
}

/** Delivers one queued push; a subscription the push service no longer knows is deleted. */
export function pushHandler(db: Db, sender: () => Promise<PushSender>) {
  return async (message: { payload: unknown }): Promise<void> => {
    const job = PushJob.parse(message.payload);
    const sub = await repo.findPushSubscription(db, job.subscriptionId);
    if (!sub) return;
    const m: PushMessage = { subscription: { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload: job.payload, ttl: PUSH_TTL_SECONDS };
    if ((await (await sender()).send(m)) === 'gone') await repo.deletePushSubscriptionByEndpoint(db, sub.endpoint);
  };
}
