import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { checkIn } from './checkin-service.js';
import { startBookingJobs } from './jobs.js';
import { loadBookingKeys, type BookingKeys } from './keys.js';
import {
  Availability,
  AvailabilityQuery,
  BookableService,
  BookingIdParams,
  BookingMppSettings,
  BookingMppSettingsChange,
  BookingPreview,
  BookingSettings,
  BookingSettingsChange,
  BookingView,
  CancelRequest,
  CheckInRequest,
  CheckInResult,
  CodeParams,
  CreateBookingRequest,
  LookupRequest,
  ManagedBooking,
  MppParams,
  PublicMpp,
  RescheduleRequest,
  ServiceParams,
  SigQuery,
  StaffCancelRequest,
  StaffDay,
  StaffDayQuery,
  StaffMoveRequest,
} from './schemas.js';
import * as service from './service.js';
import * as staff from './staff-service.js';

const tags = ['booking'];

export async function bookingRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;
  let keys: Promise<BookingKeys> | undefined;
  const env: service.BookingEnv = {
    keys: () => (keys ??= loadBookingKeys(db, ctx.config.bookingSecret).catch((err) => {
      keys = undefined;
      throw err;
    })),
    baseUrl: (ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`).replace(/\/$/, ''),
  };
  // Citizens' writes are limited per client address: scripting the API cannot sweep up slots.
  const citizenLimit = { rateLimit: { max: ctx.config.bookingRateLimit, timeWindow: '1 minute' } };

  // The periodic jobs (no-shows, reminders, schedule changes) run only in a listening server.
  let stopJobs: (() => Promise<void>) | undefined;
  app.addHook('onListen', async () => {
    stopJobs = startBookingJobs(db, env, () => clock.now(), ctx.log);
  });
  app.addHook('onClose', async () => {
    await stopJobs?.();
  });

  app.get('/api/booking/mpps', { schema: { tags, summary: 'MPPs one can book at', response: { 200: z.array(PublicMpp) } } }, async () => service.listMpps({ db }));

  app.get('/api/mpps/:mppId/booking/services', { schema: { tags, summary: 'Services of an MPP open for booking', params: MppParams, response: { 200: z.array(BookableService) } } }, async (request) =>
    service.listBookableServices(requestContext(request, db, clock), { mppId: request.params.mppId }),
  );

  app.get('/api/mpps/:mppId/booking/services/:serviceId/availability', {
    schema: { tags, summary: 'Bookable days and the slots of one day with free places', params: ServiceParams, querystring: AvailabilityQuery, response: { 200: Availability } },
  }, async (request) => service.availability(requestContext(request, db, clock), { ...request.params, date: request.query.date }));

  app.post('/api/mpps/:mppId/bookings', {
    schema: { tags, summary: 'Book a slot (NIK, name, phone or email)', params: MppParams, body: CreateBookingRequest, response: { 201: ManagedBooking } },
    config: citizenLimit,
  }, async (request, reply) => {
    const b = await service.createBooking(requestContext(request, db, clock), env, { ...request.body, mppId: request.params.mppId });
    return reply.status(201).send(b);
  });

  app.post('/api/mpps/:mppId/bookings/lookup', {
    schema: { tags, summary: 'Find my booking by its code and my NIK', params: MppParams, body: LookupRequest, response: { 200: ManagedBooking } },
    config: citizenLimit,
  }, async (request) => service.lookup({ db, now: clock.now() }, env, { mppId: request.params.mppId, code: request.body.code, nik: request.body.nik }));

  app.get('/api/mpps/:mppId/bookings/:code', {
    schema: { tags, summary: 'A booking, through its signed link', params: CodeParams, querystring: SigQuery, response: { 200: ManagedBooking } },
  }, async (request) => service.viewSigned({ db }, env, { ...request.params, sig: request.query.sig }));

  app.get('/api/mpps/:mppId/bookings/:code/calendar.ics', {
    schema: { tags, summary: 'The booking as an iCalendar file', params: CodeParams, querystring: SigQuery },
  }, async (request, reply) => {
    const ics = await service.calendarSigned({ db }, env, { ...request.params, sig: request.query.sig });
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="booking-${request.params.code}.ics"`).send(ics);
  });

  app.post('/api/mpps/:mppId/bookings/:code/cancel', {
    schema: { tags, summary: 'Cancel my booking (signed link)', params: CodeParams, body: CancelRequest, response: { 200: ManagedBooking } },
    config: citizenLimit,
  }, async (request) => service.cancelSigned(requestContext(request, db, clock), env, { ...request.params, sig: request.body.sig }));

  app.post('/api/mpps/:mppId/bookings/:code/reschedule', {
    schema: { tags, summary: 'Move my booking to another slot (signed link)', params: CodeParams, body: RescheduleRequest, response: { 200: ManagedBooking } },
    config: citizenLimit,
  }, async (request) =>
    service.rescheduleSigned(requestContext(request, db, clock), env, { ...request.params, ...request.body }),
  );

  app.post('/api/mpps/:mppId/booking/check-in', {
    schema: { tags, summary: 'Check a booking in at the kiosk or reception; issues its queue ticket', params: MppParams, body: CheckInRequest, response: { 200: CheckInResult } },
  }, async (request) => checkIn(requestContext(request, db, clock), { mppId: request.params.mppId, code: request.body.code }));

  app.get('/api/mpps/:mppId/booking/day', {
    schema: { tags, summary: 'Staff: bookings of a service on a day, with capacity use', params: MppParams, querystring: StaffDayQuery, response: { 200: StaffDay } },
  }, async (request) => staff.dayOverview(requestContext(request, db, clock), { mppId: request.params.mppId, serviceId: request.query.serviceId, date: request.query.date }));

  app.post('/api/mpps/:mppId/booking/bookings/:bookingId/move', {
    schema: { tags, summary: 'Staff: move a booking to another slot (the holder is told)', params: BookingIdParams, body: StaffMoveRequest, response: { 200: BookingView } },
  }, async (request) =>
    staff.staffMove(requestContext(request, db, clock), env, { ...request.params, startsAt: request.body.startsAt, note: request.body.note }),
  );

  app.post('/api/mpps/:mppId/booking/bookings/:bookingId/cancel', {
    schema: { tags, summary: 'Staff: cancel a booking with a reason (the holder is told)', params: BookingIdParams, body: StaffCancelRequest, response: { 200: BookingView } },
  }, async (request) =>
    staff.staffCancel(requestContext(request, db, clock), env, { ...request.params, reason: request.body.reason }),
  );

  app.get('/api/mpps/:mppId/booking/affected', {
    schema: { tags, summary: 'MPP admin: bookings left outside service hours by a change of hours', params: MppParams, response: { 200: z.array(BookingView) } },
  }, async (request) => staff.affected(requestContext(request, db, clock), env, request.params));

  app.get('/api/mpps/:mppId/booking/settings', { schema: { tags, summary: 'MPP admin: fairness rules', params: MppParams, response: { 200: BookingMppSettings } } }, async (request) =>
    staff.getMppSettings({ db, principal: request.principal }, { mppId: request.params.mppId }),
  );

  app.put('/api/mpps/:mppId/booking/settings', {
    schema: { tags, summary: 'MPP admin: change the fairness rules (fields left out keep their value)', params: MppParams, body: BookingMppSettingsChange, response: { 200: BookingMppSettings } },
  }, async (request) => staff.putMppSettings(requestContext(request, db, clock), { mppId: request.params.mppId, change: request.body }));

  app.get('/api/mpps/:mppId/booking/services/:serviceId/settings', {
    schema: { tags, summary: "Staff: a service's booking settings", params: ServiceParams, response: { 200: BookingSettings } },
  }, async (request) => staff.getServiceSettings({ db, principal: request.principal }, { mppId: request.params.mppId, serviceId: request.params.serviceId }));

  app.put('/api/mpps/:mppId/booking/services/:serviceId/settings', {
    schema: { tags, summary: "Tenant or MPP admin: change a service's booking settings (fields left out keep their value)", params: ServiceParams, body: BookingSettingsChange, response: { 200: BookingSettings } },
  }, async (request) => staff.putServiceSettings(requestContext(request, db, clock), { ...request.params, change: request.body }));

  app.post('/api/mpps/:mppId/booking/services/:serviceId/settings/preview', {
    schema: { tags, summary: "Tenant or MPP admin: the slots a change of a service's booking rules would produce (nothing saved)", params: ServiceParams, body: BookingSettingsChange, response: { 200: BookingPreview } },
  }, async (request) => staff.previewServiceSettings(requestContext(request, db, clock), { ...request.params, change: request.body }));
}
