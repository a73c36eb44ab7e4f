import { z } from 'zod';

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const ScorecardQuery = z.object({
  month: Month.optional().describe('Last month shown (YYYY-MM, MPP zone); defaults to the current month'),
  months: z.coerce.number().int().min(1).max(12).default(6).describe('Months shown, ending with `month`'),
});
export type ScorecardQuery = z.infer<typeof ScorecardQuery>;

export const ConformityService = z.object({
  serviceId: z.uuid(),
  serviceName: z.string(),
  tenantName: z.string(),
  promisedMinutes: z.number().int(),
  served: z.number().int(),
  within: z.number().int(),
  share: z.number().nullable(),
});

export const ScorecardMonth = z.object({
  month: z.string(),
  survey: z.object({ respondents: z.number().int(), ikm: z.number().nullable(), grade: z.enum(['A', 'B', 'C', 'D']).nullable() }),
  queue: z.object({
    issued: z.number().int(),
    served: z.number().int(),
    waitMedianMinutes: z.number().int().nullable(),
    withinTargetShare: z.number().nullable().describe('Calls made less than the target wait after arrival'),
    noShowRate: z.number().nullable(),
  }),
  complaints: z.object({
    received: z.number().int(),
    verificationDue: z.number().int(),
    verifiedOnTime: z.number().int(),
    verifiedOnTimeShare: z.number().nullable().describe('Decided within 3 working days'),
    resolutionDue: z.number().int(),
    resolvedOnTime: z.number().int(),
    resolvedOnTimeShare: z.number().nullable().describe('Answered within the limit of its track'),
  }),
  booking: z.object({ checkedIn: z.number().int(), noShow: z.number().int(), noShowRate: z.number().nullable() }),
  conformity: z.object({
    served: z.number().int().describe('Services finished at services whose Standar Pelayanan promises a time in minutes'),
    within: z.number().int(),
    share: z.number().nullable().describe('Share finished within the promised time'),
  }),
  score: z.number().nullable().describe('Mean of the 0-100 figures the month has: IKM, within target, verified and resolved on time, bookings kept, conformity'),
});
export type ScorecardMonth = z.infer<typeof ScorecardMonth>;

export const Scorecard = z.object({
  mppId: z.uuid(),
  mppName: z.string(),
  timezone: z.string(),
  targetWaitMinutes: z.number().int(),
  months: z.array(ScorecardMonth).describe('Oldest first; the last is the month asked for'),
  conformityServices: z.array(ConformityService).describe('Per service, for the last month'),
  computedAt: z.string(),
});
export type Scorecard = z.infer<typeof Scorecard>;

export const NATIONAL_SORTS = ['score', 'ikm', 'withinTarget', 'complaints', 'bookingNoShow', 'conformity', 'name'] as const;

export const NationalQuery = z.object({
  month: Month.optional().describe('Defaults to the current month (WIB)'),
  province: z.string().regex(/^\d{2}$/).optional().describe('Province code (two digits)'),
  grade: z.enum(['A', 'B', 'C', 'D']).optional(),
  stale: z.enum(['true', 'false']).optional().describe('true: only MPPs whose data is stale'),
  sort: z.enum(NATIONAL_SORTS).default('score'),
});
export type NationalQuery = z.infer<typeof NationalQuery>;

export const NationalMpp = z.object({
  rank: z.number().int().nullable().describe('National rank by score among MPPs with a score (all provinces)'),
  mppId: z.uuid(),
  mppName: z.string(),
  slug: z.string(),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  card: ScorecardMonth.nullable(),
  stale: z.enum(['no_data', 'no_recent_activity', 'not_refreshed']).nullable().describe('Why the figures cannot be trusted as current, if so'),
  lastActivityAt: z.string().nullable(),
  computedAt: z.string().nullable(),
});

export const NationalView = z.object({
  month: z.string(),
  totals: z.object({
    mpps: z.number().int(),
    withScore: z.number().int(),
    stale: z.number().int(),
    meanScore: z.number().nullable(),
    meanIkm: z.number().nullable().describe('Mean of the MPPs’ IKM (not pooled answers: see the survey’s national report)'),
    issued: z.number().int(),
    served: z.number().int(),
    complaintsReceived: z.number().int(),
  }),
  provinces: z.array(z.object({ provinceCode: z.string().nullable(), provinceName: z.string().nullable(), mpps: z.number().int(), meanScore: z.number().nullable(), stale: z.number().int() })),
  mpps: z.array(NationalMpp).describe('Filtered and sorted; totals and provinces cover the filtered MPPs'),
});
export type NationalView = z.infer<typeof NationalView>;

export const DigitalCriterion = z.object({
  code: z.string(),
  name: z.object({ id: z.string(), en: z.string() }),
  status: z.enum(['met', 'not_met', 'not_assessable']).describe('not_assessable: Layan holds no data that answers it'),
  evidence: z.object({ id: z.string(), en: z.string() }),
  missing: z.object({ id: z.string(), en: z.string() }).nullable().describe('For a criterion Layan cannot score: the evidence the evaluators need that Layan does not hold'),
});
export const DigitalCriteria = z.object({
  mppId: z.uuid(),
  asOf: z.string(),
  met: z.number().int(),
  assessable: z.number().int(),
  criteria: z.array(DigitalCriterion).describe('The 11 MPP Digital evaluation criteria (KemenPAN-RB), in their order'),
});
export type DigitalCriteria = z.infer<typeof DigitalCriteria>;
