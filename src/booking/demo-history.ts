import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../platform/db.js';
import { seededRandom } from '../platform/seeded-random.js';
import { insertHistory, listBookableServices, type HistoryBooking } from './repository.js';

/** What the generator made in one local month of slots, counted booking by booking (tests compare the scorecard with it). */
export interface DemoBookingMonth {
  booked: number;
  checkedIn: number;
  noShow: number;
  cancelled: number;
}

export interface DemoBookingHistoryInput {
  mppId: string;
  timezone: string;
  /** Slots on days before `today` are filled, from the first day of the month `months` months back. */
  today: string;
  months: number;
  bookingsPerDay: number;
  seed: number;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The zone's whole-hour offset (Indonesia keeps one all year), from the local midnight of a day. */
function offsetMs(timezone: string, day: string): number {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(`${day}T00:00:00Z`));
  return Number(local) * 3_600_000;
}

/**
 * Past online bookings of a demo MPP's bookable services, so the scorecard's booking no-show rate has
 * a history: Monday to Saturday, slots of 15 minutes between 08:00 and 14:00 local, booked one to
 * seven days ahead; 8% cancelled, of the rest a no-show share falling from 22% to 12% over the months
 * (the rest checked in). Written in bulk with their events; no tickets, no slot counters (the slots have
 * passed). Names and contacts are placeholders: nobody real, no NIK (its hash is of a label).
 */
export async function loadDemoBookingHistory(q: Queryable, input: DemoBookingHistoryInput): Promise<Record<string, DemoBookingMonth>> {
  const rnd = seededRandom(input.seed);
  const services = await listBookableServices(q, input.mppId);
  const months: Record<string, DemoBookingMonth> = {};
  if (!services.length) return months;
  const [ty, tm] = input.today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(ty, tm - 1 - input.months, 1)).toISOString().slice(0, 10);
  const offset = offsetMs(input.timezone, input.today);
  const rows: HistoryBooking[] = [];
  const seen: string[] = [];
  for (let day = start; day < input.today; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0) continue;
    if (!seen.includes(day.slice(0, 7))) seen.push(day.slice(0, 7));
    const age = seen.length - 1;
    const tally = (months[day.slice(0, 7)] ??= { booked: 0, checkedIn: 0, noShow: 0, cancelled: 0 });
    const n = Math.round(input.bookingsPerDay * (weekday === 6 ? 0.5 : 1) * (0.8 + 0.4 * rnd()));
    for (let i = 0; i < n; i++) {
      const service = services[Math.floor(rnd() * services.length)]!;
      const minute = 8 * 60 + Math.floor(rnd() * (weekday === 6 ? 16 : 24)) * 15;
      const slotStart = new Date(Date.parse(`${day}T00:00:00Z`) + minute * 60_000 - offset);
      const slotEnd = new Date(slotStart.getTime() + 15 * 60_000);
      const createdAt = new Date(slotStart.getTime() - (1 + Math.floor(rnd() * 7)) * 86_400_000 + Math.floor(rnd() * 600) * 60_000);
      const fate = rnd();
      const noShowShare = Math.max(0.22 - 0.02 * age, 0.12);
      const status: HistoryBooking['status'] = fate < 0.08 ? 'cancelled' : fate < 0.08 + 0.92 * noShowShare ? 'no_show' : 'checked_in';
      // A cancellation comes before the slot; a check-in within its window; a no-show is marked after it.
      const at = status === 'cancelled' ? new Date(createdAt.getTime() + 3_600_000) : status === 'checked_in' ? new Date(slotStart.getTime() - 10 * 60_000) : new Date(slotEnd.getTime() + 15 * 60_000);
      const serial = rows.length + 1;
      rows.push({
        id: randomUUID(),
        code: `H${serial.toString(36).toUpperCase().padStart(7, '0')}`,
        serviceId: service.id,
        slotStart,
        slotEnd,
        localDay: day,
        nikHash: createHash('sha256').update(`demo-history:${input.mppId}:${serial}`).digest('hex'),
        nikMasked: '33************00',
        name: 'Warga demo',
        email: 'riwayat.demo@layan.invalid',
        createdAt,
        status,
        at,
      });
      tally.booked++;
      if (status === 'checked_in') tally.checkedIn++;
      else if (status === 'no_show') tally.noShow++;
      else tally.cancelled++;
    }
  }
  await insertHistory(q, input.mppId, rows);
  return months;
}
