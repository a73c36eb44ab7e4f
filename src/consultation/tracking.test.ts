import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER } from '../citizen/routes.js';

/**
 * The public tracking of a consultation by its code (issue 15 item 5, "tracked like a complaint"):
 * state, agency, service, dates and the answer once given; never who asked, their contacts, the
 * attachment or the meeting link. Monday 23 November 2026, 09:00 WIB.
 */
const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let mppId: string;
let serviceId: string;
let officer: Caller;
let citizen: Caller;
const PHONE = '+6281234579333';
const PDF = Buffer.from('%PDF-1.4\nLAMPIRAN PRIBADI\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp({ clock });
  const mpp = await seedMpp(t.db);
  mppId = mpp.mppId;
  serviceId = (await t.db.query<{ id: string }>(
    "INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, 'PBG', 'Persetujuan Bangunan Gedung', 'B') RETURNING id", [mppId, mpp.tenantId],
  )).rows[0]!.id;
  officer = await staffCaller(t, 'officer', { mppId, tenantId: mpp.tenantId });
  await t.app.inject({ method: 'POST', url: '/api/citizen/codes', payload: { destination: PHONE }, remoteAddress: '10.9.3.1' });
  while ((await t.ctx.outbox.runOnce()) > 0);
  const sms = t.app.fakeOutbox.sent.filter((s) => s.to === PHONE).at(-1)!.text;
  const res = await t.app.inject({ method: 'POST', url: '/api/citizen/session', payload: { destination: PHONE, code: /\b(\d{6})\b/.exec(sms)![1] }, remoteAddress: '10.9.3.1' });
  citizen = { headers: { cookie: `${CITIZEN_COOKIE}=${res.cookies.find((c) => c.name === CITIZEN_COOKIE)!.value}`, [CITIZEN_CSRF_HEADER]: res.json().csrfToken } };
});
afterAll(() => t.close());

const track = (code: string) => t.app.inject({ method: 'GET', url: `/api/consultations/track/${encodeURIComponent(code)}` });

it('shows the state before and after the answer, and nothing private', async () => {
  const asked = (await t.app.inject({
    method: 'POST', url: '/api/citizen/me/consultations', headers: citizen.headers,
    payload: { mppId, serviceId, question: 'Apakah gambar bangunan boleh dikirim dalam PDF?', attachment: { fileName: 'rahasia-saya.pdf', contentBase64: PDF.toString('base64') } },
  })).json();

  // Anyone with the code, without signing in; typed in lower case without dashes also works.
  const before = await track(asked.trackingCode.replace(/-/g, '').toLowerCase());
  expect(before.statusCode).toBe(200);
  expect(before.json()).toEqual({
    trackingCode: asked.trackingCode, kind: 'question', mppName: expect.any(String), timezone: 'Asia/Jakarta', tenantName: 'Dukcapil',
    serviceName: 'Persetujuan Bangunan Gedung', question: 'Apakah gambar bangunan boleh dikirim dalam PDF?', status: 'submitted',
    // Three working days from Monday: the end of Thursday in WIB.
    submittedAt: '2026-11-23T02:00:00.000Z', dueAt: '2026-11-26T16:59:59.999Z', overdue: false, answer: null, answeredAt: null,
    history: [{ at: '2026-11-23T02:00:00.000Z', status: 'submitted' }],
  });
  const raw = before.body;
  for (const secret of [PHONE, '81234579333', 'rahasia-saya', asked.id, 'attachment', 'meetingUrl', 'citizen', 'contact']) expect(raw).not.toContain(secret);

  clock.advance(60 * 60 * 1000);
  const answered = await t.app.inject({ method: 'POST', url: `/api/mpps/${mppId}/consultations/${asked.id}/actions/answer`, headers: officer.headers, payload: { answer: 'Boleh, unggah PDF gambar arsitektur.' } });
  expect(answered.statusCode).toBe(200);
  const after = (await track(asked.trackingCode)).json();
  expect(after).toMatchObject({ status: 'answered', answer: 'Boleh, unggah PDF gambar arsitektur.', answeredAt: '2026-11-23T03:00:00.000Z', overdue: false });
  expect(after.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'answered']);
  expect(JSON.stringify(after)).not.toContain(PHONE);
});

it('answers an unknown or malformed code with a 404 problem in Bahasa Indonesia', async () => {
  for (const code of ['ACDE-FGHJ-KMNP', 'bukan kode']) {
    const res = await track(code);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'consultation_code_unknown', title: 'Kode konsultasi tidak dikenal. Periksa kembali kode dari SMS/email Anda.' });
  }
});
