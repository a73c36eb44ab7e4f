import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http.js';
import { z } from 'zod';
import { commonErrors } from '../platform/errors.js';
import { requestContext, sendProblem } from '../platform/http.js';
import { QueueHub } from '../queue/hub.js';
import { FloorFeeds } from './floor-feed.js';
import * as floor from './floor-service.js';
import { createMetrics, tokenMatches } from './metrics.js';
import { Floor, MppParams, OpsSettings, Staffing, StaffingQuery, Stats, StatsQuery } from './schemas.js';
import * as settings from './settings-service.js';
import { getNationalView } from './national-service.js';
import { getDigitalCriteria } from './digital-criteria.js';
import { DigitalCriteria, NationalQuery, NationalView, Scorecard, ScorecardQuery } from './scorecard-schemas.js';
import { getScorecard } from './scorecard-service.js';
import { PutRollout, Rollout, RolloutParams, RolloutQuery, RolloutRegion } from './rollout-schemas.js';
import { getRollout, putRollout } from './rollout-service.js';
import { CreatedWebhook, CreateWebhook, Delivery, DeliveryParams, Webhook, WebhookParams } from './webhooks-schemas.js';
import * as webhooks from './webhooks-service.js';
import { allowList } from './webhook-guard.js';
import { loadWebhookKey } from './webhook-secrets.js';
import * as stats from './stats-service.js';
import { resolveTenant } from './stats-service.js';

const tags = ['operations'];

export async function operationsRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;
  const base = '/api/mpps/:mppId/operations';
  const TenantQuery = z.object({ tenantId: z.uuid().optional() });

  app.get(`${base}/floor`, {
    schema: { tags, summary: 'Live floor: lines, counters, tickets near the target wait, quiet devices (poll every few seconds)', params: MppParams, querystring: TenantQuery, response: { 200: Floor } },
  }, async (request) => floor.getFloor(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query }));

  // The floor pushed to supervisors' screens: one LISTEN per node (the queue's hub), one computation per change per floor.
  const hub = new QueueHub(db, ctx.log);
  const floorFeeds = new FloorFeeds(db, hub, clock);
  app.addHook('preClose', async () => {
    floorFeeds.stop();
    await hub.stop();
  });
  app.get(`${base}/floor/events`, {
    schema: { tags, summary: 'Live floor as Server-Sent Events: a `floor` event now, after every queue change and every 30 s', params: MppParams, querystring: TenantQuery },
    config: { rateLimit: false, eventStream: true },
  }, async (request, reply) => {
    const tenantId = resolveTenant(request.principal, request.params.mppId, request.query.tenantId);
    await floorFeeds.open(request, reply, { mppId: request.params.mppId, tenantId });
  });

  app.get(`${base}/staffing`, {
    schema: { tags, summary: 'Counters each agency needs per local hour for the target wait (Erlang C), beside the counters it has', params: MppParams, querystring: StaffingQuery.extend(TenantQuery.shape), response: { 200: Staffing } },
  }, async (request) => floor.getStaffing(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query }));

  // Prometheus scrape endpoint, outside /api and the OpenAPI document; off unless METRICS_TOKEN is set.
  const metrics = createMetrics(db);
  app.addHook('onResponse', async (request, reply) => {
    metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true }, config: { rateLimit: false } }, async (request, reply) => {
    const token = ctx.config.metricsToken;
    if (!token) return sendProblem(request, reply, commonErrors.not_found());
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!tokenMatches(presented, token)) return sendProblem(request, reply, commonErrors.unauthenticated());
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.get(`${base}/stats`, {
    schema: { tags, summary: 'Queue statistics of a period of local days from the hourly aggregates, grouped', params: MppParams, querystring: StatsQuery, response: { 200: Stats } },
  }, async (request) => stats.getStats(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query }));

  app.get(`${base}/stats.csv`, {
    schema: { tags, summary: 'The statistics as CSV (UTF-8 with BOM)', params: MppParams, querystring: StatsQuery },
  }, async (request, reply) => {
    const s = await stats.getStats(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query });
    const { statsCsv } = await import('./export.js');
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="statistik-${s.from}-${s.to}-${s.by}.csv"`).send(statsCsv(s, request.lang));
  });

  app.get(`${base}/stats.xlsx`, {
    schema: { tags, summary: 'The statistics as an Excel workbook', params: MppParams, querystring: StatsQuery },
  }, async (request, reply) => {
    const s = await stats.getStats(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query });
    const { statsXlsx } = await import('./export.js');
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="statistik-${s.from}-${s.to}-${s.by}.xlsx"`)
      .send(await statsXlsx(s, request.lang));
  });

  app.get(`${base}/scorecard`, {
    schema: { tags, summary: 'The MPP scorecard per month with its trend: IKM, queue, complaint SLA, booking no-shows, Standar Pelayanan conformity', params: MppParams, querystring: ScorecardQuery, response: { 200: Scorecard } },
  }, async (request) => getScorecard(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query }));

  app.get(`${base}/digital-criteria`, {
    schema: { tags, summary: 'The 11 MPP Digital criteria scored from system data, each with its evidence', params: MppParams, response: { 200: DigitalCriteria } },
  }, async (request) => getDigitalCriteria(requestContext(request, db, clock), { mppId: request.params.mppId }));

  app.get('/api/national/operations/scorecards', {
    schema: { tags, summary: 'Every MPP’s scorecard of a month by province, ranked and filterable, with totals and stale data flagged', querystring: NationalQuery, response: { 200: NationalView } },
  }, async (request) => getNationalView(requestContext(request, db, clock), request.query));

  app.get('/api/national/rollout', {
    schema: { tags, summary: 'Every kabupaten/kota with its MPP’s rollout stage and dates, and what its MPPs in Layan have joined', querystring: RolloutQuery, response: { 200: Rollout } },
  }, async (request) => getRollout(requestContext(request, db, clock), request.query));
  app.put('/api/national/rollout/:regionCode', {
    schema: { tags, summary: 'Record the rollout stage (and dates) of a kabupaten/kota', params: RolloutParams, body: PutRollout, response: { 200: RolloutRegion } },
  }, async (request) => putRollout(requestContext(request, db, clock), { ...request.params, ...request.body }));

  // --- Signed webhooks for integrators (MPP admins) ----------------------------------------------
  const webhookEnv: webhooks.WebhookEnv = { key: loadWebhookKey(ctx.config), allowed: allowList(ctx.config.webhookAllowNetworks) };
  const sealed = await webhooks.sealPlainSecrets(db, webhookEnv.key);
  if (sealed > 0) ctx.log.info({ sealed }, 'webhook secrets stored in plain text were encrypted');
  ctx.outbox.on(webhooks.WEBHOOK_TOPIC, webhooks.webhookDeliverer(db, () => clock.now(), webhookEnv));
  const hooks = '/api/mpps/:mppId/webhooks';
  app.get(hooks, { schema: { tags, summary: 'The MPP’s webhook subscriptions with delivery counts', params: MppParams, response: { 200: z.array(Webhook) } } }, async (request) =>
    webhooks.listWebhooks(requestContext(request, db, clock), { mppId: request.params.mppId }),
  );
  app.post(hooks, {
    schema: { tags, summary: 'Subscribe a URL to ticket, booking, complaint and survey events (the signing secret is shown once)', params: MppParams, body: CreateWebhook, response: { 201: CreatedWebhook } },
  }, async (request, reply) => reply.status(201).send(await webhooks.createWebhook(requestContext(request, db, clock), { mppId: request.params.mppId, env: webhookEnv, ...request.body })));
  app.delete(`${hooks}/:webhookId`, { schema: { tags, summary: 'Stop a subscription (its delivery log is kept)', params: WebhookParams } }, async (request, reply) => {
    await webhooks.deleteWebhook(requestContext(request, db, clock), request.params);
    return reply.status(204).send();
  });
  app.get(`${hooks}/:webhookId/deliveries`, { schema: { tags, summary: 'Delivery log of a subscription, newest first (100)', params: WebhookParams, response: { 200: z.array(Delivery) } } }, async (request) =>
    webhooks.listDeliveries(requestContext(request, db, clock), request.params),
  );
  app.post(`${hooks}/:webhookId/deliveries/:deliveryId/replay`, {
    schema: { tags, summary: 'Send a delivery’s event again (same event id and body) as a new delivery', params: DeliveryParams, response: { 201: Delivery } },
  }, async (request, reply) => reply.status(201).send(await webhooks.replayDelivery(requestContext(request, db, clock), request.params)));

  app.get(`${base}/settings`, {
    schema: { tags, summary: 'Operations settings of the MPP (target wait)', params: MppParams, response: { 200: OpsSettings } },
  }, async (request) => settings.getSettings(requestContext(request, db, clock), { mppId: request.params.mppId }));

  app.put(`${base}/settings`, {
    schema: { tags, summary: 'Set the MPP’s target wait', params: MppParams, body: OpsSettings, response: { 200: OpsSettings } },
  }, async (request) => settings.putSettings(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.body }));
}
