// http_ece ships no types; only what the Web Push test uses.
declare module 'http_ece' {
  import type { ECDH } from 'node:crypto';
  export function decrypt(buffer: Buffer, params: { version: 'aes128gcm' | 'aesgcm'; privateKey?: ECDH; authSecret?: string; dh?: string }): Buffer;
  const ece: { decrypt: typeof decrypt };
  export default ece;
}
