import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from './support/app.js';
import { seedQueueWorld, type QueueWorld } from '../src/queue/fixtures.test-helpers.js';

// An MPP that is set up but not published: the public (anonymous callers) must find it exactly as
// unknown as an MPP that does not exist (problem+json 404, Bahasa Indonesia, nothing written), while its
// kiosk and staff keep working, since an MPP is tried out before it is published.
const clock = fakeClock('2026-11-20T02:00:00Z');
let t: TestApp;
let w: QueueWorld;
const complaint = { class: 'pengaduan', subjectType: 'mpp', description: 'Antrean tidak bergerak sejak pagi.' };

const counts = async () => {
  const { rows } = await t.db.query<{ tickets: number; complaints: number }>(
    'SELECT (SELECT count(*) FROM tickets WHERE mpp_id = $1)::int AS tickets, (SELECT count(*) FROM complaints WHERE mpp_id = $1)::int AS complaints',
    [w.mppId],
  );
  return rows[0]!;
};

/** The answer for an MPP nobody has heard of, to compare the unpublished MPP's answer with. */
async function unknownAnswer(method: 'GET' | 'POST', path: (mppId: string) => string, payload?: object) {
  const res = await t.app.inject({ method, url: path(randomUUID()), payload, headers: { 'accept-language': 'id' } });
  return { status: res.statusCode, type: res.headers['content-type'], body: res.json() };
}

async function expectLikeUnknown(method: 'GET' | 'POST', path: (mppId: string) => string, payload?: object) {
  const res = await t.app.inject({ method, url: path(w.mppId), payload, headers: { 'accept-language': 'id' } });
  const unknown = await unknownAnswer(method, path, payload);
  expect(res.statusCode).toBe(404);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body.code).toBe('not_found');
  expect(JSON.stringify(body)).toContain('Data tidak ditemukan.');
  expect(body.title).toBe(unknown.body.title);
  expect(body.detail ?? null).toBe(unknown.body.detail ?? null);
  expect(unknown.status).toBe(404);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
  await t.db.query('UPDATE mpps SET published = false WHERE id = $1', [w.mppId]);
});
afterAll(() => t.close());

describe('an unpublished MPP', () => {
  it('is not found by the public online ticket offer and issue; nothing is written', async () => {
    await expectLikeUnknown('GET', (id) => `/api/mpps/${id}/queue/offer`);
    await expectLikeUnknown('POST', (id) => `/api/mpps/${id}/queue/online-tickets`, { serviceId: w.services.ktp });
    expect((await counts()).tickets).toBe(0);
  });

  it('is not found by the public complaint form and filing; nothing is written', async () => {
    await expectLikeUnknown('GET', (id) => `/api/complaints/options/${id}`);
    const { rows } = await t.db.query<{ slug: string }>('SELECT slug FROM mpps WHERE id = $1', [w.mppId]);
    await expectLikeUnknown('GET', () => `/api/complaints/options/${rows[0]!.slug}`);
    await expectLikeUnknown('POST', (id) => `/api/mpps/${id}/complaints`, complaint);
    expect((await counts()).complaints).toBe(0);
  });

  it('is not offered for booking and its booking pages are not found', async () => {
    const mpps = (await t.app.inject({ method: 'GET', url: '/api/booking/mpps' })).json() as { id: string }[];
    expect(mpps.map((m) => m.id)).not.toContain(w.mppId);
    await expectLikeUnknown('GET', (id) => `/api/mpps/${id}/booking/services`);
    await expectLikeUnknown('GET', (id) => `/api/mpps/${id}/booking/services/${w.services.ktp}/availability`);
  });

  it('still serves its kiosk: offer, ticket, complaint form and filing', async () => {
    const offer = await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/offer`, headers: w.kiosk.headers });
    expect(offer.statusCode).toBe(200);
    expect(offer.json().services.length).toBe(3);
    const ticket = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/tickets`, headers: w.kiosk.headers, payload: { serviceId: w.services.ktp } });
    expect(ticket.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: `/api/complaints/options/${w.mppId}`, headers: w.kiosk.headers })).statusCode).toBe(200);
    const filed = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/complaints`, headers: w.kiosk.headers, payload: complaint });
    expect(filed.statusCode).toBe(201);
    const { rows } = await t.db.query<{ channel: string }>('SELECT channel FROM complaints WHERE mpp_id = $1', [w.mppId]);
    expect(rows.map((r) => r.channel)).toEqual(['kiosk']);
    expect((await counts()).tickets).toBe(1);
  });

  it('still serves its staff, who may try the online ticket before publishing', async () => {
    const online = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/online-tickets`, headers: w.admin.headers, payload: { serviceId: w.services.kk } });
    expect(online.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/offer`, headers: w.officer.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/booking/services`, headers: w.admin.headers })).statusCode).toBe(200);
  });

  it('is served to the public again once published', async () => {
    await t.db.query('UPDATE mpps SET published = true WHERE id = $1', [w.mppId]);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/offer` })).statusCode).toBe(200);
    const online = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/online-tickets`, payload: { serviceId: w.services.ktp } });
    expect(online.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/complaints`, payload: complaint })).statusCode).toBe(201);
  });
});
