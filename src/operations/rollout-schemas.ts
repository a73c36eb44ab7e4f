import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';

export const STAGES = ['planned', 'commitment', 'agreements', 'soft_launch', 'inaugurated'] as const;
export type Stage = (typeof STAGES)[number];

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('Tanggal harus berformat YYYY-MM-DD.', 'A date must look like YYYY-MM-DD.'));

export const RolloutParams = z.object({ regionCode: z.string().regex(/^\d{2}\.\d{2}$/, bilingual('Kode kabupaten/kota berformat NN.NN.', 'A kabupaten/kota code looks like NN.NN.')) });
export const RolloutQuery = z.object({ province: z.string().regex(/^\d{2}$/).optional() });

export const RolloutDates = z.object({
  planned: Day.nullable().default(null),
  commitment: Day.nullable().default(null).describe('Komitmen (commitment) signed'),
  agreements: Day.nullable().default(null).describe('MoU/PKS with the agencies'),
  softLaunch: Day.nullable().default(null),
  inaugurated: Day.nullable().default(null),
});

export const PutRollout = z.object({ stage: z.enum(STAGES), dates: RolloutDates.default({ planned: null, commitment: null, agreements: null, softLaunch: null, inaugurated: null }), note: z.string().max(500).default('') });
export type PutRollout = z.infer<typeof PutRollout>;

export const RolloutRegion = z.object({
  regionCode: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  stage: z.enum(STAGES).nullable().describe('null: not started'),
  dates: RolloutDates,
  note: z.string(),
  mpps: z.array(z.object({ mppId: z.uuid(), name: z.string(), tenants: z.number().int(), services: z.number().int() })).describe('MPPs in Layan serving this kabupaten/kota, with what they have joined'),
});
export type RolloutRegion = z.infer<typeof RolloutRegion>;

const StageCounts = z.object({ none: z.number().int(), planned: z.number().int(), commitment: z.number().int(), agreements: z.number().int(), soft_launch: z.number().int(), inaugurated: z.number().int() });

export const Rollout = z.object({
  totals: StageCounts.extend({ regions: z.number().int(), inLayan: z.number().int().describe('Kabupaten/kota with an MPP in Layan') }),
  provinces: z.array(z.object({ provinceCode: z.string(), provinceName: z.string(), regions: z.number().int(), counts: StageCounts })),
  regions: z.array(RolloutRegion),
});
export type Rollout = z.infer<typeof Rollout>;
