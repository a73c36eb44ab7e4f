import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { CrewStopSummary, PackRequest, StopPack, StopParams, SyncRequest, SyncResult } from './schemas.js';
import * as service from './service.js';

const tags = ['crew'];

/** The queue at a mobile-service stop, run from the crew's devices (docs/mobile-crew.md). */
export async function crewRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;

  app.get('/api/crew/stops', {
    schema: { tags, summary: 'Crew: the stops of the units I crew, soonest first', response: { 200: z.array(CrewStopSummary) } },
  }, async (request) => service.myStops(requestContext(request, db, clock)));

  app.post('/api/mpps/:mppId/crew/stops/:stopId/pack', {
    schema: { tags, summary: 'Crew: download the stop pack (bookings, tickets, this device’s number blocks) to work offline', params: StopParams, body: PackRequest, response: { 200: StopPack } },
  }, async (request) => service.downloadPack(requestContext(request, db, clock), { ...request.params, ...request.body }));

  app.post('/api/mpps/:mppId/crew/stops/:stopId/sync', {
    schema: { tags, summary: 'Crew: send events recorded on the device; each gets its outcome (idempotent, in device order)', params: StopParams, body: SyncRequest, response: { 200: SyncResult } },
  }, async (request) => service.syncEvents(requestContext(request, db, clock), { ...request.params, ...request.body }));
}
