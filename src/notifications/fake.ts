import type { FastifyBaseLogger } from 'fastify';
import { redactText } from '../platform/redact.js';
import type { EmailMessage, EmailSender, TextMessage, TextSender } from './ports.js';

/**
 * Keeps messages in memory and logs them: used when SMTP_URL / SMS_WEBHOOK_URL are unset (demo,
 * development) and in tests. At info level the log names the masked recipient and the subject only:
 * bodies hold booking links, codes and personal data. LOG_LEVEL=debug adds the text (development).
 */
export class FakeOutbox implements EmailSender, TextSender {
  readonly kind = 'fake';
  readonly sent: ({ channel: 'email' } & EmailMessage | { channel: 'text' } & TextMessage)[] = [];
  constructor(private readonly log?: FastifyBaseLogger) {}

  async send(m: EmailMessage | TextMessage): Promise<void> {
    if ('subject' in m) {
      this.sent.push({ channel: 'email', ...m });
      this.log?.info({ to: redactText(m.to), subject: redactText(m.subject) }, 'email (not sent: SMTP_URL is unset)');
      this.log?.debug({ to: m.to, subject: m.subject, text: m.text }, 'email text (not sent)');
    } else {
      this.sent.push({ channel: 'text', ...m });
      this.log?.info({ to: redactText(m.to) }, 'SMS (not sent: SMS_WEBHOOK_URL is unset)');
      this.log?.debug({ to: m.to, text: m.text }, 'SMS text (not sent)');
    }
  }
}
