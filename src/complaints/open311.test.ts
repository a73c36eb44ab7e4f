import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedMpp, staffCaller, type Caller, type SeededMpp, type TestApp } from '../../test/support/app.js';
import { toXml } from './open311.js';

let t: TestApp;
let mpp: SeededMpp;
let admin: Caller;
let base: string;
let apiKey: string;
const slug = 'mpp-kota-contoh';

beforeAll(async () => {
  t = await createTestApp();
  mpp = await seedMpp(t.db, { slug, timezone: 'Asia/Makassar' });
  admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const key = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/open311-keys`, headers: admin.headers, payload: { name: 'Aplikasi kota' } });
  expect(key.statusCode).toBe(201);
  apiKey = key.json().key;
});
afterAll(() => t.close());

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('Open311 GeoReport v2 over HTTP', () => {
  it('round-trips a request: services, POST with an API key, GET by id and in the list, status follows the workflow', async () => {
    const services = await fetch(`${base}/open311/v2/services.json?jurisdiction_id=${slug}`);
    expect(services.status).toBe(200);
    const list = (await services.json()) as { service_code: string; metadata: boolean; type: string }[];
    expect(list.map((s) => s.service_code)).toEqual(['pengaduan', 'aspirasi', 'permintaan_informasi']);
    expect(list[0]).toMatchObject({ metadata: false, type: 'realtime' });

    const posted = await fetch(`${base}/open311/v2/requests.json`, form({
      jurisdiction_id: slug, api_key: apiKey, service_code: 'pengaduan', description: 'Parkir motor di depan MPP memungut biaya liar.',
      first_name: 'Andi', last_name: 'Wijaya', email: 'andi@example.id', lat: '-5.1477', long: '119.4327',
    }));
    expect(posted.status).toBe(201);
    const [created] = (await posted.json()) as { service_request_id: string; service_notice: string }[];
    expect(created!.service_notice).toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);

    const one = await fetch(`${base}/open311/v2/requests/${created!.service_request_id}.json?jurisdiction_id=${slug}`);
    expect(one.status).toBe(200);
    const [req] = (await one.json()) as Record<string, unknown>[];
    expect(req).toMatchObject({ service_request_id: created!.service_request_id, status: 'open', service_code: 'pengaduan', agency_responsible: `MPP ${slug}`, lat: -5.1477, long: 119.4327, description: null });
    expect(req!.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(req!.expected_datetime).toMatch(/T23:59:59\+08:00$/);
    expect(JSON.stringify(req)).not.toContain('andi@example.id');

    // The handler verifies, assigns and answers; GeoReport shows it closed with the answer as status_notes.
    const act = (a: string, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints/${created!.service_request_id}/actions/${a}`, headers: admin.headers, payload });
    expect((await act('verify', { track: 'simple' })).statusCode).toBe(200);
    expect((await act('assign', { tenantId: mpp.tenantId })).statusCode).toBe(200);
    const assigned = (await (await fetch(`${base}/open311/v2/requests/${created!.service_request_id}.json?jurisdiction_id=${slug}`)).json()) as Record<string, unknown>[];
    expect(assigned[0]!.agency_responsible).toBe('Dukcapil');
    expect((await act('answer', { answer: 'Juru parkir liar sudah ditertibkan bersama Dishub.' })).statusCode).toBe(200);

    // The answer goes to the partner system holding the jurisdiction's key, not to anyone who asks.
    const closed = await fetch(`${base}/open311/v2/requests.json?jurisdiction_id=${slug}&status=closed&api_key=${apiKey}`);
    const closedList = (await closed.json()) as Record<string, unknown>[];
    expect(closedList).toHaveLength(1);
    expect(closedList[0]).toMatchObject({ status: 'closed', status_notes: 'Juru parkir liar sudah ditertibkan bersama Dishub.' });
    const anyone = (await (await fetch(`${base}/open311/v2/requests.json?jurisdiction_id=${slug}&status=closed`)).json()) as Record<string, unknown>[];
    expect(anyone[0]).toMatchObject({ status: 'closed', status_notes: null });
    expect(JSON.stringify(anyone)).not.toContain('Juru parkir');
    const wrongKey = await fetch(`${base}/open311/v2/requests.json?jurisdiction_id=${slug}&api_key=not-a-key`);
    expect(wrongKey.status).toBe(403);
    const open = (await (await fetch(`${base}/open311/v2/requests.json?jurisdiction_id=${slug}&status=open`)).json()) as unknown[];
    expect(open).toHaveLength(0);
  });

  it('serves the XML variants', async () => {
    const res = await fetch(`${base}/open311/v2/services.xml?jurisdiction_id=${slug}`);
    expect(res.headers.get('content-type')).toContain('text/xml');
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>pengaduan<\/service_code>/);
    const posted = await fetch(`${base}/open311/v2/requests.xml`, form({ jurisdiction_id: slug, api_key: apiKey, service_code: 'aspirasi', description: 'Mohon tambah kursi <b>ruang tunggu</b> & kipas.' }));
    expect(posted.status).toBe(201);
    const body = await posted.text();
    const id = /<service_request_id>([^<]+)<\/service_request_id>/.exec(body)![1];
    const one = await (await fetch(`${base}/open311/v2/requests/${id}.xml?jurisdiction_id=${slug}`)).text();
    expect(one).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`);
  });

  it('answers errors in the GeoReport shape: missing key 403, wrong jurisdiction 404, bad input 400, unknown id 404', async () => {
    const noKey = await fetch(`${base}/open311/v2/requests.json`, form({ jurisdiction_id: slug, service_code: 'pengaduan', description: 'Tanpa kunci API sama sekali.' }));
    expect(noKey.status).toBe(403);
    expect(await noKey.json()).toEqual([{ code: 403, description: 'api_key is required to post a service request' }]);
    const badKey = await fetch(`${base}/open311/v2/requests.json`, form({ jurisdiction_id: slug, api_key: 'l311_salah', service_code: 'pengaduan', description: 'Kunci API yang salah.' }));
    expect(badKey.status).toBe(403);
    const other = await seedMpp(t.db, { slug: 'mpp-lain' });
    void other;
    const wrongJurisdiction = await fetch(`${base}/open311/v2/requests.json`, form({ jurisdiction_id: 'mpp-lain', api_key: apiKey, service_code: 'pengaduan', description: 'Kunci MPP lain tidak berlaku.' }));
    expect(wrongJurisdiction.status).toBe(403);
    const unknown = await fetch(`${base}/open311/v2/services.json?jurisdiction_id=tidak-ada`);
    expect(unknown.status).toBe(404);
    const short = await fetch(`${base}/open311/v2/requests.json`, form({ jurisdiction_id: slug, api_key: apiKey, service_code: 'pengaduan', description: 'pendek' }));
    expect(short.status).toBe(400);
    expect(((await short.json()) as { code: number }[])[0]!.code).toBe(400);
    const missingId = await fetch(`${base}/open311/v2/requests/00000000-0000-4000-8000-000000000000.xml?jurisdiction_id=${slug}`);
    expect(missingId.status).toBe(404);
    expect(await missingId.text()).toContain('<errors><error><code>404</code>');
  });

  it('stops accepting a revoked key', async () => {
    const key = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/open311-keys`, headers: admin.headers, payload: { name: 'Sementara' } });
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/mpps/${mpp.mppId}/open311-keys/${key.json().id}`, headers: admin.headers });
    expect(revoke.statusCode).toBe(200);
    const res = await fetch(`${base}/open311/v2/requests.json`, form({ jurisdiction_id: slug, api_key: key.json().key, service_code: 'pengaduan', description: 'Kunci sudah dicabut admin.' }));
    expect(res.status).toBe(403);
    const stored = await t.db.query<{ key_hash: string }>('SELECT key_hash FROM open311_api_keys WHERE id = $1', [key.json().id]);
    expect(stored.rows[0]!.key_hash).not.toContain(key.json().key);
  });
});

describe('GeoReport XML writer', () => {
  it('escapes markup in values, writes missing values as empty elements, and parses back to the same fields', () => {
    const rows = [
      { service_request_id: 'a-1', status_notes: 'Kursi <b>ruang tunggu</b> & kipas "baru"', lat: -7.4, media_url: null },
      { service_request_id: 'a-2', status_notes: 'Selesai', lat: 0, media_url: null },
    ];
    const text = toXml('service_requests', 'request', rows);
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><service_requests><request><service_request_id>a-1<\/service_request_id>/);
    expect(text).not.toContain('<b>');
    expect(text).toContain('<media_url/>');
    const parsed = new XMLParser({ parseTagValue: false }).parse(text) as { service_requests: { request: Record<string, string>[] } };
    expect(parsed.service_requests.request.map((r) => r.status_notes)).toEqual(['Kursi <b>ruang tunggu</b> & kipas "baru"', 'Selesai']);
    expect(parsed.service_requests.request[0]!.lat).toBe('-7.4');
    expect(toXml('errors', 'error', [])).toBe('<?xml version="1.0" encoding="utf-8"?><errors/>');
  });
});
