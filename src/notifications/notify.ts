import type { Queryable } from '../platform/db.js';
import { enqueue } from '../platform/outbox.js';
import type { EmailMessage, TextMessage } from './ports.js';

export const EMAIL_TOPIC = 'notify.email';
export const TEXT_TOPIC = 'notify.text';

/**
 * Queues a message to a person in the caller's transaction: one outbox row per channel, so a
 * failing SMS gateway never makes the email go out twice. Delivered by the outbox worker.
 */
export async function notify(
  tx: Queryable,
  mppId: string | null,
  to: { email?: string | null; phone?: string | null },
  message: { subject: string; text: string; shortText: string; attachments?: EmailMessage['attachments'] },
): Promise<void> {
  if (to.email) {
    const email: EmailMessage = { to: to.email, subject: message.subject, text: message.text, ...(message.attachments ? { attachments: message.attachments } : {}) };
    await enqueue(tx, EMAIL_TOPIC, email, mppId);
  }
  if (to.phone) {
    const text: TextMessage = { to: to.phone, text: message.shortText };
    await enqueue(tx, TEXT_TOPIC, text, mppId);
  }
}
