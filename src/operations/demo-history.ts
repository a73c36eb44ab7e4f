import { listCounters } from '../catalog/repository.js';
import { listServices } from '../catalog/service-repository.js';
import type { Queryable } from '../platform/db.js';
import { seededRandom } from '../platform/seeded-random.js';
import { UNSUR_KEYS } from '../survey/schemas.js';
import { insertResponse } from '../survey/repository.js';
import { insertAggregateColumns, NIL_UUID, setHourlyRollups, type AggregateTable } from './repository.js';

/**
 * Past months of queue activity for a demo MPP, so the scorecard, its trend, the national view and the
 * statistics show figures on the first start instead of "–". Deterministic (a seeded generator and the
 * MPP's own services and counters) and fast: tickets are generated in memory with their call, start
 * and finish times and written straight into the aggregates, exactly as ops_apply would have added
 * their events (same keys, days, hours and buckets), a few thousand rows per table in bulk. No ticket
 * or event rows are written: the queue's own history (and ops_rebuild) knows nothing of these tickets,
 * which the demo does not need. Survey answers (for the IKM) go through the survey domain's own insert.
 */
export interface DemoHistoryInput {
  mppId: string;
  timezone: string;
  /** Days before `today` are filled, from the first day of the month `months` months back. */
  today: string;
  months: number;
  ticketsPerDay: number;
  seed: number;
  /** The demo officer of an agency, when it has one (others' tickets are served without a named officer). */
  officers: Map<string, string>;
  surveyPerMonth: number;
}

/** What the generator made in one local month, counted ticket by ticket (tests compare the screens with it). */
export interface DemoMonth {
  issued: number;
  booked: number;
  served: number;
  noShow: number;
  cancelled: number;
  /** Seconds from issue to call of every called ticket. */
  waits: number[];
  /** Seconds at the counter of every served ticket, with its service. */
  services: { serviceId: string; seconds: number }[];
}

export interface DemoHistorySummary {
  days: number;
  tickets: number;
  served: number;
  responses: number;
  rows: Record<string, number>;
  months: Record<string, DemoMonth>;
}

/** The same buckets as ops_bucket_long / ops_bucket_walk (migration 0701). */
export function bucketLong(seconds: number): number {
  const m = Math.floor(Math.max(seconds, 0) / 60);
  if (m < 30) return m;
  for (const [edge, b] of [[180, 39], [120, 38], [90, 37], [75, 36], [60, 35], [50, 34], [45, 33], [40, 32], [35, 31]] as const) if (m >= edge) return b;
  return 30;
}
const bucketWalk = (seconds: number) => Math.min(Math.floor(Math.max(seconds, 0) / 60), 10);

const COUNTS = ['issued', 'issued_booked', 'called', 'recalled', 'served', 'no_show', 'cancelled', 'transferred', 'wait_n', 'wait_sum', 'wait_max', 'walk_n', 'walk_sum', 'service_n', 'service_sum', 'service_max', 'total_n', 'total_sum'] as const;
type Count = (typeof COUNTS)[number];
interface Agg {
  keys: Record<string, string | number>;
  c: Record<Count, number>;
  w: number[];
  k: number[];
  s: number[];
  t: number[];
}
const NO_BUCKETS: number[] = [];
/** Bucket arrays only where the table keeps them (hourly rows and the hour rollup have none). */
const newAgg = (keys: Agg['keys'], b = { w: true, k: true, s: true, t: true }): Agg => ({
  keys,
  c: Object.fromEntries(COUNTS.map((x) => [x, 0])) as Agg['c'],
  w: b.w ? new Array(40).fill(0) : NO_BUCKETS,
  k: b.k ? new Array(11).fill(0) : NO_BUCKETS,
  s: b.s ? new Array(40).fill(0) : NO_BUCKETS,
  t: b.t ? new Array(40).fill(0) : NO_BUCKETS,
});

/** One event as ops_apply sees it: its counts and at most one duration. */
interface Ev {
  at: number;
  serviceId: string;
  tenantId: string;
  counterId: string;
  officerId: string;
  add: Partial<Record<Count, number>>;
  wait?: number;
  walk?: number;
  service?: number;
  total?: number;
}

function addEvent(a: Agg, e: Ev, buckets: { w: boolean; k: boolean; s: boolean; t: boolean }): void {
  for (const [k, v] of Object.entries(e.add)) a.c[k as Count] += v;
  if (e.wait !== undefined) {
    a.c.wait_n++;
    a.c.wait_sum += e.wait;
    a.c.wait_max = Math.max(a.c.wait_max, e.wait);
    if (buckets.w) a.w[bucketLong(e.wait)]!++;
  }
  if (e.walk !== undefined) {
    a.c.walk_n++;
    a.c.walk_sum += e.walk;
    if (buckets.k) a.k[bucketWalk(e.walk)]!++;
  }
  if (e.service !== undefined) {
    a.c.service_n++;
    a.c.service_sum += e.service;
    a.c.service_max = Math.max(a.c.service_max, e.service);
    if (buckets.s) a.s[bucketLong(e.service)]!++;
  }
  if (e.total !== undefined) {
    a.c.total_n++;
    a.c.total_sum += e.total;
    if (buckets.t) a.t[bucketLong(e.total)]!++;
  }
}

/**
 * The zone's offset from UTC at an instant. Indonesia's zones (WIB, WITA, WIT) keep one offset all
 * year, so the generator takes it once and does local days and hours by arithmetic: formatting every
 * event's time with Intl cost seconds per MPP.
 */
function offsetMs(timezone: string, at: number): number {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(fmt.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00Z`) - Math.floor(at / 60_000) * 60_000;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Writes the aggregates in chunks of 5,000 rows, one array per column. */
async function insertRows(q: Queryable, table: AggregateTable, rows: Agg[], keyTypes: Record<string, string>, buckets: ('w' | 'k' | 's' | 't')[]): Promise<void> {
  const keys = Object.keys(keyTypes);
  const bucketCols = buckets.flatMap((b) => Array.from({ length: b === 'k' ? 11 : 40 }, (_, i) => [b, i] as const));
  const cols = [...keys, ...COUNTS, ...bucketCols.map(([b, i]) => `${b}${i}`)];
  const types = [...Object.values(keyTypes), ...COUNTS.map((c) => (c.endsWith('_sum') ? 'bigint' : 'integer')), ...bucketCols.map(() => 'integer')];
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const params = [...keys.map((k) => chunk.map((r) => r.keys[k])), ...COUNTS.map((c) => chunk.map((r) => r.c[c])), ...bucketCols.map(([b, j]) => chunk.map((r) => r[b][j]))];
    await insertAggregateColumns(q, table, cols.map((name, j) => ({ name, type: types[j]!, values: params[j]! })));
  }
}

/**
 * Writes the MPP's past queue activity into the aggregates and the survey answers of those months.
 * Run in the demo's loading transaction, on an MPP that has no activity yet.
 */
export async function loadDemoHistory(q: Queryable, input: DemoHistoryInput): Promise<DemoHistorySummary> {
  const rnd = seededRandom(input.seed);
  // Civil registration, driving licences and vehicle tax draw the most people at an MPP; then the rest by code.
  const busiest = ['DUKCAPIL', 'POLRES', 'SAMSAT', 'IMIGRASI', 'BPJSKES'];
  const rank = (code: string) => (busiest.includes(code) ? busiest.indexOf(code) : busiest.length);
  const services = (await listServices(q, input.mppId, { activeOnly: true })).sort((a, b) => rank(a.tenant.code) - rank(b.tenant.code) || a.code.localeCompare(b.code));
  const counters = await listCounters(q, input.mppId);
  const countersOf = new Map<string, string[]>();
  for (const c of counters) countersOf.set(c.tenantId, [...(countersOf.get(c.tenantId) ?? []), c.id]);
  // A few services draw most people, the rest a long tail.
  const weights = services.map((_, i) => 1 / (1 + i) ** 1.2);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickService = () => {
    let x = rnd() * totalWeight;
    for (let i = 0; i < services.length; i++) if ((x -= weights[i]!) <= 0) return services[i]!;
    return services.at(-1)!;
  };
  // Arrivals by local hour: the morning rush, the lunch break, a quieter afternoon.
  const hourShare = [[8, 0.2], [9, 0.24], [10, 0.2], [11, 0.14], [12, 0.04], [13, 0.1], [14, 0.08]] as const;
  const [ty, tm] = input.today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(ty, tm - 1 - input.months, 1)).toISOString().slice(0, 10);
  const offset = offsetMs(input.timezone, Date.parse(`${input.today}T12:00:00Z`));

  const hourly = new Map<string, Agg>();
  const daily = new Map<string, Agg>();
  const staff = new Map<string, Agg>();
  const dayHour = new Map<string, Agg>();
  const add = (map: Map<string, Agg>, keys: Agg['keys'], e: Ev, buckets: { w: boolean; k: boolean; s: boolean; t: boolean }) => {
    const id = Object.values(keys).join('|');
    let a = map.get(id);
    if (!a) map.set(id, (a = newAgg(keys, buckets)));
    addEvent(a, e, buckets);
  };
  const ALL = { w: true, k: true, s: true, t: true };
  const apply = (e: Ev) => {
    const hourMs = Math.floor(e.at / 3_600_000) * 3_600_000;
    const local = new Date(e.at + offset);
    const day = local.toISOString().slice(0, 10);
    const hour = local.getUTCHours();
    add(hourly, { hour: new Date(hourMs).toISOString(), service_id: e.serviceId, counter_id: e.counterId, officer_id: e.officerId, tenant_id: e.tenantId }, e, ALL);
    add(daily, { local_day: day, service_id: e.serviceId, tenant_id: e.tenantId }, e, ALL);
    add(staff, { local_day: day, tenant_id: e.tenantId, counter_id: e.counterId, officer_id: e.officerId }, e, ALL);
    add(dayHour, { local_day: day, local_hour: hour, tenant_id: e.tenantId }, e, ALL);
  };

  const months: Record<string, DemoMonth> = {};
  let days = 0;
  let tickets = 0;
  let served = 0;
  const monthsSeen: string[] = [];
  for (let day = start; day < input.today; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0) continue; // closed on Sundays
    days++;
    if (!monthsSeen.includes(day.slice(0, 7))) monthsSeen.push(day.slice(0, 7));
    // The MPP gets busier and quicker month by month (a trend to show), Saturdays are half days.
    const age = monthsSeen.length - 1;
    const tally = (months[day.slice(0, 7)] ??= { issued: 0, booked: 0, served: 0, noShow: 0, cancelled: 0, waits: [], services: [] });
    const volume = input.ticketsPerDay * (0.85 + 0.06 * age) * (weekday === 6 ? 0.45 : weekday === 1 ? 1.15 : 1) * (0.85 + 0.3 * rnd());
    const meanWait = (17 - 1.2 * age) * 60;
    for (let n = Math.round(volume), i = 0; i < n; i++) {
      const service = pickService();
      const tenantId = service.tenant.id;
      const desks = countersOf.get(tenantId) ?? [NIL_UUID];
      const counterId = desks[Math.floor(rnd() * desks.length)]!;
      const officerId = input.officers.get(tenantId) ?? '';
      let r = rnd();
      let hour = 14;
      for (const [h, share] of hourShare) {
        if (r < share) {
          hour = h;
          break;
        }
        r -= share;
      }
      const issuedAt = Date.parse(`${day}T00:00:00Z`) + (hour * 60 + Math.floor(rnd() * (weekday === 6 && hour >= 11 ? 30 : 60))) * 60_000 - offset;
      const booked = rnd() < 0.15;
      const fate = rnd();
      const base = { serviceId: service.id, tenantId, counterId: NIL_UUID, officerId: '' };
      apply({ ...base, at: issuedAt, add: { issued: 1, issued_booked: booked ? 1 : 0 } });
      tickets++;
      tally.issued++;
      if (booked) tally.booked++;
      // Booked visitors wait less; waits are exponential around the month's mean.
      // Capped so that every ticket ends on the day it was issued.
      const wait = Math.min(Math.round(-Math.log(1 - rnd()) * meanWait * (booked ? 0.4 : 1)), 9000);
      if (fate >= 0.94) {
        apply({ ...base, at: issuedAt + Math.min(wait, 3600) * 1000, add: { cancelled: 1 } });
        tally.cancelled++;
        continue;
      }
      const desk = { serviceId: service.id, tenantId, counterId, officerId };
      const calledAt = issuedAt + wait * 1000;
      apply({ ...desk, at: calledAt, add: { called: 1 }, wait });
      tally.waits.push(wait);
      if (fate >= 0.86) {
        apply({ ...desk, at: calledAt + 180_000, add: { no_show: 1 } });
        tally.noShow++;
        continue;
      }
      const walk = 20 + Math.floor(rnd() * 100);
      const promised = service.completion.unit === 'minutes' && service.completion.value > 0 ? service.completion.value : 12;
      const serviceSecs = Math.min(Math.round(60 + -Math.log(1 - rnd()) * promised * 60 * 0.45), 5400);
      apply({ ...desk, at: calledAt + walk * 1000, add: {}, walk });
      apply({ ...desk, at: calledAt + (walk + serviceSecs) * 1000, add: { served: 1 }, service: serviceSecs, total: wait + walk + serviceSecs });
      served++;
      tally.served++;
      tally.services.push({ serviceId: service.id, seconds: serviceSecs });
    }
  }

  // The per-agency and per-month rows are sums of the day rows, as ops_apply keeps them.
  const tenantDaily = new Map<string, Agg>();
  const monthly = new Map<string, Agg>();
  const merge = (map: Map<string, Agg>, keys: Agg['keys'], from: Agg) => {
    const id = Object.values(keys).join('|');
    let a = map.get(id);
    if (!a) map.set(id, (a = newAgg(keys)));
    for (const c of COUNTS) a.c[c] = c.endsWith('_max') ? Math.max(a.c[c], from.c[c]) : a.c[c] + from.c[c];
    for (const b of ['w', 'k', 's', 't'] as const) a[b] = a[b].map((v, i) => v + from[b][i]!);
  };
  for (const d of daily.values()) {
    merge(tenantDaily, { local_day: d.keys.local_day!, tenant_id: d.keys.tenant_id! }, d);
    merge(monthly, { local_month: `${String(d.keys.local_day).slice(0, 7)}-01`, service_id: d.keys.service_id!, tenant_id: d.keys.tenant_id! }, d);
  }

  const m = { mpp_id: 'uuid' };
  const withMpp = (rows: Map<string, Agg>) => [...rows.values()].map((r) => ({ ...r, keys: { mpp_id: input.mppId, ...r.keys } }));
  await insertRows(q, 'ops_daily', withMpp(daily), { ...m, local_day: 'date', service_id: 'uuid', tenant_id: 'uuid' }, ['w', 'k', 's', 't']);
  await insertRows(q, 'ops_daily_tenant', withMpp(tenantDaily), { ...m, local_day: 'date', tenant_id: 'uuid' }, ['w', 'k', 's', 't']);
  await insertRows(q, 'ops_monthly', withMpp(monthly), { ...m, local_month: 'date', service_id: 'uuid', tenant_id: 'uuid' }, ['w', 'k', 's', 't']);
  await insertRows(q, 'ops_daily_staff', withMpp(staff), { ...m, local_day: 'date', tenant_id: 'uuid', counter_id: 'uuid', officer_id: 'text' }, ['w', 'k', 's', 't']);
  await insertRows(q, 'ops_daily_hour', withMpp(dayHour), { ...m, local_day: 'date', local_hour: 'smallint', tenant_id: 'uuid' }, ['w', 'k', 's', 't']);
  // ops_hourly's trigger would add every row to the two rollups written above: they are complete, so it is skipped.
  await setHourlyRollups(q, false);
  await insertRows(q, 'ops_hourly', withMpp(hourly), { ...m, hour: 'timestamptz', service_id: 'uuid', counter_id: 'uuid', officer_id: 'text', tenant_id: 'uuid' }, ['w', 'k', 's', 't']);
  await setHourlyRollups(q, true);

  // Survey answers: mostly "good" and "very good", a little better each month.
  let responses = 0;
  for (const [age, month] of monthsSeen.entries()) {
    for (let i = 0; i < input.surveyPerMonth; i++) {
      const service = pickService();
      let servedOn = `${month}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      if (servedOn >= input.today) servedOn = addDays(input.today, -1);
      if (servedOn < start) continue;
      const answers = Object.fromEntries(UNSUR_KEYS.map((k) => [k, rnd() < 0.55 + 0.05 * age ? 4 : rnd() < 0.9 ? 3 : 2]));
      await insertResponse(q, { mppId: input.mppId, tenantId: service.tenant.id, serviceId: service.id, servedOn, channel: 'tablet', answers, profile: {}, suggestion: null });
      responses++;
    }
  }
  return {
    days,
    tickets,
    served,
    responses,
    months,
    rows: { ops_hourly: hourly.size, ops_daily: daily.size, ops_daily_tenant: tenantDaily.size, ops_monthly: monthly.size, ops_daily_staff: staff.size, ops_daily_hour: dayHour.size },
  };
}
