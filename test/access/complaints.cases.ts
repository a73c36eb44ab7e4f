import type { CaseFile, CallerName } from './world.js';

const TENANT_A1_STAFF: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1'];
const ALL_STAFF_OF_A: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1', 'officerA2'];
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

export default {
  async setup(w) {
    const admin = w.headers.mppAdminA;
    const boundary = '----matrix';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="class"\r\n\r\npengaduan\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="subjectType"\r\n\r\nmpp\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nPengaduan untuk matriks akses.\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const filed = await w.t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppA}/complaints`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, remoteAddress: '10.200.0.1' });
    const code = filed.json().trackingCode as string;
    const { rows } = await w.t.db.query<{ id: string; attachment: string }>(
      'SELECT c.id, a.id AS attachment FROM complaints c JOIN complaint_attachments a ON a.complaint_id = c.id WHERE c.tracking_code = $1', [code.replace(/-/g, '')]);
    const complaint = rows[0]!.id;
    for (const [action, body] of [['verify', { track: 'simple' }], ['assign', { tenantId: w.tenantA1 }]] as const) {
      await w.t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppA}/complaints/${complaint}/actions/${action}`, headers: admin, payload: body });
    }
    const key = await w.t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppA}/open311-keys`, headers: admin, payload: { name: 'matrix' } });
    const slug = (await w.t.db.query<{ slug: string }>('SELECT slug FROM mpps WHERE id = $1', [w.mppA])).rows[0]!.slug;
    return { complaint, attachment: rows[0]!.attachment, code, key: key.json().id as string, slug };
  },
  cases: [
    { method: 'GET', route: '/api/complaints/options/:slug', public: 'the public filing form', request: (_w, f) => ({ url: `/api/complaints/options/${f.slug}` }) },
    { method: 'POST', route: '/api/mpps/:mppId/complaints', public: 'anyone may file: citizens, kiosks, staff in the complaint room (a kiosk of another MPP gets 404, see filing.test.ts)', request: (w) => ({ url: `/api/mpps/${w.mppA}/complaints` }) },
    { method: 'GET', route: '/api/complaints/track/:code', public: 'the tracking code is the citizen\'s credential', request: (_w, f) => ({ url: `/api/complaints/track/${f.code}` }) },
    { method: 'POST', route: '/api/complaints/track/:code/confirm', public: 'the tracking code is the citizen\'s credential', request: (_w, f) => ({ url: `/api/complaints/track/${f.code}/confirm` }) },
    { method: 'POST', route: '/api/complaints/track/:code/reopen', public: 'the tracking code is the citizen\'s credential', request: (_w, f) => ({ url: `/api/complaints/track/${f.code}/reopen` }) },
    { method: 'GET', route: '/api/mpps/:mppId/complaints', allow: ALL_STAFF_OF_A, request: (w) => ({ url: `/api/mpps/${w.mppA}/complaints` }) },
    { method: 'GET', route: '/api/mpps/:mppId/complaints/:complaintId', allow: TENANT_A1_STAFF, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/complaints/${f.complaint}` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/complaints/:complaintId/actions/:action',
      allow: TENANT_A1_STAFF,
      // The first allowed caller starts the work; later allowed callers get 409 (past the access check).
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/complaints/${f.complaint}/actions/start`, payload: {} }),
    },
    { method: 'POST', route: '/api/mpps/:mppId/complaints/:complaintId/notes', allow: TENANT_A1_STAFF, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/complaints/${f.complaint}/notes`, payload: { note: 'matrix' } }) },
    {
      method: 'GET',
      route: '/api/mpps/:mppId/complaints/:complaintId/attachments/:attachmentId',
      allow: TENANT_A1_STAFF,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/complaints/${f.complaint}/attachments/${f.attachment}` }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/lapor-export', allow: ['national', 'mppAdminA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/lapor-export?from=2025-01-01&to=2030-12-31` }) },
    { method: 'GET', route: '/api/mpps/:mppId/open311-keys', allow: ['national', 'mppAdminA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/open311-keys` }) },
    { method: 'POST', route: '/api/mpps/:mppId/open311-keys', allow: ['national', 'mppAdminA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/open311-keys`, payload: { name: 'matrix' } }) },
    { method: 'DELETE', route: '/api/mpps/:mppId/open311-keys/:keyId', allow: ['national', 'mppAdminA'], request: (w, f) => ({ url: `/api/mpps/${w.mppA}/open311-keys/${f.key}` }) },
  ],
} satisfies CaseFile;
