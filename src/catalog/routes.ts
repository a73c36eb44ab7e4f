import { catalogErrors } from './errors.js';
import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { exportEntity, importEntity } from './import-export.js';
import { directory, mppPage } from './public-service.js';
import * as repo from './repository.js';
import {
  AgreementInput,
  AgreementParams,
  AgreementView,
  AsOfQuery,
  CounterInput,
  CounterParams,
  CounterPatch,
  CounterView,
  DirectoryEntry,
  ExportQuery,
  ImportReport,
  ImportRequest,
  MppInput,
  MppParams,
  MppPatch,
  MppView,
  OpeningStatusView,
  PublicMppPage,
  PublicService,
  Region,
  RequirementType,
  SearchHit,
  SearchQuery,
  ServiceInput,
  ServiceParams,
  ServicePatch,
  ServiceVersionView,
  ServiceView,
  SpecialDayInput,
  SpecialDayParams,
  SpecialDayView,
  SummaryRow,
  SynonymInput,
  SynonymParams,
  SynonymView,
  TenantInput,
  TenantParams,
  TenantPatch,
  TenantView,
} from './schemas.js';
import { searchServices } from './search.js';
import * as service from './service.js';
import { listRequirementTypes } from './service-repository.js';
import * as standards from './standards-service.js';
import * as synonyms from './synonyms.js';
import { openingStatus } from './hours.js';

const tags = ['catalog'];
const publicTags = ['public'];

export async function catalogRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db } = ctx;
  const now = () => ctx.clock.now();

  // Public side: no sign-in.
  app.get('/api/public/regions', {
    schema: { tags: publicTags, summary: 'Provinces and kabupaten/kota (Kemendagri codes)', querystring: z.object({ province: z.string().regex(/^\d{2}$/).optional(), level: z.enum(['province', 'regency']).optional() }), response: { 200: z.array(Region) } },
  }, async (request) => repo.listRegions(db, request.query));

  app.get('/api/public/requirement-types', { schema: { tags: publicTags, summary: 'The national dictionary of requirement documents', response: { 200: z.array(RequirementType) } } }, async () => listRequirementTypes(db));

  app.get('/api/public/mpps', {
    schema: { tags: publicTags, summary: 'Directory of MPPs', querystring: z.object({ province: z.string().regex(/^\d{2}$/).optional() }), response: { 200: z.array(DirectoryEntry) } },
  }, async (request) => directory(db, request.query.province));

  app.get('/api/public/mpps/:slug', {
    schema: { tags: publicTags, summary: 'Public page of an MPP: hours, open now, agencies', params: z.object({ slug: z.string().max(80) }), response: { 200: PublicMppPage } },
  }, async (request) => mppPage(db, request.params.slug, now()));

  app.get('/api/public/mpps/:slug/services/:code', {
    schema: { tags: publicTags, summary: 'Public page of a service (optionally as it stood at a date)', params: z.object({ slug: z.string().max(80), code: z.string().max(30) }), querystring: AsOfQuery, response: { 200: PublicService } },
  }, async (request) => standards.publicService(db, request.params.slug, request.params.code, request.query.at));

  app.get('/api/public/search', {
    schema: { tags: publicTags, summary: 'Search the services of all MPPs (typo and abbreviation tolerant)', querystring: SearchQuery, response: { 200: z.array(SearchHit) } },
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
  }, async (request) => {
    const { q, mpp, province, preferMpp, preferProvince, limit } = request.query;
    return searchServices(db, q, { mppSlug: mpp, province, preferMpp, preferProvince, limit });
  });

  // Staff side.
  app.get('/api/catalog/mpps', { schema: { tags, summary: 'MPPs I administer', response: { 200: z.array(MppView) } } }, async (request) => service.listAdminMpps(db, request.principal));

  app.post('/api/catalog/mpps', { schema: { tags, summary: 'Create an MPP (national admin)', body: MppInput, response: { 201: MppView } } }, async (request, reply) =>
    reply.status(201).send(await service.createMpp(requestContext(request, db, ctx.clock), request.body)),
  );

  app.get('/api/catalog/mpps/:mppId', { schema: { tags, summary: 'One MPP', params: MppParams, response: { 200: MppView } } }, async (request) =>
    service.getAdminMpp(db, request.principal, request.params.mppId),
  );

  app.patch('/api/catalog/mpps/:mppId', { schema: { tags, summary: 'Edit an MPP profile and weekly hours', params: MppParams, body: MppPatch, response: { 200: MppView } } }, async (request) =>
    service.updateMpp(requestContext(request, db, ctx.clock), { mppId: request.params.mppId, patch: request.body }),
  );

  app.get('/api/catalog/mpps/:mppId/status', {
    schema: { tags, summary: 'Open now? (the openingStatus other domains use)', params: MppParams, querystring: z.object({ at: z.iso.datetime({ offset: true }).optional() }), response: { 200: OpeningStatusView } },
  }, async (request) => {
    await service.getAdminMpp(db, request.principal, request.params.mppId);
    return openingStatus(db, request.params.mppId, request.query.at ? new Date(request.query.at) : now());
  });

  app.get('/api/catalog/mpps/:mppId/special-days', { schema: { tags, summary: 'Special days from today on', params: MppParams, response: { 200: z.array(SpecialDayView) } } }, async (request) =>
    service.listSpecialDays(db, request.principal, request.params.mppId, now()),
  );

  app.post('/api/catalog/mpps/:mppId/special-days', { schema: { tags, summary: 'Set the special (e.g. shortened) hours of a date', params: MppParams, body: SpecialDayInput, response: { 200: SpecialDayView } } }, async (request) =>
    service.setSpecialDay(requestContext(request, db, ctx.clock), { mppId: request.params.mppId, day: request.body }),
  );

  app.delete('/api/catalog/mpps/:mppId/special-days/:specialDayId', { schema: { tags, summary: 'Remove a special day', params: SpecialDayParams, response: { 204: z.null() } } }, async (request, reply) => {
    await service.deleteSpecialDay(requestContext(request, db, ctx.clock), request.params);
    return reply.status(204).send(null);
  });

  app.get('/api/catalog/mpps/:mppId/tenants', { schema: { tags, summary: 'Tenants (agencies) I may see', params: MppParams, response: { 200: z.array(TenantView) } } }, async (request) =>
    service.listTenants(db, request.principal, request.params.mppId),
  );

  app.post('/api/catalog/mpps/:mppId/tenants', { schema: { tags, summary: 'Add a tenant', params: MppParams, body: TenantInput, response: { 201: TenantView } } }, async (request, reply) =>
    reply.status(201).send(await service.createTenant(requestContext(request, db, ctx.clock), { mppId: request.params.mppId, tenant: request.body })),
  );

  app.get('/api/catalog/mpps/:mppId/tenants/:tenantId', { schema: { tags, summary: 'One tenant', params: TenantParams, response: { 200: TenantView } } }, async (request) =>
    service.getTenant(db, request.principal, request.params.mppId, request.params.tenantId),
  );

  app.patch('/api/catalog/mpps/:mppId/tenants/:tenantId', { schema: { tags, summary: 'Edit a tenant', params: TenantParams, body: TenantPatch, response: { 200: TenantView } }, bodyLimit: 512 * 1024 }, async (request) =>
    service.updateTenant(requestContext(request, db, ctx.clock), { ...request.params, patch: request.body }),
  );

  app.get('/api/catalog/mpps/:mppId/tenants/:tenantId/agreements', { schema: { tags, summary: 'MoU and PKS of a tenant', params: TenantParams, response: { 200: z.array(AgreementView) } } }, async (request) =>
    service.listAgreements(requestContext(request, db, ctx.clock), request.params),
  );

  app.get('/api/catalog/mpps/:mppId/agreements', { schema: { tags, summary: 'All MoU and PKS of an MPP, with expiry flags', params: MppParams, response: { 200: z.array(AgreementView) } } }, async (request) =>
    service.listAgreements(requestContext(request, db, ctx.clock), request.params),
  );

  app.post('/api/catalog/mpps/:mppId/tenants/:tenantId/agreements', { schema: { tags, summary: 'Record an MoU or PKS', params: TenantParams, body: AgreementInput, response: { 201: AgreementView } } }, async (request, reply) =>
    reply.status(201).send(await service.createAgreement(requestContext(request, db, ctx.clock), request.params, request.body)),
  );

  app.put('/api/catalog/mpps/:mppId/agreements/:agreementId', { schema: { tags, summary: 'Edit an MoU or PKS', params: AgreementParams, body: AgreementInput, response: { 200: AgreementView } } }, async (request) =>
    service.updateAgreement(requestContext(request, db, ctx.clock), request.params, request.body),
  );

  app.get('/api/catalog/mpps/:mppId/counters', { schema: { tags, summary: 'Counters (loket)', params: MppParams, response: { 200: z.array(CounterView) } } }, async (request) =>
    service.listCounters(db, request.principal, request.params.mppId),
  );

  app.post('/api/catalog/mpps/:mppId/counters', { schema: { tags, summary: 'Add a counter', params: MppParams, body: CounterInput, response: { 201: CounterView } } }, async (request, reply) =>
    reply.status(201).send(await service.createCounter(requestContext(request, db, ctx.clock), { mppId: request.params.mppId, counter: request.body })),
  );

  app.patch('/api/catalog/mpps/:mppId/counters/:counterId', { schema: { tags, summary: 'Edit a counter', params: CounterParams, body: CounterPatch, response: { 200: CounterView } } }, async (request) =>
    service.updateCounter(requestContext(request, db, ctx.clock), { ...request.params, patch: request.body }),
  );

  app.get('/api/catalog/mpps/:mppId/services', { schema: { tags, summary: 'Services (jenis layanan) I may see', params: MppParams, querystring: z.object({ tenantId: z.uuid().optional() }), response: { 200: z.array(ServiceView) } } }, async (request) =>
    standards.listServices(db, request.principal, request.params.mppId, request.query.tenantId),
  );

  app.post('/api/catalog/mpps/:mppId/services', { schema: { tags, summary: 'Add a service with its Standar Pelayanan', params: MppParams, body: ServiceInput, response: { 201: ServiceView } } }, async (request, reply) =>
    reply.status(201).send(await standards.createService(requestContext(request, db, ctx.clock), { mppId: request.params.mppId, service: request.body })),
  );

  app.get('/api/catalog/mpps/:mppId/services/:serviceId', { schema: { tags, summary: 'A service, now or as of a date', params: ServiceParams, querystring: AsOfQuery, response: { 200: ServiceView } } }, async (request) =>
    standards.getService(requestContext(request, db, ctx.clock), { ...request.params, at: request.query.at }),
  );

  app.patch('/api/catalog/mpps/:mppId/services/:serviceId', { schema: { tags, summary: 'Change a service standard (keeps the previous version)', params: ServiceParams, body: ServicePatch, response: { 200: ServiceView } } }, async (request) =>
    standards.updateService(requestContext(request, db, ctx.clock), request.params, request.body),
  );

  app.get('/api/catalog/mpps/:mppId/services/:serviceId/versions', { schema: { tags, summary: 'Versions of a service standard', params: ServiceParams, response: { 200: z.array(ServiceVersionView) } } }, async (request) =>
    standards.listVersions(db, request.principal, request.params.mppId, request.params.serviceId),
  );

  app.get('/api/catalog/mpps/:mppId/export', { schema: { tags, summary: 'Export tenants, counters or services as CSV or XLSX', params: MppParams, querystring: ExportQuery } }, async (request, reply) => {
    const file = await exportEntity(requestContext(request, db, ctx.clock), { mppId: request.params.mppId, ...request.query });
    return reply.header('content-disposition', `attachment; filename="${file.filename}"`).type(file.contentType).send(file.body);
  });

  app.post('/api/catalog/mpps/:mppId/import', {
    schema: { tags, summary: 'Import tenants, counters or services (all or nothing, with a row-by-row report)', params: MppParams, body: ImportRequest, response: { 200: ImportReport } },
    bodyLimit: 8 * 1024 * 1024,
  }, async (request) => {
    const report = await importEntity(requestContext(request, db, ctx.clock), { mppId: request.params.mppId, file: request.body });
    // A refused file is a problem+json 422 that carries the whole row-by-row report as its members.
    if (report.errors.length) throw catalogErrors.import_rejected({ ...report, count: report.errors.length });
    return report;
  });

  app.get('/api/catalog/search-synonyms', { schema: { tags, summary: 'Search vocabulary: abbreviations, alternative words, fillers (national admin)', response: { 200: z.array(SynonymView) } } }, async (request) =>
    synonyms.listSynonyms(db, request.principal),
  );

  app.put('/api/catalog/search-synonyms/:kind/:term', { schema: { tags, summary: 'Add or change a search synonym (national admin)', params: SynonymParams, body: SynonymInput, response: { 200: SynonymView } } }, async (request) =>
    synonyms.putSynonym(requestContext(request, db, ctx.clock), { ...request.params, synonym: request.body }),
  );

  app.delete('/api/catalog/search-synonyms/:kind/:term', { schema: { tags, summary: 'Remove a search synonym (national admin)', params: SynonymParams } }, async (request, reply) => {
    await synonyms.removeSynonym(requestContext(request, db, ctx.clock), request.params);
    return reply.status(204).send();
  });

  app.get('/api/catalog/national/summary', { schema: { tags, summary: 'Counts of MPPs, tenants and services by province and tenant kind', response: { 200: z.array(SummaryRow) } } }, async (request) =>
    service.nationalSummary(db, request.principal),
  );
}
