import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';

/**
 * The PATCH form of an input: every field optional and without its default, so a field left out
 * keeps its stored value (zod's .partial() would fill the defaults in and overwrite it).
 */
function patchOf<S extends z.ZodObject>(input: S): z.ZodType<Partial<z.output<S>>> {
  const shape = Object.fromEntries(Object.entries(input.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional()]));
  return z.object(shape) as unknown as z.ZodType<Partial<z.output<S>>>;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const LocalTime = z.string().regex(TIME, bilingual('Jam harus berformat JJ:MM, misalnya 08:00.', 'Time must be HH:MM, e.g. 08:00.'));
const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export const Break = z.object({
  start: LocalTime,
  end: LocalTime,
  label: z.string().trim().max(60).default('Istirahat'),
});
export type Break = z.infer<typeof Break>;

/** Opening hours of one day: opens before closes; breaks inside them, each start < end, not overlapping. */
export const DayHours = z
  .object({ opens: LocalTime, closes: LocalTime, breaks: z.array(Break).max(5).default([]) })
  .superRefine((d, ctx) => {
    if (!TIME.test(d.opens) || !TIME.test(d.closes)) return;
    if (mins(d.opens) >= mins(d.closes)) {
      ctx.addIssue({ code: 'custom', path: ['closes'], message: bilingual(`Jam tutup (${d.closes}) harus setelah jam buka (${d.opens}).`, `Closing time (${d.closes}) must be after opening time (${d.opens}).`).error });
    }
    const sorted = d.breaks.map((b, i) => ({ ...b, i })).filter((b) => TIME.test(b.start) && TIME.test(b.end)).sort((a, b) => mins(a.start) - mins(b.start));
    for (const [k, b] of sorted.entries()) {
      if (mins(b.start) >= mins(b.end)) {
        ctx.addIssue({ code: 'custom', path: ['breaks', b.i, 'end'], message: bilingual(`Istirahat harus selesai (${b.end}) setelah mulai (${b.start}).`, `A break must end (${b.end}) after it starts (${b.start}).`).error });
      } else if (mins(b.start) <= mins(d.opens) || mins(b.end) >= mins(d.closes)) {
        ctx.addIssue({
          code: 'custom',
          path: ['breaks', b.i],
          message: bilingual(`Istirahat ${b.start}-${b.end} berada di luar jam buka ${d.opens}-${d.closes}.`, `The break ${b.start}-${b.end} lies outside opening hours ${d.opens}-${d.closes}.`).error,
        });
      }
      const prev = sorted[k - 1];
      if (prev && mins(b.start) < mins(prev.end)) {
        ctx.addIssue({ code: 'custom', path: ['breaks', b.i], message: bilingual(`Istirahat ${b.start}-${b.end} tumpang tindih dengan ${prev.start}-${prev.end}.`, `The break ${b.start}-${b.end} overlaps ${prev.start}-${prev.end}.`).error });
      }
    }
  });
export type DayHours = z.infer<typeof DayHours>;

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export const WeeklyHours = z.partialRecord(z.enum(WEEKDAYS), DayHours);
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const Timezone = z.enum(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);
export const RegionCode = z.string().regex(/^\d{2}(\.\d{2})?$/, bilingual('Kode wilayah berformat 2 digit (provinsi) atau NN.NN (kabupaten/kota).', 'Region codes are NN (province) or NN.NN (kabupaten/kota).'));
export const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, bilingual('Slug hanya huruf kecil, angka dan tanda hubung.', 'A slug has only lower-case letters, digits and hyphens.')).min(3).max(80);

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['provinsi', 'kabupaten', 'kota']),
  provinceCode: z.string(),
  timezone: Timezone,
});
export type Region = z.infer<typeof Region>;

export const Contacts = z.object({
  phone: z.string().trim().max(40).optional(),
  whatsapp: z.string().trim().max(40).optional(),
  email: z.email().max(200).optional(),
  // Only http(s): the page shows it as a link, and a javascript: or data: URL there would run script.
  website: z
    .url({ protocol: /^https?$/, ...bilingual('Situs web harus alamat http:// atau https://.', 'The website must be an http:// or https:// address.') })
    .max(300)
    .optional(),
});

/** Drops a stored website that is not http(s) (saved before the check existed) instead of serving it. */
export function safeContacts(contacts: z.infer<typeof Contacts>): z.infer<typeof Contacts> {
  const { website, ...rest } = contacts;
  return website !== undefined && Contacts.shape.website.safeParse(website).success ? { ...rest, website } : rest;
}

export const MppInput = z.object({
  name: z.string().trim().min(2).max(200),
  slug: Slug,
  regionCode: RegionCode,
  address: z.string().trim().max(500).default(''),
  timezone: Timezone,
  weeklyHours: WeeklyHours.default({}),
  waitingCapacity: z.number().int().min(0).max(100000).nullable().default(null),
  contacts: Contacts.default({}),
  facilities: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  maklumat: z.string().max(5000).default(''),
  published: z.boolean().default(true),
});
export type MppInput = z.infer<typeof MppInput>;
export const MppPatch = patchOf(MppInput);
export type MppPatch = z.infer<typeof MppPatch>;

export const MppView = MppInput.extend({
  id: z.uuid(),
  // An MPP created before the catalog's region column (an upgraded install) has none yet.
  regionCode: RegionCode.nullable(),
  region: Region.nullable(),
  province: Region.nullable(),
});
export type MppView = z.infer<typeof MppView>;

export const SpecialDayInput = z
  .object({ day: z.iso.date(), note: z.string().trim().max(300).default('') })
  .and(DayHours);
export type SpecialDayInput = z.infer<typeof SpecialDayInput>;
export const SpecialDayView = z.object({ id: z.uuid(), day: z.string(), opens: z.string(), closes: z.string(), breaks: z.array(Break), note: z.string() });
export type SpecialDayView = z.infer<typeof SpecialDayView>;

export const TenantKind = z.enum(['central_agency', 'regional_office', 'bumn', 'bumd', 'private']);
export type TenantKind = z.infer<typeof TenantKind>;
const LOGO = /^(https:\/\/\S+|data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+)$/;
export const TenantInput = z.object({
  kind: TenantKind,
  name: z.string().trim().min(2).max(200),
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,20}$/, bilingual('Kode instansi 2-20 huruf besar, angka atau tanda hubung.', 'A tenant code is 2-20 capitals, digits or hyphens.')),
  description: z.string().trim().max(1000).default(''),
  logo: z.string().max(200000).regex(LOGO, bilingual('Logo harus URL https atau gambar kecil (png, jpeg, webp, svg).', 'The logo must be an https URL or a small image (png, jpeg, webp, svg).')).nullable().default(null),
  active: z.boolean().default(true),
});
export type TenantInput = z.infer<typeof TenantInput>;
export const TenantPatch = patchOf(TenantInput);
export type TenantPatch = z.infer<typeof TenantPatch>;
export const TenantView = TenantInput.extend({ id: z.uuid(), mppId: z.uuid(), serviceCount: z.number().int(), counterCount: z.number().int() });
export type TenantView = z.infer<typeof TenantView>;

export const CounterInput = z.object({
  tenantId: z.uuid(),
  number: z.number().int().min(1, bilingual('Nomor loket 1-999.', 'Counter numbers are 1-999.')).max(999, bilingual('Nomor loket 1-999.', 'Counter numbers are 1-999.')),
  name: z.string().trim().min(1).max(100),
  active: z.boolean().default(true),
});
export type CounterInput = z.infer<typeof CounterInput>;
export const CounterPatch = patchOf(CounterInput);
export type CounterPatch = z.infer<typeof CounterPatch>;
export const CounterView = CounterInput.extend({ id: z.uuid(), mppId: z.uuid(), tenantCode: z.string() });
export type CounterView = z.infer<typeof CounterView>;

export const AgreementInput = z
  .object({
    kind: z.enum(['mou', 'pks']),
    number: z.string().trim().min(1).max(100),
    signedOn: z.iso.date(),
    validUntil: z.iso.date().nullable().default(null),
    status: z.enum(['draft', 'active', 'terminated']).default('active'),
    note: z.string().trim().max(1000).default(''),
  })
  .refine((a) => !a.validUntil || a.validUntil >= a.signedOn, { path: ['validUntil'], ...bilingual('Tanggal berlaku sampai tidak boleh sebelum tanggal penandatanganan.', 'Valid-until cannot be before the signing date.') });
export type AgreementInput = z.infer<typeof AgreementInput>;
export const AgreementView = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  kind: z.enum(['mou', 'pks']),
  number: z.string(),
  signedOn: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(['draft', 'active', 'terminated']),
  note: z.string(),
  /** expiring: active and ends within EXPIRY_WARNING_DAYS; expired: active but past valid-until. */
  expiry: z.enum(['ok', 'expiring', 'expired', 'none']),
});
export type AgreementView = z.infer<typeof AgreementView>;

export const CHANNELS = ['direct', 'mobile', 'self_service', 'online'] as const;
export const Channel = z.enum(CHANNELS);

export const InternalStandard = z.object({
  legalBasis: z.string().max(3000).default(''),
  facilities: z.string().max(3000).default(''),
  staffCompetence: z.string().max(3000).default(''),
  internalSupervision: z.string().max(3000).default(''),
  staffCount: z.string().max(300).default(''),
  serviceGuarantee: z.string().max(3000).default(''),
  safetyGuarantee: z.string().max(3000).default(''),
  performanceEvaluation: z.string().max(3000).default(''),
});
export type InternalStandard = z.infer<typeof InternalStandard>;

export const RequirementRef = z.object({
  typeCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{2,40}$/),
  note: z.string().trim().max(300).default(''),
});

export const ServiceInput = z.object({
  tenantId: z.uuid(),
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9.-]{0,29}$/, bilingual('Kode layanan 1-30 huruf besar, angka, titik atau tanda hubung.', 'A service code is 1-30 capitals, digits, dots or hyphens.')),
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).default(''),
  requirements: z.array(RequirementRef).max(40).default([]),
  procedureSteps: z.array(z.string().trim().min(1).max(500)).max(30).default([]),
  completion: z.object({ value: z.number().int().min(0).max(100000), unit: z.enum(['minutes', 'working_days']) }).default({ value: 0, unit: 'minutes' }),
  feeRupiah: z.number().int(bilingual('Biaya dalam rupiah bulat.', 'The fee is whole rupiah.')).min(0, bilingual('Biaya tidak boleh negatif (0 = gratis).', 'The fee cannot be negative (0 = free).')).max(1_000_000_000_000),
  feeLegalBasis: z.string().trim().max(1000).default(''),
  product: z.string().trim().max(1000).default(''),
  complaintChannels: z.string().trim().max(2000).default(''),
  internal: InternalStandard.default(InternalStandard.parse({})),
  channels: z.array(Channel).min(1).max(4).default(['direct']),
  handlingMinutes: z.number().int().min(1).max(480).default(15),
  ticketPrefix: z.string().trim().toUpperCase().regex(/^[A-Z]{1,3}$/, bilingual('Awalan tiket 1-3 huruf.', 'A ticket prefix is 1-3 letters.')),
  bookingSettings: z.record(z.string(), z.unknown()).default({}),
  active: z.boolean().default(true),
});
export type ServiceInput = z.infer<typeof ServiceInput>;
export const ServicePatch = patchOf(ServiceInput);
export type ServicePatch = z.infer<typeof ServicePatch>;

export const RequirementView = z.object({ typeCode: z.string(), name: z.string(), note: z.string() });
export const ServiceView = ServiceInput.omit({ requirements: true }).extend({
  id: z.uuid(),
  mppId: z.uuid(),
  version: z.number().int(),
  requirements: z.array(RequirementView),
  tenant: z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: TenantKind }),
  updatedAt: z.string(),
});
export type ServiceView = z.infer<typeof ServiceView>;

/** What citizens see: the six public components, never the internal eight. */
export const PublicService = ServiceView.omit({ internal: true, bookingSettings: true, handlingMinutes: true, tenantId: true }).extend({
  mpp: z.object({ slug: z.string(), name: z.string(), timezone: Timezone }),
  counters: z.array(z.object({ number: z.number().int(), name: z.string() })),
  validFrom: z.string().nullable(),
});
export type PublicService = z.infer<typeof PublicService>;

export const ServiceVersionView = z.object({ version: z.number().int(), validFrom: z.string(), validTo: z.string().nullable(), changedBy: z.string().nullable() });

export const RequirementType = z.object({ code: z.string(), name: z.string(), description: z.string() });

export const SearchQuery = z.object({
  q: z.string().trim().min(2, bilingual('Ketik minimal 2 huruf.', 'Type at least 2 letters.')).max(100),
  mpp: Slug.optional(),
  province: z.string().regex(/^\d{2}$/).optional(),
  /** Ranked first without excluding the others: the citizen's chosen MPP or province. */
  preferMpp: Slug.optional(),
  preferProvince: z.string().regex(/^\d{2}$/).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const SearchHit = z.object({
  serviceCode: z.string(),
  serviceName: z.string(),
  tenantName: z.string(),
  mppSlug: z.string(),
  mppName: z.string(),
  regionName: z.string().nullable(),
  feeRupiah: z.number(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SynonymKind = z.enum(['abbreviation', 'word', 'filler']);
export const SynonymView = z.object({ term: z.string(), kind: SynonymKind, expansion: z.string() });
export type SynonymView = z.infer<typeof SynonymView>;
export const SynonymParams = z.object({
  kind: SynonymKind,
  term: z.string().regex(/^[a-z0-9]{1,40}$/, bilingual('Kata: huruf kecil dan angka saja, tanpa spasi (maks. 40).', 'Term: lower-case letters and digits only, no spaces (max 40).')),
});
export const SynonymInput = z.object({
  /** abbreviation: the phrase it stands for; word: the words it may also mean; filler: ignored. */
  expansion: z.string().trim().max(200).regex(/^[A-Za-z0-9 ]*$/, bilingual('Hanya huruf, angka dan spasi.', 'Letters, digits and spaces only.')).default(''),
});
export type SynonymInput = z.infer<typeof SynonymInput>;

export const ImportEntity = z.enum(['tenants', 'counters', 'services']);
export type ImportEntity = z.infer<typeof ImportEntity>;
export const ImportRequest = z.object({
  entity: ImportEntity,
  format: z.enum(['csv', 'xlsx']),
  /** CSV text, or the XLSX file in base64. */
  content: z.string().min(1).max(7_000_000),
  dryRun: z.boolean().default(false),
});
export type ImportRequest = z.infer<typeof ImportRequest>;
export const ImportRowError = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;
export const ImportReport = z.object({ entity: ImportEntity, rows: z.number().int(), created: z.number().int(), updated: z.number().int(), applied: z.boolean(), errors: z.array(ImportRowError) });
export type ImportReport = z.infer<typeof ImportReport>;

const DaySchedule = z.object({
  date: z.string(),
  weekday: z.number().int(),
  hours: z.object({ opens: z.string(), closes: z.string(), breaks: z.array(Break) }).nullable(),
  special: z.boolean(),
  note: z.string().nullable(),
  closedBy: z.object({ kind: z.enum(['holiday', 'cuti_bersama', 'closure']), name: z.string() }).nullable(),
});
export const OpeningStatusView = z.object({
  mppId: z.uuid(),
  timezone: z.string(),
  at: z.string(),
  localDate: z.string(),
  localTime: z.string(),
  open: z.boolean(),
  reason: z.enum(['open', 'before_opening', 'on_break', 'after_closing', 'closed_today']),
  today: DaySchedule,
  currentBreak: Break.nullable(),
  closesAt: z.string().nullable(),
  nextOpening: z.string().nullable(),
});

export const DirectoryEntry = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), address: z.string(), timezone: z.string(), region: Region.nullable(), province: Region.nullable() });

export const PublicMppPage = z.object({
  mpp: MppView.omit({ published: true }),
  status: OpeningStatusView,
  tenants: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: TenantKind,
      description: z.string(),
      logo: z.string().nullable(),
      services: z.array(z.object({ code: z.string(), name: z.string(), feeRupiah: z.number() })),
    }),
  ),
});
export type PublicMppPage = z.infer<typeof PublicMppPage>;

export const SummaryRow = z.object({
  level: z.enum(['national', 'province', 'kind']),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  tenantKind: z.string().nullable(),
  mpps: z.number().int(),
  tenants: z.number().int(),
  services: z.number().int(),
});

export const MppParams = z.object({ mppId: z.uuid() });
export const TenantParams = z.object({ mppId: z.uuid(), tenantId: z.uuid() });
export const ServiceParams = z.object({ mppId: z.uuid(), serviceId: z.uuid() });
export const CounterParams = z.object({ mppId: z.uuid(), counterId: z.uuid() });
export const AgreementParams = z.object({ mppId: z.uuid(), agreementId: z.uuid() });
export const SpecialDayParams = z.object({ mppId: z.uuid(), specialDayId: z.uuid() });
export const AsOfQuery = z.object({ at: z.iso.datetime({ offset: true }).or(z.iso.date()).optional() });
export const ExportQuery = z.object({ entity: ImportEntity, format: z.enum(['csv', 'xlsx']).default('csv') });
