import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';

export const MppParams = z.object({ mppId: z.uuid() });

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('Tanggal harus berformat YYYY-MM-DD.', 'A date must look like YYYY-MM-DD.'))
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), bilingual('Tanggal tidak ada di kalender.', 'That date does not exist.'));

export const GROUPINGS = ['tenant', 'service', 'counter', 'officer', 'hour', 'weekday', 'day'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const StatsQuery = z.object({
  from: Day.describe('First local day of the period (MPP zone), inclusive'),
  to: Day.describe('Last local day of the period (MPP zone), inclusive'),
  by: z.enum(GROUPINGS).default('service'),
  tenantId: z.uuid().optional(),
  serviceId: z.uuid().optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

export const DurationStats = z.object({
  count: z.number().int(),
  meanSeconds: z.number().int().nullable(),
  medianMinutes: z.number().int().nullable().describe('Nearest-rank median, the lower bound in minutes of its histogram bucket (per minute below 30 min); null without observations'),
  p90Minutes: z.number().int().nullable(),
  maxSeconds: z.number().int().nullable(),
});

export const Kpis = z.object({
  issued: z.number().int(),
  booked: z.number().int(),
  walkIn: z.number().int(),
  called: z.number().int(),
  recalled: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  transferred: z.number().int(),
  noShowRate: z.number().nullable().describe('no-shows / (served + no-shows)'),
  withinTargetShare: z.number().nullable().describe('share of calls made less than the target wait after arrival'),
  wait: DurationStats,
  walk: DurationStats,
  service: DurationStats,
  total: DurationStats,
});
export type Kpis = z.infer<typeof Kpis>;

export const StatsGroup = z.object({ key: z.string(), label: z.string(), kpis: Kpis });
export type StatsGroup = z.infer<typeof StatsGroup>;

export const Stats = z.object({
  mppId: z.uuid(),
  mppName: z.string(),
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  tenantId: z.uuid().nullable(),
  serviceId: z.uuid().nullable(),
  targetWaitMinutes: z.number().int(),
  by: z.enum(GROUPINGS),
  totals: Kpis,
  groups: z.array(StatsGroup),
  heatmap: z.array(z.array(z.number().int())).describe('Tickets issued by weekday (0 = Monday) and local hour (0-23)'),
});
export type Stats = z.infer<typeof Stats>;

export const OpsSettings = z.object({
  targetWaitMinutes: z.number().int().min(1, bilingual('Target tunggu paling sedikit 1 menit.', 'The target wait is at least 1 minute.')).max(240, bilingual('Target tunggu paling lama 240 menit.', 'The target wait is at most 240 minutes.')),
});
export type OpsSettings = z.infer<typeof OpsSettings>;

export const FloorLine = z.object({
  serviceId: z.uuid(),
  serviceName: z.string(),
  tenantId: z.uuid(),
  tenantName: z.string(),
  waiting: z.number().int(),
  longestWaitSeconds: z.number().int().nullable(),
  expectedWaitMinutes: z.number().int().nullable().describe('Waiting people x mean service time (last 7 days) / counters open for the service'),
  servedToday: z.number().int(),
  openCounters: z.number().int(),
  atRisk: z.boolean().describe('The longest wait has passed 80% of the target'),
});

export const FloorCounter = z.object({
  id: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  tenantName: z.string(),
  status: z.enum(['open', 'paused', 'closed']),
  pauseReason: z.string().nullable(),
  officerName: z.string().nullable(),
  since: z.string().nullable(),
  current: z.object({ number: z.string(), status: z.string(), serviceName: z.string(), calledAt: z.string().nullable() }).nullable(),
});

export const Floor = z.object({
  at: z.string(),
  localDay: z.string(),
  timezone: z.string(),
  targetWaitMinutes: z.number().int(),
  totals: z.object({ waiting: z.number().int(), servedToday: z.number().int(), longestWaitSeconds: z.number().int().nullable(), countersOpen: z.number().int(), countersPaused: z.number().int(), countersClosed: z.number().int() }),
  lines: z.array(FloorLine),
  counters: z.array(FloorCounter),
  atRisk: z.array(z.object({ id: z.uuid(), number: z.string(), serviceName: z.string(), tenantName: z.string(), waitingSeconds: z.number().int() })),
  parked: z.array(z.object({ id: z.uuid(), number: z.string(), serviceName: z.string(), tenantName: z.string(), parkedSeconds: z.number().int() })).describe('Today\'s parked tickets (in their agency\'s pool), longest parked first, at most 50'),
  devicesOffline: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string(), lastUsedAt: z.string().nullable() })),
});
export type Floor = z.infer<typeof Floor>;

export const StaffingQuery = z.object({
  from: Day.describe('First local day of the history used'),
  to: Day.describe('Last local day of the history used'),
  targetWaitMinutes: z.coerce.number().int().min(1).max(240).optional().describe('Defaults to the MPP’s target'),
});
export type StaffingQuery = z.infer<typeof StaffingQuery>;

export const StaffingHour = z.object({
  hour: z.number().int(),
  arrivalsPerHour: z.number(),
  meanServiceMinutes: z.number().nullable(),
  countersNeeded: z.number().int(),
  expectedWaitMinutes: z.number().nullable().describe('Erlang C mean wait with the counters needed'),
  probabilityOfWaiting: z.number().nullable(),
});

export const Staffing = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number().int().describe('Days with arrivals in the history'),
  targetWaitMinutes: z.number().int(),
  tenants: z.array(
    z.object({
      tenantId: z.uuid(),
      tenantName: z.string(),
      countersTotal: z.number().int(),
      countersOpenNow: z.number().int(),
      peakCountersNeeded: z.number().int(),
      hours: z.array(StaffingHour),
    }),
  ),
});
export type Staffing = z.infer<typeof Staffing>;
