import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadApplicationKeys } from '../applications/keys.js';
import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER } from '../citizen/routes.js';
import * as citizens from '../citizen/repository.js';
import { TRACKING_LIMIT } from '../complaints/routes.js';
import { citizenErrors, resolveCitizenSession } from '../citizen/sign-in.js';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { ActionParams, ActionRequest, AskRequest, CitizenParams, CodeParams, ConsultationParams, ConsultationTracking, ConsultationSettings, ConsultationView, FaqRequest, MppParams, PublicFaq, ServiceParams, StaffConsultation, TenantParams, WorkQuery } from './schemas.js';
import * as service from './service.js';

const tags = ['consultation'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// A question with a 2 MB attachment in base64 is one JSON body of under 3 MB.
const ASK_BODY_LIMIT = 3 * 1024 * 1024;

export async function consultationRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock, config } = ctx;
  const env: service.ConsultationEnv = { keys: loadApplicationKeys(config), publicUrl: (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '') };

  /** The signed-in citizen with their verified contacts, or 401; a write must carry the session's CSRF token. */
  async function citizen(request: FastifyRequest): Promise<service.CitizenCtx> {
    const s = await resolveCitizenSession(db, request.cookies[CITIZEN_COOKIE], clock.now());
    if (!s) throw citizenErrors.citizen_unauthenticated();
    const given = Buffer.from(String(request.headers[CITIZEN_CSRF_HEADER] ?? ''));
    const expected = Buffer.from(s.csrfToken);
    if (UNSAFE.has(request.method) && (given.length !== expected.length || !timingSafeEqual(given, expected))) throw citizenErrors.citizen_csrf_failed();
    const me = await citizens.findCitizen(db, s.citizenId);
    const base = requestContext(request, db, clock);
    return {
      ctx: { ...base, actor: { ...base.actor, type: 'citizen', id: s.citizenId } }, citizenId: s.citizenId,
      phone: me?.contacts.find((k) => k.kind === 'phone')?.value ?? null, email: me?.contacts.find((k) => k.kind === 'email')?.value ?? null,
    };
  }

  // --- the signed-in citizen ------------------------------------------------------------------------

  app.post('/api/citizen/me/consultations', {
    schema: { tags, summary: 'Ask an agency a written question about a service (optional attachment), or ask for an online consultation', body: AskRequest, response: { 201: ConsultationView } },
    bodyLimit: ASK_BODY_LIMIT,
    // Per citizen session (many citizens share one address behind a carrier's NAT), else per address.
    config: { rateLimit: { max: 20, timeWindow: '10 minutes', keyGenerator: (r: FastifyRequest) => (r.cookies?.[CITIZEN_COOKIE] ? `c:${r.cookies[CITIZEN_COOKIE]}` : `ip:${r.ip}`) } },
  }, async (request, reply) => reply.status(201).send(await service.ask(await citizen(request), env, request.body)));

  app.get('/api/citizen/me/consultations', {
    schema: { tags, summary: "The citizen's consultations with their answers and meeting links", response: { 200: z.array(ConsultationView) } },
  }, async (request) => service.listMine(await citizen(request)));

  app.post('/api/citizen/me/consultations/:consultationId/withdraw', {
    schema: { tags, summary: 'Withdraw an open consultation', params: CitizenParams, response: { 200: ConsultationView } },
  }, async (request) => service.withdraw(await citizen(request), env, request.params));

  // --- the agency's staff ---------------------------------------------------------------------------

  app.get('/api/mpps/:mppId/consultations', {
    schema: { tags, summary: "The agency's consultations: open (by due date), answered, or all", params: MppParams, querystring: WorkQuery, response: { 200: z.array(StaffConsultation) } },
  }, async (request) => service.workList(requestContext(request, db, clock), { mppId: request.params.mppId, view: request.query.view }));

  app.get('/api/mpps/:mppId/consultations/:consultationId', {
    schema: { tags, summary: 'One consultation with its steps', params: ConsultationParams, response: { 200: StaffConsultation } },
  }, async (request) => service.getForStaff(requestContext(request, db, clock), request.params));

  app.post('/api/mpps/:mppId/consultations/:consultationId/actions/:action', {
    schema: { tags, summary: 'Answer, or confirm an online consultation with its meeting link (409 names the allowed steps)', params: ActionParams, body: ActionRequest, response: { 200: StaffConsultation } },
  }, async (request) => service.staffAction(requestContext(request, db, clock), env, { ...request.params, body: request.body }));

  app.get('/api/mpps/:mppId/consultations/:consultationId/attachment', {
    schema: { tags, summary: "The citizen's attachment (the handling agency only; audited)", params: ConsultationParams },
  }, async (request, reply) => {
    const file = await service.attachmentForStaff(requestContext(request, db, clock), env, request.params);
    return reply.type(file.mediaType)
      .header('content-disposition', `inline; filename="${encodeURIComponent(file.fileName)}"`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  app.get('/api/mpps/:mppId/tenants/:tenantId/consultation-settings', {
    schema: { tags, summary: "The agency's answer limit in working days (3 until it sets one)", params: TenantParams, response: { 200: ConsultationSettings } },
  }, async (request) => service.getSettings(requestContext(request, db, clock), request.params));

  app.put('/api/mpps/:mppId/tenants/:tenantId/consultation-settings', {
    schema: { tags, summary: "Set the agency's answer limit (1..30 working days; new consultations only)", params: TenantParams, body: ConsultationSettings, response: { 200: ConsultationSettings } },
  }, async (request) => service.setSettings(requestContext(request, db, clock), { ...request.params, body: request.body }));

  app.put('/api/mpps/:mppId/consultations/:consultationId/faq', {
    schema: { tags, summary: "Publish an answered written question as the service's FAQ (question optionally reworded; never who asked)", params: ConsultationParams, body: FaqRequest, response: { 200: StaffConsultation } },
  }, async (request) => service.publishFaq(requestContext(request, db, clock), { ...request.params, body: request.body }));

  app.delete('/api/mpps/:mppId/consultations/:consultationId/faq', {
    schema: { tags, summary: 'Take the FAQ entry off the public page', params: ConsultationParams, response: { 200: StaffConsultation } },
  }, async (request) => service.unpublishFaq(requestContext(request, db, clock), request.params));

  // --- public ---------------------------------------------------------------------------------------

  app.get('/api/consultations/track/:code', {
    schema: { tags, summary: 'Follow a consultation by its code (public, like a complaint; no name, contact, attachment or meeting link)', params: CodeParams, response: { 200: ConsultationTracking } },
    config: { rateLimit: TRACKING_LIMIT },
  }, async (request) => service.track({ db, now: clock.now() }, request.params));

  app.get('/api/mpps/:mppId/services/:serviceId/faq', {
    schema: { tags, summary: "A service's FAQ published by its agency: questions and answers only", params: ServiceParams, response: { 200: z.array(PublicFaq) } },
  }, async (request) => service.publicFaq(db, request.params));
}
