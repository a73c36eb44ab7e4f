import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { createTestDb } from '../../test/support/db.js';
import { deviceCaller, fakeClock, seedMpp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER } from '../citizen/routes.js';

const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let mpp: { mppId: string; tenantId: string; otherTenantId: string };
let serviceId: string;
let officer: Caller;
let otherOfficer: Caller;
let mppAdmin: Caller;
let kiosk: Caller;
const logLines: string[] = [];

const PHONE = '+6281234577001';
const NIK = '3201014501900002';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nKARTU KELUARGA RAHASIA 3201014501900002\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

async function deliver() {
  while ((await t.ctx.outbox.runOnce()) > 0);
}

function lastTextTo(to: string): string {
  const m = [...t.app.fakeOutbox.sent].reverse().find((s) => s.to === to);
  if (!m) throw new Error(`nothing sent to ${to}`);
  return m.text;
}

/** Signs a citizen in with the one-time code sent to their phone. */
async function citizenCaller(phone: string): Promise<Caller> {
  await t.app.inject({ method: 'POST', url: '/api/citizen/codes', payload: { destination: phone }, remoteAddress: '10.9.0.1' });
  await deliver();
  const code = /\b(\d{6})\b/.exec(lastTextTo(phone))![1];
  const res = await t.app.inject({ method: 'POST', url: '/api/citizen/session', payload: { destination: phone, code }, remoteAddress: '10.9.0.1' });
  const token = res.cookies.find((c) => c.name === CITIZEN_COOKIE)!.value;
  return { headers: { cookie: `${CITIZEN_COOKIE}=${token}`, [CITIZEN_CSRF_HEADER]: res.json().csrfToken } };
}

let citizen: Caller;

beforeAll(async () => {
  // The app's request log is captured, to prove no NIK or document content is in it.
  const testDb = await createTestDb();
  const config = loadConfig({ LOG_LEVEL: 'info', DATA_DIR: '/tmp/layan-unused', WEB_DIR: '/nonexistent', LOGIN_RATE_LIMIT: '10000' });
  const built = await buildApp(testDb.db, config, { clock, logStream: { write: (line) => void logLines.push(line) } });
  await built.app.ready();
  t = { ...built, db: testDb.db, testDb, close: async () => { await built.app.close(); await testDb.drop(); } };
  mpp = await seedMpp(t.db);
  const { rows } = await t.db.query<{ id: string }>(
    "INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix, completion_value, completion_unit, channels) VALUES ($1, $2, 'KIA', 'Penerbitan KIA', 'K', 3, 'working_days', '{direct,online}') RETURNING id",
    [mpp.mppId, mpp.tenantId],
  );
  serviceId = rows[0]!.id;
  for (const [position, code] of ['KK', 'AKTA_KELAHIRAN'].entries()) {
    await t.db.query('INSERT INTO service_requirements (mpp_id, service_id, position, type_code, note) VALUES ($1, $2, $3, $4, $5)', [mpp.mppId, serviceId, position, code, '']);
  }
  officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
  otherOfficer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
  mppAdmin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
  kiosk = await deviceCaller(t, mppAdmin, mpp.mppId, 'kiosk');
  citizen = await citizenCaller(PHONE);
});
afterAll(() => t.close());

async function upload(body: Buffer, typeCode = 'KK', caller = citizen, contentType = 'application/pdf') {
  return t.app.inject({ method: 'POST', url: `/api/citizen/me/documents?typeCode=${typeCode}&fileName=kk-saya.pdf`, headers: { ...caller.headers, 'content-type': contentType }, payload: body });
}

describe('the document wallet', () => {
  it('keeps a document typed by the requirement dictionary, encrypted at rest, and gives the citizen their copy back', async () => {
    const res = await upload(PDF);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ typeCode: 'KK', typeName: 'Kartu Keluarga (KK)', mediaType: 'application/pdf', sizeBytes: PDF.length, grants: [] });
    const { rows } = await t.db.query<{ ciphertext: Uint8Array }>('SELECT ciphertext FROM wallet_documents WHERE id = $1', [res.json().id]);
    expect(Buffer.from(rows[0]!.ciphertext).includes(Buffer.from('KARTU KELUARGA'))).toBe(false);
    const own = await t.app.inject({ method: 'GET', url: `/api/citizen/me/documents/${res.json().id}`, headers: citizen.headers });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.rawPayload.equals(PDF)).toBe(true);
  });

  it('checks files by content and size, and the type against the dictionary, in Bahasa Indonesia', async () => {
    const fake = await upload(Buffer.from('MZ this is an executable pretending to be a PDF'));
    expect(fake.statusCode).toBe(415);
    expect(fake.headers['content-type']).toContain('application/problem+json');
    expect(fake.json().title).toBe('Berkas bukan PDF, JPEG atau PNG menurut isinya.');
    const big = await upload(Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]));
    expect([413]).toContain(big.statusCode);
    const unknown = await upload(PNG, 'BUKAN_JENIS', citizen, 'image/png');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().title).toContain('Jenis dokumen');
    const png = await upload(PNG, 'PAS_FOTO', citizen, 'image/png');
    expect(png.json().mediaType).toBe('image/png');
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/citizen/me/documents?typeCode=KK', headers: { cookie: citizen.headers.cookie!, 'content-type': 'application/pdf' }, payload: PDF });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('pre-checks which requirements of a service are in the wallet', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/citizen/me/precheck/${mpp.mppId}/${serviceId}`, headers: citizen.headers });
    expect(res.json()).toMatchObject({ serviceName: 'Penerbitan KIA', missing: 1, online: true });
    expect(res.json().requirements.map((r: { typeCode: string; inWallet: boolean }) => [r.typeCode, r.inWallet])).toEqual([['KK', true], ['AKTA_KELAHIRAN', false]]);
  });

  it('grants the handling agency one document for an application; the officer sees only that one, every read is logged for the citizen; revoke and delete close it', async () => {
    const docs = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/documents', headers: citizen.headers })).json() as { id: string; typeCode: string }[];
    const kk = docs.find((d) => d.typeCode === 'KK')!;
    const photo = docs.find((d) => d.typeCode === 'PAS_FOTO')!;
    // The officer opens the application at the counter with the citizen's phone as contact.
    const opened = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/applications`, headers: officer.headers, payload: { serviceId, nik: NIK, name: 'Siti Aminah', phone: PHONE } });
    expect(opened.statusCode).toBe(201);
    const app = opened.json() as { id: string; trackingCode: string };
    const mine = await t.app.inject({ method: 'GET', url: '/api/citizen/me/applications', headers: citizen.headers });
    expect(mine.json().map((a: { trackingCode: string }) => a.trackingCode)).toContain(app.trackingCode);

    const docUrl = (id: string) => `/api/mpps/${mpp.mppId}/applications/${app.id}/documents/${id}`;
    const before = await t.app.inject({ method: 'GET', url: docUrl(kk.id), headers: officer.headers });
    expect(before.statusCode).toBe(403);
    expect(before.json().title).toContain('belum memberi izin');

    const granted = await t.app.inject({ method: 'POST', url: '/api/citizen/me/grants', headers: citizen.headers, payload: { applicationCode: app.trackingCode, documentIds: [kk.id], days: 7 } });
    expect(granted.statusCode).toBe(200);
    const detail = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications/${app.id}`, headers: officer.headers });
    expect(detail.json().documents.map((d: { typeCode: string }) => d.typeCode)).toEqual(['KK']);

    const read = await t.app.inject({ method: 'GET', url: docUrl(kk.id), headers: officer.headers });
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(PDF)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: docUrl(photo.id), headers: officer.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: docUrl(kk.id), headers: otherOfficer.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: docUrl(kk.id), headers: mppAdmin.headers })).statusCode).toBe(403);

    const log = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/access-log', headers: citizen.headers })).json() as { typeCode: string; tenantName: string; outcome: string }[];
    expect(log.filter((e) => e.outcome === 'allowed')).toEqual([expect.objectContaining({ typeCode: 'KK', tenantName: 'Dukcapil' })]);
    expect(log.filter((e) => e.outcome === 'refused').length).toBe(4);

    // Expired: a week and a day later the grant no longer opens the document.
    clock.advance(8 * 86_400_000);
    expect((await t.app.inject({ method: 'GET', url: docUrl(kk.id), headers: officer.headers })).statusCode).toBe(403);
    clock.set('2026-11-23T02:00:00Z');

    const grantId = (granted.json() as { id: string; grants: { id: string }[] }[]).find((d) => d.id === kk.id)!.grants[0]!.id;
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/citizen/me/grants/${grantId}`, headers: citizen.headers });
    expect(revoked.json().find((d: { id: string }) => d.id === kk.id).grants[0].live).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: docUrl(kk.id), headers: officer.headers })).statusCode).toBe(403);

    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/citizen/me/documents/${kk.id}`, headers: citizen.headers });
    expect(deleted.statusCode).toBe(204);
    const after = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/documents', headers: citizen.headers })).json() as { id: string }[];
    expect(after.map((d) => d.id)).not.toContain(kk.id);
    // The log of past reads stays with the citizen.
    const logAfter = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/access-log', headers: citizen.headers })).json() as unknown[];
    expect(logAfter.length).toBeGreaterThanOrEqual(log.length);
  });

  it('ends the grants when the application is refused or collected', async () => {
    const doc = (await upload(PDF)).json() as { id: string };
    const opened = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/applications`, headers: officer.headers, payload: { serviceId, nik: NIK, name: 'Siti Aminah', phone: PHONE } });
    const app = opened.json() as { id: string; trackingCode: string };
    await t.app.inject({ method: 'POST', url: '/api/citizen/me/grants', headers: citizen.headers, payload: { applicationCode: app.trackingCode, documentIds: [doc.id] } });
    const url = `/api/mpps/${mpp.mppId}/applications/${app.id}/documents/${doc.id}`;
    expect((await t.app.inject({ method: 'GET', url, headers: officer.headers })).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/applications/${app.id}/actions/refuse`, headers: officer.headers, payload: { reason: 'Bukan wewenang instansi ini.' } });
    expect((await t.app.inject({ method: 'GET', url, headers: officer.headers })).statusCode).toBe(403);
    const docs = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/documents', headers: citizen.headers })).json() as { id: string; grants: { live: boolean }[] }[];
    expect(docs.find((d) => d.id === doc.id)!.grants.map((g) => g.live)).toEqual([false]);
    const again = await t.app.inject({ method: 'POST', url: '/api/citizen/me/grants', headers: citizen.headers, payload: { applicationCode: app.trackingCode, documentIds: [doc.id] } });
    expect(again.statusCode).toBe(409);
  });

  it("refuses to share with an application that is not the citizen's", async () => {
    const other = await citizenCaller('+6281234577999');
    const opened = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/applications`, headers: officer.headers, payload: { serviceId, nik: NIK, name: 'Siti Aminah', phone: PHONE } });
    const doc = await upload(PDF, 'KK', other);
    const res = await t.app.inject({ method: 'POST', url: '/api/citizen/me/grants', headers: other.headers, payload: { applicationCode: opened.json().trackingCode, documentIds: [doc.json().id] } });
    expect(res.statusCode).toBe(404);
    expect(res.json().title).toBe('Permohonan tidak ditemukan di antara permohonan Anda.');
  });
});

describe('account deletion', () => {
  it("deletes the citizen's documents and grants with the account", async () => {
    const leaving = await citizenCaller('+6281234577555');
    const doc = (await upload(PDF, 'KK', leaving)).json() as { id: string };
    const erased = await t.app.inject({ method: 'DELETE', url: '/api/citizen/me', headers: leaving.headers });
    expect(erased.statusCode).toBeLessThan(300);
    const { rows } = await t.db.query('SELECT 1 FROM wallet_documents WHERE id = $1', [doc.id]);
    expect(rows).toEqual([]);
  });
});

describe('online applications', () => {
  it('lets a signed-in citizen apply online where the service allows it, and refuses it elsewhere', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/citizen/me/applications', headers: citizen.headers, payload: { mppId: mpp.mppId, serviceId, nik: NIK, name: 'Siti Aminah' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'submitted', serviceName: 'Penerbitan KIA', dueAt: '2026-11-26T16:59:59.999Z' });
    const mine = await t.app.inject({ method: 'GET', url: '/api/citizen/me/applications', headers: citizen.headers });
    expect(mine.json().find((a: { trackingCode: string }) => a.trackingCode === res.json().trackingCode)).toMatchObject({ channel: 'online' });
    const list = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications`, headers: officer.headers });
    expect(list.json().map((a: { trackingCode: string }) => a.trackingCode)).toContain(res.json().trackingCode);
    const counterOnly = (await t.db.query<{ id: string }>(
      "INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix, channels) VALUES ($1, $2, 'LOKET', 'Hanya di loket', 'L', '{direct}') RETURNING id", [mpp.mppId, mpp.tenantId],
    )).rows[0]!.id;
    const refused = await t.app.inject({ method: 'POST', url: '/api/citizen/me/applications', headers: citizen.headers, payload: { mppId: mpp.mppId, serviceId: counterOnly, nik: NIK, name: 'Siti Aminah' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().title).toBe('Layanan ini tidak menerima permohonan daring. Ajukan langsung di loket.');
  });

  it('grants the wallet documents chosen with the application in one step; a document not the citizen\'s refuses it all, writing nothing', async () => {
    const kk = (await upload(PDF)).json() as { id: string };
    const photo = (await upload(PNG, 'PAS_FOTO', citizen, 'image/png')).json() as { id: string };
    const stranger = await citizenCaller('+6281234577888');
    const theirs = (await upload(PDF, 'KK', stranger)).json() as { id: string };
    const count = async () => (await t.db.query<{ n: number }>('SELECT (SELECT count(*) FROM applications)::int + (SELECT count(*) FROM wallet_grants)::int AS n')).rows[0]!.n;
    const before = await count();
    const bad = await t.app.inject({ method: 'POST', url: '/api/citizen/me/applications', headers: citizen.headers, payload: { mppId: mpp.mppId, serviceId, nik: NIK, name: 'Siti Aminah', grant: { documentIds: [kk.id, theirs.id], days: 14 } } });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().title).toMatch(/Dokumen/);
    expect(await count()).toBe(before);

    const res = await t.app.inject({ method: 'POST', url: '/api/citizen/me/applications', headers: citizen.headers, payload: { mppId: mpp.mppId, serviceId, nik: NIK, name: 'Siti Aminah', grant: { documentIds: [kk.id], days: 14 } } });
    expect(res.statusCode).toBe(201);
    const code = res.json().trackingCode as string;
    const docs = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/documents', headers: citizen.headers })).json() as { id: string; grants: { applicationCode: string; live: boolean; expiresAt: string }[] }[];
    expect(docs.find((d) => d.id === kk.id)!.grants).toEqual([expect.objectContaining({ applicationCode: code, live: true, expiresAt: new Date(clock.now().getTime() + 14 * 86_400_000).toISOString() })]);
    expect(docs.find((d) => d.id === photo.id)!.grants).toEqual([]);
    const app = (await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications?view=open`, headers: officer.headers })).json().find((a: { trackingCode: string }) => a.trackingCode === code);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications/${app.id}`, headers: officer.headers })).json();
    expect(detail.documents.map((d: { id: string }) => d.id)).toEqual([kk.id]);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/applications', headers: citizen.headers })).json().find((a: { trackingCode: string }) => a.trackingCode === code);
    expect(mine.requirements).toEqual([
      { typeCode: 'KK', name: 'Kartu Keluarga (KK)', inWallet: true, granted: true },
      { typeCode: 'AKTA_KELAHIRAN', name: expect.any(String), inWallet: false, granted: false },
    ]);
  });
});

describe('kiosk pickup', () => {
  let lastId = '';
  async function readyForKiosk(): Promise<string> {
    const opened = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/applications`, headers: officer.headers, payload: { serviceId, nik: NIK, name: 'Siti Aminah', phone: PHONE } });
    const id = opened.json().id as string;
    lastId = id;
    for (const [action, body] of [['check', {}], ['process', {}], ['mark_ready', { pickup: 'kiosk' }]] as const) {
      expect((await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/applications/${id}/actions/${action}`, headers: officer.headers, payload: body })).statusCode).toBe(200);
    }
    return opened.json().trackingCode as string;
  }

  it('collects with code + NIK + the one-time code sent to the phone on record', async () => {
    const code = await readyForKiosk();
    const productUrl = `/api/mpps/${mpp.mppId}/applications/${lastId}/product?fileName=kia-siti.pdf`;
    const notPdf = await t.app.inject({ method: 'PUT', url: productUrl, headers: { ...officer.headers, 'content-type': 'image/png' }, payload: PNG });
    expect(notPdf.statusCode).toBe(415);
    const attached = await t.app.inject({ method: 'PUT', url: productUrl, headers: { ...officer.headers, 'content-type': 'application/pdf' }, payload: PDF });
    expect(attached.json().product).toEqual({ fileName: 'kia-siti.pdf', sizeBytes: PDF.length });
    const early = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/pickup/product`, headers: kiosk.headers, payload: { code, nik: NIK } });
    expect(early.statusCode).toBe(422);
    const wrongNik = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/pickup/start`, headers: kiosk.headers, payload: { code, nik: '3201014501900003' } });
    expect(wrongNik.statusCode).toBe(422);
    expect(wrongNik.json().title).toContain('tidak cocok');
    const start = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/pickup/start`, headers: kiosk.headers, payload: { code: code.toLowerCase(), nik: NIK } });
    expect(start.statusCode).toBe(200);
    expect(start.json().phoneMasked).toBe('+6281******001');
    await deliver();
    const otp = /\b(\d{6})\b/.exec(lastTextTo(PHONE))![1]!;
    const wrongOtp = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/pickup/collect`, headers: kiosk.headers, payload: { code, nik: NIK, otp: otp === '000000' ? '111111' : '000000' } });
    expect(wrongOtp.statusCode).toBe(422);
    const done = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/pickup/collect`, headers: kiosk.headers, payload: { code, nik: NIK, otp } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'collected', hasProduct: true });
    const printed = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/pickup/product`, headers: kiosk.headers, payload: { code, nik: NIK } });
    expect(printed.statusCode).toBe(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    expect(printed.rawPayload.equals(PDF)).toBe(true);
    expect((await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/pickup/product`, headers: kiosk.headers, payload: { code, nik: '3201014501900003' } })).statusCode).toBe(422);
    clock.advance(31 * 60_000);
    expect((await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/pickup/product`, headers: kiosk.headers, payload: { code, nik: NIK } })).statusCode).toBe(422);
    clock.set('2026-11-23T02:00:00Z');
    const again = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/pickup/collect`, headers: kiosk.headers, payload: { code, nik: NIK, otp } });
    expect(again.statusCode).toBe(422);
    const tracked = await t.app.inject({ method: 'GET', url: `/api/applications/track/${code}` });
    expect(tracked.json().status).toBe('collected');
    // The refused attempts are in the audit log with their reason, without the NIK typed.
    const { rows } = await t.db.query<{ after: { reason: string } }>("SELECT after FROM audit_log WHERE action = 'application.pickup_refused' AND mpp_id = $1 ORDER BY id", [mpp.mppId]);
    expect(rows.map((r) => r.after.reason)).toEqual(expect.arrayContaining(['nik_mismatch', 'one_time_code_invalid']));
    expect(JSON.stringify(rows)).not.toContain('3201014501900003');
  });

  it('refuses a kiosk of another MPP and an application ready at the counter', async () => {
    const other = await seedMpp(t.db);
    const otherAdmin = await staffCaller(t, 'mpp_admin', { mppId: other.mppId });
    const otherKiosk = await deviceCaller(t, otherAdmin, other.mppId, 'kiosk');
    const code = await readyForKiosk();
    const res = await t.app.inject({ method: 'POST', url: `/api/mpps/${other.mppId}/pickup/start`, headers: otherKiosk.headers, payload: { code, nik: NIK } });
    expect(res.statusCode).toBe(422);
  });

  it('writes no NIK and no document content to the logs', () => {
    const all = logLines.join('');
    // The log did record the requests (with the kiosk's and officer's routes), just not the secrets.
    expect(all).toContain('/pickup/collect');
    expect(all).toContain('/documents/');
    expect(all).not.toContain(NIK);
    expect(all).not.toContain('KARTU KELUARGA');
  });
});
