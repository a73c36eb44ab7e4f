import type { CaseFile } from './world.js';

let n = 0;
/** A different far-future date per request, so allowed callers never collide on a day. */
const uniqueDay = () => `2090-01-${String(++n).padStart(2, '0')}`;

export default {
  async setup(w) {
    const admin = w.headers.mppAdminA;
    const national = w.headers.national;
    const closure = async (day: string) =>
      (await w.t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppA}/calendar/closures`, headers: admin, payload: { day, name: 'Matrix' } })).json().id as string;
    const nationalDay = (await w.t.app.inject({ method: 'POST', url: '/api/calendar/national', headers: national, payload: { day: '2091-01-01', kind: 'holiday', name: 'Matrix' } })).json().id as string;
    return { nationalDay, closureNational: await closure('2091-02-01'), closureMppAdminA: await closure('2091-02-02'), closureOthers: await closure('2091-02-03') };
  },
  cases: [
    { method: 'GET', route: '/api/calendar/national', public: 'holidays are public information', request: () => ({ url: '/api/calendar/national?year=2025' }) },
    {
      method: 'POST',
      route: '/api/calendar/national',
      allow: ['national'],
      request: () => ({ url: '/api/calendar/national', payload: { day: uniqueDay(), kind: 'holiday', name: 'Matrix' } }),
    },
    { method: 'DELETE', route: '/api/calendar/national/:dayId', allow: ['national'], request: (_w, f) => ({ url: `/api/calendar/national/${f.nationalDay}` }) },
    { method: 'GET', route: '/api/mpps/:mppId/calendar', public: 'an MPP\'s closing days are public', request: (w) => ({ url: `/api/mpps/${w.mppA}/calendar?year=2025` }) },
    { method: 'GET', route: '/api/mpps/:mppId/calendar/due', public: 'due-date arithmetic over public data', request: (w) => ({ url: `/api/mpps/${w.mppA}/calendar/due?from=2025-11-03T01:00:00Z&days=3` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/calendar/closures',
      allow: ['national', 'mppAdminA'],
      request: (w) => ({ url: `/api/mpps/${w.mppA}/calendar/closures`, payload: { day: uniqueDay(), name: 'Matrix' } }),
    },
    {
      method: 'DELETE',
      route: '/api/mpps/:mppId/calendar/closures/:dayId',
      allow: ['national', 'mppAdminA'],
      request: (w, f, caller) => ({
        url: `/api/mpps/${w.mppA}/calendar/closures/${caller === 'national' ? f.closureNational : caller === 'mppAdminA' ? f.closureMppAdminA : f.closureOthers}`,
      }),
    },
  ],
} satisfies CaseFile;
