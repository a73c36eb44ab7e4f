import type { CallerName, CaseFile } from './world.js';

/** Statistics: MPP admins for the whole MPP, an agency admin for its own agency only. */
const READERS: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1'];
const MPP_A_ADMIN: CallerName[] = ['national', 'mppAdminA'];
const period = 'from=2026-11-01&to=2026-11-30';

export default {
  cases: [
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
    { method: 'GET', route: '/api/national/operations/scorecards', allow: ['national'], request: () => ({ url: '/api/national/operations/scorecards?month=2026-11' }) },
    { method: 'GET', route: '/api/mpps/:mppId/operations/settings', allow: READERS, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/settings` }) },
    { method: 'PUT', route: '/api/mpps/:mppId/operations/settings', allow: MPP_A_ADMIN, request: (w) => ({ url: `/api/mpps/${w.mppA}/operations/settings`, payload: { targetWaitMinutes: 20 } }) },
  ],
} satisfies CaseFile;
