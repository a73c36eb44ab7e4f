import type { FastifyBaseLogger } from 'fastify';
import type { EmailMessage, EmailSender, TextMessage, TextSender } from './ports.js';

/**
 * Keeps messages in memory and logs them: used when SMTP_URL / SMS_WEBHOOK_URL are unset (demo,
 * development) and in tests. The log line carries the text so a demo operator can read it.
 */
export class FakeOutbox implements EmailSender, TextSender {
  readonly kind = 'fake';
  readonly sent: ({ channel: 'email' } & EmailMessage | { channel: 'text' } & TextMessage)[] = [];
  constructor(private readonly log?: FastifyBaseLogger) {}

  async send(m: EmailMessage | TextMessage): Promise<void> {
    if ('subject' in m) {
      this.sent.push({ channel: 'email', ...m });
      this.log?.info({ to: m.to, subject: m.subject, text: m.text }, 'email (not sent: SMTP_URL is unset)');
    } else {
      this.sent.push({ channel: 'text', ...m });
      this.log?.info({ to: m.to, text: m.text }, 'SMS (not sent: SMS_WEBHOOK_URL is unset)');
    }
  }
}
