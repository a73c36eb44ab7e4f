import { z } from 'zod';
import { loadBookingKeys, type BookingKeys } from '../booking/keys.js';
import { requireMppRole } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import * as publicService from './public-service.js';
import {
  BookingIdParams,
  CancelStopRequest,
  CitizenCancelRequest,
  CreateStopBookingRequest,
  KecamatanQuery,
  KecamatanView,
  MobileOptions,
  MoveBookingRequest,
  MppParams,
  PublicStopsQuery,
  StaffCancelBookingRequest,
  StopBookingResult,
  StopBookingView,
  StopInput,
  StopListQuery,
  StopParams,
  StopView,
  UnitInput,
  UnitParams,
  UnitView,
} from './schemas.js';
import * as stops from './stop-service.js';
import * as units from './unit-service.js';

const tags = ['mobile'];
const ADMIN = ['mpp_admin'] as const;

export async function mobileRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;
  let keys: Promise<BookingKeys> | undefined;
  const env: publicService.MobileEnv = {
    keys: () => (keys ??= loadBookingKeys(db, ctx.config.bookingSecret).catch((err) => {
      keys = undefined;
      throw err;
    })),
    baseUrl: (ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`).replace(/\/$/, ''),
  };
  const citizenLimit = { rateLimit: { max: ctx.config.bookingRateLimit, timeWindow: '1 minute' } };

  // MPP admin: units and the schedule of stops.

  app.get('/api/mpps/:mppId/mobile/options', {
    schema: { tags, summary: 'MPP admin: staff, services, region and known kecamatan for the unit and stop editors', params: MppParams, response: { 200: MobileOptions } },
  }, async (request) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return units.options(requestContext(request, db, clock), request.params);
  });

  app.get('/api/mpps/:mppId/mobile/units', { schema: { tags, summary: 'MPP admin: mobile units with crew and services', params: MppParams, response: { 200: z.array(UnitView) } } }, async (request) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return units.listUnits(requestContext(request, db, clock), request.params);
  });

  app.post('/api/mpps/:mppId/mobile/units', { schema: { tags, summary: 'MPP admin: add a mobile unit', params: MppParams, body: UnitInput, response: { 201: UnitView } } }, async (request, reply) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return reply.status(201).send(await units.createUnit(requestContext(request, db, clock), { mppId: request.params.mppId, unit: request.body }));
  });

  app.put('/api/mpps/:mppId/mobile/units/:unitId', { schema: { tags, summary: 'MPP admin: change a mobile unit, its crew and services', params: UnitParams, body: UnitInput, response: { 200: UnitView } } }, async (request) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return units.updateUnit(requestContext(request, db, clock), { ...request.params, unit: request.body });
  });

  app.get('/api/mpps/:mppId/mobile/stops', {
    schema: { tags, summary: 'MPP admin: the schedule of stops from a day (today unless given)', params: MppParams, querystring: StopListQuery, response: { 200: z.array(StopView) } },
  }, async (request) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return stops.listStops(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query });
  });

  app.post('/api/mpps/:mppId/mobile/stops', { schema: { tags, summary: 'MPP admin: schedule a stop of a unit', params: MppParams, body: StopInput, response: { 201: StopView } } }, async (request, reply) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return reply.status(201).send(await stops.createStop(requestContext(request, db, clock), { mppId: request.params.mppId, stop: request.body }));
  });

  app.put('/api/mpps/:mppId/mobile/stops/:stopId', {
    schema: { tags, summary: 'MPP admin: change a stop (those who booked are told of a new time or place)', params: StopParams, body: StopInput, response: { 200: StopView } },
  }, async (request) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return stops.updateStop(requestContext(request, db, clock), { ...request.params, stop: request.body });
  });

  app.post('/api/mpps/:mppId/mobile/stops/:stopId/cancel', {
    schema: { tags, summary: 'MPP admin: cancel a stop and its bookings (those who booked are told why)', params: StopParams, body: CancelStopRequest, response: { 200: StopView } },
  }, async (request) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return stops.cancelStop(requestContext(request, db, clock), { ...request.params, reason: request.body.reason });
  });

  app.get('/api/mpps/:mppId/mobile/stops/:stopId/bookings', {
    schema: { tags, summary: 'MPP admin: the bookings of a stop', params: StopParams, response: { 200: z.array(StopBookingView) } },
  }, async (request) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return stops.stopBookings(requestContext(request, db, clock), request.params);
  });

  app.post('/api/mpps/:mppId/mobile/bookings/:bookingId/move', {
    schema: { tags, summary: 'MPP admin: move a stop booking to another stop (the holder is told)', params: BookingIdParams, body: MoveBookingRequest, response: { 200: StopBookingView } },
  }, async (request) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return stops.moveBooking(requestContext(request, db, clock), { ...request.params, stopId: request.body.stopId });
  });

  app.post('/api/mpps/:mppId/mobile/bookings/:bookingId/cancel', {
    schema: { tags, summary: 'MPP admin: cancel a stop booking with a reason (the holder is told)', params: BookingIdParams, body: StaffCancelBookingRequest, response: { 200: StopBookingView } },
  }, async (request) => {
    requireMppRole(request.principal, request.params.mppId, ADMIN);
    return stops.staffCancelBooking(requestContext(request, db, clock), { ...request.params, reason: request.body.reason });
  });

  // Public: what comes to my kecamatan next, the calendar feed, booking a stop.

  app.get('/api/mobile/kecamatan', {
    schema: { tags, summary: 'Kecamatan with mobile service stops to come', querystring: KecamatanQuery, response: { 200: z.array(KecamatanView) } },
  }, async (request) => publicService.kecamatanList(db, { now: clock.now(), mppId: request.query.mppId }));

  app.get('/api/mobile/stops', {
    schema: { tags, summary: 'Mobile service stops to come, soonest first (in a kecamatan, or of an MPP)', querystring: PublicStopsQuery, response: { 200: z.array(StopView) } },
  }, async (request) => publicService.upcoming(db, { now: clock.now(), ...request.query }));

  app.get('/api/mobile/stops.ics', {
    schema: { tags, summary: 'The stops to come as an iCalendar feed (subscribe in a phone calendar)', querystring: PublicStopsQuery.omit({ limit: true }) },
  }, async (request, reply) => {
    const ics = await publicService.calendar(db, env, { now: clock.now(), ...request.query });
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'public, max-age=300').send(ics);
  });

  app.get('/api/mobile/mpps/:mppId/stops/:stopId', { schema: { tags, summary: 'One stop with its services and free places', params: StopParams, response: { 200: StopView } } }, async (request) =>
    publicService.publicStop(db, request.params),
  );

  app.post('/api/mobile/mpps/:mppId/stops/:stopId/bookings', {
    schema: { tags, summary: 'Book a place at a stop (NIK, name, phone or email)', params: StopParams, body: CreateStopBookingRequest, response: { 201: StopBookingResult } },
    config: citizenLimit,
  }, async (request, reply) =>
    reply.status(201).send(await publicService.bookStop(requestContext(request, db, clock), env, { ...request.params, booking: request.body })),
  );

  app.post('/api/mobile/mpps/:mppId/bookings/cancel', {
    schema: { tags, summary: 'Cancel my stop booking (its code and the NIK it was made with)', params: MppParams, body: CitizenCancelRequest, response: { 200: StopBookingResult } },
    config: citizenLimit,
  }, async (request) => publicService.citizenCancel(requestContext(request, db, clock), env, { mppId: request.params.mppId, ...request.body }));
}
