import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER } from '../citizen/routes.js';
import { citizenErrors, resolveCitizenSession } from '../citizen/sign-in.js';
import * as citizens from '../citizen/repository.js';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { loadApplicationKeys } from './keys.js';
import {
  ActionParams, ActionRequest, ApplicationDetail, ApplicationParams, ApplicationSummary, CodeParams, DocumentParams as StaffDocumentParams, MppParams,
  OnlineApplicationRequest, OpenApplicationRequest, PickupCollected, PickupCollectRequest, PickupStarted, PickupStartRequest, ProductQuery, TrackingView, WorkListQuery,
} from './schemas.js';
import * as service from './service.js';
import * as walletService from './wallet-service.js';
import * as offerService from './offer-service.js';
import { startRetentionJob } from './retention.js';
import { walletErrors } from './errors.js';
import {
  AccessEntry, DocumentParams, GrantParams, GrantRequest, MyApplication, OfferParams, OfferQuery, Precheck, PrecheckParams, RequirementTypeView, UploadQuery, WALLET_MAX_BYTES, WalletDocument, WalletOffer,
} from './wallet-schemas.js';

const tags = ['applications'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const perCaller = (request: FastifyRequest) => {
  const p = request.principal;
  return p.kind === 'staff' ? `u:${p.userId}` : p.kind === 'device' ? `d:${p.deviceId}` : `ip:${request.ip}`;
};
const TRACKING_LIMIT = { max: 30, timeWindow: '1 minute', keyGenerator: perCaller };
const PICKUP_LIMIT = { max: 20, timeWindow: '10 minutes', keyGenerator: perCaller };

function sendFile(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', `inline; filename="${encodeURIComponent(file.fileName)}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

export async function applicationsRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock, config } = ctx;
  const keys = loadApplicationKeys(config);
  const env: service.ApplicationsEnv = {
    keys,
    publicUrl: (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, ''),
    bookingSecret: config.bookingSecret,
  };

  /** The signed-in citizen, or 401; a write must carry the session's CSRF token. */
  async function citizen(request: FastifyRequest): Promise<walletService.CitizenCtx> {
    const s = await resolveCitizenSession(db, request.cookies[CITIZEN_COOKIE], clock.now());
    if (!s) throw citizenErrors.citizen_unauthenticated();
    const given = Buffer.from(String(request.headers[CITIZEN_CSRF_HEADER] ?? ''));
    const expected = Buffer.from(s.csrfToken);
    if (UNSAFE.has(request.method) && (given.length !== expected.length || !timingSafeEqual(given, expected))) throw citizenErrors.citizen_csrf_failed();
    const base = requestContext(request, db, clock);
    return { ctx: { ...base, actor: { ...base.actor, type: 'citizen', id: s.citizenId } }, citizenId: s.citizenId };
  }

  // The retention job (docs/applications.md "Retention") runs only in a listening server.
  let stopRetention: (() => Promise<void>) | undefined;
  app.addHook('onListen', async () => {
    stopRetention = startRetentionJob(db, () => clock.now(), ctx.log);
  });
  app.addHook('onClose', async () => {
    await stopRetention?.();
  });

  // --- staff --------------------------------------------------------------------------------------

  app.post('/api/mpps/:mppId/applications', {
    schema: { tags, summary: 'Open an application at the counter (from a served ticket, a booking, or for a service)', params: MppParams, body: OpenApplicationRequest, response: { 201: ApplicationDetail } },
  }, async (request, reply) => reply.status(201).send(await service.openApplication(requestContext(request, db, clock), env, { ...request.body, mppId: request.params.mppId })));

  app.get('/api/mpps/:mppId/applications', {
    schema: { tags, summary: "The agency's work list: open, due soon, overdue, waiting for the citizen, closed", params: MppParams, querystring: WorkListQuery, response: { 200: z.array(ApplicationSummary) } },
  }, async (request) => service.workList(requestContext(request, db, clock), { mppId: request.params.mppId, view: request.query.view }));

  app.get('/api/mpps/:mppId/applications/:applicationId', {
    schema: { tags, summary: 'One application with its checklist, steps and the documents granted to it', params: ApplicationParams, response: { 200: ApplicationDetail } },
  }, async (request) => service.getApplication(requestContext(request, db, clock), request.params));

  app.post('/api/mpps/:mppId/applications/:applicationId/actions/:action', {
    schema: { tags, summary: 'Take a workflow step (409 names the allowed ones)', params: ActionParams, body: ActionRequest, response: { 200: ApplicationDetail } },
  }, async (request) => service.staffAction(requestContext(request, db, clock), env, { ...request.params, body: request.body }));

  app.get('/api/mpps/:mppId/applications/:applicationId/documents/:documentId', {
    schema: { tags, summary: 'Read a document the applicant granted to this application (logged for the applicant)', params: StaffDocumentParams },
  }, async (request, reply) => sendFile(reply, await walletService.readGrantedDocument(requestContext(request, db, clock), keys, request.params)));

  // --- public and kiosk -----------------------------------------------------------------------------

  app.get('/api/applications/track/:code', {
    schema: { tags, summary: 'Follow an application by its code (public; no name, NIK or contact)', params: CodeParams, response: { 200: TrackingView } },
    config: { rateLimit: TRACKING_LIMIT },
  }, async (request) => service.track({ db, now: clock.now() }, request.params));

  app.post('/api/mpps/:mppId/pickup/start', {
    schema: { tags, summary: 'Kiosk pickup: application code + NIK; sends a one-time code to the phone on record', params: MppParams, body: PickupStartRequest, response: { 200: PickupStarted } },
    config: { rateLimit: PICKUP_LIMIT },
  }, async (request) => service.startPickup(requestContext(request, db, clock), env, { ...request.body, mppId: request.params.mppId }));

  app.post('/api/mpps/:mppId/pickup/collect', {
    schema: { tags, summary: 'Kiosk pickup: code + NIK + one-time code; marks the application collected', params: MppParams, body: PickupCollectRequest, response: { 200: PickupCollected } },
    config: { rateLimit: PICKUP_LIMIT },
  }, async (request) => service.collectAtKiosk(requestContext(request, db, clock), env, { ...request.body, mppId: request.params.mppId }));

  app.post('/api/mpps/:mppId/pickup/product', {
    schema: { tags, summary: 'Kiosk: the product PDF of an application just collected here (code + NIK)', params: MppParams, body: PickupStartRequest },
    config: { rateLimit: PICKUP_LIMIT },
  }, async (request, reply) => sendFile(reply, await service.productForKiosk(requestContext(request, db, clock), env, { ...request.body, mppId: request.params.mppId })));

  app.get('/api/requirement-types', {
    schema: { tags, summary: 'The national requirement dictionary (document types of the wallet)', response: { 200: z.array(RequirementTypeView) } },
  }, async () => walletService.requirementTypes(db));

  // --- the signed-in citizen ------------------------------------------------------------------------

  app.get('/api/citizen/me/applications', {
    schema: { tags, summary: "The citizen's applications, with which requirements are in the wallet and shared", response: { 200: z.array(MyApplication) } },
  }, async (request) => walletService.myApplications(await citizen(request)));

  app.post('/api/citizen/me/applications', {
    schema: { tags, summary: 'Apply online for a service that offers it', body: OnlineApplicationRequest, response: { 201: TrackingView } },
  }, async (request, reply) => {
    const c = await citizen(request);
    const me = await citizens.findCitizen(db, c.citizenId);
    const phone = me?.contacts.find((k) => k.kind === 'phone')?.value ?? null;
    const email = me?.contacts.find((k) => k.kind === 'email')?.value ?? null;
    return reply.status(201).send(await service.applyOnline(c.ctx, env, { ...request.body, citizenId: c.citizenId, phone, email }));
  });

  app.get('/api/citizen/me/documents', {
    schema: { tags, summary: "The citizen's document wallet", response: { 200: z.array(WalletDocument) } },
  }, async (request) => walletService.listDocuments(await citizen(request)));

  // Upload: the raw file as the body (PDF, JPEG or PNG; checked by content). The parser lives only here.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: WALLET_MAX_BYTES + 1 }, (_req, body, done) => done(null, body));
    scope.put('/api/mpps/:mppId/applications/:applicationId/product', {
      schema: { tags, summary: 'Attach the printable product (PDF, raw body) for the kiosk to print at pickup', params: ApplicationParams, querystring: ProductQuery, response: { 200: ApplicationDetail } },
    }, async (request) => {
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return service.attachProduct(requestContext(request, db, clock), env, { ...request.params, fileName: request.query.fileName, content });
    });
    scope.post('/api/mpps/:mppId/applications/:applicationId/wallet-offers', {
      schema: { tags, summary: "Add a document (raw body) for the applicant's wallet; it lands there only with the applicant's consent", params: ApplicationParams, querystring: OfferQuery, response: { 201: ApplicationDetail } },
    }, async (request, reply) => {
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return reply.status(201).send(await offerService.offerDocument(requestContext(request, db, clock), env, { ...request.params, ...request.query, content }));
    });
    scope.post('/api/citizen/me/documents', {
      schema: { tags, summary: 'Add a document to the wallet (raw file body; type from the requirement dictionary)', querystring: UploadQuery, response: { 201: WalletDocument } },
    }, async (request, reply) => {
      const c = await citizen(request);
      if (!Buffer.isBuffer(request.body)) throw walletErrors.wallet_file_missing();
      return reply.status(201).send(await walletService.uploadDocument(c, keys, { typeCode: request.query.typeCode, fileName: request.query.fileName, content: request.body }));
    });
  });

  app.get('/api/citizen/me/documents/:documentId', {
    schema: { tags, summary: "The citizen's own copy of a document", params: DocumentParams },
  }, async (request, reply) => sendFile(reply, await walletService.readOwnDocument(await citizen(request), keys, request.params)));

  app.delete('/api/citizen/me/documents/:documentId', {
    schema: { tags, summary: 'Delete a document (and every grant on it)', params: DocumentParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await walletService.deleteDocument(await citizen(request), request.params);
    return reply.status(204).send(null);
  });

  app.post('/api/citizen/me/grants', {
    schema: { tags, summary: 'Let the agency handling an application read some documents, for a number of days', body: GrantRequest, response: { 200: z.array(WalletDocument) } },
  }, async (request) => walletService.grantAccess(await citizen(request), request.body));

  app.delete('/api/citizen/me/grants/:grantId', {
    schema: { tags, summary: 'Revoke a grant', params: GrantParams, response: { 200: z.array(WalletDocument) } },
  }, async (request) => walletService.revokeAccess(await citizen(request), request.params));

  app.get('/api/citizen/me/offers', {
    schema: { tags, summary: 'Documents agencies added for the citizen, waiting for consent (and those decided)', response: { 200: z.array(WalletOffer) } },
  }, async (request) => offerService.myOffers(await citizen(request)));

  app.post('/api/citizen/me/offers/:offerId/accept', {
    schema: { tags, summary: 'Consent: the document enters the wallet', params: OfferParams, response: { 200: z.array(WalletDocument) } },
  }, async (request) => offerService.acceptOffer(await citizen(request), keys, request.params));

  app.post('/api/citizen/me/offers/:offerId/decline', {
    schema: { tags, summary: "Decline: the agency's copy is deleted", params: OfferParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await offerService.declineOffer(await citizen(request), request.params);
    return reply.status(204).send(null);
  });

  app.get('/api/citizen/me/access-log', {
    schema: { tags, summary: 'Who read which of the citizen\'s documents, and when', response: { 200: z.array(AccessEntry) } },
  }, async (request) => walletService.accessLog(await citizen(request)));

  app.get('/api/citizen/me/precheck/:mppId/:serviceId', {
    schema: { tags, summary: "Which of a service's requirements are already in the wallet", params: PrecheckParams, response: { 200: Precheck } },
  }, async (request) => walletService.precheck(await citizen(request), request.params));
}
