import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { CalendarDay, ClosureParams, CreateClosure, CreateNationalDay, DueAnswer, DueQuery, MppParams, NationalDayParams, YearQuery } from './schemas.js';
import * as service from './service.js';

const tags = ['calendar'];

export async function calendarRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;

  app.get('/api/calendar/national', {
    schema: { tags, summary: 'National holidays and cuti bersama of a year (public)', querystring: YearQuery, response: { 200: z.array(CalendarDay) } },
  }, async (request) => service.listNationalDays(requestContext(request, db, clock), { year: request.query.year }));

  app.post('/api/calendar/national', {
    schema: { tags, summary: 'Add a national holiday or cuti bersama (national admin)', body: CreateNationalDay, response: { 201: CalendarDay } },
  }, async (request, reply) => reply.status(201).send(await service.addNationalDay(requestContext(request, db, clock), request.body)));

  app.delete('/api/calendar/national/:dayId', {
    schema: { tags, summary: 'Remove a national day (national admin)', params: NationalDayParams, response: { 200: CalendarDay } },
  }, async (request) => service.removeNationalDay(requestContext(request, db, clock), { dayId: request.params.dayId }));

  app.get('/api/mpps/:mppId/calendar', {
    schema: { tags, summary: 'Non-working days of an MPP in a year: national days and its closures (public)', params: MppParams, querystring: YearQuery, response: { 200: z.array(CalendarDay) } },
  }, async (request) => service.listMppDays(requestContext(request, db, clock), { mppId: request.params.mppId, year: request.query.year }));

  app.get('/api/mpps/:mppId/calendar/due', {
    schema: { tags, summary: 'Due instant of an SLA of N working days from an instant, in the MPP zone (public)', params: MppParams, querystring: DueQuery, response: { 200: DueAnswer } },
  }, async (request) => service.dueAfterWorkingDays(db, request.params.mppId, new Date(request.query.from), request.query.days));

  app.post('/api/mpps/:mppId/calendar/closures', {
    schema: { tags, summary: 'Close the MPP for a day (MPP admin)', params: MppParams, body: CreateClosure, response: { 201: CalendarDay } },
  }, async (request, reply) => reply.status(201).send(await service.addClosure(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.body })));

  app.delete('/api/mpps/:mppId/calendar/closures/:dayId', {
    schema: { tags, summary: 'Remove a closure (MPP admin)', params: ClosureParams, response: { 200: CalendarDay } },
  }, async (request) => service.removeClosure(requestContext(request, db, clock), { mppId: request.params.mppId, dayId: request.params.dayId }));
}
