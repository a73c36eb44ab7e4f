import { z } from 'zod';
import { actorOf } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http.js';
import { CalendarDay, ClosureParams, CreateClosure, CreateNationalDay, DueAnswer, DueQuery, MppParams, NationalDayParams, YearQuery } from './schemas.js';
import * as service from './service.js';

const tags = ['calendar'];

export async function calendarRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db } = ctx;

  app.get('/api/calendar/national', {
    schema: { tags, summary: 'National holidays and cuti bersama of a year (public)', querystring: YearQuery, response: { 200: z.array(CalendarDay) } },
  }, async (request) => service.listNationalDays(db, request.query.year));

  app.post('/api/calendar/national', {
    schema: { tags, summary: 'Add a national holiday or cuti bersama (national admin)', body: CreateNationalDay, response: { 201: CalendarDay } },
  }, async (request, reply) => reply.status(201).send(await service.addNationalDay(db, request.principal, request.body, actorOf(request.principal, request.id))));

  app.delete('/api/calendar/national/:dayId', {
    schema: { tags, summary: 'Remove a national day (national admin)', params: NationalDayParams, response: { 200: CalendarDay } },
  }, async (request) => service.removeNationalDay(db, request.principal, request.params.dayId, actorOf(request.principal, request.id)));

  app.get('/api/mpps/:mppId/calendar', {
    schema: { tags, summary: 'Non-working days of an MPP in a year: national days and its closures (public)', params: MppParams, querystring: YearQuery, response: { 200: z.array(CalendarDay) } },
  }, async (request) => service.listMppDays(db, request.params.mppId, request.query.year));

  app.get('/api/mpps/:mppId/calendar/due', {
    schema: { tags, summary: 'Due instant of an SLA of N working days from an instant, in the MPP zone (public)', params: MppParams, querystring: DueQuery, response: { 200: DueAnswer } },
  }, async (request) => service.dueAfterWorkingDays(db, request.params.mppId, new Date(request.query.from), request.query.days));

  app.post('/api/mpps/:mppId/calendar/closures', {
    schema: { tags, summary: 'Close the MPP for a day (MPP admin)', params: MppParams, body: CreateClosure, response: { 201: CalendarDay } },
  }, async (request, reply) => reply.status(201).send(await service.addClosure(db, request.principal, request.params.mppId, request.body, actorOf(request.principal, request.id))));

  app.delete('/api/mpps/:mppId/calendar/closures/:dayId', {
    schema: { tags, summary: 'Remove a closure (MPP admin)', params: ClosureParams, response: { 200: CalendarDay } },
  }, async (request) => service.removeClosure(db, request.principal, request.params.mppId, request.params.dayId, actorOf(request.principal, request.id)));
}
