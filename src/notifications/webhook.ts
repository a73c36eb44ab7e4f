import { createHmac } from 'node:crypto';
import type { TextMessage, TextSender } from './ports.js';

export const SIGNATURE_HEADER = 'x-layan-signature';
export const TIMESTAMP_HEADER = 'x-layan-timestamp';

/** The signature a receiver recomputes: hex HMAC-SHA256 of "<timestamp>.<body>" under the shared secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * A generic SMS/WhatsApp gateway: POSTs {to, text} as JSON to SMS_WEBHOOK_URL, signed with
 * SMS_WEBHOOK_SECRET so the gateway can refuse forgeries and replays (the timestamp is signed too).
 * Any answer but 2xx, or no answer within 10 s, is a failure the outbox retries.
 */
export function webhookTextSender(url: string, secret: string, now: () => Date = () => new Date()): TextSender {
  return {
    kind: 'webhook',
    async send(m: TextMessage) {
      const body = JSON.stringify({ to: m.to, text: m.text });
      const timestamp = String(Math.floor(now().getTime() / 1000));
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
