import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import * as reports from './report-service.js';
import {
  AnswerLabels,
  CounterParams,
  DeviceParams,
  HandoffRequest,
  HandoffView,
  IssuedToken,
  IssueTokenRequest,
  MppParams,
  NationalQuery,
  NationalReport,
  PublicIkm,
  PublicMppParams,
  PublishRequest,
  ReportQuery,
  ServiceParams,
  Suggestions,
  SubmitSurveyRequest,
  SurveyForm,
  SurveyReport,
  SurveyThanks,
  TabletBindRequest,
  TabletState,
  TabletSubmitRequest,
  TabletView,
  TokenParams,
  UnsurView,
  Trend,
  TrendQuery,
} from './schemas.js';
import { ticketServedHandler } from './queue-link.js';
import { UNSUR } from './questionnaire.js';
import * as service from './service.js';
import { surveyCodeForTicketStatus } from './status-code.js';

// export.js (pdfkit, exceljs) is loaded on the first download, not at start: it is the heaviest import.
const tags = ['survey'];
// Codes are 60 random bits, but a public form still should not be guessable by brute force.
const publicLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export async function surveyRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;
  ctx.outbox.on('ticket.served', ticketServedHandler(db, () => clock.now()));

  // ---- citizens: link/QR on the ticket, kiosk ----
  app.get('/api/survey/forms/:token', {
    schema: { tags, summary: 'The questionnaire for a survey code (link, QR or kiosk)', params: TokenParams, response: { 200: SurveyForm } },
    config: publicLimit,
  }, async (request) => service.getFormByCode(requestContext(request, db, clock), { code: request.params.token }));

  app.post('/api/survey/forms/:token/responses', {
    schema: { tags, summary: 'Answer the survey once for a served ticket or booking', params: TokenParams, body: SubmitSurveyRequest, response: { 201: SurveyThanks } },
    config: publicLimit,
  }, async (request, reply) => {
    await service.submitByCode(requestContext(request, db, clock), { code: request.params.token, ...request.body });
    return reply.status(201).send({ received: true });
  });

  app.post('/api/survey/ticket-status/:token/code', {
    schema: {
      tags,
      summary: 'The survey code of a served queue ticket, for the holder of its status token (the QR on the ticket); the same code on every call until answered',
      params: TokenParams,
      response: { 200: IssuedToken },
    },
    config: publicLimit,
  }, async (request) => surveyCodeForTicketStatus(requestContext(request, db, clock), { statusToken: request.params.token }));

  app.get('/api/survey/questionnaire', {
    schema: { tags, summary: 'The nine unsur with the model questions and answer labels of PermenPANRB 14/2017 (public regulation text)', response: { 200: z.array(UnsurView) } },
  }, async () => UNSUR.map((u) => ({ code: u.code, name: u.name, question: u.question, answers: [...u.answers] })));

  app.get('/api/public/mpps/:mpp/ikm', {
    schema: { tags, summary: 'Latest published IKM and grades of an MPP (by id or slug)', params: PublicMppParams, response: { 200: PublicIkm } },
  }, async (request) => reports.getPublicIkm(requestContext(request, db, clock), { mppRef: request.params.mpp }));

  // ---- issuing codes (queue/booking integration) and the counter tablet ----
  app.post('/api/mpps/:mppId/survey/tokens', {
    schema: { tags, summary: 'Issue the survey code of a served ticket or booking (shown once)', params: MppParams, body: IssueTokenRequest, response: { 201: IssuedToken } },
  }, async (request, reply) => reply.status(201).send(await service.issueTokenByStaff(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.body })));

  app.post('/api/mpps/:mppId/counters/:counterId/survey-handoff', {
    schema: { tags, summary: 'Officer console: put the ticket just finished on this counter’s survey tablet', params: CounterParams, body: HandoffRequest, response: { 200: HandoffView } },
  }, async (request) => service.handOffToTablet(requestContext(request, db, clock), { mppId: request.params.mppId, counterId: request.params.counterId, ...request.body }));

  app.get('/api/mpps/:mppId/survey/tablet', {
    schema: { tags, summary: 'Survey tablet (kiosk device): its counter and the pending survey', params: MppParams, response: { 200: TabletState } },
  }, async (request) => service.getTabletState(requestContext(request, db, clock), { mppId: request.params.mppId }));

  app.post('/api/mpps/:mppId/survey/tablet/responses', {
    schema: { tags, summary: 'Survey tablet: submit the answers for the handed-off ticket', params: MppParams, body: TabletSubmitRequest, response: { 201: SurveyThanks } },
  }, async (request, reply) => {
    await service.submitFromTablet(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.body });
    return reply.status(201).send({ received: true });
  });

  app.get('/api/mpps/:mppId/survey/tablets', {
    schema: { tags, summary: 'Survey tablets and their counters', params: MppParams, response: { 200: z.array(TabletView) } },
  }, async (request) => service.listTablets(requestContext(request, db, clock), { mppId: request.params.mppId }));

  app.put('/api/mpps/:mppId/survey/tablets/:deviceId', {
    schema: { tags, summary: 'Pair a kiosk device with a counter as its survey tablet', params: DeviceParams, body: TabletBindRequest, response: { 200: TabletView } },
  }, async (request) => service.pairTablet(requestContext(request, db, clock), { mppId: request.params.mppId, deviceId: request.params.deviceId, counterId: request.body.counterId }));

  app.delete('/api/mpps/:mppId/survey/tablets/:deviceId', {
    schema: { tags, summary: 'Unpair a survey tablet', params: DeviceParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.unpairTablet(requestContext(request, db, clock), { mppId: request.params.mppId, deviceId: request.params.deviceId });
    return reply.status(204).send(null);
  });

  app.get('/api/mpps/:mppId/services/:serviceId/survey-labels', {
    schema: { tags, summary: 'The reworded answer labels of a service', params: ServiceParams, response: { 200: AnswerLabels } },
  }, async (request) => service.getLabels(requestContext(request, db, clock), { mppId: request.params.mppId, serviceId: request.params.serviceId }));

  app.put('/api/mpps/:mppId/services/:serviceId/survey-labels', {
    schema: { tags, summary: 'Reword answer labels for a service (unsur and scale stay fixed)', params: ServiceParams, body: AnswerLabels, response: { 200: AnswerLabels } },
  }, async (request) => service.setLabels(requestContext(request, db, clock), { mppId: request.params.mppId, serviceId: request.params.serviceId, labels: request.body }));

  // ---- reports ----
  app.get('/api/mpps/:mppId/survey/report', {
    schema: { tags, summary: 'SKM recapitulation: NRR per unsur, IKM, mutu, sample, profile', params: MppParams, querystring: ReportQuery, response: { 200: SurveyReport } },
  }, async (request) => reports.getReport(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query }));

  app.get('/api/mpps/:mppId/survey/report.pdf', {
    schema: { tags, summary: 'The SKM report as PDF', params: MppParams, querystring: ReportQuery },
  }, async (request, reply) => {
    const report = await reports.getReport(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query });
    const suggestions = await reports.getSuggestions(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query });
    const { reportPdf } = await import('./export.js');
    const pdf = await reportPdf(report, suggestions, request.lang);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="skm-${report.period.code}.pdf"`).send(pdf);
  });

  app.get('/api/mpps/:mppId/survey/report.xlsx', {
    schema: { tags, summary: 'The SKM report as an Excel workbook', params: MppParams, querystring: ReportQuery },
  }, async (request, reply) => {
    const report = await reports.getReport(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query });
    const suggestions = await reports.getSuggestions(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query });
    const { reportXlsx } = await import('./export.js');
    const xlsx = await reportXlsx(report, suggestions, request.lang);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="skm-${report.period.code}.xlsx"`)
      .send(xlsx);
  });

  app.get('/api/mpps/:mppId/survey/trend', {
    schema: { tags, summary: 'IKM over recent periods', params: MppParams, querystring: TrendQuery, response: { 200: Trend } },
  }, async (request) => reports.getTrend(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query }));

  app.get('/api/mpps/:mppId/survey/suggestions', {
    schema: { tags, summary: 'Free-text suggestions of a period (anonymous, undated)', params: MppParams, querystring: ReportQuery, response: { 200: Suggestions } },
  }, async (request) => reports.getSuggestions(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.query }));

  app.post('/api/mpps/:mppId/survey/publications', {
    schema: { tags, summary: 'Publish a period’s IKM to the public page', params: MppParams, body: PublishRequest, response: { 201: PublicIkm } },
  }, async (request, reply) =>
    reply.status(201).send(await reports.publish(requestContext(request, db, clock), { mppId: request.params.mppId, periodCode: request.body.period })),
  );

  app.get('/api/survey/national', {
    schema: { tags, summary: 'National IKM and every MPP’s, for a period', querystring: NationalQuery, response: { 200: NationalReport } },
  }, async (request) => reports.getNational(requestContext(request, db, clock), { periodCode: request.query.period }));
}
