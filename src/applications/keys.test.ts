import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../platform/config.js';
import { loadApplicationKeys, open, seal } from './keys.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'layan-wallet-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the wallet key', () => {
  it('is read from WALLET_KEY or WALLET_KEY_FILE, never both, and refused when malformed', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ WALLET_KEY: hex, DATA_DIR: dir }).walletKey).toBe(hex);
    const file = path.join(dir, 'mounted.key');
    writeFileSync(file, `${Buffer.alloc(32, 7).toString('base64')}\n`);
    expect(loadConfig({ WALLET_KEY_FILE: file, DATA_DIR: dir }).walletKey).toBe(Buffer.alloc(32, 7).toString('base64'));
    expect(() => loadConfig({ WALLET_KEY: hex, WALLET_KEY_FILE: file })).toThrow(ConfigError);
    expect(() => loadConfig({ WALLET_KEY: 'too-short' })).toThrow(/WALLET_KEY/);
    expect(() => loadConfig({ WALLET_KEY_FILE: path.join(dir, 'missing.key') })).toThrow(/WALLET_KEY_FILE cannot be read/);
  });

  it('without configuration, is generated once in DATA_DIR (mode 0600) and kept across starts', () => {
    const data = path.join(dir, 'data');
    const first = loadApplicationKeys({ walletKey: undefined, dataDir: data });
    const again = loadApplicationKeys({ walletKey: undefined, dataDir: data });
    expect(first.documents.equals(again.documents)).toBe(true);
    expect(statSync(path.join(data, 'wallet.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(data, 'wallet.key'), 'utf8')).not.toBe('');
  });

  it('opens a document only with the same key, for the same row, unaltered', () => {
    const a = loadApplicationKeys({ walletKey: 'ab'.repeat(32), dataDir: dir });
    const b = loadApplicationKeys({ walletKey: 'cd'.repeat(32), dataDir: dir });
    const content = Buffer.from('%PDF-1.4 isi rahasia');
    const sealed = seal(a, 'doc-1', content);
    expect(sealed.ciphertext.includes(Buffer.from('rahasia'))).toBe(false);
    expect(open(a, 'doc-1', sealed).equals(content)).toBe(true);
    expect(() => open(b, 'doc-1', sealed)).toThrow();
    expect(() => open(a, 'doc-2', sealed)).toThrow();
    const tampered = { ...sealed, ciphertext: Buffer.from(sealed.ciphertext) };
    tampered.ciphertext[0]! ^= 1;
    expect(() => open(a, 'doc-1', tampered)).toThrow();
  });
});
