import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER } from '../../src/citizen/routes.js';
import type { CaseFile, CallerName } from './world.js';

/**
 * Consultation (issue 15 item 5). Staff routes: the asked agency's officers and tenant admins (one
 * consultation), or anyone of the MPP with a grant (the list, scoped to their agencies); another
 * agency's officer (officerA2) gets 404 for the consultation. Citizen routes need the `layan_citizen`
 * session, which no caller of the matrix has (401); src/consultation/consultation.test.ts drives them.
 */
const HANDLERS_A1: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1'];
const ADMINS_A1: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1'];
const ALL_STAFF_OF_A: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1', 'officerA2'];
const PDF_BASE64 = Buffer.from('%PDF-1.4 lampiran matriks').toString('base64');

export default {
  async setup(w) {
    const { rows } = await w.t.db.query<{ id: string }>(
      "INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, 'KONSMTX', 'Layanan matriks konsultasi', 'Q') RETURNING id",
      [w.mppA, w.tenantA1],
    );
    // A citizen signs in (the one-time code from the fake outbox) and asks with an attachment.
    const phone = '+6281234560777';
    await w.t.app.inject({ method: 'POST', url: '/api/citizen/codes', payload: { destination: phone }, remoteAddress: '10.77.0.1' });
    while ((await w.t.ctx.outbox.runOnce()) > 0);
    const text = [...w.t.app.fakeOutbox.sent].reverse().find((s) => s.to === phone)!.text;
    const session = await w.t.app.inject({ method: 'POST', url: '/api/citizen/session', payload: { destination: phone, code: /\b(\d{6})\b/.exec(text)![1] }, remoteAddress: '10.77.0.1' });
    const headers = { cookie: `${CITIZEN_COOKIE}=${session.cookies.find((c) => c.name === CITIZEN_COOKIE)!.value}`, [CITIZEN_CSRF_HEADER]: session.json().csrfToken as string };
    const asked = await w.t.app.inject({
      method: 'POST', url: '/api/citizen/me/consultations', headers,
      payload: { mppId: w.mppA, serviceId: rows[0]!.id, question: 'Apakah layanan ini bisa diwakilkan?', attachment: { fileName: 'surat.pdf', contentBase64: PDF_BASE64 } },
    });
    // A second question, answered, for the FAQ routes.
    const answered = await w.t.app.inject({ method: 'POST', url: '/api/citizen/me/consultations', headers, payload: { mppId: w.mppA, serviceId: rows[0]!.id, question: 'Apakah formulir bisa diunduh?' } });
    await w.t.db.query("UPDATE consultations SET status = 'answered', answer = 'Bisa, di halaman layanan.', answered_at = now() WHERE id = $1", [answered.json().id]);
    return { serviceId: rows[0]!.id, consultation: asked.json().id as string, answered: answered.json().id as string, code: asked.json().trackingCode as string };
  },
  cases: [
    { method: 'POST', route: '/api/citizen/me/consultations', allow: [], request: (w, f) => ({ url: '/api/citizen/me/consultations', payload: { mppId: w.mppA, serviceId: f.serviceId, question: 'Pertanyaan matriks akses?' } }) },
    { method: 'GET', route: '/api/citizen/me/consultations', allow: [], request: () => ({ url: '/api/citizen/me/consultations' }) },
    { method: 'POST', route: '/api/citizen/me/consultations/:consultationId/withdraw', allow: [], request: (_w, f) => ({ url: `/api/citizen/me/consultations/${f.consultation}/withdraw` }) },
    { method: 'GET', route: '/api/mpps/:mppId/consultations', allow: ALL_STAFF_OF_A, request: (w) => ({ url: `/api/mpps/${w.mppA}/consultations` }) },
    { method: 'GET', route: '/api/mpps/:mppId/consultations/:consultationId', allow: HANDLERS_A1, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/consultations/${f.consultation}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/consultations/:consultationId/attachment', allow: HANDLERS_A1, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/consultations/${f.consultation}/attachment` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/consultations/:consultationId/actions/:action',
      allow: HANDLERS_A1,
      // The first allowed caller answers; later allowed callers get 409 (past the access check).
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/consultations/${f.consultation}/actions/answer`, payload: { answer: 'Bisa, dengan surat kuasa bermeterai.' } }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/tenants/:tenantId/consultation-settings', allow: HANDLERS_A1, request: (w) => ({ url: `/api/mpps/${w.mppA}/tenants/${w.tenantA1}/consultation-settings` }) },
    { method: 'PUT', route: '/api/mpps/:mppId/tenants/:tenantId/consultation-settings', allow: ADMINS_A1, request: (w) => ({ url: `/api/mpps/${w.mppA}/tenants/${w.tenantA1}/consultation-settings`, payload: { answerWorkingDays: 4 } }) },
    { method: 'PUT', route: '/api/mpps/:mppId/consultations/:consultationId/faq', allow: HANDLERS_A1, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/consultations/${f.answered}/faq`, payload: {} }) },
    { method: 'DELETE', route: '/api/mpps/:mppId/consultations/:consultationId/faq', allow: HANDLERS_A1, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/consultations/${f.answered}/faq` }) },
    { method: 'GET', route: '/api/consultations/track/:code', public: "the consultation code is the citizen's credential, as for a complaint; no name, contact, attachment or meeting link", request: (_w, f) => ({ url: `/api/consultations/track/${f.code}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/services/:serviceId/faq', public: "the service's published FAQ: questions and answers only, never who asked", request: (w, f) => ({ url: `/api/mpps/${w.mppA}/services/${f.serviceId}/faq` }) },
  ],
} satisfies CaseFile;
