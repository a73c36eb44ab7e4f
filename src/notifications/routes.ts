import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http.js';
import { FakeOutbox } from './fake.js';
import { EMAIL_TOPIC, TEXT_TOPIC } from './notify.js';
import type { EmailMessage, EmailSender, TextMessage, TextSender } from './ports.js';
import { smtpSender } from './smtp.js';
import { webhookTextSender } from './webhook.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-memory sender used for channels that are not configured (demo, tests). */
    fakeOutbox: FakeOutbox;
  }
}

/**
 * Registers the outbox handlers that deliver notifications. No HTTP routes: the adapters are chosen
 * from the configuration (SMTP_URL, SMS_WEBHOOK_URL); an unset one falls back to the logging fake.
 */
export async function notificationRoutes(app: App, ctx: AppContext): Promise<void> {
  const fake = new FakeOutbox(ctx.log);
  app.decorate('fakeOutbox', fake);
  const email: EmailSender = ctx.config.smtpUrl ? smtpSender(ctx.config.smtpUrl, ctx.config.smtpFrom) : fake;
  const text: TextSender = ctx.config.smsWebhookUrl ? webhookTextSender(ctx.config.smsWebhookUrl, ctx.config.smsWebhookSecret!) : fake;
  ctx.outbox.on(EMAIL_TOPIC, (m) => email.send(m.payload as EmailMessage));
  ctx.outbox.on(TEXT_TOPIC, (m) => text.send(m.payload as TextMessage));
}
