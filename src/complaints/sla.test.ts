import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type Caller, type SeededMpp, type TestApp } from '../../test/support/app.js';
import { sweepComplaints } from './sweep.js';
import { fileJson, sample } from './complaints.test-helpers.js';

const clock = fakeClock('2025-12-31T16:30:00Z');
let t: TestApp;
let wib: SeededMpp;
let wit: SeededMpp;
let wibAdmin: Caller;
let witAdmin: Caller;

beforeAll(async () => {
  t = await createTestApp({ clock });
  wib = await seedMpp(t.db, { timezone: 'Asia/Jakarta' });
  wit = await seedMpp(t.db, { timezone: 'Asia/Jayapura' });
  wibAdmin = await staffCaller(t, 'mpp_admin', { mppId: wib.mppId });
  witAdmin = await staffCaller(t, 'mpp_admin', { mppId: wit.mppId });
});
afterAll(() => t.close());

async function file(mppId: string, at: string, body = sample()) {
  clock.set(at);
  const res = await fileJson(t, mppId, body);
  expect(res.statusCode).toBe(201);
  const { rows } = await t.db.query<{ id: string }>('SELECT id FROM complaints WHERE tracking_code = $1', [res.json().trackingCode.replace(/-/g, '')]);
  return { id: rows[0]!.id, code: res.json().trackingCode as string, verificationDueAt: res.json().verificationDueAt as string };
}

const action = (admin: Caller, mppId: string, id: string, name: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/mpps/${mppId}/complaints/${id}/actions/${name}`, headers: admin.headers, payload });

describe('verification deadline (3 working days)', () => {
  it('is the same local date but a different instant for a complaint filed late on 31 Dec in WIB and in WIT', async () => {
    // 23:30 WIB on Wed 31 Dec 2025; already 01:30 on Thu 1 Jan 2026 (a holiday) in WIT.
    const inWib = await file(wib.mppId, '2025-12-31T16:30:00Z');
    const inWit = await file(wit.mppId, '2025-12-31T16:30:00Z');
    // Day 1 = Fri 2 Jan, day 2 = Mon 5 Jan, day 3 = Tue 6 Jan in both zones.
    expect(inWib.verificationDueAt).toBe('2026-01-06T16:59:59.999Z');
    expect(inWit.verificationDueAt).toBe('2026-01-06T14:59:59.999Z');
  });

  it('differs by a working day for a complaint filed late on New Year\'s Day', async () => {
    const inWib = await file(wib.mppId, '2026-01-01T15:30:00Z'); // 22:30 WIB Thu 1 Jan (holiday)
    const inWit = await file(wit.mppId, '2026-01-01T15:30:00Z'); // 00:30 WIT Fri 2 Jan
    expect(inWib.verificationDueAt).toBe('2026-01-06T16:59:59.999Z'); // 2, 5, 6 Jan
    expect(inWit.verificationDueAt).toBe('2026-01-07T14:59:59.999Z'); // 5, 6, 7 Jan
  });

  it('honours an MPP closure', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: wib.mppId });
    await t.app.inject({ method: 'POST', url: `/api/mpps/${wib.mppId}/calendar/closures`, headers: admin.headers, payload: { day: '2025-11-11', name: 'Pemadaman listrik' } });
    const c = await file(wib.mppId, '2025-11-10T02:00:00Z'); // Monday
    expect(c.verificationDueAt).toBe('2025-11-14T16:59:59.999Z'); // 11 closed -> 12 (1), 13 (2), 14 (3)
  });
});

describe('resolution deadline by track', () => {
  it('runs 5, 14 or 60 working days from verification, over Lebaran 2026', async () => {
    const expected: Record<string, string> = {
      // verified Tue 17 Mar 2026 10:00 WIB; 18-24 Mar are Nyepi, Idul Fitri and cuti bersama
      simple: '2026-03-31', // 25,26,27,30,31
      dispute: '2026-04-14', // 25..31 (5), 1, 2 (7), 3 Good Friday, 6..10 (12), 13, 14 (14)
    };
    for (const [track, date] of Object.entries(expected)) {
      const c = await file(wib.mppId, '2026-03-16T03:00:00Z');
      clock.set('2026-03-17T03:00:00Z');
      const res = await action(wibAdmin, wib.mppId, c.id, 'verify', { track });
      expect(res.statusCode).toBe(200);
      expect(res.json().resolutionDueAt.slice(0, 10)).toBe(date);
      expect(res.json().dueAt).toBe(res.json().resolutionDueAt);
    }
  });

  it('gives an information request 5 working days whatever track is chosen', async () => {
    const c = await file(wit.mppId, '2026-06-01T00:00:00Z', sample({ class: 'permintaan_informasi' }));
    clock.set('2026-06-02T00:00:00Z'); // Tue 2 Jun 09:00 WIT
    const res = await action(witAdmin, wit.mppId, c.id, 'verify', { track: 'dispute_field_check' });
    // 3, 4, 5, 8, 9 Jun (16 Jun is 1 Muharam, not reached)
    expect(res.json().resolutionDueAt).toBe('2026-06-09T14:59:59.999Z');
  });

  it('gives a field-check dispute 60 working days, across the 2026 year end into an unseeded 2027', async () => {
    const c = await file(wib.mppId, '2026-10-01T03:00:00Z');
    clock.set('2026-10-01T03:00:00Z');
    const res = await action(wibAdmin, wib.mppId, c.id, 'verify', { track: 'dispute_field_check' });
    // Oct: 2..30 has 21 working days; Nov: 21; Dec: 1..31 minus 24, 25 = 21 -> 63 by 31 Dec, so day 60 is 28 Dec.
    expect(res.json().resolutionDueAt.slice(0, 10)).toBe('2026-12-28');
  });
});

describe('overdue', () => {
  it('flags overdue complaints in lists and tells the responsible admins once per stage', async () => {
    const mpp = await seedMpp(t.db, { timezone: 'Asia/Makassar' });
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const late = await file(mpp.mppId, '2025-11-03T01:00:00Z'); // Mon; due Thu 6 Nov 23:59 WITA
    const onTime = await file(mpp.mppId, '2025-11-06T01:00:00Z');
    clock.set('2025-11-06T15:59:59Z');
    let list = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/complaints?overdue=true`, headers: admin.headers });
    expect(list.json().items).toHaveLength(0);
    clock.set('2025-11-06T16:00:00Z');
    list = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/complaints?overdue=true`, headers: admin.headers });
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([late.id]);
    const all = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/complaints`, headers: admin.headers });
    expect(Object.fromEntries(all.json().items.map((c: { id: string; overdue: boolean }) => [c.id, c.overdue]))).toEqual({ [late.id]: true, [onTime.id]: false });

    await sweepComplaints(t.db, clock);
    await sweepComplaints(t.db, clock);
    const msgs = await t.db.query<{ payload: { stage: string; trackingCode: string; recipients: { email: string }[] } }>("SELECT payload FROM outbox WHERE topic = 'complaint.overdue' AND payload->>'complaintId' = $1", [late.id]);
    expect(msgs.rows).toHaveLength(1);
    expect(msgs.rows[0]!.payload.stage).toBe('verification');
    expect(msgs.rows[0]!.payload.recipients.map((r) => r.email)).toEqual([admin.email]);
    const emails = await t.db.query<{ payload: { to: string; subject: string } }>(
      "SELECT payload FROM outbox WHERE topic = 'notify.email' AND payload->>'subject' LIKE '%' || $1 || '%'",
      [msgs.rows[0]!.payload.trackingCode],
    );
    expect(emails.rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ to: admin.email, subject: `Pengaduan ${msgs.rows[0]!.payload.trackingCode} melewati batas waktu verifikasi` }),
    ]);

    // Verified and assigned, then late again: a second notice, now also to the tenant's admin.
    await action(admin, mpp.mppId, late.id, 'verify', { track: 'simple' });
    await action(admin, mpp.mppId, late.id, 'assign', { tenantId: mpp.tenantId });
    clock.set('2025-12-01T00:00:00Z');
    await sweepComplaints(t.db, clock);
    const second = await t.db.query<{ payload: { stage: string; recipients: { email: string }[] } }>("SELECT payload FROM outbox WHERE topic = 'complaint.overdue' AND payload->>'complaintId' = $1 ORDER BY id", [late.id]);
    expect(second.rows.map((r) => r.payload.stage)).toEqual(['verification', 'resolution']);
    expect(second.rows[1]!.payload.recipients.map((r) => r.email).sort()).toEqual([admin.email, tenantAdmin.email].sort());
  });
});

describe('the citizen\'s period to respond', () => {
  it('closes an answered complaint by itself after 10 working days; reopening later is refused', async () => {
    const c = await file(wit.mppId, '2025-11-03T01:00:00Z');
    await action(witAdmin, wit.mppId, c.id, 'verify', { track: 'simple' });
    const answered = await action(witAdmin, wit.mppId, c.id, 'answer', { answer: 'Loket tambahan dibuka mulai minggu depan.' });
    expect(answered.json().reopenUntil).toBe('2025-11-17T14:59:59.999Z');
    clock.set('2025-11-18T00:00:00Z');
    const late = await t.app.inject({ method: 'POST', url: `/api/complaints/track/${c.code}/reopen`, payload: { reason: 'Belum ada perubahan sama sekali.' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('respond_period_over');
    await sweepComplaints(t.db, clock);
    const track = await t.app.inject({ method: 'GET', url: `/api/complaints/track/${c.code}` });
    expect(track.json().status).toBe('closed');
  });

  it('lets the citizen reopen within the period, starting a fresh resolution deadline', async () => {
    const c = await file(wit.mppId, '2025-11-03T01:00:00Z');
    await action(witAdmin, wit.mppId, c.id, 'verify', { track: 'simple' });
    await action(witAdmin, wit.mppId, c.id, 'answer', { answer: 'Sudah kami perbaiki.' });
    clock.set('2025-11-05T01:00:00Z');
    const res = await t.app.inject({ method: 'POST', url: `/api/complaints/track/${c.code}/reopen`, payload: { reason: 'Belum ada perubahan sama sekali.' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', dueAt: '2025-11-12T14:59:59.999Z' });
  });
});
