import { z } from 'zod';
import { actorOf, isMppInsider } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import * as console_ from './console-service.js';
import * as floor from './floor-service.js';
import { QueueFeeds } from './feed.js';
import { QueueHub } from './hub.js';
import {
  CallResult,
  CallSpecificRequest,
  ClassParams,
  ConsoleView,
  CounterParams,
  CounterSetupRequest,
  CounterView,
  CreatePauseReason,
  CreatePriorityClass,
  DeviceHealth,
  HeartbeatRequest,
  HeartbeatResult,
  PauseReason,
  PauseReasonParams,
  UnparkRequest,
  UpdatePauseReason,
  DisplayQuery,
  DisplaySnapshot,
  IdempotencyHeaders,
  IssueTicketRequest,
  MppParams,
  PauseRequest,
  PriorityClass,
  QueueOffer,
  QueueSettings,
  QueueSettingsUpdate,
  QueueSetupView,
  ServiceParams,
  ServiceSettingsRequest,
  ServiceSettingsView,
  StaffTicketView,
  TicketParams,
  TicketView,
  TokenParams,
  TransferRequest,
  UpdatePriorityClass,
} from './schemas.js';
import * as service from './service.js';
import * as settings from './settings-service.js';
import * as zone from './zone-service.js';
import { zoneRoutes } from './zone-routes.js';

const tags = ['queue'];
/** Virtual (online) tickets per client address per minute. */
export const ONLINE_TICKET_LIMIT = 5;

export async function queueRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;
  const hub = new QueueHub(db, ctx.log);
  const feeds = new QueueFeeds(db, hub, clock);
  app.addHook('preClose', async () => {
    feeds.stop();
    await hub.stop();
  });
  const base = '/api/mpps/:mppId/queue';
  await zoneRoutes(app, ctx);

  // --- Tickets: kiosk, reception, online --------------------------------------------------------
  app.get(`${base}/offer`, { schema: { tags, summary: 'Services a kiosk offers, with lines and quotas (public)', params: MppParams, response: { 200: QueueOffer } } }, async (request) =>
    service.queueOffer(requestContext(request, db, clock), { mppId: request.params.mppId }),
  );

  app.post(`${base}/tickets`, {
    schema: { tags, summary: 'Issue a ticket at a kiosk or by reception staff', params: MppParams, headers: IdempotencyHeaders, body: IssueTicketRequest, response: { 201: TicketView } },
  }, async (request, reply) => {
    const channel = service.channelOf(request.principal, request.params.mppId);
    const ticket = await service.issueTicket(db, request.params.mppId, channel, request.body, {
      idempotencyKey: request.headers['idempotency-key'],
      at: clock.now(),
      actor: actorOf(request.principal, request.id),
    });
    return reply.status(201).send(ticket);
  });

  app.post(`${base}/online-tickets`, {
    schema: { tags, summary: 'Take a virtual ticket for today (public, rate-limited)', params: MppParams, headers: IdempotencyHeaders, body: IssueTicketRequest, response: { 201: TicketView } },
    config: { rateLimit: { max: ONLINE_TICKET_LIMIT, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const ticket = await service.issueTicket(db, request.params.mppId, 'online', request.body, {
      idempotencyKey: request.headers['idempotency-key'],
      at: clock.now(),
      actor: actorOf(request.principal, request.id),
      insider: isMppInsider(request.principal, request.params.mppId),
    });
    return reply.status(201).send(ticket);
  });

  app.get('/api/queue/status/:token', { schema: { tags, summary: 'Live status of a ticket, by its secret token', params: TokenParams, response: { 200: TicketView } } }, async (request) =>
    service.statusByToken(requestContext(request, db, clock), { token: request.params.token }),
  );
  app.post('/api/queue/status/:token/cancel', {
    schema: { tags, summary: 'The holder cancels their ticket', params: TokenParams, response: { 200: TicketView } },
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
  }, async (request) => service.cancelByToken(requestContext(request, db, clock), { token: request.params.token }));
  app.get('/api/queue/status/:token/events', { schema: { tags, summary: 'Ticket status as Server-Sent Events', params: TokenParams }, config: { rateLimit: false, eventStream: true } }, async (request, reply) =>
    feeds.ticketStatus(request, reply, request.params.token),
  );

  // --- Display boards ---------------------------------------------------------------------------
  app.get(`${base}/display`, { schema: { tags, summary: 'Board snapshot: latest calls, now serving, waiting counts', params: MppParams, querystring: DisplayQuery, response: { 200: DisplaySnapshot } } }, async (request) =>
    settings.displaySnapshot(requestContext(request, db, clock), { mppId: request.params.mppId, zone: request.query.zone ?? null }),
  );
  app.get(`${base}/display/events`, {
    schema: {
      tags,
      summary: 'Board feed as Server-Sent Events (send Last-Event-ID to replay what was missed)',
      params: MppParams,
      querystring: DisplayQuery.extend({ after: z.coerce.number().int().min(0).optional() }),
      headers: z.object({ 'last-event-id': z.string().regex(/^\d{1,15}$/).optional() }),
    },
    config: { rateLimit: false, eventStream: true },
  }, async (request, reply) => {
    settings.requireBoardReader(request.principal, request.params.mppId);
    const header = request.headers['last-event-id'];
    const after = header !== undefined ? Number(header) : (request.query.after ?? null);
    const { scope } = await zone.boardScope(db, request.principal, request.params.mppId, request.query.zone ?? null);
    await feeds.board(request, reply, request.params.mppId, scope, after);
  });

  // --- Officer console ----------------------------------------------------------------------------
  app.get(`${base}/counters`, { schema: { tags, summary: 'Counters I may staff', params: MppParams, response: { 200: z.array(CounterView) } } }, async (request) =>
    console_.listCounters(requestContext(request, db, clock), { mppId: request.params.mppId }),
  );
  app.get(`${base}/counters/:counterId/console`, { schema: { tags, summary: 'Console: current ticket, waiting line, my counts', params: CounterParams, response: { 200: ConsoleView } } }, async (request) =>
    console_.consoleView(requestContext(request, db, clock), { mppId: request.params.mppId, counterId: request.params.counterId }),
  );
  for (const action of ['open', 'close'] as const) {
    app.post(`${base}/counters/:counterId/${action}`, { schema: { tags, summary: `${action} a counter`, params: CounterParams, response: { 200: CounterView } } }, async (request) =>
      console_.setCounterStatus(requestContext(request, db, clock), { ...request.params, action, reason: null }),
    );
  }
  app.post(`${base}/counters/:counterId/pause`, { schema: { tags, summary: 'Pause a counter with one of the MPP\'s pause reasons', params: CounterParams, body: PauseRequest, response: { 200: CounterView } } }, async (request) =>
    floor.pauseCounter(requestContext(request, db, clock), { ...request.params, ...request.body }),
  );
  app.post(`${base}/counters/:counterId/unpark`, { schema: { tags, summary: 'Call a parked ticket back to this counter', params: CounterParams, body: UnparkRequest, response: { 200: CallResult } } }, async (request) => ({
    ticket: await floor.unparkTicket(requestContext(request, db, clock), { mppId: request.params.mppId, counterId: request.params.counterId, ticketId: request.body.ticketId }),
  }));
  app.post(`${base}/counters/:counterId/call-next`, { schema: { tags, summary: 'Call the best waiting ticket', params: CounterParams, response: { 200: CallResult } } }, async (request) => ({
    ticket: await console_.callNext(requestContext(request, db, clock), request.params),
  }));
  app.post(`${base}/counters/:counterId/call`, { schema: { tags, summary: 'Call a given ticket out of order (reason logged)', params: CounterParams, body: CallSpecificRequest, response: { 200: CallResult } } }, async (request) => ({
    ticket: await console_.callSpecific(requestContext(request, db, clock), { ...request.params, ...request.body }),
  }));
  app.put(`${base}/counters/:counterId/setup`, { schema: { tags, summary: 'Services (with weights) and zone of a counter', params: CounterParams, body: CounterSetupRequest, response: { 200: CounterView } } }, async (request) =>
    settings.setupCounter(requestContext(request, db, clock), { ...request.params, ...request.body }),
  );

  app.get(`${base}/tickets/:ticketId`, { schema: { tags, summary: 'A ticket with its event history', params: TicketParams, response: { 200: StaffTicketView } } }, async (request) =>
    console_.staffTicket(requestContext(request, db, clock), { mppId: request.params.mppId, ticketId: request.params.ticketId }),
  );
  const simple = { recall: 'recall', start: 'start', finish: 'finish', 'no-show': 'no_show', cancel: 'cancel' } as const;
  for (const [path, action] of Object.entries(simple)) {
    app.post(`${base}/tickets/:ticketId/${path}`, {
      schema: { tags, summary: `${action} a ticket`, params: TicketParams, response: { 200: StaffTicketView } },
    }, async (request) =>
      console_.ticketAction(requestContext(request, db, clock), { ...request.params, action }),
    );
  }
  app.post(`${base}/tickets/:ticketId/transfer`, { schema: { tags, summary: 'Transfer a ticket to another service or counter', params: TicketParams, body: TransferRequest, response: { 200: StaffTicketView } } }, async (request) =>
    console_.ticketAction(requestContext(request, db, clock), { ...request.params, action: 'transfer', transfer: request.body }),
  );

  app.post(`${base}/tickets/:ticketId/park`, { schema: { tags, summary: 'Park the ticket at the counter in the agency\'s pool', params: TicketParams, response: { 200: StaffTicketView } } }, async (request) =>
    floor.parkTicket(requestContext(request, db, clock), { mppId: request.params.mppId, ticketId: request.params.ticketId, note: null }),
  );
  app.post(`${base}/tickets/:ticketId/undo-no-show`, { schema: { tags, summary: 'Undo a no-show within a minute', params: TicketParams, response: { 200: StaffTicketView } } }, async (request) =>
    floor.undoNoShow(requestContext(request, db, clock), { mppId: request.params.mppId, ticketId: request.params.ticketId }),
  );
  app.post(`${base}/tickets/:ticketId/reprint`, { schema: { tags, summary: 'The ticket as printed, to print it again', params: TicketParams, response: { 200: TicketView } } }, async (request) =>
    floor.reprintTicket(requestContext(request, db, clock), { mppId: request.params.mppId, ticketId: request.params.ticketId }),
  );

  // --- Devices -------------------------------------------------------------------------------------
  app.post(`${base}/devices/heartbeat`, { schema: { tags, summary: 'A kiosk or board reports it is alive (app version, printer error)', params: MppParams, body: HeartbeatRequest, response: { 200: HeartbeatResult } }, config: { rateLimit: false } }, async (request) =>
    floor.heartbeat(requestContext(request, db, clock), { mppId: request.params.mppId, body: request.body }),
  );
  app.get(`${base}/devices/health`, { schema: { tags, summary: 'Kiosks and boards: last seen, online, app version, printer error', params: MppParams, response: { 200: z.array(DeviceHealth) } } }, async (request) =>
    floor.deviceHealth(requestContext(request, db, clock), { mppId: request.params.mppId }),
  );

  // --- Settings -----------------------------------------------------------------------------------
  app.get(`${base}/setup`, { schema: { tags, summary: 'Services with daily quotas and counters with their services, for the set-up page', params: MppParams, response: { 200: QueueSetupView } } }, async (request) =>
    settings.getSetup(requestContext(request, db, clock), { mppId: request.params.mppId }),
  );
  app.put(`${base}/services/:serviceId/settings`, { schema: { tags, summary: 'Daily quota of a service', params: ServiceParams, body: ServiceSettingsRequest, response: { 200: ServiceSettingsView } } }, async (request) =>
    settings.setServiceQuota(requestContext(request, db, clock), { mppId: request.params.mppId, serviceId: request.params.serviceId, dailyQuota: request.body.dailyQuota }),
  );
  app.get(`${base}/settings`, { schema: { tags, summary: 'Queue rules of the MPP', params: MppParams, response: { 200: QueueSettings } } }, async (request) =>
    settings.getSettings(requestContext(request, db, clock), { mppId: request.params.mppId }),
  );
  app.put(`${base}/settings`, { schema: { tags, summary: 'Change the queue rules of the MPP (only the rules sent)', params: MppParams, body: QueueSettingsUpdate, response: { 200: QueueSettings } } }, async (request) =>
    settings.putSettings(requestContext(request, db, clock), { mppId: request.params.mppId, change: request.body }),
  );
  app.get(`${base}/priority-classes`, { schema: { tags, summary: 'Priority classes', params: MppParams, response: { 200: z.array(PriorityClass) } } }, async (request) =>
    settings.priorityClasses(requestContext(request, db, clock), { mppId: request.params.mppId }),
  );
  app.post(`${base}/priority-classes`, { schema: { tags, summary: 'Add a priority class', params: MppParams, body: CreatePriorityClass, response: { 201: PriorityClass } } }, async (request, reply) =>
    reply.status(201).send(await settings.createPriorityClass(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.body })),
  );
  app.get(`${base}/pause-reasons`, { schema: { tags, summary: 'Pause reasons of the MPP', params: MppParams, response: { 200: z.array(PauseReason) } } }, async (request) =>
    floor.pauseReasons(requestContext(request, db, clock), { mppId: request.params.mppId }),
  );
  app.post(`${base}/pause-reasons`, { schema: { tags, summary: 'Add a pause reason', params: MppParams, body: CreatePauseReason, response: { 201: PauseReason } } }, async (request, reply) =>
    reply.status(201).send(await floor.createPauseReason(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.body })),
  );
  app.patch(`${base}/pause-reasons/:reasonId`, { schema: { tags, summary: 'Change, reorder or retire a pause reason', params: PauseReasonParams, body: UpdatePauseReason, response: { 200: PauseReason } } }, async (request) =>
    floor.updatePauseReason(requestContext(request, db, clock), { mppId: request.params.mppId, reasonId: request.params.reasonId, ...request.body }),
  );
  app.patch(`${base}/priority-classes/:classId`, { schema: { tags, summary: 'Change a priority class', params: ClassParams, body: UpdatePriorityClass, response: { 200: PriorityClass } } }, async (request) =>
    settings.updatePriorityClass(requestContext(request, db, clock), { mppId: request.params.mppId, classId: request.params.classId, ...request.body }),
  );

}
