import type { TestApp } from '../../test/support/app.js';

let n = 0;
/** A different client address per filing, so the per-IP burst limit does not get in a test's way. */
export const nextIp = () => `10.77.${Math.floor(++n / 250)}.${(n % 250) + 1}`;

export const sample = (over: Record<string, unknown> = {}) => ({
  class: 'pengaduan',
  subjectType: 'mpp',
  description: 'Antrean loket Dukcapil sangat lama dan tidak ada petugas informasi.',
  ...over,
});

/** Files a complaint as the public site does (anonymous JSON) and returns the API answer. */
export async function fileJson(t: TestApp, mppId: string, body: Record<string, unknown> = sample(), headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/mpps/${mppId}/complaints`, payload: body, headers, remoteAddress: nextIp() });
}

/** Files one complaint and returns its id and tracking code (looked up as a handler would). */
export async function fileAndFind(t: TestApp, mppId: string, body: Record<string, unknown> = sample()): Promise<{ id: string; code: string }> {
  const res = await fileJson(t, mppId, body);
  if (res.statusCode !== 201) throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  const code = res.json().trackingCode as string;
  const { rows } = await t.db.query<{ id: string }>('SELECT id FROM complaints WHERE tracking_code = $1', [code.replace(/-/g, '')]);
  return { id: rows[0]!.id, code };
}

/** A multipart/form-data body built by hand, so the test controls every byte. */
export function multipart(fields: Record<string, string>, files: { name: string; type: string; content: Buffer }[] = []) {
  const boundary = `----layan${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    chunks.push(f.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// Smallest real files of each kind: the magic bytes are what the server checks.
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
