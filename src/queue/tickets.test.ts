import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, deviceCaller, fakeClock, type TestApp } from '../../test/support/app.js';
import { insertService, issue, post, seedQueueWorld, type QueueWorld } from './fixtures.test-helpers.js';

// 2026-11-23 is a Monday; 10:00 WIB.
const clock = fakeClock('2026-11-23T03:00:00Z');
let t: TestApp;
let w: QueueWorld;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
});
afterAll(() => t.close());

describe('issuing tickets', () => {
  it('numbers tickets per prefix (A-001, A-002, B-001) and tells the holder who is ahead', async () => {
    const a1 = await issue(t, w, w.services.ktp);
    const a2 = await issue(t, w, w.services.ktp);
    const b1 = await issue(t, w, w.services.kk);
    expect([a1.statusCode, a2.statusCode, b1.statusCode]).toEqual([201, 201, 201]);
    expect([a1.json().number, a2.json().number, b1.json().number]).toEqual(['A-001', 'A-002', 'B-001']);
    expect(a2.json()).toMatchObject({ status: 'waiting', peopleAhead: 1, channel: 'kiosk', service: { name: 'Perekaman KTP-el' } });
    // No counter is open yet: the ticket says so instead of promising a time (issue 12).
    expect(a2.json()).toMatchObject({ estimatedWaitMinutes: null, estimatedWaitRange: null, noCounter: 'closed' });
    expect(a2.json().statusToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('restarts numbering at midnight in the MPP\'s own zone (WIT), not UTC', async () => {
    const papua = await seedQueueWorld(t, { timezone: 'Asia/Jayapura' });
    clock.set('2026-11-23T14:30:00Z'); // 23:30 WIT
    expect((await issue(t, papua, papua.services.ktp)).json().number).toBe('A-001');
    expect((await issue(t, papua, papua.services.ktp)).json().number).toBe('A-002');
    clock.set('2026-11-23T15:30:00Z'); // 00:30 WIT next day, still 23 Nov in UTC
    expect((await issue(t, papua, papua.services.ktp)).json().number).toBe('A-001');
    clock.set('2026-11-23T03:00:00Z');
  });

  it('returns the same ticket for a retried request with the same Idempotency-Key', async () => {
    const key = 'kiosk-1-retry-0001';
    const first = await issue(t, w, w.services.kk, {}, { 'idempotency-key': key });
    const again = await issue(t, w, w.services.kk, {}, { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().number).toBe(first.json().number);
    const other = await issue(t, w, w.services.ktp, {}, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_mismatch');
  });

  it("keeps each caller's Idempotency-Key its own: another kiosk sending the same key gets its own ticket", async () => {
    const key = 'shared-key-0001';
    const mine = await issue(t, w, w.services.kk, {}, { 'idempotency-key': key });
    const secondKiosk = await deviceCaller(t, w.admin, w.mppId, 'kiosk');
    const theirs = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/tickets`, headers: { ...secondKiosk.headers, 'idempotency-key': key }, payload: { serviceId: w.services.kk } });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(theirs.json().statusToken).not.toBe(mine.json().statusToken);
    // Each still replays its own.
    const mineAgain = await issue(t, w, w.services.kk, {}, { 'idempotency-key': key });
    expect(mineAgain.json().id).toBe(mine.json().id);
  });

  it('never gives two concurrent requests the same number', async () => {
    const svc = await insertService(t.db, w.mppId, w.tenantId, 'PARA', 'Layanan paralel', 'P');
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => issue(t, w, svc, {}, i % 4 === 0 ? { 'idempotency-key': `par-${i}-key-xx` } : {})));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const seqs = results.map((r) => Number(r.json().number.slice(2))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('groups several services of one person into one visit', async () => {
    const first = (await issue(t, w, w.services.ktp)).json();
    const second = await issue(t, w, w.services.stnk, { visitToken: first.visitToken });
    expect(second.statusCode).toBe(201);
    expect(second.json().visitToken).toBe(first.visitToken);
    expect(second.json().visitTickets).toEqual([{ number: first.number, serviceName: 'Perekaman KTP-el', status: 'waiting' }]);
    const bad = await issue(t, w, w.services.stnk, { visitToken: 'x'.repeat(24) });
    expect(bad.json().code).toBe('visit_unknown');
  });

  it('lets reception staff issue, refuses display tokens and anonymous callers on the kiosk route', async () => {
    const staff = await post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets`, { serviceId: w.services.kk });
    expect(staff.statusCode).toBe(201);
    expect(staff.json().channel).toBe('reception');
    expect((await post(t, w.display, `/api/mpps/${w.mppId}/queue/tickets`, { serviceId: w.services.kk })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/tickets`, payload: { serviceId: w.services.kk } })).statusCode).toBe(401);
  });

  it('issues virtual tickets online, rate-limited per client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/online-tickets`, remoteAddress: '10.1.2.3', payload: { serviceId: w.services.kk } });
      codes.push(r.statusCode);
      if (i === 0) expect(r.json().channel).toBe('online');
    }
    expect(codes.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('kiosk refusals say why and what to do', () => {
  it('refuses when the MPP is closed, naming when it opens again', async () => {
    const hours = { '1': { opens: '08:00', closes: '15:00', breaks: [] } };
    const m = await seedQueueWorld(t, { hours });
    clock.set('2026-11-23T09:00:00Z'); // 16:00 WIB Monday
    const res = await issue(t, m, m.services.ktp);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('mpp_closed');
    expect(res.json().title).toContain('sudah tutup');
    expect(res.json().title).toContain('2026-11-30 08:00 WIB');
    const en = await t.app.inject({ method: 'POST', url: `/api/mpps/${m.mppId}/queue/tickets`, headers: { ...m.kiosk.headers, 'accept-language': 'en' }, payload: { serviceId: m.services.ktp } });
    expect(en.json().title).toContain('closed for the day');
    // Reception may still hand a ticket to someone already inside.
    expect((await post(t, m.officer, `/api/mpps/${m.mppId}/queue/tickets`, { serviceId: m.services.ktp })).statusCode).toBe(201);
    clock.set('2026-11-23T03:00:00Z');
  });

  it('refuses past the daily quota and suggests coming back or booking', async () => {
    const m = await seedQueueWorld(t);
    const set = await t.app.inject({ method: 'PUT', url: `/api/mpps/${m.mppId}/queue/services/${m.services.kk}/settings`, headers: m.admin.headers, payload: { dailyQuota: 3 } });
    expect(set.statusCode).toBe(200);
    const results = await Promise.all(Array.from({ length: 6 }, () => issue(t, m, m.services.kk)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.json().code).toBe('quota_exhausted');
    expect(refused.json().title).toContain('booking');
    const offer = (await t.app.inject({ method: 'GET', url: `/api/mpps/${m.mppId}/queue/offer` })).json();
    expect(offer.services.find((s: { id: string }) => s.id === m.services.kk).quotaLeft).toBe(0);
  });

  it('refuses when the waiting room is full and points to the online ticket', async () => {
    const m = await seedQueueWorld(t);
    await t.app.inject({ method: 'PUT', url: `/api/mpps/${m.mppId}/queue/settings`, headers: m.admin.headers, payload: { maxRecalls: 3, waitingRoomCapacity: 2, defaultServiceMinutes: 6 } });
    await issue(t, m, m.services.ktp);
    await issue(t, m, m.services.ktp);
    const full = await issue(t, m, m.services.ktp);
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'waiting_room_full' });
    expect(full.json().title).toContain('online');
  });

  it('takes the waiting-room capacity from the catalog\'s MPP profile when it is set', async () => {
    const m = await seedQueueWorld(t);
    await t.db.query('UPDATE mpps SET waiting_capacity = 1 WHERE id = $1', [m.mppId]);
    expect((await issue(t, m, m.services.ktp)).statusCode).toBe(201);
    const full = await issue(t, m, m.services.kk);
    expect(full.json()).toMatchObject({ code: 'waiting_room_full', capacity: 1 });
  });

  it('answers an unknown service with 404 and bad input with a Bahasa Indonesia problem', async () => {
    expect((await issue(t, w, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const bad = await issue(t, w, 'nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'body.serviceId', message: 'Pilih layanan.' });
  });
});

describe('ticket status page', () => {
  it('shows the ticket by its token and lets the holder cancel once', async () => {
    const tk = (await issue(t, w, w.services.kk)).json();
    const status = await t.app.inject({ method: 'GET', url: `/api/queue/status/${tk.statusToken}` });
    expect(status.json()).toMatchObject({ number: tk.number, status: 'waiting' });
    const cancel = await t.app.inject({ method: 'POST', url: `/api/queue/status/${tk.statusToken}/cancel` });
    expect(cancel.json().status).toBe('cancelled');
    const again = await t.app.inject({ method: 'POST', url: `/api/queue/status/${tk.statusToken}/cancel` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition', from: 'cancelled' });
    expect((await t.app.inject({ method: 'GET', url: `/api/queue/status/${'z'.repeat(24)}` })).statusCode).toBe(404);
  });
});
