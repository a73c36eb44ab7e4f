import type { Config } from '../platform/config.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http.js';
import type { OutboxWorker } from '../platform/outbox-worker.js';
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
  registerNotificationHandlers(ctx.outbox, ctx.config, fake);
}

/** Chooses the adapters from the configuration and registers the outbox handlers on a worker. */
export function registerNotificationHandlers(worker: OutboxWorker, config: Pick<Config, 'smtpUrl' | 'smtpFrom' | 'smsWebhookUrl' | 'smsWebhookSecret'>, fake: FakeOutbox): void {
  const email: EmailSender = config.smtpUrl ? smtpSender(config.smtpUrl, config.smtpFrom) : fake;
  const text: TextSender = config.smsWebhookUrl ? webhookTextSender(config.smsWebhookUrl, config.smsWebhookSecret!) : fake;
  worker.on(EMAIL_TOPIC, (m) => email.send(m.payload as EmailMessage));
  worker.on(TEXT_TOPIC, (m) => text.send(m.payload as TextMessage));
}
