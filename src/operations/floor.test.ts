import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { countersNeeded, erlangC, meanWait } from './erlang.js';

const clock = fakeClock('2026-11-23T01:00:00Z'); // 08:00 WIB, a Monday
let t: TestApp;
let w: QueueWorld;
const METRICS_TOKEN = 'metrics-token-0123456789';
const get = (caller: Caller, path: string) => t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/operations/${path}`, headers: caller.headers });

beforeAll(async () => {
  t = await createTestApp({ clock, env: { METRICS_TOKEN } });
  w = await seedQueueWorld(t);
}, 600_000);
afterAll(() => t.close());

describe('Erlang C', () => {
  it('matches the worked values of the formula', () => {
    // 60 arrivals an hour at 5 minutes each is 5 erlangs.
    expect(erlangC(6, 5)).toBeCloseTo(0.5875, 3);
    expect(meanWait(6, 60, 5)).toBeCloseTo(2.94, 2);
    expect(meanWait(7, 60, 5)).toBeCloseTo(0.81, 2);
    expect(meanWait(5, 60, 5)).toBe(Infinity);
    expect(countersNeeded(60, 5, 3)).toBe(6);
    expect(countersNeeded(60, 5, 2)).toBe(7);
    expect(countersNeeded(0, 5, 2)).toBe(0);
  });
});

describe('live floor', () => {
  it('shows lines, the longest wait, counters with who staffs them and what they serve, and tickets near the target', async () => {
    await issue(t, w, w.services.ktp); // 08:00
    clock.advance(5 * 60_000);
    await issue(t, w, w.services.ktp); // 08:05
    await issue(t, w, w.services.stnk); // 08:05
    await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c2}/open`);
    await post(t, w.samsatOfficer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c3}/open`);
    await post(t, w.samsatOfficer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c3}/pause`, { reason: 'Istirahat salat' });
    clock.advance(8 * 60_000); // 08:13
    const called = (await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c2}/call-next`)).json().ticket;
    const r = await get(w.admin, 'floor');
    expect(r.statusCode, r.body).toBe(200);
    const f = r.json();
    expect(f.localDay).toBe('2026-11-23');
    expect(f.totals).toMatchObject({ waiting: 2, longestWaitSeconds: 8 * 60, countersOpen: 1, countersPaused: 1, countersClosed: 1 });
    const ktp = f.lines.find((l: any) => l.serviceId === w.services.ktp);
    expect(ktp).toMatchObject({ waiting: 1, longestWaitSeconds: 8 * 60, openCounters: 1, atRisk: false });
    const c2 = f.counters.find((c: any) => c.id === w.counters.c2);
    expect(c2).toMatchObject({ status: 'open', officerName: 'Test officer', current: { number: called.number, status: 'called', serviceName: 'Perekaman KTP-el' } });
    expect(f.counters.find((c: any) => c.id === w.counters.c3)).toMatchObject({ status: 'paused', pauseReason: 'Istirahat salat', current: null });
    expect(f.atRisk).toEqual([]);
    // At 08:17 the 08:05 tickets have waited 12 minutes: 80% of the 15-minute target.
    clock.advance(4 * 60_000);
    const later = (await get(w.admin, 'floor')).json();
    expect(later.atRisk.map((x: any) => [x.serviceName, x.waitingSeconds]).sort()).toEqual([['Pengesahan STNK', 720], ['Perekaman KTP-el', 720]]);
    expect(later.lines.filter((l: any) => l.atRisk).length).toBe(2);
    expect(later.devicesOffline.map((d: any) => d.kind).sort()).toEqual(['display']);
    expect(later.parked).toEqual([]);
    // The called citizen steps aside to finish a form: parked at 08:17, shown 3 minutes later.
    expect((await post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${called.id}/park`)).statusCode).toBe(200);
    clock.advance(3 * 60_000);
    const parked = (await get(w.admin, 'floor')).json();
    expect(parked.parked).toEqual([{ id: called.id, number: called.number, serviceName: 'Perekaman KTP-el', tenantName: 'Dukcapil', parkedSeconds: 180 }]);
    expect(parked.counters.find((c: any) => c.id === w.counters.c2).current).toBeNull();
  });

  it('shows an agency admin only its agency, and officers nothing', async () => {
    const samsatAdmin = await staffCaller(t, 'tenant_admin', { mppId: w.mppId, tenantId: w.otherTenantId });
    const f = (await get(samsatAdmin, 'floor')).json();
    expect(f.lines.map((l: any) => l.serviceName)).toEqual(['Pengesahan STNK']);
    expect(f.counters.map((c: any) => c.number)).toEqual([3]);
    expect(f.devicesOffline).toEqual([]);
    expect(f.parked).toEqual([]); // Dukcapil's parked ticket is not Samsat's
    expect((await get(w.officer, 'floor')).statusCode).toBe(403);
  });
});

describe('staffing advice', () => {
  it('turns the history of arrivals and service times into counters per hour', async () => {
    // Two Mondays of history for Samsat at 09:00: 12 arrivals each, served in 10 minutes.
    for (const day of ['2026-11-09', '2026-11-16']) {
      for (let i = 0; i < 12; i++) {
        clock.set(new Date(`${day}T09:${String(i * 4).padStart(2, '0')}:00+07:00`));
        await issue(t, w, w.services.stnk);
      }
      await post(t, w.samsatOfficer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c3}/open`);
      for (let i = 0; i < 12; i++) {
        const tk = (await post(t, w.samsatOfficer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c3}/call-next`)).json().ticket;
        await post(t, w.samsatOfficer, `/api/mpps/${w.mppId}/queue/tickets/${tk.id}/start`);
        clock.advance(10 * 60_000);
        await post(t, w.samsatOfficer, `/api/mpps/${w.mppId}/queue/tickets/${tk.id}/finish`);
      }
    }
    const r = await get(w.admin, 'staffing?from=2026-11-09&to=2026-11-16&targetWaitMinutes=5');
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s.days).toBe(2);
    const samsat = s.tenants.find((x: any) => x.tenantId === w.otherTenantId);
    const nine = samsat.hours.find((h: any) => h.hour === 9);
    // 12 an hour x 10 minutes = 2 erlangs: 3 counters wait 4.4 min on average (<= 5), 2 cannot keep up.
    expect(nine).toMatchObject({ arrivalsPerHour: 12, meanServiceMinutes: 10, countersNeeded: countersNeeded(12, 10, 5) });
    expect(nine.countersNeeded).toBe(3);
    expect(samsat).toMatchObject({ countersTotal: 1, peakCountersNeeded: 3 });
  });
});

describe('/metrics', () => {
  it('answers Prometheus text to the holder of METRICS_TOKEN only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-wrong-token' } })).statusCode).toBe(401);
    const r = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.body).toMatch(/layan_http_requests_total\{method="GET",route="\/api\/mpps\/:mppId\/operations\/floor",status="200"\} \d+/);
    expect(r.body).toMatch(/layan_queue_counters\{mpp="[^"]+",status="open"\} \d/);
    expect(r.body).toContain('layan_queue_waiting_tickets');
  });

  it('is off without METRICS_TOKEN', async () => {
    const other = await createTestApp();
    try {
      expect((await other.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await other.close();
    }
  });
});
