import webpush from 'web-push';
import type { Db } from '../platform/db.js';
import * as repo from './repository.js';

/** What a push carries to the service worker: short text and the page to open on a tap. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  /** Groups messages of one thing (a ticket, a complaint) so a newer one replaces the older. */
  tag: string;
}

export interface PushMessage {
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  payload: PushPayload;
  /** Seconds the push service may hold the message for an offline phone. */
  ttl: number;
}

/** Port for Web Push; the adapter below speaks the Web Push protocol to the browser's push service. */
export interface PushSender {
  readonly kind: string;
  /** @returns 'gone' when the push service says the subscription no longer exists. @throws on other failures. */
  send(message: PushMessage): Promise<'sent' | 'gone'>;
}

export interface VapidDetails {
  subject: string;
  publicKey: string;
  privateKey: string;
}

/**
 * The installation's VAPID key pair: generated at the first start and kept in the database, so
 * browsers subscribed once keep working after restarts and across app nodes.
 */
export async function loadVapidKeys(db: Db, now: Date): Promise<{ publicKey: string; privateKey: string }> {
  return repo.ensureVapidKeys(db, webpush.generateVAPIDKeys(), now);
}

/** A mailto: or https: contact for the push services, from the configuration. */
export function vapidSubject(config: { publicUrl?: string; smtpFrom: string }): string {
  if (config.publicUrl?.startsWith('https://')) return config.publicUrl;
  const email = /<([^>]+)>/.exec(config.smtpFrom)?.[1] ?? (config.smtpFrom.includes('@') ? config.smtpFrom.trim() : 'no-reply@layan.invalid');
  return `mailto:${email}`;
}

/**
 * Web Push with the `web-push` library: it encrypts the payload (RFC 8291, aes128gcm) and signs the
 * VAPID authorization (RFC 8292); the request is sent with fetch so that any http(s) push service
 * works, including the local one of the tests.
 */
export function webPushSender(vapid: VapidDetails, timeoutMs = 10_000): PushSender {
  return {
    kind: 'web-push',
    async send(m) {
      const details = webpush.generateRequestDetails(m.subscription, JSON.stringify(m.payload), {
        vapidDetails: vapid,
        TTL: m.ttl,
        contentEncoding: 'aes128gcm',
        urgency: 'high',
        topic: m.payload.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || undefined,
      });
      const res = await fetch(details.endpoint, {
        method: details.method,
        headers: details.headers as Record<string, string>,
        body: details.body ? new Uint8Array(details.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (res.status === 404 || res.status === 410) return 'gone';
      if (!res.ok) throw new Error(`push service answered ${res.status}`);
      return 'sent';
    },
  };
}
