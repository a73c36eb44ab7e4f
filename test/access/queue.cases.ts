import type { CallerName, CaseFile } from './world.js';

const ALWAYS_OPEN = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '00:00', closes: '23:59', breaks: [] }]));
const STAFF_A: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1', 'officerA2'];
/** Staff who may work counter/ticket of tenant A1. */
const TENANT_A1_DESK: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1'];
const TENANT_A1_ADMIN: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1'];
const MPP_A_ADMIN: CallerName[] = ['national', 'mppAdminA'];
let n = 0;

export default {
  async setup(w) {
    const db = w.t.db;
    await db.query('UPDATE mpps SET weekly_hours = $2 WHERE id = $1', [w.mppA, JSON.stringify(ALWAYS_OPEN)]);
    const svc = async (tenant: string, code: string, prefix: string) =>
      (await db.query<{ id: string }>('INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, $3, $4, $5) RETURNING id', [w.mppA, tenant, code, `Layanan ${code}`, prefix])).rows[0]!.id;
    const svcA1 = await svc(w.tenantA1, 'QA1', 'Q');
    const counterA1 = (await db.query<{ id: string }>('INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, 501, $3) RETURNING id', [w.mppA, w.tenantA1, 'Loket 501'])).rows[0]!.id;
    await db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) VALUES ($1, $2, $3)', [w.mppA, counterA1, svcA1]);
    const ticket = await w.t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppA}/queue/tickets`, headers: w.headers.kioskA, payload: { serviceId: svcA1 } });
    const classes = await w.t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppA}/queue/priority-classes`, headers: w.headers.mppAdminA });
    const reason = await db.query<{ id: string }>('SELECT id FROM pause_reasons WHERE mpp_id = $1 ORDER BY sort LIMIT 1', [w.mppA]);
    // A drive-thru lane with its own window (counter 502) serving svcA1, and a device to bind.
    const laneA = (await db.query<{ id: string }>("INSERT INTO queue_zones (mpp_id, code, kind, name) VALUES ($1, 'matrix-dt', 'drive_thru', 'Lajur matriks') RETURNING id", [w.mppA])).rows[0]!.id;
    const windowA = (await db.query<{ id: string }>('INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, 502, $3) RETURNING id', [w.mppA, w.tenantA1, 'Jendela 1'])).rows[0]!.id;
    await db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) VALUES ($1, $2, $3)', [w.mppA, windowA, svcA1]);
    await db.query("INSERT INTO queue_counter_state (mpp_id, counter_id, zone) VALUES ($1, $2, 'matrix-dt')", [w.mppA, windowA]);
    const deviceA = (await db.query<{ id: string }>("INSERT INTO device_tokens (mpp_id, kind, name, token_hash) VALUES ($1, 'display', 'Layar lajur matriks', 'matrix-lane-board') RETURNING id", [w.mppA])).rows[0]!.id;
    return { laneA, windowA, deviceA, svcA1, counterA1, ticketA1: ticket.json().id as string, token: ticket.json().statusToken as string, classA: classes.json()[0].id as string, reasonA: reason.rows[0]!.id };
  },
  cases: [
    { method: 'GET', route: '/api/mpps/:mppId/queue/offer', public: 'the kiosk and online page list services, lines and quotas', request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/offer` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/online-tickets',
      public: 'virtual same-day tickets for citizens (rate-limited)',
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/online-tickets`, payload: { serviceId: f.svcA1 } }),
    },
    { method: 'GET', route: '/api/queue/status/:token', public: 'the ticket holder, by the unguessable token', request: (_w, f) => ({ url: `/api/queue/status/${f.token}` }) },
    { method: 'POST', route: '/api/queue/status/:token/cancel', public: 'the ticket holder, by the unguessable token', request: (_w, f) => ({ url: `/api/queue/status/${f.token}/cancel` }) },
    { method: 'GET', route: '/api/queue/status/:token/events', public: 'the ticket holder, by the unguessable token', request: (_w, f) => ({ url: `/api/queue/status/${f.token}/events` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/tickets',
      allow: [...STAFF_A, 'kioskA'],
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/tickets`, payload: { serviceId: f.svcA1 } }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/queue/display', allow: [...STAFF_A, 'displayA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/display` }) },
    {
      method: 'GET',
      route: '/api/mpps/:mppId/queue/display/events',
      allow: [...STAFF_A, 'displayA'],
      // An allowed caller would get an endless stream: a malformed Last-Event-ID makes it answer 400
      // instead, which still shows the caller got past access control.
      request: (w, _f, caller) => ({
        url: `/api/mpps/${w.mppA}/queue/display/events`,
        headers: { 'last-event-id': [...STAFF_A, 'displayA'].includes(caller) ? 'not-a-number' : '1' },
      }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/queue/counters', allow: STAFF_A, request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/counters` }) },
    { method: 'GET', route: '/api/mpps/:mppId/queue/counters/:counterId/console', allow: TENANT_A1_DESK, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/counters/${f.counterA1}/console` }) },
    { method: 'POST', route: '/api/mpps/:mppId/queue/counters/:counterId/open', allow: TENANT_A1_DESK, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/counters/${f.counterA1}/open` }) },
    { method: 'POST', route: '/api/mpps/:mppId/queue/counters/:counterId/close', allow: TENANT_A1_DESK, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/counters/${f.counterA1}/close` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/counters/:counterId/pause',
      allow: TENANT_A1_DESK,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/counters/${f.counterA1}/pause`, payload: { reason: 'Istirahat' } }),
    },
    { method: 'POST', route: '/api/mpps/:mppId/queue/counters/:counterId/call-next', allow: TENANT_A1_DESK, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/counters/${f.counterA1}/call-next` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/counters/:counterId/call',
      allow: TENANT_A1_DESK,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/counters/${f.counterA1}/call`, payload: { ticketId: f.ticketA1, reason: 'Matriks akses' } }),
    },
    {
      method: 'PUT',
      route: '/api/mpps/:mppId/queue/counters/:counterId/setup',
      allow: TENANT_A1_ADMIN,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/counters/${f.counterA1}/setup`, payload: { services: [{ serviceId: f.svcA1, weight: 1 }] } }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/queue/tickets/:ticketId', allow: TENANT_A1_DESK, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/tickets/${f.ticketA1}` }) },
    ...(['recall', 'start', 'finish', 'no-show', 'cancel'] as const).map((action) => ({
      method: 'POST' as const,
      route: `/api/mpps/:mppId/queue/tickets/:ticketId/${action}`,
      allow: TENANT_A1_DESK,
      request: (w: { mppA: string }, f: Record<string, any>) => ({ url: `/api/mpps/${w.mppA}/queue/tickets/${f.ticketA1}/${action}` }),
    })),
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/tickets/:ticketId/transfer',
      allow: TENANT_A1_DESK,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/tickets/${f.ticketA1}/transfer`, payload: { serviceId: f.svcA1 } }),
    },
    {
      method: 'PUT',
      route: '/api/mpps/:mppId/queue/services/:serviceId/settings',
      allow: TENANT_A1_ADMIN,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/services/${f.svcA1}/settings`, payload: { dailyQuota: 500 } }),
    },
    // Agency admins see their own agencies' services and counters; officers have no set-up page.
    { method: 'GET', route: '/api/mpps/:mppId/queue/setup', allow: TENANT_A1_ADMIN, request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/setup` }) },
    { method: 'GET', route: '/api/mpps/:mppId/queue/settings', allow: STAFF_A, request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/settings` }) },
    {
      method: 'PUT',
      route: '/api/mpps/:mppId/queue/settings',
      allow: MPP_A_ADMIN,
      request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/settings`, payload: { maxRecalls: 3, waitingRoomCapacity: null, defaultServiceMinutes: 6 } }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/queue/priority-classes', allow: STAFF_A, request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/priority-classes` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/priority-classes',
      allow: MPP_A_ADMIN,
      request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/priority-classes`, payload: { code: `matriks_${n++}`, name: 'Veteran', weight: 15 } }),
    },
    {
      method: 'PATCH',
      route: '/api/mpps/:mppId/queue/priority-classes/:classId',
      allow: MPP_A_ADMIN,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/priority-classes/${f.classA}`, payload: { weight: 30 } }),
    },
    // The floor (issue 12): parking, no-show undo, reprint, pause reasons, device health.
    ...(['park', 'undo-no-show', 'reprint'] as const).map((action) => ({
      method: 'POST' as const,
      route: `/api/mpps/:mppId/queue/tickets/:ticketId/${action}`,
      allow: TENANT_A1_DESK,
      request: (w: { mppA: string }, f: Record<string, any>) => ({ url: `/api/mpps/${w.mppA}/queue/tickets/${f.ticketA1}/${action}` }),
    })),
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/counters/:counterId/unpark',
      allow: TENANT_A1_DESK,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/counters/${f.counterA1}/unpark`, payload: { ticketId: f.ticketA1 } }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/queue/pause-reasons', allow: STAFF_A, request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/pause-reasons` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/pause-reasons',
      allow: MPP_A_ADMIN,
      request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/pause-reasons`, payload: { label: `Alasan matriks ${n++}` } }),
    },
    {
      method: 'PATCH',
      route: '/api/mpps/:mppId/queue/pause-reasons/:reasonId',
      allow: MPP_A_ADMIN,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/pause-reasons/${f.reasonA}`, payload: { sort: 1 } }),
    },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/devices/heartbeat',
      allow: ['kioskA', 'displayA'],
      request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/devices/heartbeat`, payload: { appVersion: '0.1.0' } }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/queue/devices/health', allow: MPP_A_ADMIN, request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/devices/health` }) },
    // Zones and drive-thru lanes.
    { method: 'GET', route: '/api/mpps/:mppId/queue/zones', allow: TENANT_A1_ADMIN, request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/zones` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/zones',
      allow: MPP_A_ADMIN,
      request: (w) => ({ url: `/api/mpps/${w.mppA}/queue/zones`, payload: { code: `zona-${n++}`, name: 'Zona matriks' } }),
    },
    { method: 'PATCH', route: '/api/mpps/:mppId/queue/zones/:zoneId', allow: MPP_A_ADMIN, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/zones/${f.laneA}`, payload: { name: 'Lajur matriks' } }) },
    {
      method: 'PUT',
      route: '/api/mpps/:mppId/queue/counters/:counterId/zone',
      allow: MPP_A_ADMIN,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/counters/${f.windowA}/zone`, payload: { zoneId: f.laneA } }),
    },
    {
      method: 'PUT',
      route: '/api/mpps/:mppId/queue/devices/:deviceId/zone',
      allow: MPP_A_ADMIN,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/devices/${f.deviceA}/zone`, payload: { zoneId: f.laneA } }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/queue/zones/:zoneId/offer', public: 'the drive-thru kiosk lists its lane\'s services', request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/zones/${f.laneA}/offer` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/queue/zones/:zoneId/tickets',
      allow: [...STAFF_A, 'kioskA'],
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/queue/zones/${f.laneA}/tickets`, payload: { serviceId: f.svcA1, plate: `R ${1 + (n++ % 9000)} MX` } }),
    },
  ],
} satisfies CaseFile;
