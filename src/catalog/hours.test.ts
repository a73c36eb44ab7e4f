import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedMpp, type TestApp } from '../../test/support/app.js';
import { openingStatus, type WeeklyHours } from './hours.js';

let t: TestApp;

const WEEKDAY = { opens: '08:00', closes: '15:00', breaks: [{ start: '12:00', end: '13:00', label: 'Istirahat' }] };
const FRIDAY = { opens: '08:00', closes: '15:30', breaks: [{ start: '11:30', end: '13:30', label: 'Salat Jumat' }] };
const WEEK: WeeklyHours = { '1': WEEKDAY, '2': WEEKDAY, '3': WEEKDAY, '4': WEEKDAY, '5': FRIDAY, '6': { opens: '08:00', closes: '12:00', breaks: [] } };

async function mppIn(timezone: string): Promise<string> {
  const { mppId } = await seedMpp(t.db, { timezone });
  await t.db.query('UPDATE mpps SET weekly_hours = $2 WHERE id = $1', [mppId, JSON.stringify(WEEK)]);
  return mppId;
}

beforeAll(async () => {
  t = await createTestApp();
  // The calendar domain owns this table; create it here if its migration is not merged yet.
  await t.db.exec(`CREATE TABLE IF NOT EXISTS calendar_days (mpp_id uuid NULL, day date NOT NULL, kind text NOT NULL, name text NOT NULL)`);
});
afterAll(() => t.close());

describe('openingStatus', () => {
  it('reads the same instant as open in WIB and on break in WITA and WIT', async () => {
    const wib = await mppIn('Asia/Jakarta');
    const wita = await mppIn('Asia/Makassar');
    const wit = await mppIn('Asia/Jayapura');
    // Monday 2026-11-23 04:30 UTC = 11:30 WIB, 12:30 WITA, 13:30 WIT.
    const at = new Date('2026-11-23T04:30:00Z');
    const a = await openingStatus(t.db, wib, at);
    expect(a).toMatchObject({ open: true, reason: 'open', localTime: '11:30', localDate: '2026-11-23' });
    expect(a.closesAt).toBe('2026-11-23T05:00:00.000Z'); // the break at 12:00 WIB
    const b = await openingStatus(t.db, wita, at);
    expect(b).toMatchObject({ open: false, reason: 'on_break', localTime: '12:30', currentBreak: { label: 'Istirahat' } });
    expect(b.nextOpening).toBe('2026-11-23T05:00:00.000Z'); // 13:00 WITA
    const c = await openingStatus(t.db, wit, at);
    expect(c).toMatchObject({ open: true, localTime: '13:30' });
    expect(c.today.hours).toEqual(WEEKDAY);
  });

  it('uses the local date, not the UTC date, near midnight', async () => {
    const wit = await mppIn('Asia/Jayapura');
    // Sunday 2026-11-22 23:30 UTC is already Monday 08:30 in Jayapura.
    const s = await openingStatus(t.db, wit, new Date('2026-11-22T23:30:00Z'));
    expect(s).toMatchObject({ open: true, localDate: '2026-11-23', localTime: '08:30' });
    expect(s.today.weekday).toBe(1);
  });

  it('keeps the Friday prayer break and gives the next opening after it', async () => {
    const wib = await mppIn('Asia/Jakarta');
    const s = await openingStatus(t.db, wib, new Date('2026-11-27T05:00:00Z')); // Friday 12:00 WIB
    expect(s).toMatchObject({ open: false, reason: 'on_break', currentBreak: { label: 'Salat Jumat' } });
    expect(s.nextOpening).toBe('2026-11-27T06:30:00.000Z');
  });

  it('after Saturday closing points to Monday morning, skipping the closed Sunday', async () => {
    const wita = await mppIn('Asia/Makassar');
    const s = await openingStatus(t.db, wita, new Date('2026-11-28T05:00:00Z')); // Saturday 13:00 WITA
    expect(s).toMatchObject({ open: false, reason: 'after_closing' });
    expect(s.nextOpening).toBe('2026-11-30T00:00:00.000Z'); // Monday 08:00 WITA
    const sunday = await openingStatus(t.db, wita, new Date('2026-11-29T03:00:00Z'));
    expect(sunday).toMatchObject({ open: false, reason: 'closed_today', today: { hours: null } });
  });

  it('a special day with shortened hours replaces the weekly hours', async () => {
    const wib = await mppIn('Asia/Jakarta');
    await t.db.query(`INSERT INTO mpp_special_days (mpp_id, day, opens, closes, note) VALUES ($1, '2026-11-24', '08:00', '11:00', 'Apel HUT Korpri')`, [wib]);
    const s = await openingStatus(t.db, wib, new Date('2026-11-24T04:30:00Z')); // 11:30 WIB
    expect(s).toMatchObject({ open: false, reason: 'after_closing', today: { special: true, note: 'Apel HUT Korpri', hours: { closes: '11:00' } } });
    expect(s.nextOpening).toBe('2026-11-25T01:00:00.000Z');
  });

  it('treats holidays and the MPP own closures from the calendar as closed all day', async () => {
    const wib = await mppIn('Asia/Jakarta');
    const other = await mppIn('Asia/Jakarta');
    await t.db.query(`INSERT INTO calendar_days (mpp_id, day, kind, name) VALUES (NULL, '2026-12-25', 'holiday', 'Hari Raya Natal'), (NULL, '2026-12-24', 'cuti_bersama', 'Cuti Bersama Natal'), ($1, '2026-12-23', 'closure', 'Renovasi ruang tunggu')`, [wib]);
    const xmas = await openingStatus(t.db, wib, new Date('2026-12-25T02:00:00Z'));
    expect(xmas).toMatchObject({ open: false, reason: 'closed_today', today: { closedBy: { kind: 'holiday', name: 'Hari Raya Natal' } } });
    expect(xmas.nextOpening).toBe('2026-12-26T01:00:00.000Z'); // Saturday 08:00
    const closure = await openingStatus(t.db, wib, new Date('2026-12-23T02:00:00Z'));
    expect(closure.today.closedBy?.kind).toBe('closure');
    expect(closure.nextOpening).toBe('2026-12-26T01:00:00.000Z'); // 24 cuti bersama, 25 holiday
    // Another MPP's closure does not close this one.
    expect((await openingStatus(t.db, other, new Date('2026-12-23T02:00:00Z'))).open).toBe(true);
  });

  it('opens on a cuti bersama when the MPP set special hours for it, but never through its own closure', async () => {
    const wib = await mppIn('Asia/Jakarta');
    await t.db.query(`INSERT INTO calendar_days (mpp_id, day, kind, name) VALUES (NULL, '2027-01-02', 'cuti_bersama', 'Cuti bersama'), ($1, '2027-01-05', 'closure', 'Pemadaman listrik')`, [wib]);
    await t.db.query(`INSERT INTO mpp_special_days (mpp_id, day, opens, closes) VALUES ($1, '2027-01-02', '09:00', '12:00'), ($1, '2027-01-05', '09:00', '12:00')`, [wib]);
    expect((await openingStatus(t.db, wib, new Date('2027-01-02T03:00:00Z'))).open).toBe(true);
    expect((await openingStatus(t.db, wib, new Date('2027-01-05T03:00:00Z'))).open).toBe(false);
  });

  it('answers not found for an unknown MPP', async () => {
    await expect(openingStatus(t.db, '00000000-0000-0000-0000-000000000000', new Date())).rejects.toMatchObject({ status: 404 });
    await expect(openingStatus(t.db, 'not-a-uuid', new Date())).rejects.toMatchObject({ status: 404 });
  });
});
