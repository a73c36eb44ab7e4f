import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, deviceCaller, seedMpp, staffCaller, type SeededMpp, type TestApp } from '../../test/support/app.js';
import { fileJson, multipart, nextIp, PDF, PNG, sample } from './complaints.test-helpers.js';

let t: TestApp;
let mpp: SeededMpp;

beforeAll(async () => {
  t = await createTestApp();
  mpp = await seedMpp(t.db);
});
afterAll(() => t.close());

const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

describe('filing a complaint', () => {
  it('from the public site, anonymously, returns a human-friendly tracking code and the verification due date', async () => {
    const res = await fileJson(t, mpp.mppId);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.trackingCode).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{4}-[ACDEFGHJKMNPQRTWXY34679]{4}-[ACDEFGHJKMNPQRTWXY34679]{4}$/);
    expect(body.status).toBe('received');
    expect(new Date(body.verificationDueAt).getTime()).toBeGreaterThan(new Date(body.receivedAt).getTime());
    const { rows } = await t.db.query<{ channel: string; contact_name: string | null }>('SELECT channel, contact_name FROM complaints WHERE tracking_code = $1', [body.trackingCode.replace(/-/g, '')]);
    expect(rows[0]).toEqual({ channel: 'web', contact_name: null });
  });

  it('records the channel: kiosk for a kiosk token, staff for someone in the complaint room', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const kiosk = await deviceCaller(t, admin, mpp.mppId, 'kiosk');
    const officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const byKiosk = await fileJson(t, mpp.mppId, sample(), kiosk.headers);
    const byStaff = await fileJson(t, mpp.mppId, sample({ contactName: 'Ibu Sari', contactPhone: '0812 3456 7890' }), officer.headers);
    expect([byKiosk.statusCode, byStaff.statusCode]).toEqual([201, 201]);
    const channels = await t.db.query<{ channel: string }>('SELECT channel FROM complaints WHERE tracking_code = ANY($1) ORDER BY channel', [[byKiosk.json().trackingCode, byStaff.json().trackingCode].map((c: string) => c.replace(/-/g, ''))]);
    expect(channels.rows.map((r) => r.channel)).toEqual(['kiosk', 'staff']);
  });

  it('names a tenant, a service, a facility or an officer, and refuses a tenant of another MPP', async () => {
    const other = await seedMpp(t.db);
    const { rows } = await t.db.query<{ id: string }>("INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, 'KTP-EL', 'KTP elektronik', 'A') RETURNING id", [mpp.mppId, mpp.tenantId]);
    expect((await fileJson(t, mpp.mppId, sample({ subjectType: 'tenant', subjectTenantId: mpp.tenantId }))).statusCode).toBe(201);
    expect((await fileJson(t, mpp.mppId, sample({ subjectType: 'service', subjectServiceId: rows[0]!.id }))).statusCode).toBe(201);
    expect((await fileJson(t, mpp.mppId, sample({ subjectType: 'facility', subjectDetail: 'Ruang laktasi' }))).statusCode).toBe(201);
    expect((await fileJson(t, mpp.mppId, sample({ subjectType: 'officer', subjectDetail: 'Petugas loket 3', subjectTenantId: mpp.tenantId }))).statusCode).toBe(201);
    const foreign = await fileJson(t, mpp.mppId, sample({ subjectType: 'tenant', subjectTenantId: other.tenantId }));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().code).toBe('subject_invalid');
  });

  it('keeps HTML and script in the text as plain text', async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)> antrean lama';
    const res = await fileJson(t, mpp.mppId, sample({ description: evil }));
    expect(res.statusCode).toBe(201);
    const track = await t.app.inject({ method: 'GET', url: `/api/complaints/track/${res.json().trackingCode}` });
    expect(track.json().description).toBe(evil);
    expect(track.headers['content-type']).toContain('application/json');
  });

  it('answers bad fields with problem+json naming them, in Indonesian or English', async () => {
    const res = await fileJson(t, mpp.mppId, { class: 'gugatan', subjectType: 'mpp', description: 'pendek', contactEmail: 'bukan-email' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['body.class', 'body.contactEmail', 'body.description']);
    expect(res.json().errors.find((e: { path: string }) => e.path === 'body.description').message).toBe('The description must be at least 10 characters.');
  });

  it('answers 404 for an unknown MPP and for a kiosk of another MPP', async () => {
    const other = await seedMpp(t.db);
    const otherAdmin = await staffCaller(t, 'mpp_admin', { mppId: other.mppId });
    const otherKiosk = await deviceCaller(t, otherAdmin, other.mppId, 'kiosk');
    expect((await fileJson(t, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await fileJson(t, mpp.mppId, sample(), otherKiosk.headers)).statusCode).toBe(404);
  });
});

describe('attachments', () => {
  it('accepts a photo and a PDF sent as multipart, typed by their content', async () => {
    const body = multipart({ class: 'pengaduan', subjectType: 'facility', subjectDetail: 'Toilet difabel', description: 'Toilet difabel terkunci sejak pagi.', consentShareIdentity: 'false' }, [
      { name: 'foto toilet.PNG', type: 'image/png', content: PNG },
      { name: '../../etc/surat.pdf', type: 'application/octet-stream', content: PDF },
    ]);
    const res = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints`, ...body, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(201);
    expect(res.json().attachments).toBe(2);
    const { rows } = await t.db.query<{ media_type: string; file_name: string }>(
      'SELECT a.media_type, a.file_name FROM complaint_attachments a JOIN complaints c ON c.id = a.complaint_id WHERE c.tracking_code = $1 ORDER BY media_type', [res.json().trackingCode.replace(/-/g, '')]);
    expect(rows).toEqual([{ media_type: 'application/pdf', file_name: 'surat.pdf' }, { media_type: 'image/png', file_name: 'foto_toilet.png' }]);
  });

  it('refuses a disguised file (HTML named .jpg) and writes nothing', async () => {
    const before = [await count('complaints'), await count('complaint_attachments')];
    const body = multipart({ class: 'pengaduan', subjectType: 'mpp', description: 'Lampiran foto terlampir di bawah ini.' }, [
      { name: 'foto.jpg', type: 'image/jpeg', content: Buffer.from('<html><script>alert(1)</script></html>') },
    ]);
    const res = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints`, ...body, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'file_type_refused' });
    expect(res.json().title).toContain('foto.jpg');
    expect([await count('complaints'), await count('complaint_attachments')]).toEqual(before);
  });

  it('refuses a file over 5 MB and a fourth file, and writes nothing', async () => {
    const before = await count('complaints');
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const fields = { class: 'pengaduan', subjectType: 'mpp', description: 'Lampiran foto terlampir di bawah ini.' };
    const tooBig = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints`, ...multipart(fields, [{ name: 'besar.png', type: 'image/png', content: big }]), remoteAddress: nextIp() });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('file_too_large');
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `f${i}.png`, type: 'image/png', content: PNG }));
    const tooMany = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints`, ...multipart(fields, four), remoteAddress: nextIp() });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().code).toBe('too_many_files');
    expect(await count('complaints')).toBe(before);
  });

  it('validates multipart text fields like JSON ones', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints`, ...multipart({ class: 'pengaduan', subjectType: 'mpp', description: 'x' }, [{ name: 'a.png', type: 'image/png', content: PNG }]), remoteAddress: nextIp() });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.description');
  });
});

describe('bursts', () => {
  it('rate-limits filings from one client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints`, payload: sample(), remoteAddress: '10.99.99.99' });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const other = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints`, payload: sample(), remoteAddress: '10.99.99.98' });
    expect(other.statusCode).toBe(201);
  });
});
