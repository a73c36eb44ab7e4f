import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';

export const WEBHOOK_EVENT_KINDS = ['ticket', 'booking', 'complaint', 'survey'] as const;

export const WebhookParams = z.object({ mppId: z.uuid(), webhookId: z.uuid() });
export const DeliveryParams = WebhookParams.extend({ deliveryId: z.uuid() });

export const CreateWebhook = z.object({
  url: z
    .string()
    .max(500)
    .regex(/^https?:\/\/[^\s/]+/, bilingual('Alamat harus diawali http:// atau https://.', 'The address must start with http:// or https://.'))
    // The pattern lets through hosts a URL cannot have ("http://a<b"); those would fail later, in the address check.
    .refine((u) => URL.canParse(u), bilingual('Alamat bukan URL yang sah.', 'The address is not a valid URL.')),
  description: z.string().max(200).default(''),
  events: z.array(z.enum(WEBHOOK_EVENT_KINDS)).min(1, bilingual('Pilih paling sedikit satu jenis peristiwa.', 'Choose at least one kind of event.')),
});
export type CreateWebhook = z.infer<typeof CreateWebhook>;

export const Webhook = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_KINDS)),
  active: z.boolean(),
  createdAt: z.string(),
  delivered: z.number().int(),
  pending: z.number().int(),
  failed: z.number().int(),
});
export type Webhook = z.infer<typeof Webhook>;

export const CreatedWebhook = Webhook.extend({
  secret: z.string().describe('HMAC-SHA256 key, shown only now: X-Layan-Signature = "t=<unix seconds>,v1=<hex HMAC of `<t>.<body>`>"'),
});

export const Delivery = z.object({
  id: z.uuid(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  replayOf: z.uuid().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  payload: z.unknown(),
});
export type Delivery = z.infer<typeof Delivery>;
