import type { CaseFile, CallerName } from './world.js';

/**
 * Applications and the document wallet (issue 15). Staff routes: the handling agency's officers and
 * tenant admins, the MPP's admins and national admins; another agency's officer (officerA2) gets 404.
 * Reading a granted document is for the handling agency's own staff only (not MPP or national admins):
 * in this matrix no grant exists, so they pass the access check and get 403 wallet_no_grant, which the
 * matrix counts as refused for everyone; src/applications/wallet.test.ts shows the granted read.
 * Citizen routes (the `layan_citizen` session) are closed to every caller of the matrix (401).
 */
const HANDLERS_A1: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1'];
const ALL_STAFF_OF_A: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1', 'officerA2'];

export default {
  async setup(w) {
    const { rows } = await w.t.db.query<{ id: string }>(
      "INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix, completion_value, completion_unit) VALUES ($1, $2, 'APPMTX', 'Layanan matriks permohonan', 'P', 2, 'working_days') RETURNING id",
      [w.mppA, w.tenantA1],
    );
    const opened = await w.t.app.inject({
      method: 'POST', url: `/api/mpps/${w.mppA}/applications`, headers: w.headers.officerA1,
      payload: { serviceId: rows[0]!.id, nik: '3201014501900002', name: 'Pemohon Matriks', phone: '081234509999' },
    });
    return { serviceId: rows[0]!.id, application: opened.json().id as string, code: opened.json().trackingCode as string };
  },
  cases: [
    { method: 'POST', route: '/api/mpps/:mppId/applications', allow: HANDLERS_A1, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/applications`, payload: { serviceId: f.serviceId, nik: '3201014501900002', name: 'Pemohon' } }) },
    { method: 'GET', route: '/api/mpps/:mppId/applications', allow: ALL_STAFF_OF_A, request: (w) => ({ url: `/api/mpps/${w.mppA}/applications` }) },
    { method: 'GET', route: '/api/mpps/:mppId/applications/:applicationId', allow: HANDLERS_A1, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/applications/${f.application}` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/applications/:applicationId/actions/:action',
      allow: HANDLERS_A1,
      // The first allowed caller checks it; later allowed callers get 409 (past the access check).
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/applications/${f.application}/actions/check`, payload: {} }),
    },
    {
      method: 'GET',
      route: '/api/mpps/:mppId/applications/:applicationId/documents/:documentId',
      allow: [],
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/applications/${f.application}/documents/00000000-0000-4000-8000-000000000000` }),
    },
    {
      method: 'PUT',
      route: '/api/mpps/:mppId/applications/:applicationId/product',
      allow: HANDLERS_A1,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/applications/${f.application}/product?fileName=hasil.pdf`, payload: '%PDF-1.4 hasil', headers: { 'content-type': 'application/pdf' } }),
    },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/applications/:applicationId/wallet-offers',
      allow: HANDLERS_A1,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/applications/${f.application}/wallet-offers?typeCode=KK`, payload: '%PDF-1.4 akta', headers: { 'content-type': 'application/pdf' } }),
    },
    { method: 'POST', route: '/api/mpps/:mppId/pickup/product', allow: ['kioskA'], request: (w, f) => ({ url: `/api/mpps/${w.mppA}/pickup/product`, payload: { code: f.code, nik: '3201014501900002' } }) },
    { method: 'GET', route: '/api/applications/track/:code', public: 'the application code is the citizen\'s credential; no name, NIK or contact is shown', request: (_w, f) => ({ url: `/api/applications/track/${f.code}` }) },
    { method: 'POST', route: '/api/mpps/:mppId/pickup/start', allow: ['kioskA'], request: (w, f) => ({ url: `/api/mpps/${w.mppA}/pickup/start`, payload: { code: f.code, nik: '3201014501900002' } }) },
    { method: 'POST', route: '/api/mpps/:mppId/pickup/collect', allow: ['kioskA'], request: (w, f) => ({ url: `/api/mpps/${w.mppA}/pickup/collect`, payload: { code: f.code, nik: '3201014501900002', otp: '123456' } }) },
    { method: 'GET', route: '/api/requirement-types', public: 'the national requirement dictionary', request: () => ({ url: '/api/requirement-types' }) },
    { method: 'GET', route: '/api/citizen/me/applications', allow: [], request: () => ({ url: '/api/citizen/me/applications' }) },
    { method: 'POST', route: '/api/citizen/me/applications', allow: [], request: (w, f) => ({ url: '/api/citizen/me/applications', payload: { mppId: w.mppA, serviceId: f.serviceId, nik: '3201014501900002', name: 'Pemohon' } }) },
    { method: 'GET', route: '/api/citizen/me/documents', allow: [], request: () => ({ url: '/api/citizen/me/documents' }) },
    { method: 'POST', route: '/api/citizen/me/documents', allow: [], request: () => ({ url: '/api/citizen/me/documents?typeCode=KK', payload: '%PDF-1.4 x', headers: { 'content-type': 'application/pdf' } }) },
    { method: 'GET', route: '/api/citizen/me/documents/:documentId', allow: [], request: () => ({ url: '/api/citizen/me/documents/00000000-0000-4000-8000-000000000000' }) },
    { method: 'DELETE', route: '/api/citizen/me/documents/:documentId', allow: [], request: () => ({ url: '/api/citizen/me/documents/00000000-0000-4000-8000-000000000000' }) },
    { method: 'POST', route: '/api/citizen/me/grants', allow: [], request: (_w, f) => ({ url: '/api/citizen/me/grants', payload: { applicationCode: f.code, documentIds: ['00000000-0000-4000-8000-000000000000'] } }) },
    { method: 'DELETE', route: '/api/citizen/me/grants/:grantId', allow: [], request: () => ({ url: '/api/citizen/me/grants/00000000-0000-4000-8000-000000000000' }) },
    { method: 'GET', route: '/api/citizen/me/offers', allow: [], request: () => ({ url: '/api/citizen/me/offers' }) },
    { method: 'POST', route: '/api/citizen/me/offers/:offerId/accept', allow: [], request: () => ({ url: '/api/citizen/me/offers/00000000-0000-4000-8000-000000000000/accept' }) },
    { method: 'POST', route: '/api/citizen/me/offers/:offerId/decline', allow: [], request: () => ({ url: '/api/citizen/me/offers/00000000-0000-4000-8000-000000000000/decline' }) },
    { method: 'GET', route: '/api/citizen/me/access-log', allow: [], request: () => ({ url: '/api/citizen/me/access-log' }) },
    { method: 'GET', route: '/api/citizen/me/precheck/:mppId/:serviceId', allow: [], request: (w, f) => ({ url: `/api/citizen/me/precheck/${w.mppA}/${f.serviceId}` }) },
  ],
} satisfies CaseFile;
