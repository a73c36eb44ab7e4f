import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedMpp, staffCaller, type SeededMpp, type TestApp } from '../../test/support/app.js';
import { dueAfterWorkingDays } from './service.js';

let t: TestApp;
let wib: SeededMpp;
let wit: SeededMpp;

beforeAll(async () => {
  t = await createTestApp();
  wib = await seedMpp(t.db, { timezone: 'Asia/Jakarta' });
  wit = await seedMpp(t.db, { timezone: 'Asia/Jayapura' });
});
afterAll(() => t.close());

describe('national calendar seed', () => {
  it('ships 17 holidays and 10 cuti bersama for 2025, 17 and 8 for 2026', async () => {
    for (const [year, holidays, cuti] of [[2025, 17, 10], [2026, 17, 8]] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/calendar/national?year=${year}` });
      expect(res.statusCode).toBe(200);
      const days = res.json() as { kind: string; mppId: string | null }[];
      expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(holidays);
      expect(days.filter((d) => d.kind === 'cuti_bersama')).toHaveLength(cuti);
      expect(days.every((d) => d.mppId === null)).toBe(true);
    }
  });
});

describe('national days', () => {
  it('lets only a national admin add one, refuses a second row for the same day', async () => {
    const national = await staffCaller(t, 'national_admin');
    const mppAdmin = await staffCaller(t, 'mpp_admin', { mppId: wib.mppId });
    const payload = { day: '2027-01-01', kind: 'holiday', name: 'Tahun Baru 2027 Masehi' };
    expect((await t.app.inject({ method: 'POST', url: '/api/calendar/national', payload })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/calendar/national', headers: mppAdmin.headers, payload })).statusCode).toBe(403);
    const created = await t.app.inject({ method: 'POST', url: '/api/calendar/national', headers: national.headers, payload });
    expect(created.statusCode).toBe(201);
    const dup = await t.app.inject({ method: 'POST', url: '/api/calendar/national', headers: { ...national.headers, 'accept-language': 'en' }, payload: { ...payload, kind: 'cuti_bersama' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'day_taken', title: 'The date 2027-01-01 is already in this calendar.' });
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'calendar_day.created' AND target_id = $1", [created.json().id]);
    expect(audit.rows).toHaveLength(1);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/calendar/national/${created.json().id}`, headers: national.headers });
    expect(removed.statusCode).toBe(200);
  });

  it('refuses a date that does not exist and a closure kind at national level', async () => {
    const national = await staffCaller(t, 'national_admin');
    const bad = await t.app.inject({ method: 'POST', url: '/api/calendar/national', headers: national.headers, payload: { day: '2027-02-30', kind: 'holiday', name: 'Tidak ada' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.day');
    const closure = await t.app.inject({ method: 'POST', url: '/api/calendar/national', headers: national.headers, payload: { day: '2027-03-01', kind: 'closure', name: 'Tutup' } });
    expect(closure.statusCode).toBe(400);
  });
});

describe('MPP closures', () => {
  it('are added by the MPP admin, seen only in that MPP, and move its due dates', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: wib.mppId });
    const from = '2025-11-03T01:00:00Z'; // Monday 08:00 WIB
    const before = await t.app.inject({ method: 'GET', url: `/api/mpps/${wib.mppId}/calendar/due?from=${from}&days=1` });
    expect(before.json()).toMatchObject({ dueDate: '2025-11-04', dueAt: '2025-11-04T16:59:59.999Z' });

    const created = await t.app.inject({ method: 'POST', url: `/api/mpps/${wib.mppId}/calendar/closures`, headers: admin.headers, payload: { day: '2025-11-04', name: 'Perbaikan listrik gedung' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'closure', mppId: wib.mppId });

    const after = await t.app.inject({ method: 'GET', url: `/api/mpps/${wib.mppId}/calendar/due?from=${from}&days=1` });
    expect(after.json().dueDate).toBe('2025-11-05');
    const own = (await t.app.inject({ method: 'GET', url: `/api/mpps/${wib.mppId}/calendar?year=2025` })).json() as { day: string }[];
    const other = (await t.app.inject({ method: 'GET', url: `/api/mpps/${wit.mppId}/calendar?year=2025` })).json() as { day: string }[];
    expect(own.map((d) => d.day)).toContain('2025-11-04');
    expect(other.map((d) => d.day)).not.toContain('2025-11-04');
    expect(other).toHaveLength(27);
  });

  it('hides one MPP from the admin of another (404) and refuses officers (403)', async () => {
    const otherAdmin = await staffCaller(t, 'mpp_admin', { mppId: wit.mppId });
    const officer = await staffCaller(t, 'officer', { mppId: wib.mppId, tenantId: wib.tenantId });
    const payload = { day: '2025-11-20', name: 'Tutup' };
    expect((await t.app.inject({ method: 'POST', url: `/api/mpps/${wib.mppId}/calendar/closures`, headers: otherAdmin.headers, payload })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/mpps/${wib.mppId}/calendar/closures`, headers: officer.headers, payload })).statusCode).toBe(403);
  });

  it('allows a closure on a national holiday but not two closures on one day', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: wit.mppId });
    const url = `/api/mpps/${wit.mppId}/calendar/closures`;
    expect((await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: { day: '2026-08-17', name: 'Upacara' } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: { day: '2026-08-17', name: 'Lagi' } })).statusCode).toBe(409);
  });
});

describe('working-day loader against the seeded national calendar', () => {
  it('puts a complaint filed late on 1 Jan 2026 a working day later in WIT than in WIB', async () => {
    const instant = new Date('2026-01-01T15:30:00Z');
    expect((await dueAfterWorkingDays(t.db, wib.mppId, instant, 1)).dueDate).toBe('2026-01-02');
    expect((await dueAfterWorkingDays(t.db, wit.mppId, instant, 1)).dueDate).toBe('2026-01-05');
  });

  it('skips Lebaran 2025 (holidays and cuti bersama) for a 5-working-day SLA', async () => {
    // Friday 28 Mar 2025 is cuti bersama; 31 Mar-1 Apr Idul Fitri; 2-4 and 7 Apr cuti bersama.
    const thursday = new Date('2025-03-27T03:00:00Z');
    expect((await dueAfterWorkingDays(t.db, wib.mppId, thursday, 5)).dueDate).toBe('2025-04-14');
  });

  it('spans the year end for a 60-working-day field-check dispute', async () => {
    const res = await dueAfterWorkingDays(t.db, wib.mppId, new Date('2025-11-20T03:00:00Z'), 60);
    // Independent check by walking the calendar with the seed list.
    const { rows } = await t.db.query<{ day: string }>('SELECT day FROM calendar_days WHERE mpp_id IS NULL');
    const off = new Set(rows.map((r) => r.day));
    let d = new Date('2025-11-20T00:00:00Z');
    let n = 0;
    while (n < 60) {
      d = new Date(d.getTime() + 86_400_000);
      const iso = d.toISOString().slice(0, 10);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !off.has(iso)) n++;
    }
    expect(res.dueDate).toBe(d.toISOString().slice(0, 10));
    expect(res.dueDate.startsWith('2026-02')).toBe(true);
  });

  it('answers 404 for an unknown MPP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/mpps/00000000-0000-4000-8000-000000000000/calendar/due?from=2025-11-03T01:00:00Z&days=3' });
    expect(res.statusCode).toBe(404);
  });
});
