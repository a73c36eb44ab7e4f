import { CALLERS, type CallerName, type CaseFile } from './world.js';

const STAFF: CallerName[] = ['national', 'mppAdminA', 'mppAdminB', 'tenantAdminA1', 'officerA1', 'officerA2'];
const STAFF_OF_A: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1', 'officerA2'];
const ADMINS_OF_A: CallerName[] = ['national', 'mppAdminA'];
const TENANT_A1_ADMINS: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1'];
const TENANT_A1_STAFF: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1'];
const idx = (c: CallerName) => CALLERS.indexOf(c);

export default {
  async setup(w) {
    const h = w.headers.national;
    const M = `/api/catalog/mpps/${w.mppA}`;
    await w.t.db.query("UPDATE mpps SET region_code = '33.02' WHERE id = $1", [w.mppA]);
    const post = async (url: string, payload: object) => (await w.t.app.inject({ method: 'POST', url, headers: h, payload })).json();
    const service = await post(`${M}/services`, { tenantId: w.tenantA1, code: 'MATRIX-01', name: 'Layanan matriks', feeRupiah: 0, ticketPrefix: 'A' });
    const counter = await post(`${M}/counters`, { tenantId: w.tenantA1, number: 1, name: 'Loket matriks' });
    const agreement = await post(`${M}/tenants/${w.tenantA1}/agreements`, { kind: 'mou', number: 'MOU/MATRIX', signedOn: '2025-01-01' });
    const specialDays: Record<string, string> = {};
    for (const [i, c] of CALLERS.entries()) specialDays[c] = (await post(`${M}/special-days`, { day: `2031-01-${String(i + 1).padStart(2, '0')}`, opens: '08:00', closes: '11:00' })).id;
    for (const [i] of CALLERS.entries()) await w.t.db.query("INSERT INTO search_synonyms (term, kind, expansion) VALUES ($1, 'filler', $1)", [`hapus${i}`]);
    return { serviceId: service.id, counterId: counter.id, agreementId: agreement.id, specialDays };
  },
  cases: [
    { method: 'GET', route: '/api/public/regions', public: 'reference data for the public directory', request: () => ({ url: '/api/public/regions?level=province' }) },
    { method: 'GET', route: '/api/public/requirement-types', public: 'the national requirement dictionary is public', request: () => ({ url: '/api/public/requirement-types' }) },
    { method: 'GET', route: '/api/public/mpps', public: 'directory of published MPPs', request: () => ({ url: '/api/public/mpps' }) },
    { method: 'GET', route: '/api/public/mpps/:slug', public: 'public page of a published MPP', request: () => ({ url: '/api/public/mpps/x' }) },
    { method: 'GET', route: '/api/public/mpps/:slug/services/:code', public: 'public Standar Pelayanan (six public components only)', request: () => ({ url: '/api/public/mpps/x/services/Y' }) },
    { method: 'GET', route: '/api/public/search', public: 'service search for citizens', request: () => ({ url: '/api/public/search?q=ktp' }) },
    { method: 'GET', route: '/api/catalog/mpps', allow: STAFF, request: () => ({ url: '/api/catalog/mpps' }) },
    {
      method: 'POST',
      route: '/api/catalog/mpps',
      allow: ['national'],
      request: (_w, _f, c) => ({ url: '/api/catalog/mpps', payload: { name: 'MPP Matriks', slug: `mpp-matriks-${idx(c)}`, regionCode: '33.01', timezone: 'Asia/Jakarta' } }),
    },
    { method: 'GET', route: '/api/catalog/mpps/:mppId', allow: STAFF_OF_A, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}` }) },
    { method: 'PATCH', route: '/api/catalog/mpps/:mppId', allow: ADMINS_OF_A, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}`, payload: { address: 'Jl. Matriks 1' } }) },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/status', allow: STAFF_OF_A, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/status` }) },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/special-days', allow: STAFF_OF_A, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/special-days` }) },
    {
      method: 'POST',
      route: '/api/catalog/mpps/:mppId/special-days',
      allow: ADMINS_OF_A,
      request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/special-days`, payload: { day: '2032-01-02', opens: '08:00', closes: '11:00' } }),
    },
    {
      method: 'DELETE',
      route: '/api/catalog/mpps/:mppId/special-days/:specialDayId',
      allow: ADMINS_OF_A,
      request: (w, f, c) => ({ url: `/api/catalog/mpps/${w.mppA}/special-days/${f.specialDays[c]}` }),
    },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/tenants', allow: STAFF_OF_A, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/tenants` }) },
    {
      method: 'POST',
      route: '/api/catalog/mpps/:mppId/tenants',
      allow: ADMINS_OF_A,
      request: (w, _f, c) => ({ url: `/api/catalog/mpps/${w.mppA}/tenants`, payload: { kind: 'bumn', name: 'Gerai matriks', code: `MTX-${idx(c)}` } }),
    },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/tenants/:tenantId', allow: TENANT_A1_STAFF, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/tenants/${w.tenantA1}` }) },
    {
      method: 'PATCH',
      route: '/api/catalog/mpps/:mppId/tenants/:tenantId',
      allow: TENANT_A1_ADMINS,
      request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/tenants/${w.tenantA1}`, payload: { description: 'Gerai Dukcapil' } }),
    },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/tenants/:tenantId/agreements', allow: TENANT_A1_ADMINS, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/tenants/${w.tenantA1}/agreements` }) },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/agreements', allow: ADMINS_OF_A, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/agreements` }) },
    {
      method: 'POST',
      route: '/api/catalog/mpps/:mppId/tenants/:tenantId/agreements',
      allow: ADMINS_OF_A,
      request: (w, _f, c) => ({ url: `/api/catalog/mpps/${w.mppA}/tenants/${w.tenantA1}/agreements`, payload: { kind: 'pks', number: `PKS/MATRIX/${idx(c)}`, signedOn: '2025-01-01' } }),
    },
    {
      method: 'PUT',
      route: '/api/catalog/mpps/:mppId/agreements/:agreementId',
      allow: ADMINS_OF_A,
      request: (w, f) => ({ url: `/api/catalog/mpps/${w.mppA}/agreements/${f.agreementId}`, payload: { kind: 'mou', number: 'MOU/MATRIX', signedOn: '2025-01-01', validUntil: '2030-01-01' } }),
    },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/counters', allow: STAFF_OF_A, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/counters` }) },
    {
      method: 'POST',
      route: '/api/catalog/mpps/:mppId/counters',
      allow: TENANT_A1_ADMINS,
      request: (w, _f, c) => ({ url: `/api/catalog/mpps/${w.mppA}/counters`, payload: { tenantId: w.tenantA1, number: 100 + idx(c), name: 'Loket matriks' } }),
    },
    {
      method: 'PATCH',
      route: '/api/catalog/mpps/:mppId/counters/:counterId',
      allow: TENANT_A1_ADMINS,
      request: (w, f) => ({ url: `/api/catalog/mpps/${w.mppA}/counters/${f.counterId}`, payload: { name: 'Loket Dukcapil' } }),
    },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/services', allow: STAFF_OF_A, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/services` }) },
    {
      method: 'POST',
      route: '/api/catalog/mpps/:mppId/services',
      allow: TENANT_A1_ADMINS,
      request: (w, _f, c) => ({ url: `/api/catalog/mpps/${w.mppA}/services`, payload: { tenantId: w.tenantA1, code: `MATRIX-X${idx(c)}`, name: 'Layanan baru', feeRupiah: 0, ticketPrefix: 'A' } }),
    },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/services/:serviceId', allow: TENANT_A1_STAFF, request: (w, f) => ({ url: `/api/catalog/mpps/${w.mppA}/services/${f.serviceId}` }) },
    {
      method: 'PATCH',
      route: '/api/catalog/mpps/:mppId/services/:serviceId',
      allow: TENANT_A1_ADMINS,
      request: (w, f, c) => ({ url: `/api/catalog/mpps/${w.mppA}/services/${f.serviceId}`, payload: { description: `versi ${idx(c)}` } }),
    },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/services/:serviceId/versions', allow: TENANT_A1_STAFF, request: (w, f) => ({ url: `/api/catalog/mpps/${w.mppA}/services/${f.serviceId}/versions` }) },
    { method: 'GET', route: '/api/catalog/mpps/:mppId/export', allow: TENANT_A1_ADMINS, request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/export?entity=services&format=csv` }) },
    {
      method: 'POST',
      route: '/api/catalog/mpps/:mppId/import',
      allow: TENANT_A1_ADMINS,
      request: (w) => ({ url: `/api/catalog/mpps/${w.mppA}/import`, payload: { entity: 'counters', format: 'csv', content: 'number,name,tenant_code\n' } }),
    },
    { method: 'GET', route: '/api/catalog/national/summary', allow: ['national'], request: () => ({ url: '/api/catalog/national/summary' }) },
    { method: 'GET', route: '/api/catalog/search-synonyms', allow: ['national'], request: () => ({ url: '/api/catalog/search-synonyms' }) },
    {
      method: 'PUT',
      route: '/api/catalog/search-synonyms/:kind/:term',
      allow: ['national'],
      request: (_w, _f, c) => ({ url: `/api/catalog/search-synonyms/word/matriks${idx(c)}`, payload: { expansion: 'pendaftaran' } }),
    },
    {
      method: 'DELETE',
      route: '/api/catalog/search-synonyms/:kind/:term',
      allow: ['national'],
      // setup adds a filler per caller, so each removal finds its own entry.
      request: (_w, _f, c) => ({ url: `/api/catalog/search-synonyms/filler/hapus${idx(c)}` }),
    },
  ],
} satisfies CaseFile;
