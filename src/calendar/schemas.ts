import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('Tanggal harus berformat YYYY-MM-DD.', 'The date must be YYYY-MM-DD.'))
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), bilingual('Tanggal tidak ada di kalender.', 'No such date.'));

export const CalendarDayKind = z.enum(['holiday', 'cuti_bersama', 'closure']);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

export const CalendarDay = z.object({
  id: z.uuid(),
  mppId: z.uuid().nullable(),
  day: z.string(),
  kind: CalendarDayKind,
  name: z.string(),
  createdAt: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

const DayName = z.string().trim().min(2, bilingual('Nama minimal 2 karakter.', 'The name must be at least 2 characters.')).max(200);

export const CreateNationalDay = z.object({
  day: IsoDate,
  kind: z.enum(['holiday', 'cuti_bersama']),
  name: DayName,
});
export type CreateNationalDay = z.infer<typeof CreateNationalDay>;

export const CreateClosure = z.object({ day: IsoDate, name: DayName });
export type CreateClosure = z.infer<typeof CreateClosure>;

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export type YearQuery = z.infer<typeof YearQuery>;

export const MppParams = z.object({ mppId: z.uuid() });
export const NationalDayParams = z.object({ dayId: z.uuid() });
export const ClosureParams = z.object({ mppId: z.uuid(), dayId: z.uuid() });

export const DueQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  days: z.coerce.number().int().min(1).max(365),
});
export type DueQuery = z.infer<typeof DueQuery>;

export const DueAnswer = z.object({
  from: z.string(),
  days: z.number().int(),
  timezone: z.string(),
  dueDate: z.string().describe('Local date of the last working day'),
  dueAt: z.string().describe('End of that local day as a UTC instant'),
});
export type DueAnswer = z.infer<typeof DueAnswer>;
