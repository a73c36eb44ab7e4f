import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type TestApp } from '../../test/support/app.js';
import { downloadPack, newDevice, seedStopWorld, sync, type StopWorld } from './fixtures.test-helpers.js';

let t: TestApp;
let w: StopWorld;
const clock = fakeClock('2026-12-01T08:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedStopWorld(t);
});
afterAll(() => t.close());

let seqs = new Map<string, number>();
const ev = (deviceId: string, body: Record<string, unknown>, at: string) => {
  const seq = (seqs.get(deviceId) ?? 0) + 1;
  seqs.set(deviceId, seq);
  return { ...body, id: randomUUID(), seq, at };
};

describe('who may run a stop queue', () => {
  it('lets only the crew of the unit in; others of the MPP get 403, other MPPs 404, anonymous 401', async () => {
    expect((await downloadPack(t, w.crew, w, newDevice())).statusCode).toBe(200);
    const notCrew = await downloadPack(t, w.notCrew, w, newDevice());
    expect(notCrew.statusCode).toBe(403);
    expect(notCrew.json().code).toBe('not_crew');
    expect(notCrew.json().title).toMatch(/bukan kru/);
    const other = await seedMpp(t.db);
    const outsider = await staffCaller(t, 'mpp_admin', { mppId: other.mppId });
    expect((await downloadPack(t, outsider, w, newDevice())).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/crew/stops/${w.stopId}/pack`, payload: { deviceId: newDevice(), label: 'x' } })).statusCode).toBe(401);
  });

  it('lists my stops on the crew home', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/crew/stops', headers: w.crew.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((s: { id: string }) => s.id)).toContain(w.stopId);
    const none = await t.app.inject({ method: 'GET', url: '/api/crew/stops', headers: w.notCrew.headers });
    expect(none.json()).toEqual([]);
  });
});

describe('the stop pack', () => {
  it('gives each device its own block, keeps it on a second download, and adds one on request', async () => {
    const a = newDevice();
    const b = newDevice();
    const first = (await downloadPack(t, w.crew, w, a)).json();
    const second = (await downloadPack(t, w.crew2, w, b)).json();
    expect(first.blocks).toHaveLength(1);
    expect(second.blocks[0].first).toBeGreaterThan(first.blocks[0].last);
    expect((await downloadPack(t, w.crew, w, a)).json().blocks).toEqual(first.blocks);
    const more = (await downloadPack(t, w.crew, w, a, { reserveBlock: true })).json();
    expect(more.blocks).toHaveLength(2);
    expect(more.blocks[1].first).toBeGreaterThan(second.blocks[0].last);
    expect(first.bookings.map((x: { code: string; status: string }) => [x.code, x.status])).toEqual(w.bookings.map((x, i) => [x.code, i === 3 ? 'cancelled' : 'booked']));
    expect(first.services.map((s: { name: string }) => s.name).sort()).toEqual(['Kartu Keluarga', 'Perekaman KTP-el']);
  });

  it('refuses a malformed request with a problem in Bahasa Indonesia', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/crew/stops/${w.stopId}/sync`, headers: w.crew.headers, payload: { deviceId: 'x', events: [{ type: 'served' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const unknown = await sync(t, w.crew, w, newDevice(), []);
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().code).toBe('device_unknown');
    expect(unknown.json().title).toMatch(/Unduh paket/);
  });
});

describe('syncing what a device recorded offline', () => {
  it('serves a booking and a walk-in once, counts both in the statistics, and gives both a survey code', async () => {
    seqs = new Map();
    const a = newDevice();
    const pack = (await downloadPack(t, w.crew, w, a)).json();
    const n = pack.blocks[0].first;
    const booking = w.bookings[0]!;
    const batch = [
      ev(a, { type: 'booking_checked_in', number: n, bookingId: booking.id }, '2026-12-01T02:10:00Z'),
      ev(a, { type: 'ticket_issued', number: n + 1, serviceId: w.services.kk }, '2026-12-01T02:12:00Z'),
      ev(a, { type: 'called', number: n }, '2026-12-01T02:20:00Z'),
      ev(a, { type: 'served', number: n }, '2026-12-01T02:30:00Z'),
      ev(a, { type: 'called', number: n + 1 }, '2026-12-01T02:31:00Z'),
      ev(a, { type: 'served', number: n + 1 }, '2026-12-01T02:40:00Z'),
    ];
    const res = await sync(t, w.crew, w, a, batch);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcomes.map((o: { result: string }) => o.result)).toEqual(Array(6).fill('applied'));
    expect(res.json().lastSeq).toBe(6);
    // The same batch again changes nothing.
    const again = (await sync(t, w.crew, w, a, batch)).json();
    expect(again.outcomes.map((o: { result: string }) => o.result)).toEqual(Array(6).fill('duplicate'));

    const { rows } = await t.db.query<{ status: string; booked: number }>(
      'SELECT b.status, s.booked FROM mobile_stop_bookings b JOIN mobile_stops s ON s.mpp_id = b.mpp_id AND s.id = b.stop_id WHERE b.mpp_id = $1 AND b.id = $2',
      [w.mppId, booking.id],
    );
    expect(rows).toEqual([{ status: 'served', booked: 3 }]);

    const stats = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/operations/stats?from=2026-12-01&to=2026-12-01&by=service`, headers: w.admin.headers })).json();
    expect(stats.totals).toMatchObject({ issued: 2, booked: 1, walkIn: 1, served: 2 });
    // Waits 10 and 19 minutes, services 10 and 9, from the times the device recorded.
    expect(stats.totals.wait).toMatchObject({ count: 2, maxSeconds: 19 * 60 });
    expect(stats.totals.service).toMatchObject({ count: 2, maxSeconds: 600 });
    // Served at the stop, not in the building: the service's daily quota at the building is untouched.
    const building = await t.db.query('SELECT issued, quota FROM queue_service_day WHERE mpp_id = $1 AND service_id = $2', [w.mppId, w.services.kk]);
    expect(building.rows).toEqual([]);

    await t.ctx.outbox.runOnce();
    const tokens = await t.db.query("SELECT 1 FROM survey_tokens WHERE mpp_id = $1 AND source_kind = 'ticket'", [w.mppId]);
    expect(tokens.rows).toHaveLength(2);
    // The crew device shows each served person the survey code, which opens the SKM form like a counter ticket's.
    const after = (await downloadPack(t, w.crew, w, a)).json();
    const codes = after.tickets.filter((x: { number: number }) => x.number === n || x.number === n + 1).map((x: { surveyCode: string | null }) => x.surveyCode);
    expect(codes.every((c: string | null) => typeof c === 'string')).toBe(true);
    for (const code of codes) expect((await t.app.inject({ method: 'GET', url: `/api/survey/forms/${encodeURIComponent(code)}` })).statusCode).toBe(200);
  });

  it('reports a booking served on another device as a conflict and counts it once', async () => {
    seqs = new Map();
    const a = newDevice();
    const b = newDevice();
    const pa = (await downloadPack(t, w.crew, w, a, { label: 'Tablet Depan' })).json();
    const pb = (await downloadPack(t, w.crew2, w, b, { label: 'Ponsel Belakang' })).json();
    const booking = w.bookings[1]!;
    const na = pa.blocks[0].first;
    const nb = pb.blocks[0].first;
    const ra = await sync(t, w.crew, w, a, [
      ev(a, { type: 'booking_checked_in', number: na, bookingId: booking.id }, '2026-12-01T03:00:00Z'),
      ev(a, { type: 'served', number: na }, '2026-12-01T03:10:00Z'),
    ]);
    expect(ra.json().outcomes.map((o: { result: string }) => o.result)).toEqual(['applied', 'applied']);
    const rb = (
      await sync(t, w.crew2, w, b, [
        ev(b, { type: 'booking_checked_in', number: nb, bookingId: booking.id }, '2026-12-01T03:01:00Z'),
        ev(b, { type: 'served', number: nb }, '2026-12-01T03:05:00Z'),
        ev(b, { type: 'ticket_issued', number: na + 1, serviceId: w.services.ktp }, '2026-12-01T03:06:00Z'),
      ])
    ).json();
    expect(rb.outcomes[0]).toMatchObject({ result: 'merged', code: 'booking_checked_in_elsewhere', number: na, otherDevice: 'Tablet Depan' });
    expect(rb.outcomes[1]).toMatchObject({ result: 'conflict', code: 'already_served', number: na, otherDevice: 'Tablet Depan' });
    expect(rb.outcomes[2]).toMatchObject({ result: 'rejected', code: 'number_outside_block' });
    const stats = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/operations/stats?from=2026-12-01&to=2026-12-01&by=service`, headers: w.admin.headers })).json();
    expect(stats.totals).toMatchObject({ issued: 3, booked: 2, served: 3 });
  });

  it('holds a later batch until the earlier one arrives, then applies both in device order', async () => {
    seqs = new Map();
    const a = newDevice();
    const n = (await downloadPack(t, w.crew, w, a)).json().blocks[0].first;
    const first = [ev(a, { type: 'ticket_issued', number: n, serviceId: w.services.ktp }, '2026-12-01T04:00:00Z')];
    const second = [ev(a, { type: 'called', number: n }, '2026-12-01T04:05:00Z'), ev(a, { type: 'no_show', number: n }, '2026-12-01T04:15:00Z')];
    const early = (await sync(t, w.crew, w, a, second)).json();
    expect(early.outcomes.map((o: { result: string }) => o.result)).toEqual(['pending', 'pending']);
    expect(early.lastSeq).toBe(0);
    const late = (await sync(t, w.crew, w, a, first)).json();
    expect(late.outcomes[0].result).toBe('applied');
    expect(late.settled.map((o: { result: string }) => o.result)).toEqual(['applied', 'applied']);
    expect(late.lastSeq).toBe(3);
    const stats = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/operations/stats?from=2026-12-01&to=2026-12-01&by=service`, headers: w.admin.headers })).json();
    expect(stats.totals).toMatchObject({ issued: 4, noShow: 1, served: 3 });
  });
});
