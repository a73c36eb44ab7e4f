import nodemailer from 'nodemailer';
import type { EmailMessage, EmailSender } from './ports.js';

/** Sends email through the SMTP server of SMTP_URL (smtp:// or smtps://user:pass@host:port). */
export function smtpSender(url: string, from: string): EmailSender {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(m: EmailMessage) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments });
    },
  };
}
