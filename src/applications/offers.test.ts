import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER } from '../citizen/routes.js';
import { OFFER_DAYS } from './offer-service.js';
import { purgeExpiredCopies, PRODUCT_RETENTION_DAYS } from './retention.js';

/**
 * Issue 15, the rest of the wallet: "Layanan saya" lists the citizen's applications; an agency adds a
 * document (the issued certificate) that reaches the wallet only with the citizen's consent; the
 * retention job purges what the agency holds for an application on schedule (controllable clock).
 */
const START = '2026-11-23T02:00:00Z';
const clock = fakeClock(START);
let t: TestApp;
let mpp: { mppId: string; tenantId: string; otherTenantId: string };
let serviceId: string;
let officer: Caller;
let otherOfficer: Caller;
let citizen: Caller;

const PHONE = '+6281234578001';
const NIK = '3201014501900002';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nAKTA KELAHIRAN TERBIT\n%%EOF\n');

async function deliver() {
  while ((await t.ctx.outbox.runOnce()) > 0);
}
const textsTo = (to: string) => t.app.fakeOutbox.sent.filter((s) => s.to === to).map((s) => s.text);

async function citizenCaller(phone: string): Promise<Caller> {
  await t.app.inject({ method: 'POST', url: '/api/citizen/codes', payload: { destination: phone }, remoteAddress: '10.9.1.1' });
  await deliver();
  const code = /\b(\d{6})\b/.exec(textsTo(phone).at(-1)!)![1];
  const res = await t.app.inject({ method: 'POST', url: '/api/citizen/session', payload: { destination: phone, code }, remoteAddress: '10.9.1.1' });
  const token = res.cookies.find((c) => c.name === CITIZEN_COOKIE)!.value;
  return { headers: { cookie: `${CITIZEN_COOKIE}=${token}`, [CITIZEN_CSRF_HEADER]: res.json().csrfToken } };
}

async function openApplication(phone = PHONE): Promise<{ id: string; trackingCode: string }> {
  const res = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/applications`, headers: officer.headers, payload: { serviceId, nik: NIK, name: 'Siti Aminah', phone } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const act = (appId: string, action: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/applications/${appId}/actions/${action}`, headers: officer.headers, payload });

function offer(appId: string, body: Buffer, caller = officer, typeCode = 'AKTA_KELAHIRAN') {
  return t.app.inject({
    method: 'POST', url: `/api/mpps/${mpp.mppId}/applications/${appId}/wallet-offers?typeCode=${typeCode}&fileName=akta-anak.pdf`,
    headers: { ...caller.headers, 'content-type': 'application/pdf' }, payload: body,
  });
}

type Offer = { id: string; status: string; typeCode: string; applicationCode: string; tenantName: string };
const myOffers = async () => (await t.app.inject({ method: 'GET', url: '/api/citizen/me/offers', headers: citizen.headers })).json() as Offer[];
const myDocs = async () => (await t.app.inject({ method: 'GET', url: '/api/citizen/me/documents', headers: citizen.headers })).json() as { id: string; typeCode: string; fromAgency: string | null }[];

beforeAll(async () => {
  t = await createTestApp({ clock });
  mpp = await seedMpp(t.db);
  const { rows } = await t.db.query<{ id: string }>(
    "INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix, completion_value, completion_unit, channels) VALUES ($1, $2, 'AKTA', 'Akta Kelahiran', 'A', 2, 'working_days', '{direct,online}') RETURNING id",
    [mpp.mppId, mpp.tenantId],
  );
  serviceId = rows[0]!.id;
  await t.db.query("INSERT INTO service_requirements (mpp_id, service_id, position, type_code, note) VALUES ($1, $2, 0, 'KK', '')", [mpp.mppId, serviceId]);
  officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
  otherOfficer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
  citizen = await citizenCaller(PHONE);
});
afterAll(() => t.close());

describe('"Layanan saya" lists the applications', () => {
  it('gives each application its state, due date and tracking code, flags due soon and overdue', async () => {
    const a = await openApplication();
    const mine = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/applications', headers: citizen.headers })).json() as { trackingCode: string; status: string; statusLabel: string; dueAt: string; dueSoon: boolean; overdue: boolean }[];
    // Two working days from Monday 23 November: due at the end of Wednesday in WIB.
    expect(mine.find((x) => x.trackingCode === a.trackingCode)).toMatchObject({ status: 'submitted', statusLabel: 'diterima', dueAt: '2026-11-25T16:59:59.999Z', dueSoon: false, overdue: false });
    clock.advance(86_400_000);
    const soon = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/applications', headers: citizen.headers })).json() as typeof mine;
    expect(soon.find((x) => x.trackingCode === a.trackingCode)).toMatchObject({ dueSoon: true, overdue: false });
    clock.advance(2 * 86_400_000);
    const later = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/applications', headers: citizen.headers })).json() as typeof mine;
    expect(later.find((x) => x.trackingCode === a.trackingCode)).toMatchObject({ dueSoon: false, overdue: true });
    clock.set(START);
    // The tracking page the list links to answers for that code.
    expect((await t.app.inject({ method: 'GET', url: `/api/applications/track/${a.trackingCode}` })).json()).toMatchObject({ status: 'submitted' });
  });
});

describe('documents an agency adds to the wallet', () => {
  it('reach the wallet only after the citizen consents; the citizen is told, the agency sees the consent', async () => {
    const a = await openApplication();
    const before = t.app.fakeOutbox.sent.length;
    const res = await offer(a.id, PDF);
    expect(res.statusCode).toBe(201);
    expect(res.json().offers).toEqual([expect.objectContaining({ typeCode: 'AKTA_KELAHIRAN', status: 'pending', fileName: 'akta-anak.pdf' })]);
    await deliver();
    expect(t.app.fakeOutbox.sent.slice(before).map((m) => m.text).join('\n')).toMatch(/Dukcapil mengirim Akta kelahiran.*Setujui di .*\/dokumen-saya/);

    // Pending: listed for consent, not in the wallet; stored encrypted.
    const pending = (await myOffers()).find((o) => o.applicationCode === a.trackingCode)!;
    expect(pending).toMatchObject({ status: 'pending', typeCode: 'AKTA_KELAHIRAN', tenantName: 'Dukcapil' });
    expect((await myDocs()).some((d) => d.typeCode === 'AKTA_KELAHIRAN')).toBe(false);
    const { rows } = await t.db.query<{ ciphertext: Uint8Array }>('SELECT ciphertext FROM wallet_offers WHERE id = $1', [pending.id]);
    expect(Buffer.from(rows[0]!.ciphertext).includes(Buffer.from('AKTA KELAHIRAN'))).toBe(false);

    // Another citizen cannot take it.
    const stranger = await citizenCaller('+6281234578999');
    const stolen = await t.app.inject({ method: 'POST', url: `/api/citizen/me/offers/${pending.id}/accept`, headers: stranger.headers });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().title).toBe('Dokumen kiriman instansi tidak ditemukan.');

    const accepted = await t.app.inject({ method: 'POST', url: `/api/citizen/me/offers/${pending.id}/accept`, headers: citizen.headers });
    expect(accepted.statusCode).toBe(200);
    const doc = (accepted.json() as { id: string; typeCode: string; fromAgency: string | null }[]).find((d) => d.typeCode === 'AKTA_KELAHIRAN')!;
    expect(doc.fromAgency).toBe('Dukcapil');
    const own = await t.app.inject({ method: 'GET', url: `/api/citizen/me/documents/${doc.id}`, headers: citizen.headers });
    expect(own.rawPayload.equals(PDF)).toBe(true);
    // The offer kept no second copy; a second decision is refused.
    const after = await t.db.query<{ ciphertext: Uint8Array | null; status: string; document_id: string }>('SELECT ciphertext, status, document_id FROM wallet_offers WHERE id = $1', [pending.id]);
    expect(after.rows[0]).toMatchObject({ ciphertext: null, status: 'accepted', document_id: doc.id });
    const again = await t.app.inject({ method: 'POST', url: `/api/citizen/me/offers/${pending.id}/decline`, headers: citizen.headers });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toContain('sudah disetujui, ditolak');
    const detail = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications/${a.id}`, headers: officer.headers });
    expect(detail.json().offers.map((o: { status: string }) => o.status)).toEqual(['accepted']);
  });

  it('declined: nothing enters the wallet and the copy is deleted', async () => {
    const a = await openApplication();
    await offer(a.id, PDF, officer, 'NPWP');
    const o = (await myOffers()).find((x) => x.applicationCode === a.trackingCode && x.status === 'pending')!;
    const declined = await t.app.inject({ method: 'POST', url: `/api/citizen/me/offers/${o.id}/decline`, headers: citizen.headers });
    expect(declined.statusCode).toBe(204);
    expect((await myDocs()).some((d) => d.typeCode === 'NPWP')).toBe(false);
    expect((await t.db.query('SELECT 1 FROM wallet_offers WHERE id = $1 AND ciphertext IS NULL', [o.id])).rows.length).toBe(1);
  });

  it('refuses bad files, unknown types, another agency and a refused application, in Bahasa Indonesia, writing nothing', async () => {
    const a = await openApplication();
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM wallet_offers')).rows[0]!.n;
    const n = await count();
    const exe = await offer(a.id, Buffer.from('MZ not a pdf at all'));
    expect(exe.statusCode).toBe(415);
    expect(exe.headers['content-type']).toContain('application/problem+json');
    expect(exe.json().title).toBe('Berkas bukan PDF, JPEG atau PNG menurut isinya.');
    expect((await offer(a.id, Buffer.alloc(0))).statusCode).toBe(400);
    const unknown = await offer(a.id, PDF, officer, 'BUKAN_JENIS');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().title).toBe('Jenis dokumen "BUKAN_JENIS" tidak dikenal.');
    expect((await offer(a.id, PDF, otherOfficer)).statusCode).toBe(404);
    await act(a.id, 'refuse', { reason: 'Bukan wewenang instansi ini.' });
    const refused = await offer(a.id, PDF);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().title).toContain('ditolak');
    expect(await count()).toBe(n);
  });

  it('one decision wins when accept and decline arrive together', async () => {
    const a = await openApplication();
    await offer(a.id, PDF, officer, 'PAS_FOTO');
    const o = (await myOffers()).find((x) => x.applicationCode === a.trackingCode && x.status === 'pending')!;
    const answers = await Promise.all([
      t.app.inject({ method: 'POST', url: `/api/citizen/me/offers/${o.id}/accept`, headers: citizen.headers }),
      t.app.inject({ method: 'POST', url: `/api/citizen/me/offers/${o.id}/accept`, headers: citizen.headers }),
      t.app.inject({ method: 'POST', url: `/api/citizen/me/offers/${o.id}/decline`, headers: citizen.headers }),
    ]);
    expect(answers.filter((r) => r.statusCode < 300).length).toBe(1);
    expect(answers.filter((r) => r.statusCode === 409).length).toBe(2);
    const copies = (await myDocs()).filter((d) => d.typeCode === 'PAS_FOTO').length;
    const status = (await t.db.query<{ status: string }>('SELECT status FROM wallet_offers WHERE id = $1', [o.id])).rows[0]!.status;
    expect(copies).toBe(status === 'accepted' ? 1 : 0);
  });
});

describe('retention beyond the grant', () => {
  it('the officer cannot read after the grant expires; the job purges the product and undecided offers on schedule, never the wallet', async () => {
    clock.set(START);
    const kk = (await t.app.inject({ method: 'POST', url: '/api/citizen/me/documents?typeCode=KK&fileName=kk.pdf', headers: { ...citizen.headers, 'content-type': 'application/pdf' }, payload: PDF })).json() as { id: string };
    const a = await openApplication();
    await t.app.inject({ method: 'POST', url: '/api/citizen/me/grants', headers: citizen.headers, payload: { applicationCode: a.trackingCode, documentIds: [kk.id], days: 3 } });
    const docUrl = `/api/mpps/${mpp.mppId}/applications/${a.id}/documents/${kk.id}`;
    expect((await t.app.inject({ method: 'GET', url: docUrl, headers: officer.headers })).statusCode).toBe(200);
    await t.app.inject({ method: 'PUT', url: `/api/mpps/${mpp.mppId}/applications/${a.id}/product?fileName=akta.pdf`, headers: { ...officer.headers, 'content-type': 'application/pdf' }, payload: PDF });
    await offer(a.id, PDF, officer, 'AKTA_KELAHIRAN');

    // Three days and a minute later the grant has expired: refused, and the refusal is logged for the citizen.
    clock.advance(3 * 86_400_000 + 60_000);
    const late = await t.app.inject({ method: 'GET', url: docUrl, headers: officer.headers });
    expect(late.statusCode).toBe(403);
    expect(late.json().title).toContain('kedaluwarsa');
    const detail = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications/${a.id}`, headers: officer.headers });
    expect(detail.json().documents).toEqual([]);

    // The application is collected; the product stays for the retention period, then the job purges it.
    for (const [action, body] of [['check', {}], ['process', {}], ['mark_ready', { pickup: 'counter' }], ['collect', {}]] as const) expect((await act(a.id, action, body)).statusCode).toBe(200);
    const products = async () => (await t.db.query('SELECT 1 FROM application_products WHERE mpp_id = $1 AND application_id = $2', [mpp.mppId, a.id])).rows.length;
    await purgeExpiredCopies(t.db, clock.now());
    expect(await products()).toBe(1);
    clock.advance((PRODUCT_RETENTION_DAYS - 1) * 86_400_000);
    await purgeExpiredCopies(t.db, clock.now());
    expect(await products()).toBe(1);
    clock.advance(86_400_000 + 60_000);
    const purged = await purgeExpiredCopies(t.db, clock.now());
    expect(purged.products).toBeGreaterThanOrEqual(1);
    expect(await products()).toBe(0);
    // The undecided offer expired with its copy (OFFER_DAYS after it was made).
    expect(OFFER_DAYS).toBeLessThanOrEqual(PRODUCT_RETENTION_DAYS + 3);
    const { rows } = await t.db.query<{ status: string; ciphertext: Uint8Array | null }>('SELECT status, ciphertext FROM wallet_offers WHERE mpp_id = $1 AND application_id = $2', [mpp.mppId, a.id]);
    expect(rows).toEqual([{ status: 'expired', ciphertext: null }]);
    // (Back to a time the citizen's session is valid, to look from their side.)
    const purgedAt = clock.now();
    clock.set(START);
    expect((await myOffers()).find((o) => o.applicationCode === a.trackingCode)?.status).toBe('expired');
    const { rows: audit } = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_id = $1 AND action IN ('application.product_purged')", [a.id]);
    expect(audit.length).toBe(1);
    // The citizen's own wallet copy is theirs: untouched by the job.
    expect((await myDocs()).map((d) => d.id)).toContain(kk.id);
    // A second run finds nothing more to purge.
    expect(await purgeExpiredCopies(t.db, purgedAt)).toMatchObject({ products: 0, offers: 0 });
    clock.set(START);
  });
});
