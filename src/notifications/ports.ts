/** An email to send; `attachments` carry e.g. an iCalendar invitation. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** A short text to a phone (SMS or WhatsApp, as the gateway decides). Numbers are E.164 (+62...). */
export interface TextMessage {
  to: string;
  text: string;
}

/** Port for email; adapters: SMTP (nodemailer) and an in-memory fake. Throws when delivery fails. */
export interface EmailSender {
  readonly kind: string;
  send(message: EmailMessage): Promise<void>;
}

/** Port for SMS/WhatsApp; adapters: a signed HTTP webhook and an in-memory fake. Throws when delivery fails. */
export interface TextSender {
  readonly kind: string;
  send(message: TextMessage): Promise<void>;
}
