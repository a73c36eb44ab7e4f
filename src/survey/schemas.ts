import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';
import { PERIOD_PATTERN } from './periods.js';
import { AGE_GROUPS, EDUCATIONS, GENDERS, OCCUPATIONS } from './questionnaire.js';

export const Text = z.object({ id: z.string(), en: z.string() });
export type Text = z.infer<typeof Text>;

export const Score = z
  .number(bilingual('Nilai harus berupa angka 1 sampai 4.', 'A score must be a number from 1 to 4.'))
  .int(bilingual('Nilai harus bilangan bulat 1 sampai 4.', 'A score must be a whole number from 1 to 4.'))
  .min(1, bilingual('Nilai paling kecil 1 (tidak baik).', 'The lowest score is 1 (bad).'))
  .max(4, bilingual('Nilai paling besar 4 (sangat baik).', 'The highest score is 4 (very good).'));

const unsurKeys = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type UnsurKey = (typeof unsurKeys)[number];
export const UNSUR_KEYS = unsurKeys;

/** Scores for U1..U9; a missing or null unsur was skipped. */
export const SurveyAnswers = z
  .strictObject(Object.fromEntries(unsurKeys.map((k) => [k, Score.nullable().optional()])) as Record<UnsurKey, z.ZodOptional<z.ZodNullable<typeof Score>>>)
  .refine((a) => unsurKeys.some((k) => a[k] != null), bilingual('Jawab paling sedikit satu unsur.', 'Answer at least one element.'));
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export const RespondentProfile = z.strictObject({
  gender: z.enum(GENDERS).nullable().optional(),
  ageGroup: z.enum(AGE_GROUPS).nullable().optional(),
  education: z.enum(EDUCATIONS).nullable().optional(),
  occupation: z.enum(OCCUPATIONS).nullable().optional(),
});
export type RespondentProfile = z.infer<typeof RespondentProfile>;

export const SubmitSurveyRequest = z.strictObject({
  answers: SurveyAnswers,
  profile: RespondentProfile.default({}),
  suggestion: z.string().trim().max(2000, bilingual('Saran paling panjang 2000 karakter.', 'A suggestion is at most 2000 characters.')).nullable().optional(),
});
export type SubmitSurveyRequest = z.infer<typeof SubmitSurveyRequest>;

export const TabletSubmitRequest = SubmitSurveyRequest.extend({ handoffId: z.uuid() });
export type TabletSubmitRequest = z.infer<typeof TabletSubmitRequest>;

export const SurveyThanks = z.object({ received: z.literal(true) });

export const QuestionView = z.object({
  code: z.string(),
  key: z.enum(unsurKeys),
  name: Text,
  question: Text,
  answers: z.array(z.object({ score: z.number().int(), label: Text })),
});

export const SurveyForm = z.object({
  mppName: z.string(),
  tenantName: z.string(),
  serviceName: z.string(),
  questions: z.array(QuestionView),
  profileOptions: z.record(z.string(), z.object({ title: Text, options: z.record(z.string(), Text) })),
});
export type SurveyForm = z.infer<typeof SurveyForm>;

export const TokenParams = z.object({ token: z.string().min(4).max(64) });

export const UnsurView = z.object({ code: z.string(), name: Text, question: Text, answers: z.array(Text).length(4) });

export const MppParams = z.object({ mppId: z.uuid() });
export const CounterParams = z.object({ mppId: z.uuid(), counterId: z.uuid() });
export const DeviceParams = z.object({ mppId: z.uuid(), deviceId: z.uuid() });
export const ServiceParams = z.object({ mppId: z.uuid(), serviceId: z.uuid() });

export const SourceKind = z.enum(['ticket', 'booking']);

export const IssueTokenRequest = z.strictObject({
  sourceKind: SourceKind,
  sourceId: z.uuid(),
  serviceId: z.uuid(),
  /** When the service was finished; omitted: now. */
  servedAt: z.iso.datetime({ offset: true }).optional(),
});
export type IssueTokenRequest = z.infer<typeof IssueTokenRequest>;

export const IssuedToken = z.object({
  token: z.string(),
  surveyPath: z.string(),
  served: z.boolean(),
});
export type IssuedToken = z.infer<typeof IssuedToken>;

export const HandoffRequest = z.strictObject({ sourceKind: SourceKind, sourceId: z.uuid() });
export type HandoffRequest = z.infer<typeof HandoffRequest>;

export const HandoffView = z.object({ counterId: z.uuid(), expiresAt: z.string() });

export const TabletBindRequest = z.strictObject({ counterId: z.uuid() });
export const TabletView = z.object({
  deviceId: z.uuid(),
  deviceName: z.string(),
  counterId: z.uuid(),
  counterNumber: z.number().int(),
  counterName: z.string(),
});
export type TabletView = z.infer<typeof TabletView>;

export const TabletState = z.object({
  counter: z.object({ id: z.uuid(), number: z.number().int(), name: z.string() }),
  pending: z.object({ handoffId: z.uuid(), form: SurveyForm }).nullable(),
});
export type TabletState = z.infer<typeof TabletState>;

export const AnswerLabel = z.strictObject({
  unsur: z.number().int().min(1).max(9),
  score: Score,
  labelId: z.string().trim().min(1).max(120),
  labelEn: z.string().trim().min(1).max(120),
});
export type AnswerLabel = z.infer<typeof AnswerLabel>;
export const AnswerLabels = z.array(AnswerLabel).max(36);

export const PeriodCode = z
  .string()
  .regex(PERIOD_PATTERN, bilingual('Periode ditulis 2025, 2025-S1, 2025-Q3 atau 2025-07.', 'Write the period as 2025, 2025-S1, 2025-Q3 or 2025-07.'));

export const ReportQuery = z.strictObject({
  period: PeriodCode,
  tenantId: z.uuid().optional(),
  serviceId: z.uuid().optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const TrendQuery = z.strictObject({
  kind: z.enum(['month', 'quarter', 'semester', 'year']).default('month'),
  count: z.coerce.number().int().min(1).max(36).default(12),
  tenantId: z.uuid().optional(),
  serviceId: z.uuid().optional(),
});
export type TrendQuery = z.infer<typeof TrendQuery>;

const Grade = z.object({ mutu: z.enum(['A', 'B', 'C', 'D']), kinerja: Text });

export const IkmSummary = z.object({
  respondents: z.number().int(),
  index: z.number().nullable(),
  ikm: z.number().nullable(),
  grade: Grade.nullable(),
  complete: z.boolean(),
});
export type IkmSummary = z.infer<typeof IkmSummary>;

export const UnsurRow = z.object({
  code: z.string(),
  name: Text,
  sum: z.number().int(),
  answers: z.number().int(),
  nrr: z.number().nullable(),
  nrrWeighted: z.number().nullable(),
});

export const SampleProgress = z.object({
  /** People served in the period (served tickets/bookings with a survey token). */
  population: z.number().int(),
  required: z.number().int(),
  respondents: z.number().int(),
  /** respondents / required, 0..1+ (1 = sample reached). */
  progress: z.number().nullable(),
});

const CountRow = z.object({ value: z.string(), label: Text, count: z.number().int() });

export const SurveyReport = z.object({
  period: z.object({ code: z.string(), from: z.string(), to: z.string(), label: Text }),
  scope: z.object({ mppId: z.uuid(), mppName: z.string(), tenantId: z.uuid().nullable(), tenantName: z.string().nullable(), serviceId: z.uuid().nullable(), serviceName: z.string().nullable() }),
  summary: IkmSummary,
  unsur: z.array(UnsurRow),
  sample: SampleProgress,
  profile: z.object({ gender: z.array(CountRow), ageGroup: z.array(CountRow), education: z.array(CountRow), occupation: z.array(CountRow) }),
  tenants: z.array(IkmSummary.extend({ tenantId: z.uuid(), name: z.string() })),
  services: z.array(IkmSummary.extend({ serviceId: z.uuid(), name: z.string(), tenantName: z.string() })),
});
export type SurveyReport = z.infer<typeof SurveyReport>;

export const TrendPoint = IkmSummary.extend({ period: z.string(), label: Text });
export const Trend = z.array(TrendPoint);

export const Suggestion = z.object({ serviceName: z.string(), tenantName: z.string(), text: z.string() });
export const Suggestions = z.array(Suggestion);

export const NationalQuery = z.strictObject({ period: PeriodCode });
export const NationalReport = z.object({
  period: z.string(),
  national: IkmSummary,
  mpps: z.array(IkmSummary.extend({ mppId: z.uuid(), name: z.string() })),
});

export const PublishRequest = z.strictObject({ period: PeriodCode });
export const PublicIkm = z.object({
  mppName: z.string(),
  period: z.string(),
  periodLabel: Text,
  publishedAt: z.string(),
  respondents: z.number().int(),
  ikm: z.number().nullable(),
  grade: Grade.nullable(),
  tenants: z.array(z.object({ name: z.string(), respondents: z.number().int(), ikm: z.number().nullable(), grade: Grade.nullable() })),
});
export type PublicIkm = z.infer<typeof PublicIkm>;
export const PublicMppParams = z.object({ mpp: z.string().min(1).max(100) });
