import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedMpp, staffCaller, type SeededMpp, type TestApp } from './support/app.js';

// Bad input at the HTTP edge gets problem+json in Bahasa Indonesia, never a 500 (issue 18, item 10).
let t: TestApp;
let mpp: SeededMpp;
let port = 0;

/** Sends raw bytes and returns the status, headers and body of the answer. */
function raw(request: string | Buffer): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (data += d));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head: head.toLowerCase(), body });
    });
    socket.end(request);
  });
}

const expectProblem = (res: { status: number; head: string; body: string }, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.head).toContain('content-type: application/problem+json');
  const body = JSON.parse(res.body);
  expect(body).toMatchObject({ status, code });
  expect(typeof body.title).toBe('string');
  return body as { title: string };
};

beforeAll(async () => {
  t = await createTestApp();
  mpp = await seedMpp(t.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
});
afterAll(() => t.close());

const post = (url: string, body: string, contentType = 'application/json') =>
  `POST ${url} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('HTTP edge cases', () => {
  it('a body over the limit: 413', async () => {
    const big = JSON.stringify({ email: 'a@b.id', password: 'x'.repeat(2 * 1024 * 1024) });
    const body = expectProblem(await raw(post('/api/auth/login', big)), 413, 'payload_too_large');
    expect(body.title).toBe('Data yang dikirim terlalu besar.');
  });

  it('malformed or empty JSON: 400', async () => {
    expect(expectProblem(await raw(post('/api/auth/login', '{"email": "a@b.id",')), 400, 'malformed_json').title).toMatch(/^Format JSON tidak valid/);
    expectProblem(await raw(post('/api/auth/login', '')), 400, 'malformed_json');
  });

  it('a content type the API does not take: 415 (plain text is read, then refused by the schema)', async () => {
    expectProblem(await raw(post('/api/auth/login', 'email=a@b.id', 'text/plain')), 400, 'validation_failed');
    expectProblem(await raw(post('/api/auth/login', '<a/>', 'application/xml')), 415, 'unsupported_media_type');
    expectProblem(await raw(post('/api/auth/login', 'email=a@b.id', 'application/x-www-form-urlencoded')), 415, 'unsupported_media_type');
  });

  it('a NUL character in text: 400 naming the field, nothing stored', async () => {
    const search = await t.app.inject({ method: 'GET', url: '/api/public/search?q=ktp%00el' });
    expect(search.statusCode).toBe(400);
    expect(search.json().errors[0].message).toContain('NUL');
    const filing = await t.app.inject({
      method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints`,
      payload: { class: 'pengaduan', subjectType: 'facility', description: 'Antrean macet\u0000 sejak pagi di lantai dua.', contactName: 'Warga' },
    });
    expect(filing.statusCode).toBe(400);
    expect(filing.json().errors).toEqual([expect.objectContaining({ path: 'body.description' })]);
    expect(filing.headers['content-type']).toContain('application/problem+json');
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints WHERE mpp_id = $1', [mpp.mppId]);
    expect(rows[0]!.n).toBe(0);
  });

  it('malformed multipart: 4xx problem, not 500', async () => {
    const res = await raw(post(`/api/mpps/${mpp.mppId}/complaints`, '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nAntre', 'multipart/form-data; boundary=xyz'));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.head).toContain('application/problem+json');
    const noBoundary = await raw(post(`/api/mpps/${mpp.mppId}/complaints`, 'whatever', 'multipart/form-data'));
    expect(noBoundary.status).toBeLessThan(500);
    expect(noBoundary.head).toContain('application/problem+json');
  });

  it('data PostgreSQL refuses is the request’s fault: a device for an MPP that does not exist is 404, not 500', async () => {
    const admin = await staffCaller(t, 'national_admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/mpps/36f2e51e-210b-4e55-b2f1-73083cb3ac32/devices', headers: admin.headers, payload: { kind: 'display', name: 'Layar' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title).toBe('Data tidak ditemukan.');
  });

  it('headers over the size limit: 431', async () => {
    const res = await raw(`GET /api/ping HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`);
    expect(expectProblem(res, 431, 'headers_too_large').title).toBe('Header permintaan terlalu besar.');
  });

  it('a malformed request line: 400', async () => {
    expectProblem(await raw('GARBAGE\r\n\r\n'), 400, 'bad_request');
  });

  it('a path parameter over the router limit: 414; a broken %-escape: 400', async () => {
    expectProblem(await raw(`GET /api/queue/status/${'a'.repeat(300)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), 414, 'uri_too_long');
    expectProblem(await raw(`GET /api/queue/status/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), 400, 'bad_request');
  });
});
