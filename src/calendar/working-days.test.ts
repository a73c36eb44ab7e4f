import { describe, expect, it } from 'vitest';
import { addWorkingDays, endOfLocalDay, localDateOf, nthWorkingDayAfter, windowFor } from './working-days.js';

// A hand-picked slice of the 2025/2026 national calendar, enough for these cases.
const NATIONAL = new Set(['2025-12-25', '2025-12-26', '2026-01-01', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);

describe('local dates in the three zones', () => {
  it('puts one instant on different local dates in WIB, WITA and WIT', () => {
    const instant = new Date('2025-12-31T15:30:00Z');
    expect(localDateOf(instant, 'Asia/Jakarta')).toBe('2025-12-31'); // 22:30 WIB
    expect(localDateOf(instant, 'Asia/Pontianak')).toBe('2025-12-31');
    expect(localDateOf(instant, 'Asia/Makassar')).toBe('2025-12-31'); // 23:30 WITA
    expect(localDateOf(instant, 'Asia/Jayapura')).toBe('2026-01-01'); // 00:30 WIT
  });

  it('ends a local day at 23:59:59.999 local time', () => {
    expect(endOfLocalDay('2026-01-05', 'Asia/Jakarta').toISOString()).toBe('2026-01-05T16:59:59.999Z');
    expect(endOfLocalDay('2026-01-05', 'Asia/Makassar').toISOString()).toBe('2026-01-05T15:59:59.999Z');
    expect(endOfLocalDay('2026-01-05', 'Asia/Jayapura').toISOString()).toBe('2026-01-05T14:59:59.999Z');
  });
});

describe('adding working days', () => {
  it('never counts the day of receipt, in hours or after hours', () => {
    const morning = new Date('2025-11-03T01:00:00Z'); // Monday 08:00 WIB
    const evening = new Date('2025-11-03T15:00:00Z'); // Monday 22:00 WIB
    expect(nthWorkingDayAfter(morning, 1, 'Asia/Jakarta', NATIONAL)).toBe('2025-11-04');
    expect(nthWorkingDayAfter(evening, 1, 'Asia/Jakarta', NATIONAL)).toBe('2025-11-04');
  });

  it('starts counting on the next working day when filed on a weekend', () => {
    const saturday = new Date('2025-11-08T03:00:00Z');
    const sunday = new Date('2025-11-09T03:00:00Z');
    expect(nthWorkingDayAfter(saturday, 1, 'Asia/Jakarta', NATIONAL)).toBe('2025-11-10');
    expect(nthWorkingDayAfter(sunday, 3, 'Asia/Jakarta', NATIONAL)).toBe('2025-11-12');
  });

  it('skips Christmas, cuti bersama, the weekend and New Year across the year end', () => {
    const christmasEve = new Date('2025-12-24T03:00:00Z'); // Wednesday 10:00 WIB
    // 25 holiday, 26 cuti bersama, 27-28 weekend, 29 (1), 30 (2), 31 (3), 1 Jan holiday, 2 Jan (4), 5 Jan (5)
    expect(addWorkingDays(christmasEve, 5, 'Asia/Jakarta', NATIONAL).toISOString()).toBe('2026-01-05T16:59:59.999Z');
  });

  it('gives a complaint filed late on New Year\'s Day a day more in WIT than in WIB', () => {
    // 22:30 WIB on Thursday 1 Jan 2026 (a holiday) is already 00:30 on Friday 2 Jan in WIT.
    const instant = new Date('2026-01-01T15:30:00Z');
    expect(addWorkingDays(instant, 1, 'Asia/Jakarta', NATIONAL).toISOString()).toBe('2026-01-02T16:59:59.999Z');
    expect(addWorkingDays(instant, 1, 'Asia/Jayapura', NATIONAL).toISOString()).toBe('2026-01-05T14:59:59.999Z');
  });

  it('gives a complaint filed late on 31 December the same due date in WIB and WIT but a different instant', () => {
    const instant = new Date('2025-12-31T16:30:00Z'); // 23:30 WIB Wed 31 Dec; 01:30 WIT Thu 1 Jan (holiday)
    expect(nthWorkingDayAfter(instant, 3, 'Asia/Jakarta', NATIONAL)).toBe('2026-01-06');
    expect(nthWorkingDayAfter(instant, 3, 'Asia/Jayapura', NATIONAL)).toBe('2026-01-06');
    expect(addWorkingDays(instant, 3, 'Asia/Jakarta', NATIONAL).getTime() - addWorkingDays(instant, 3, 'Asia/Jayapura', NATIONAL).getTime()).toBe(2 * 3600_000);
  });

  it('jumps the whole Lebaran 2026 block', () => {
    const tuesday = new Date('2026-03-17T03:00:00Z');
    expect(nthWorkingDayAfter(tuesday, 3, 'Asia/Makassar', NATIONAL)).toBe('2026-03-27');
  });

  it('honours an MPP closure like any other non-working day', () => {
    const monday = new Date('2025-11-03T01:00:00Z');
    expect(nthWorkingDayAfter(monday, 1, 'Asia/Jakarta', new Set([...NATIONAL, '2025-11-04']))).toBe('2025-11-05');
  });

  it('refuses zero, negative and fractional day counts', () => {
    const now = new Date('2025-11-03T01:00:00Z');
    for (const n of [0, -1, 1.5]) expect(() => addWorkingDays(now, n, 'Asia/Jakarta', NATIONAL)).toThrow(RangeError);
  });

  it('sizes the loader window to cover 60 working days with room for holidays', () => {
    const w = windowFor(new Date('2025-12-31T16:30:00Z'), 60, 'Asia/Jayapura');
    expect(w.from).toBe('2026-01-01');
    expect(w.to > '2026-04-01').toBe(true);
  });
});
