import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../platform/config.js';

/** The keys of this domain, derived from one 32-byte master key kept outside the database. */
export interface ApplicationKeys {
  /** AES-256-GCM key of wallet documents. */
  documents: Buffer;
  /** HMAC key of applicants' NIK hashes (checked at the pickup kiosk). */
  nik: Buffer;
  /** HMAC key of kiosk pickup one-time codes. */
  codes: Buffer;
}

const derive = (master: Buffer, purpose: string) => createHmac('sha256', master).update(`layan-applications:${purpose}`).digest();

function decodeKey(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

/**
 * The master key: WALLET_KEY (or WALLET_KEY_FILE) when set; otherwise `DATA_DIR/wallet.key`, written
 * once with a random key (mode 0600). Either way the key never enters the database, so a copy of the
 * database alone reveals no document.
 */
export function loadApplicationKeys(config: Pick<Config, 'walletKey' | 'dataDir'>): ApplicationKeys {
  let master: Buffer;
  if (config.walletKey) master = decodeKey(config.walletKey);
  else {
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
  return { documents: derive(master, 'documents'), nik: derive(master, 'nik'), codes: derive(master, 'codes') };
}

export function nikHash(keys: ApplicationKeys, nik: string): string {
  return createHmac('sha256', keys.nik).update(nik).digest('base64url');
}

export function codeHash(keys: ApplicationKeys, applicationId: string, code: string): string {
  return createHmac('sha256', keys.codes).update(`${applicationId}:${code}`).digest('base64url');
}

export interface Sealed {
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
}

/** Encrypts a document; the document id is bound as associated data so ciphertexts cannot be swapped between rows. */
export function seal(keys: ApplicationKeys, documentId: string, content: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.documents, iv);
  cipher.setAAD(Buffer.from(documentId));
  const ciphertext = Buffer.concat([cipher.update(content), cipher.final()]);
  return { iv, authTag: cipher.getAuthTag(), ciphertext };
}

/** @throws Error when the key is wrong or the ciphertext was altered. */
export function open(keys: ApplicationKeys, documentId: string, s: Sealed): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', keys.documents, s.iv);
  decipher.setAAD(Buffer.from(documentId));
  decipher.setAuthTag(s.authTag);
  return Buffer.concat([decipher.update(s.ciphertext), decipher.final()]);
}
