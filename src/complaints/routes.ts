import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { citizenRespond, trackComplaint } from './citizen.js';
import { exportForLapor, toCsv } from './lapor.js';
import { createApiKey, listApiKeys, revokeApiKey } from './open311.js';
import { open311Routes } from './open311-routes.js';
import {
  ActionParams, ApiKeyCreated, ApiKeyParams, ApiKeyView, AttachmentParams, CodeParams, ComplaintActionRequest, ComplaintDetail, ComplaintListQuery,
  ComplaintPage, ComplaintParams, ComplaintView, CreateApiKey, ExportQuery, FiledComplaint, FileComplaintRequest, FilingOptions, MppParams, NoteRequest, ReopenRequest,
  SlugParams, TrackingView,
} from './schemas.js';
import * as service from './service.js';
import { MAX_FILE_BYTES, MAX_FILES, readMultipartBody } from './uploads.js';

const tags = ['complaints'];

/**
 * Bursts from one client are refused: citizens by IP, staff and kiosks per account or device
 * (a complaint room or a kiosk sits behind the MPP's one public address).
 */
const perCaller = (request: FastifyRequest) => {
  const p = request.principal;
  return p.kind === 'staff' ? `u:${p.userId}` : p.kind === 'device' ? `d:${p.deviceId}` : `ip:${request.ip}`;
};
export const FILING_LIMIT = { max: 5, timeWindow: '10 minutes', keyGenerator: perCaller };
/** Public look-ups by a tracking code (complaints, consultations). */
export const TRACKING_LIMIT = { max: 30, timeWindow: '1 minute', keyGenerator: perCaller };

export async function complaintsRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;

  // TOPIC_STATUS_CHANGED is consumed by the citizen domain (messages to the complainant).
  ctx.outbox.on(service.TOPIC_OVERDUE, async (m) => ctx.log.warn({ outbox: m.id, payload: m.payload }, 'complaint overdue: responsible admins notified'));

  app.get('/api/complaints/options/:slug', {
    schema: { tags, summary: 'What the public filing form offers for an MPP (public)', params: SlugParams, response: { 200: FilingOptions } },
  }, async (request) => service.filingOptions(requestContext(request, db, clock), { slugOrId: request.params.slug }));

  // Filing accepts JSON or multipart/form-data (with up to 3 photos/PDFs in `attachments`); the
  // multipart parser lives only in this scope.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES } });
    scope.addHook('preValidation', readMultipartBody);
    scope.post('/api/mpps/:mppId/complaints', {
      schema: {
        tags,
        summary: 'File a complaint (public site, kiosk, or staff in the complaint room); JSON or multipart with attachments',
        params: MppParams,
        body: FileComplaintRequest,
        response: { 201: FiledComplaint },
      },
      config: { rateLimit: FILING_LIMIT },
    }, async (request, reply) => {
      const { id: _id, ...filed } = await service.fileComplaint(requestContext(request, db, clock), { mppId: request.params.mppId, complaint: request.body, uploads: request.uploads ?? [] });
      return reply.status(201).send(filed);
    });
  });

  app.get('/api/mpps/:mppId/complaints', {
    schema: { tags, summary: 'Complaints of an MPP, a page at a time with the total (handlers: all; tenant staff: those assigned to them)', params: MppParams, querystring: ComplaintListQuery, response: { 200: ComplaintPage } },
  }, async (request) => service.listComplaints(requestContext(request, db, clock), { mppId: request.params.mppId, query: request.query }));

  app.get('/api/mpps/:mppId/complaints/:complaintId', {
    schema: { tags, summary: 'One complaint with its steps and attachments', params: ComplaintParams, response: { 200: ComplaintDetail } },
  }, async (request) => service.getComplaintDetail(requestContext(request, db, clock), request.params));

  app.post('/api/mpps/:mppId/complaints/:complaintId/actions/:action', {
    schema: { tags, summary: 'Take a workflow step (409 names the allowed ones)', params: ActionParams, body: ComplaintActionRequest, response: { 200: ComplaintView } },
  }, async (request) =>
    service.staffAction(requestContext(request, db, clock), { ...request.params, body: request.body }));

  app.post('/api/mpps/:mppId/complaints/:complaintId/notes', {
    schema: { tags, summary: 'Add an internal note (never shown to the citizen)', params: ComplaintParams, body: NoteRequest, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.addNote(requestContext(request, db, clock), { ...request.params, note: request.body.note });
    return reply.status(204).send(null);
  });

  app.get('/api/mpps/:mppId/complaints/:complaintId/attachments/:attachmentId', {
    schema: { tags, summary: 'Download an attachment', params: AttachmentParams },
  }, async (request, reply) => {
    const file = await service.getAttachment(requestContext(request, db, clock), request.params);
    return reply
      .type(file.media_type)
      .header('content-disposition', `attachment; filename="${file.file_name}"`)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });

  app.get('/api/complaints/track/:code', {
    schema: { tags, summary: 'Follow a complaint by its tracking code (public)', params: CodeParams, response: { 200: TrackingView } },
    config: { rateLimit: TRACKING_LIMIT },
  }, async (request) => trackComplaint({ db, now: clock.now() }, { code: request.params.code }));

  app.post('/api/complaints/track/:code/confirm', {
    schema: { tags, summary: 'The citizen accepts the answer (closes the complaint)', params: CodeParams, response: { 200: TrackingView } },
    config: { rateLimit: TRACKING_LIMIT },
  }, async (request) => citizenRespond(requestContext(request, db, clock), { code: request.params.code, action: 'confirm' }));

  app.post('/api/complaints/track/:code/reopen', {
    schema: { tags, summary: 'The citizen reopens the complaint with a reason, within the period', params: CodeParams, body: ReopenRequest, response: { 200: TrackingView } },
    config: { rateLimit: TRACKING_LIMIT },
  }, async (request) => citizenRespond(requestContext(request, db, clock), { code: request.params.code, action: 'reopen', reason: request.body.reason }));

  app.get('/api/mpps/:mppId/lapor-export', {
    schema: { tags, summary: 'Complaints received in a period for SP4N-LAPOR! (JSON or CSV, no complainant identity)', params: MppParams, querystring: ExportQuery },
  }, async (request, reply) => {
    const reports = await exportForLapor({ db, principal: request.principal }, { mppId: request.params.mppId, query: request.query });
    const name = `lapor-${request.query.from}-${request.query.to}`;
    if (request.query.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(reports));
    }
    return reply.type('application/json; charset=utf-8').send({ from: request.query.from, to: request.query.to, count: reports.length, complaints: reports });
  });

  app.get('/api/mpps/:mppId/open311-keys', {
    schema: { tags, summary: 'Open311 API keys of an MPP', params: MppParams, response: { 200: z.array(ApiKeyView) } },
  }, async (request) => listApiKeys({ db, principal: request.principal }, { mppId: request.params.mppId }));

  app.post('/api/mpps/:mppId/open311-keys', {
    schema: { tags, summary: 'Issue an Open311 API key (shown once)', params: MppParams, body: CreateApiKey, response: { 201: ApiKeyCreated } },
  }, async (request, reply) => reply.status(201).send(await createApiKey(requestContext(request, db, clock), { mppId: request.params.mppId, name: request.body.name })));

  app.delete('/api/mpps/:mppId/open311-keys/:keyId', {
    schema: { tags, summary: 'Revoke an Open311 API key', params: ApiKeyParams, response: { 200: ApiKeyView } },
  }, async (request) => revokeApiKey(requestContext(request, db, clock), request.params));

  await open311Routes(app, ctx);
}
