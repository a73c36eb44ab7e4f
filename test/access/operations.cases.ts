import { CALLERS, type CallerName, type CaseFile } from './world.js';

/** Statistics: MPP admins for the whole MPP, an agency admin for its own agency only. */
const READERS: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1'];
const MPP_A_ADMIN: CallerName[] = ['national', 'mppAdminA'];
const period = 'from=2026-11-01&to=2026-11-30';

export default {
  // One webhook per caller (a DELETE by one allowed caller must not leave the next a 404), with one delivery.
  async setup(w) {
    const f: Record<string, string> = {};
    for (const caller of [...CALLERS, 'log']) {
      const { rows } = await w.t.db.query<{ id: string }>(
        "INSERT INTO webhook_subscriptions (mpp_id, url, events, secret, created_at) VALUES ($1, 'https://example.invalid/hook', ARRAY['ticket'], 'whsec_x', now()) RETURNING id",
        [w.mppA],
      );
      f[caller] = rows[0]!.id;
    }
    const { rows } = await w.t.db.query<{ id: string }>(
      "INSERT INTO webhook_deliveries (mpp_id, subscription_id, event_id, event_type, payload) VALUES ($1, $2, 'ticket-1', 'ticket.issued', '{}') RETURNING id",
      [w.mppA, f.log],
    );
    f.delivery = rows[0]!.id;
    return f;
  },
  cases: [
    { method: 'GET', route: '/api/mpps/:mppId/webhooks', allow: MPP_A_ADMIN, request: (w) => ({ url: `/api/mpps/${w.mppA}/webhooks` }) },
    { method: 'POST', route: '/api/mpps/:mppId/webhooks', allow: MPP_A_ADMIN, request: (w) => ({ url: `/api/mpps/${w.mppA}/webhooks`, payload: { url: 'https://example.invalid/new', events: ['ticket'] } }) },
    { method: 'DELETE', route: '/api/mpps/:mppId/webhooks/:webhookId', allow: MPP_A_ADMIN, request: (w, f, caller) => ({ url: `/api/mpps/${w.mppA}/webhooks/${f[caller]}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/webhooks/:webhookId/deliveries', allow: MPP_A_ADMIN, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/webhooks/${f.log}/deliveries` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/webhooks/:webhookId/deliveries/:deliveryId/replay',
      allow: MPP_A_ADMIN,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/webhooks/${f.log}/deliveries/${f.delivery}/replay` }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/operations/stats', allow: READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/stats?${period}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/operations/stats.csv', allow: READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/stats.csv?${period}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/operations/stats.xlsx', allow: READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/stats.xlsx?${period}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/operations/floor', allow: READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/floor` }) },
    {
      method: 'GET',
      route: '/api/mpps/:mppId/operations/floor/events',
      allow: READERS,
      // An allowed caller would get an endless stream: a malformed tenantId makes it answer 400 instead
      // (validation runs after authentication), which still shows the caller got past access control.
      request: (w, _f, caller) => ({ url: `/api/mpps/${w.mppA}/operations/floor/events${READERS.includes(caller) ? '?tenantId=not-a-uuid' : ''}` }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/operations/staffing', allow: READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/staffing?${period}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/operations/scorecard', allow: MPP_A_ADMIN, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/scorecard?month=2026-11` }) },
    { method: 'GET', route: '/api/mpps/:mppId/operations/digital-criteria', allow: MPP_A_ADMIN, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/digital-criteria` }) },
    { method: 'GET', route: '/api/national/rollout', allow: ['national'], request: () => ({ url: '/api/national/rollout?province=33' }) },
    { method: 'PUT', route: '/api/national/rollout/:regionCode', allow: ['national'], request: () => ({ url: '/api/national/rollout/33.02', payload: { stage: 'planned' } }) },
    { method: 'GET', route: '/api/national/operations/scorecards', allow: ['national'], request: () => ({ url: '/api/national/operations/scorecards?month=2026-11' }) },
    { method: 'GET', route: '/api/mpps/:mppId/operations/settings', allow: READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/settings` }) },
    { method: 'PUT', route: '/api/mpps/:mppId/operations/settings', allow: MPP_A_ADMIN, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/settings`, payload: { targetWaitMinutes: 20 } }) },
  ],
} satisfies CaseFile;
