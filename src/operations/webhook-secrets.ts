import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../platform/config.js';

/**
 * Webhook signing secrets are kept encrypted (AES-256-GCM): every delivery is signed with the secret,
 * so it must be readable by the server, but a copy of the database alone must not let anyone forge
 * Layan's signatures. The key is derived from the server's master key, the same one the document
 * wallet uses (WALLET_KEY / WALLET_KEY_FILE, else DATA_DIR/wallet.key), so an operator keeps one
 * secret outside the database; several nodes on one database need the same WALLET_KEY.
 */
export type WebhookKey = Buffer & { readonly __webhookKey: true };

function decodeKey(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

/** @throws Error when the master key is not 32 bytes or its file cannot be written or read. */
export function loadWebhookKey(config: Pick<Config, 'walletKey' | 'dataDir'>): WebhookKey {
  let master: Buffer;
  if (config.walletKey) master = decodeKey(config.walletKey);
  else {
    // The same file, written the same way, as src/applications/keys.ts: whichever starts first creates it.
    const file = path.join(config.dataDir, 'wallet.key');
    mkdirSync(config.dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    master = decodeKey(readFileSync(file, 'utf8').trim());
  }
  if (master.length !== 32) throw new Error('WALLET_KEY must be 32 bytes');
  return createHmac('sha256', master).update('layan-operations:webhook-secrets').digest() as WebhookKey;
}

/** The subscription a secret belongs to, bound as associated data so a sealed secret cannot be moved to another row. */
interface Owner {
  mppId: string;
  subscriptionId: string;
}
const aad = (o: Owner) => Buffer.from(`webhook:${o.mppId}:${o.subscriptionId}`);

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function sealSecret(key: WebhookKey, owner: Owner, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(owner));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** @throws Error when the key is wrong, the text was altered or it belongs to another subscription. */
export function openSecret(key: WebhookKey, owner: Owner, sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad(owner));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
