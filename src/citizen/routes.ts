import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ComplaintChanged, followTicket, getFollow, onComplaintChanged, onTicketProgress, PUSH_TOPIC, pushHandler, unfollowTicket, type FollowEnv } from './follow.js';
import { deleteAccount, removeContact } from './forget.js';
import { listMyServices } from './my-services.js';
import { loadVapidKeys, vapidSubject, webPushSender, type PushSender } from './push.js';
import * as repo from './repository.js';
import { CitizenView, CodeRequest, ContactParams, CodeSent, FollowTicketRequest, FollowView, MyItems, PushSubscriptionInput, SignInRequest, StatusTokenParams, UpdateCitizenRequest, VapidKey } from './schemas.js';
import { citizenErrors, getCitizenView, requestCode, resolveCitizenSession, setLanguage, signIn, signOut, type CitizenSession } from './sign-in.js';
import { TOPIC_STATUS_CHANGED } from '../complaints/service.js';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { TICKET_PROGRESS_TOPIC, type TicketProgress } from '../queue/events.js';

export const CITIZEN_COOKIE = 'layan_citizen';
export const CITIZEN_CSRF_COOKIE = 'layan_citizen_csrf';
export const CITIZEN_CSRF_HEADER = 'x-citizen-csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const tags = ['citizen'];

/** Sign-in attempts per address, on top of the per-code attempt limit. */
const SIGN_IN_LIMIT = { max: 20, timeWindow: '10 minutes' };
const FOLLOW_LIMIT = { max: 20, timeWindow: '10 minutes' };

function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function citizenRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock, config } = ctx;
  const followEnv: FollowEnv = { db, clock, publicUrl: (config.publicUrl ?? '').replace(/\/$/, '') };

  // VAPID keys: generated at the first start, kept in the database.
  const vapid = await loadVapidKeys(db, clock.now());
  const sender: PushSender = webPushSender({ subject: vapidSubject(config), ...vapid });

  ctx.outbox.on(TICKET_PROGRESS_TOPIC, (m) => onTicketProgress(followEnv, m.payload as TicketProgress));
  ctx.outbox.on(TOPIC_STATUS_CHANGED, (m) => onComplaintChanged(followEnv, m.mppId!, ComplaintChanged.parse(m.payload)));
  ctx.outbox.on(PUSH_TOPIC, pushHandler(db, async () => sender));

  /** The signed-in citizen, or 401; a write must carry the session's CSRF token. */
  async function session(request: FastifyRequest): Promise<CitizenSession> {
    const s = await resolveCitizenSession(db, request.cookies[CITIZEN_COOKIE], clock.now());
    if (!s) throw citizenErrors.citizen_unauthenticated();
    if (UNSAFE.has(request.method) && !csrfMatches(s.csrfToken, request.headers[CITIZEN_CSRF_HEADER] as string | undefined)) throw citizenErrors.citizen_csrf_failed();
    return s;
  }

  function setCookies(reply: FastifyReply, token: string, csrf: string, expires: Date) {
    const base = { path: '/', sameSite: 'strict' as const, secure: config.secureCookies, expires };
    reply.setCookie(CITIZEN_COOKIE, token, { ...base, httpOnly: true });
    reply.setCookie(CITIZEN_CSRF_COOKIE, csrf, { ...base, httpOnly: false });
  }

  app.post('/api/citizen/codes', {
    schema: {
      tags,
      summary: 'Send a one-time sign-in code to a phone number or email (public; the same answer whether the destination is known or not)',
      body: CodeRequest,
      response: { 202: CodeSent },
    },
  }, async (request, reply) => reply.status(202).send(await requestCode(requestContext(request, db, clock), { destination: request.body.destination, lang: request.body.lang, ip: request.ip })));

  app.post('/api/citizen/session', {
    schema: { tags, summary: 'Sign in with the one-time code (sets the citizen session cookie)', body: SignInRequest, response: { 200: CitizenView } },
    config: { rateLimit: SIGN_IN_LIMIT },
  }, async (request, reply) => {
    const current = await resolveCitizenSession(db, request.cookies[CITIZEN_COOKIE], clock.now());
    const s = await signIn(requestContext(request, db, clock), { destination: request.body.destination, code: request.body.code, currentCitizenId: current?.citizenId ?? null });
    setCookies(reply, s.token, s.citizen.csrfToken, s.expiresAt);
    return s.citizen;
  });

  app.get('/api/citizen/session', {
    schema: { tags, summary: 'The signed-in citizen and their verified contacts', response: { 200: CitizenView } },
  }, async (request) => {
    const s = await session(request);
    return getCitizenView(requestContext(request, db, clock), s);
  });

  app.delete('/api/citizen/session', {
    schema: { tags, summary: 'Sign out', response: { 204: z.null() } },
  }, async (request, reply) => {
    await signOut(requestContext(request, db, clock), await session(request));
    reply.clearCookie(CITIZEN_COOKIE, { path: '/' }).clearCookie(CITIZEN_CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.put('/api/citizen/me', {
    schema: { tags, summary: 'Choose the language of messages', body: UpdateCitizenRequest, response: { 200: CitizenView } },
  }, async (request) => setLanguage(requestContext(request, db, clock), { session: await session(request), lang: request.body.lang }));

  app.delete('/api/citizen/me/contacts/:kind/:value', {
    schema: { tags, summary: 'Remove one verified phone number or email from the account (not the last one); its ticket follows and codes go too', params: ContactParams, response: { 200: CitizenView } },
  }, async (request) => {
    const s = await session(request);
    return removeContact(requestContext(request, db, clock), { session: s, contact: request.params });
  });

  app.delete('/api/citizen/me', {
    schema: { tags, summary: 'Delete the account: contacts, sessions, push subscriptions and ticket follows (UU PDP)', response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteAccount(requestContext(request, db, clock), await session(request));
    reply.clearCookie(CITIZEN_COOKIE, { path: '/' }).clearCookie(CITIZEN_CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/citizen/me/items', {
    schema: { tags, summary: 'Layanan saya: bookings, today\'s tickets, complaints and survey invitations, each with what it needs next', response: { 200: MyItems } },
  }, async (request) => listMyServices({ db, clock, bookingSecret: config.bookingSecret }, await session(request), request.lang));

  app.post('/api/citizen/me/push', {
    schema: { tags, summary: 'Subscribe this browser to Web Push for the signed-in citizen (complaint updates)', body: PushSubscriptionInput, response: { 204: z.null() } },
  }, async (request, reply) => {
    const s = await session(request);
    const citizen = await repo.findCitizen(db, s.citizenId);
    await repo.upsertPushSubscription(db, { endpoint: request.body.endpoint, p256dh: request.body.keys.p256dh, auth: request.body.keys.auth, citizenId: s.citizenId, lang: citizen?.lang ?? 'id', at: clock.now() });
    return reply.status(204).send(null);
  });

  app.get('/api/citizen/push-key', {
    schema: { tags, summary: 'The VAPID public key browsers subscribe with (public)', response: { 200: VapidKey } },
  }, async () => ({ publicKey: vapid.publicKey }));

  app.get('/api/citizen/tickets/:statusToken/follow', {
    schema: { tags, summary: 'Whether the holder of this ticket asked to be told (public: the status token is the credential)', params: StatusTokenParams, response: { 200: FollowView.nullable() } },
  }, async (request) => getFollow(requestContext(request, db, clock), { statusToken: request.params.statusToken }));

  app.put('/api/citizen/tickets/:statusToken/follow', {
    schema: {
      tags,
      summary: 'With consent, tell the holder by SMS/WhatsApp, email or Web Push when the turn is near, when called and after service',
      params: StatusTokenParams,
      body: FollowTicketRequest,
      response: { 200: FollowView },
    },
    config: { rateLimit: FOLLOW_LIMIT },
  }, async (request) => followTicket(followEnv, request.params.statusToken, request.body));

  app.delete('/api/citizen/tickets/:statusToken/follow', {
    schema: { tags, summary: 'Withdraw consent: stop the messages and delete the contact', params: StatusTokenParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await unfollowTicket(requestContext(request, db, clock), { statusToken: request.params.statusToken });
    return reply.status(204).send(null);
  });

}
