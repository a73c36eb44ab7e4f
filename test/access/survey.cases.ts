import { randomUUID } from 'node:crypto';
import type { CallerName, CaseFile, World } from './world.js';

const REPORT_READERS: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1'];
const TENANT_A1_STAFF: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1'];

export default {
  async setup(w: World) {
    const q = w.t.db;
    const insert = async (sql: string, params: unknown[]) => (await q.query<{ id: string }>(sql, params)).rows[0]!.id;
    const serviceA1 = await insert('INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, $3, $4, $5) RETURNING id', [w.mppA, w.tenantA1, 'SKM-MATRIX', 'Layanan matriks', 'M']);
    const counterA1 = await insert('INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, $3, $4) RETURNING id', [w.mppA, w.tenantA1, 901, 'Loket matriks']);
    const kiosk = async (name: string) =>
      (await w.t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppA}/devices`, headers: w.headers.mppAdminA, payload: { kind: 'kiosk', name } })).json().id as string;
    return { serviceA1, counterA1, tabletForNational: await kiosk('tablet 1'), tabletForAdmin: await kiosk('tablet 2') };
  },
  cases: [
    { method: 'GET', route: '/api/survey/forms/:token', public: 'citizens open the survey with the one-time code on their ticket', request: () => ({ url: '/api/survey/forms/AAAA-BBBB-CCCC' }) },
    { method: 'POST', route: '/api/survey/forms/:token/responses', public: 'the one-time code is the authorisation', request: () => ({ url: '/api/survey/forms/AAAA-BBBB-CCCC/responses', payload: { answers: { u1: 4 } } }) },
    {
      method: 'POST',
      route: '/api/survey/ticket-status/:token/code',
      public: 'the unguessable status token on the ticket QR is the authorisation; answers only for served tickets',
      request: () => ({ url: '/api/survey/ticket-status/AAAAAAAAAAAAAAAAAAAAAAAA/code' }),
    },
    { method: 'GET', route: '/api/survey/questionnaire', public: 'the model questionnaire is regulation text', request: () => ({ url: '/api/survey/questionnaire' }) },
    { method: 'GET', route: '/api/public/mpps/:mpp/ikm', public: 'the published IKM is public by regulation', request: (w) => ({ url: `/api/public/mpps/${w.mppA}/ikm` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/survey/tokens',
      allow: TENANT_A1_STAFF,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/survey/tokens`, payload: { sourceKind: 'ticket', sourceId: randomUUID(), serviceId: f.serviceA1 } }),
    },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/counters/:counterId/survey-handoff',
      allow: TENANT_A1_STAFF,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/counters/${f.counterA1}/survey-handoff`, payload: { sourceKind: 'ticket', sourceId: randomUUID() } }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/survey/tablet', allow: ['kioskA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/survey/tablet` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/survey/tablet/responses',
      allow: ['kioskA'],
      request: (w) => ({ url: `/api/mpps/${w.mppA}/survey/tablet/responses`, payload: { handoffId: randomUUID(), answers: { u1: 4 } } }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/survey/tablets', allow: ['national', 'mppAdminA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/survey/tablets` }) },
    {
      method: 'PUT',
      route: '/api/mpps/:mppId/survey/tablets/:deviceId',
      allow: ['national', 'mppAdminA'],
      request: (w, f, caller) => ({ url: `/api/mpps/${w.mppA}/survey/tablets/${caller === 'national' ? f.tabletForNational : f.tabletForAdmin}`, payload: { counterId: f.counterA1 } }),
    },
    {
      method: 'DELETE',
      route: '/api/mpps/:mppId/survey/tablets/:deviceId',
      allow: ['national', 'mppAdminA'],
      request: (w, f, caller) => ({ url: `/api/mpps/${w.mppA}/survey/tablets/${caller === 'national' ? f.tabletForNational : f.tabletForAdmin}` }),
    },
    {
      method: 'GET',
      route: '/api/mpps/:mppId/services/:serviceId/survey-labels',
      allow: REPORT_READERS,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/services/${f.serviceA1}/survey-labels` }),
    },
    {
      method: 'PUT',
      route: '/api/mpps/:mppId/services/:serviceId/survey-labels',
      allow: REPORT_READERS,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/services/${f.serviceA1}/survey-labels`, payload: [{ unsur: 1, score: 4, labelId: 'Lengkap', labelEn: 'Complete' }] }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/survey/report', allow: REPORT_READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/survey/report?period=2025-Q1&tenantId=${w.tenantA1}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/survey/report.pdf', allow: REPORT_READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/survey/report.pdf?period=2025&tenantId=${w.tenantA1}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/survey/report.xlsx', allow: REPORT_READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/survey/report.xlsx?period=2025&tenantId=${w.tenantA1}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/survey/trend', allow: REPORT_READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/survey/trend?tenantId=${w.tenantA1}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/survey/suggestions', allow: REPORT_READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/survey/suggestions?period=2025-S1&tenantId=${w.tenantA1}` }) },
    { method: 'POST', route: '/api/mpps/:mppId/survey/publications', allow: ['national', 'mppAdminA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/survey/publications`, payload: { period: '2025' } }) },
    { method: 'GET', route: '/api/survey/national', allow: ['national'], request: () => ({ url: '/api/survey/national?period=2025' }) },
  ],
} satisfies CaseFile;
