import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER } from '../citizen/routes.js';

/**
 * Consultation, issue 15 item 5 (the parts added after the first cut): each agency sets its answer
 * limit in working days, and publishes good answers as the service's FAQ on its public page.
 * Monday 23 November 2026, 09:00 WIB.
 */
const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let mpp: { mppId: string; tenantId: string; otherTenantId: string };
let serviceId: string;
let officer: Caller;
let tenantAdmin: Caller;
let otherOfficer: Caller;
let citizen: Caller;
const PHONE = '+6281234579301';
const PDF = Buffer.from('%PDF-1.4\nSURAT RAHASIA WARGA\n%%EOF\n');

async function deliver() {
  while ((await t.ctx.outbox.runOnce()) > 0);
}

async function citizenCaller(phone: string): Promise<Caller> {
  await t.app.inject({ method: 'POST', url: '/api/citizen/codes', payload: { destination: phone }, remoteAddress: '10.9.3.1' });
  await deliver();
  const code = /\b(\d{6})\b/.exec(t.app.fakeOutbox.sent.filter((s) => s.to === phone).at(-1)!.text)![1];
  const res = await t.app.inject({ method: 'POST', url: '/api/citizen/session', payload: { destination: phone, code }, remoteAddress: '10.9.3.1' });
  return { headers: { cookie: `${CITIZEN_COOKIE}=${res.cookies.find((c) => c.name === CITIZEN_COOKIE)!.value}`, [CITIZEN_CSRF_HEADER]: res.json().csrfToken } };
}

const ask = (payload: object) => t.app.inject({ method: 'POST', url: '/api/citizen/me/consultations', headers: citizen.headers, payload: { mppId: mpp.mppId, serviceId, ...payload } });
const settingsUrl = () => `/api/mpps/${mpp.mppId}/tenants/${mpp.tenantId}/consultation-settings`;
const faqUrl = (id: string) => `/api/mpps/${mpp.mppId}/consultations/${id}/faq`;
const publicFaq = () => t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/services/${serviceId}/faq` });

beforeAll(async () => {
  t = await createTestApp({ clock });
  mpp = await seedMpp(t.db);
  serviceId = (await t.db.query<{ id: string }>(
    "INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, 'PBG', 'Persetujuan Bangunan Gedung', 'B') RETURNING id", [mpp.mppId, mpp.tenantId],
  )).rows[0]!.id;
  officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
  tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId: mpp.mppId, tenantId: mpp.tenantId });
  otherOfficer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
  citizen = await citizenCaller(PHONE);
});
afterAll(() => t.close());

describe("the agency's answer limit", () => {
  it('is 3 working days until the agency admin sets one; new consultations are due after its own limit, across the weekend', async () => {
    expect((await t.app.inject({ method: 'GET', url: settingsUrl(), headers: officer.headers })).json()).toEqual({ answerWorkingDays: 3 });
    const before = (await ask({ question: 'Berapa lama PBG diproses sebelum batas diubah?' })).json();
    expect(before.dueAt).toBe('2026-11-26T16:59:59.999Z');

    // An officer cannot change it; out of range is refused in Bahasa Indonesia and nothing changes.
    expect((await t.app.inject({ method: 'PUT', url: settingsUrl(), headers: officer.headers, payload: { answerWorkingDays: 5 } })).statusCode).toBe(403);
    const tooMany = await t.app.inject({ method: 'PUT', url: settingsUrl(), headers: tenantAdmin.headers, payload: { answerWorkingDays: 31 } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(tooMany.json())).toContain('maksimal 30 hari kerja');
    const set = await t.app.inject({ method: 'PUT', url: settingsUrl(), headers: tenantAdmin.headers, payload: { answerWorkingDays: 5 } });
    expect(set.json()).toEqual({ answerWorkingDays: 5 });

    // Monday + 5 working days: Tuesday..Friday, then (past Saturday and Sunday) Monday 30 November, end of day WIB.
    const after = (await ask({ question: 'Berapa lama PBG diproses setelah batas diubah?' })).json();
    expect(after.dueAt).toBe('2026-11-30T16:59:59.999Z');
    // The consultation asked earlier keeps the due date it was given.
    const mine = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/consultations', headers: citizen.headers })).json() as { id: string; dueAt: string }[];
    expect(mine.find((c) => c.id === before.id)!.dueAt).toBe('2026-11-26T16:59:59.999Z');
    // Another agency's officer learns nothing of it.
    expect((await t.app.inject({ method: 'GET', url: settingsUrl(), headers: otherOfficer.headers })).statusCode).toBe(404);
  });
});

describe("the service's FAQ", () => {
  it('an officer publishes an answered question (reworded), the public page shows question and answer only, and unpublishes it', async () => {
    const c = (await ask({ question: 'Saya Budi Santoso (0812-3457-9301), apakah gambar PBG boleh PDF?', attachment: { fileName: 'budi-santoso.pdf', contentBase64: PDF.toString('base64') } })).json();
    // Not answered yet: cannot be published.
    const early = await t.app.inject({ method: 'PUT', url: faqUrl(c.id), headers: officer.headers, payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toBe('Hanya pertanyaan tertulis yang sudah dijawab yang dapat diterbitkan sebagai FAQ.');
    await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/consultations/${c.id}/actions/answer`, headers: officer.headers, payload: { answer: 'Boleh. Unggah PDF gambar arsitektur dan struktur.' } });

    // Another agency's officer cannot publish it.
    expect((await t.app.inject({ method: 'PUT', url: faqUrl(c.id), headers: otherOfficer.headers, payload: {} })).statusCode).toBe(404);
    const published = await t.app.inject({ method: 'PUT', url: faqUrl(c.id), headers: officer.headers, payload: { question: 'Apakah gambar PBG boleh dikirim dalam PDF?' } });
    expect(published.statusCode).toBe(200);
    expect(published.json().faq).toMatchObject({ question: 'Apakah gambar PBG boleh dikirim dalam PDF?' });

    const page = await publicFaq();
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual([{ id: c.id, question: 'Apakah gambar PBG boleh dikirim dalam PDF?', answer: 'Boleh. Unggah PDF gambar arsitektur dan struktur.', tenantName: 'Dukcapil', publishedAt: '2026-11-23T02:00:00.000Z' }]);
    // Nothing personal: not the name or phone the citizen wrote, their verified phone, the attachment, or the tracking code.
    const body = page.body;
    for (const secret of ['Budi', '0812', PHONE, '81234579301', 'budi-santoso.pdf', 'RAHASIA', c.trackingCode]) expect(body).not.toContain(secret);

    const unpublished = await t.app.inject({ method: 'DELETE', url: faqUrl(c.id), headers: officer.headers });
    expect(unpublished.json().faq).toBeNull();
    expect((await publicFaq()).json()).toEqual([]);
    const events = await t.db.query<{ action: string }>('SELECT action FROM consultation_events WHERE consultation_id = $1 ORDER BY id', [c.id]);
    expect(events.rows.map((e) => e.action)).toEqual(['ask', 'answer', 'publish_faq', 'unpublish_faq']);
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'consultation.faq%' ORDER BY id", [c.id]);
    expect(audit.rows.map((a) => a.action)).toEqual(['consultation.faq_published', 'consultation.faq_unpublished']);
  });

  it('the published question is the citizen\'s own text unless reworded; an unknown service has no page', async () => {
    const c = (await ask({ question: 'Apakah PBG perlu tanda tangan tetangga?' })).json();
    await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/consultations/${c.id}/actions/answer`, headers: officer.headers, payload: { answer: 'Tidak perlu.' } });
    const short = await t.app.inject({ method: 'PUT', url: faqUrl(c.id), headers: tenantAdmin.headers, payload: { question: 'PBG?' } });
    expect(short.statusCode).toBe(400);
    expect(JSON.stringify(short.json())).toContain('minimal 10 huruf');
    expect((await t.app.inject({ method: 'PUT', url: faqUrl(c.id), headers: tenantAdmin.headers, payload: {} })).statusCode).toBe(200);
    expect(((await publicFaq()).json() as { question: string }[]).map((f) => f.question)).toEqual(['Apakah PBG perlu tanda tangan tetangga?']);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/services/00000000-0000-4000-8000-000000000000/faq` })).statusCode).toBe(404);
  });
});
