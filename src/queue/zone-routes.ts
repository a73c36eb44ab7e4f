import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { CounterParams, IdempotencyHeaders, MppParams, TicketView } from './schemas.js';
import * as zones from './zone-service.js';
import { AssignZone, CreateZone, DeviceParams, LaneOffer, LaneTicketRequest, UpdateZone, Zone, ZoneParams } from './zone-schemas.js';

const tags = ['queue'];

/** Queue zones and drive-thru lanes (docs/floor.md, "Drive-thru"). */
export async function zoneRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;
  const base = '/api/mpps/:mppId/queue';

  app.get(`${base}/zones`, { schema: { tags, summary: 'Zones and drive-thru lanes with their counters and devices', params: MppParams, response: { 200: z.array(Zone) } } }, async (request) =>
    zones.listZones(requestContext(request, db, clock), request.params),
  );
  app.post(`${base}/zones`, { schema: { tags, summary: 'Add a zone (hall) or a drive-thru lane', params: MppParams, body: CreateZone, response: { 201: Zone } } }, async (request, reply) =>
    reply.status(201).send(await zones.createZone(requestContext(request, db, clock), { ...request.params, ...request.body })),
  );
  app.patch(`${base}/zones/:zoneId`, { schema: { tags, summary: 'Rename a zone', params: ZoneParams, body: UpdateZone, response: { 200: Zone } } }, async (request) =>
    zones.renameZone(requestContext(request, db, clock), { ...request.params, ...request.body }),
  );
  app.put(`${base}/counters/:counterId/zone`, { schema: { tags, summary: 'Put a counter in a zone or lane (null: the hall)', params: CounterParams, body: AssignZone, response: { 200: z.array(Zone) } } }, async (request) =>
    zones.assignCounterZone(requestContext(request, db, clock), { ...request.params, ...request.body }),
  );
  app.put(`${base}/devices/:deviceId/zone`, { schema: { tags, summary: 'Bind a kiosk or board to a zone or lane (null: the whole MPP)', params: DeviceParams, body: AssignZone, response: { 200: z.array(Zone) } } }, async (request) =>
    zones.assignDeviceZone(requestContext(request, db, clock), { ...request.params, ...request.body }),
  );
  app.get(`${base}/zones/:zoneId/offer`, { schema: { tags, summary: 'What a drive-thru kiosk offers: the lane and its services (public)', params: ZoneParams, response: { 200: LaneOffer } } }, async (request) =>
    zones.laneOffer(requestContext(request, db, clock), request.params),
  );
  app.post(`${base}/zones/:zoneId/tickets`, {
    schema: { tags, summary: 'Issue a drive-thru ticket by plate number or name', params: ZoneParams, headers: IdempotencyHeaders, body: LaneTicketRequest, response: { 201: TicketView } },
  }, async (request, reply) => {
    const ticket = await zones.issueLaneTicket(requestContext(request, db, clock), { ...request.params, request: request.body, idempotencyKey: request.headers['idempotency-key'] });
    return reply.status(201).send(ticket);
  });
}
