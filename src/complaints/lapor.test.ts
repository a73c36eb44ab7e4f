import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type Caller, type SeededMpp, type TestApp } from '../../test/support/app.js';
import { FakeLaporGateway, pushToLapor } from './lapor.js';
import { fileAndFind, sample } from './complaints.test-helpers.js';

const clock = fakeClock('2025-11-30T16:30:00Z'); // 23:30 WIB on 30 Nov
let t: TestApp;
let mpp: SeededMpp;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp({ clock });
  mpp = await seedMpp(t.db);
  admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
});
afterAll(() => t.close());

describe('SP4N-LAPOR! export', () => {
  it('exports a period by local date as JSON and CSV with classification, status and dates, without identity', async () => {
    await fileAndFind(t, mpp.mppId, sample({ contactName: 'Rahasia Orang', description: '=HYPERLINK("http://x") "kutip", koma\nbaris' }));
    clock.set('2025-12-01T03:00:00Z');
    const info = await fileAndFind(t, mpp.mppId, sample({ class: 'permintaan_informasi' }));
    await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints/${info.id}/actions/verify`, headers: admin.headers, payload: {} });

    const nov = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/lapor-export?from=2025-11-01&to=2025-11-30`, headers: admin.headers });
    expect(nov.statusCode).toBe(200);
    expect(nov.json().count).toBe(1);
    expect(nov.json().complaints[0]).toMatchObject({ classification: 'pengaduan', status: 'received', laporStatus: 'belum_terverifikasi', receivedAt: '2025-11-30T16:30:00.000Z' });
    expect(nov.body).not.toContain('Rahasia Orang');

    const dec = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/lapor-export?from=2025-12-01&to=2025-12-31&format=csv`, headers: admin.headers });
    expect(dec.headers['content-type']).toContain('text/csv');
    const lines = dec.body.trim().split('\r\n');
    expect(lines[0]).toBe('trackingCode,channel,classification,subjectType,agency,status,laporStatus,receivedAt,verifiedAt,verificationDueAt,resolutionDueAt,answeredAt,closedAt,description');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',permintaan_informasi,mpp,,verified,terverifikasi,2025-12-01T03:00:00.000Z,2025-12-01T03:00:00.000Z,');

    const all = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/lapor-export?from=2025-11-01&to=2025-12-31&format=csv`, headers: admin.headers });
    // A formula is defused and quotes/newlines are quoted.
    expect(all.body).toContain('"\'=HYPERLINK(""http://x"") ""kutip"", koma\nbaris"');
  });

  it('is for the MPP admin only', async () => {
    const officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const url = `/api/mpps/${mpp.mppId}/lapor-export?from=2025-11-01&to=2025-11-30`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url, headers: officer.headers })).statusCode).toBe(403);
  });
});

describe('LaporGateway', () => {
  it('pushes a complaint once through the port and keeps LAPOR!\'s reference', async () => {
    const gateway = new FakeLaporGateway();
    const c = await fileAndFind(t, mpp.mppId);
    expect(await pushToLapor(t.db, gateway, mpp.mppId, c.id)).toBe('FAKE-1');
    expect(await pushToLapor(t.db, gateway, mpp.mppId, c.id)).toBe('FAKE-1');
    expect(gateway.pushed).toHaveLength(1);
    expect(gateway.pushed[0]!.trackingCode).toBe(c.code);
    expect(JSON.stringify(gateway.pushed[0])).not.toMatch(/contact|email|phone/i);
  });
});
