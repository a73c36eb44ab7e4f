import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';

export const Lang = z.enum(['id', 'en']);
export type Lang = z.infer<typeof Lang>;

export type ContactKind = 'phone' | 'email';
export interface Destination {
  kind: ContactKind;
  value: string;
}

/** Indonesian mobile numbers in any usual writing (08.., 628.., +628..) become +628... */
export function normalizePhone(raw: string): string | undefined {
  const v = raw.trim().replace(/[\s.()-]/g, '');
  const e164 = v.startsWith('+62') ? v : v.startsWith('62') ? `+${v}` : v.startsWith('0') ? `+62${v.slice(1)}` : v;
  return /^\+62[0-9]{8,13}$/.test(e164) ? e164 : undefined;
}

const emailCheck = z.email();

/** A phone number or an email address, as the citizen typed it, normalised. */
export function parseDestination(raw: string): Destination | undefined {
  const v = raw.trim();
  if (v.includes('@')) {
    const lower = v.toLowerCase();
    return lower.length <= 200 && emailCheck.safeParse(lower).success ? { kind: 'email', value: lower } : undefined;
  }
  const phone = normalizePhone(v);
  return phone ? { kind: 'phone', value: phone } : undefined;
}

const destinationField = z
  .string()
  .max(200)
  .transform((v, c) => {
    const d = parseDestination(v);
    if (!d) {
      c.addIssue({ code: 'custom', message: bilingual('Tulis nomor ponsel (mis. 081234567890) atau alamat email yang valid.', 'Give a valid mobile number (e.g. 081234567890) or email address.').error });
      return z.NEVER;
    }
    return d;
  });

export const CodeRequest = z.object({ destination: destinationField, lang: Lang.optional() });
export type CodeRequest = z.infer<typeof CodeRequest>;

export const CodeSent = z.object({
  /** Where the code went, partly hidden (what the citizen typed, so nothing new is revealed). */
  sentTo: z.string(),
  expiresInMinutes: z.number().int(),
});
export type CodeSent = z.infer<typeof CodeSent>;

export const SignInRequest = z.object({
  destination: destinationField,
  code: z.string().trim().regex(/^[0-9]{6}$/, bilingual('Kode terdiri dari 6 angka.', 'The code has 6 digits.')),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const CitizenContact = z.object({ kind: z.enum(['phone', 'email']), value: z.string(), verifiedAt: z.string() });
export const CitizenView = z.object({
  id: z.uuid(),
  lang: Lang,
  contacts: z.array(CitizenContact),
  csrfToken: z.string(),
});
export type CitizenView = z.infer<typeof CitizenView>;

/** A contact in a path: the value as the account lists it (E.164 phone or email), URL-encoded. */
export const ContactParams = z.object({ kind: z.enum(['phone', 'email']), value: z.string().min(5).max(200) });

export const UpdateCitizenRequest = z.object({ lang: Lang });

export const ItemKind = z.enum(['booking', 'ticket', 'complaint', 'survey']);
export const NextAction = z.enum(['attend', 'wait', 'go_to_counter', 'respond', 'fill_survey', 'none']);
export type NextAction = z.infer<typeof NextAction>;

/** One thing in "Layanan saya", with what it needs from the citizen next. */
export const MyItem = z.object({
  kind: ItemKind,
  id: z.string(),
  /** People-facing code: booking code, ticket number, tracking code. */
  reference: z.string(),
  title: z.string(),
  mppName: z.string(),
  timezone: z.string(),
  status: z.string(),
  /** The instant the item is about (slot start, issue time, filing time, service time). */
  at: z.string(),
  next: z.object({ action: NextAction, text: z.string() }),
  /** The page that acts on it (tracking, status, survey, manage booking). */
  link: z.string().nullable(),
  /** Live numbers for a waiting ticket. */
  peopleAhead: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  counter: z.string().nullable(),
  /** The public answer of a complaint. */
  answer: z.string().nullable(),
});
export type MyItem = z.infer<typeof MyItem>;
export const MyItems = z.object({ items: z.array(MyItem) });
export type MyItems = z.infer<typeof MyItems>;

export const PushSubscriptionInput = z.object({
  endpoint: z.url().max(1000).refine((u) => /^https?:\/\//.test(u), 'must be http(s)'),
  keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

export const FollowTicketRequest = z
  .object({
    phone: z
      .string()
      .max(40)
      .optional()
      .transform((v, c) => {
        if (v === undefined || v.trim() === '') return undefined;
        const p = normalizePhone(v);
        if (!p) {
          c.addIssue({ code: 'custom', message: bilingual('Nomor ponsel tidak valid; tulis seperti 081234567890.', 'Invalid mobile number; write it like 081234567890.').error });
          return z.NEVER;
        }
        return p;
      }),
    email: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v), z.email(bilingual('Alamat email tidak valid.', 'Invalid email address.')).max(200).optional()),
    push: PushSubscriptionInput.optional(),
    nearThreshold: z.number().int().min(1).max(20).default(3),
    lang: Lang.default('id'),
    consent: z.literal(true, bilingual('Centang persetujuan agar kami boleh mengirim pesan.', 'Tick the consent so we may send you messages.')),
  })
  .refine((b) => b.phone || b.email || b.push, { ...bilingual('Isi nomor ponsel, email, atau izinkan notifikasi.', 'Give a mobile number, an email, or allow notifications.'), path: ['phone'] });
export type FollowTicketRequest = z.infer<typeof FollowTicketRequest>;

export const FollowView = z.object({
  ticketNumber: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  push: z.boolean(),
  nearThreshold: z.number().int(),
  lang: Lang,
});
export type FollowView = z.infer<typeof FollowView>;

export const StatusTokenParams = z.object({ statusToken: z.string().min(10).max(100) });
export const VapidKey = z.object({ publicKey: z.string() });
