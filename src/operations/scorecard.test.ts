import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { refreshScorecards } from './scorecard-service.js';

/**
 * A hand-worked November at a WIB MPP: a queue day driven through the API with a fake clock, and the
 * month's survey answers, complaints and bookings written as their domains store them; every figure of
 * the scorecard is checked against what was scripted. Judged at 1 December 08:00 WIB.
 */
const clock = fakeClock('2026-11-23T00:00:00Z');
let t: TestApp;
let w: QueueWorld;
const wib = (local: string) => clock.set(new Date(`${local}+07:00`));
const at = (local: string) => new Date(`${local}+07:00`);
const get = (caller: Caller, url: string) => t.app.inject({ method: 'GET', url, headers: caller.headers });
let seq = 0;

async function complaint(received: string, verifyDue: string, decided: string | null, resolveDue: string | null, answered: string | null) {
  const code = `SC${String(++seq).padStart(10, '0')}`;
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO complaints (mpp_id, tracking_code, channel, class, subject_type, description, status, received_at, verification_due_at, verified_at, resolution_due_at, answered_at, updated_at, track)
     VALUES ($1, $2, 'web', 'pengaduan', 'mpp', 'Antrean terlalu lama sekali', $3, $4, $5, $6, $7, $8, $4, $9) RETURNING id`,
    [w.mppId, code, answered ? 'answered' : decided ? 'verified' : 'received', at(received), at(verifyDue), decided ? at(decided) : null, resolveDue ? at(resolveDue) : null, answered ? at(answered) : null, decided ? 'simple' : null],
  );
  if (decided) {
    await t.db.query(
      `INSERT INTO complaint_events (mpp_id, complaint_id, at, action, from_status, to_status, actor_type, visibility) VALUES ($1, $2, $3, 'verify', 'received', 'verified', 'user', 'internal')`,
      [w.mppId, rows[0]!.id, at(decided)],
    );
  }
}

async function booking(day: string, status: string) {
  const code = `B${String(++seq).padStart(7, '0')}`;
  await t.db.query(
    `INSERT INTO bookings (mpp_id, code, service_id, slot_start, slot_end, local_day, nik_hash, nik_masked, name, phone, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'h' || $2, '3174********0001', 'Warga Uji', '+6281234567890', $7, $4, $4)`,
    [w.mppId, code, w.services.ktp, at(`${day}T09:00:00`), at(`${day}T09:15:00`), day, status],
  );
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
  await t.db.query("UPDATE mpps SET region_code = '33.02' WHERE id = $1", [w.mppId]);
  // KTP promises 10 minutes in its Standar Pelayanan; KK promises working days (not measurable at the counter).
  await t.db.query("UPDATE services SET completion_unit = 'minutes', completion_value = 10 WHERE id = $1", [w.services.ktp]);
  await t.db.query("UPDATE services SET completion_unit = 'working_days', completion_value = 3 WHERE id = $1", [w.services.kk]);

  // Queue, Monday 23 November: A1 waits 10 and is served in 7; A2 waits 18 and is served in 15; B1 waits 35 and does not come.
  wib('2026-11-23T08:00:00');
  const a1 = (await issue(t, w, w.services.ktp)).json().id;
  wib('2026-11-23T08:02:00');
  const a2 = (await issue(t, w, w.services.ktp)).json().id;
  wib('2026-11-23T08:05:00');
  const b1 = (await issue(t, w, w.services.kk)).json().id;
  await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
  const step = async (local: string, path: string) => {
    wib(local);
    const r = await post(t, w.officer, `/api/mpps/${w.mppId}/queue/${path}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  expect((await step('2026-11-23T08:10:00', `counters/${w.counters.c1}/call-next`)).ticket.id).toBe(a1);
  await step('2026-11-23T08:11:00', `tickets/${a1}/start`);
  await step('2026-11-23T08:18:00', `tickets/${a1}/finish`);
  expect((await step('2026-11-23T08:20:00', `counters/${w.counters.c1}/call-next`)).ticket.id).toBe(a2);
  await step('2026-11-23T08:21:00', `tickets/${a2}/start`);
  await step('2026-11-23T08:36:00', `tickets/${a2}/finish`);
  expect((await step('2026-11-23T08:40:00', `counters/${w.counters.c1}/call-next`)).ticket.id).toBe(b1);
  await step('2026-11-23T08:43:00', `tickets/${b1}/no-show`);

  // Survey: two November respondents (all 4s, all 3s: IKM 87.50, grade B) and one in December (not counted).
  for (const [day, score] of [['2026-11-10', 4], ['2026-11-20', 3], ['2026-12-01', 1]] as const) {
    await t.db.query(
      `INSERT INTO survey_responses (mpp_id, tenant_id, service_id, served_on, channel, u1, u2, u3, u4, u5, u6, u7, u8, u9)
       VALUES ($1, $2, $3, $4, 'link', $5, $5, $5, $5, $5, $5, $5, $5, $5)`,
      [w.mppId, w.tenantId, w.services.ktp, day, score],
    );
  }
  // Complaints received in November: C1 decided and answered on time; C2 both late; C3 not yet due;
  // C4 undecided past its deadline. One October complaint, on time, belongs to October.
  await complaint('2026-11-02T09:00:00', '2026-11-05T09:00:00', '2026-11-04T10:00:00', '2026-11-11T09:00:00', '2026-11-10T15:00:00');
  await complaint('2026-11-09T09:00:00', '2026-11-12T09:00:00', '2026-11-13T10:00:00', '2026-11-20T09:00:00', '2026-11-25T15:00:00');
  await complaint('2026-11-27T09:00:00', '2026-12-02T09:00:00', null, null, null);
  await complaint('2026-11-16T09:00:00', '2026-11-19T09:00:00', null, null, null);
  await complaint('2026-10-30T09:00:00', '2026-11-04T09:00:00', '2026-11-02T09:00:00', null, null);
  // Bookings in November: three kept, one missed, one cancelled (not counted).
  for (const [day, status] of [['2026-11-03', 'checked_in'], ['2026-11-04', 'checked_in'], ['2026-11-05', 'checked_in'], ['2026-11-06', 'no_show'], ['2026-11-09', 'cancelled']] as const) await booking(day, status);
  wib('2026-12-01T08:00:00');
}, 600_000);
afterAll(() => t.close());

describe('the MPP scorecard', () => {
  it('shows every figure of a hand-worked month', async () => {
    const r = await get(w.admin, `/api/mpps/${w.mppId}/operations/scorecard?month=2026-11&months=2`);
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s.months.map((m: any) => m.month)).toEqual(['2026-10', '2026-11']);
    const nov = s.months[1];
    expect(nov.survey).toEqual({ respondents: 2, ikm: 87.5, grade: 'B' });
    // Waits 10, 18, 35: median 18; under the 15-minute target: 1 of 3. No-shows 1 of 3 called.
    expect(nov.queue).toEqual({ issued: 3, served: 2, waitMedianMinutes: 18, withinTargetShare: 0.333, noShowRate: 0.333 });
    expect(nov.complaints).toEqual({ received: 4, verificationDue: 3, verifiedOnTime: 1, verifiedOnTimeShare: 0.333, resolutionDue: 2, resolvedOnTime: 1, resolvedOnTimeShare: 0.5 });
    expect(nov.booking).toEqual({ checkedIn: 3, noShow: 1, noShowRate: 0.25 });
    // KTP promises 10 minutes: 7 is within, 15 is not. KK (working days) is not measured.
    expect(nov.conformity).toEqual({ served: 2, within: 1, share: 0.5 });
    expect(s.conformityServices).toEqual([{ serviceId: w.services.ktp, serviceName: 'Perekaman KTP-el', tenantName: 'Dukcapil', promisedMinutes: 10, served: 2, within: 1, share: 0.5 }]);
    // Mean of 87.5, 33.3, 33.3, 50, 75 (bookings kept) and 50.
    expect(nov.score).toBeCloseTo((87.5 + 33.3 + 33.3 + 50 + 75 + 50) / 6, 1);
    // October: only the complaint received then, decided on time; nothing else.
    const oct = s.months[0];
    expect(oct.complaints).toMatchObject({ received: 1, verificationDue: 1, verifiedOnTime: 1, verifiedOnTimeShare: 1, resolutionDue: 0, resolvedOnTimeShare: null });
    expect(oct.queue).toMatchObject({ issued: 0, waitMedianMinutes: null });
    expect(oct.survey).toEqual({ respondents: 0, ikm: null, grade: null });
    expect(oct.score).toBe(100);
  });

  it('is for the MPP’s admins only', async () => {
    const agency = await staffCaller(t, 'tenant_admin', { mppId: w.mppId, tenantId: w.tenantId });
    expect((await get(agency, `/api/mpps/${w.mppId}/operations/scorecard`)).statusCode).toBe(403);
    expect((await get(w.officer, `/api/mpps/${w.mppId}/operations/scorecard`)).statusCode).toBe(403);
    const other = await seedMpp(t.db);
    const otherAdmin = await staffCaller(t, 'mpp_admin', { mppId: other.mppId });
    expect((await get(otherAdmin, `/api/mpps/${w.mppId}/operations/scorecard`)).statusCode).toBe(404);
  });
});

describe('the national view', () => {
  it('ranks every MPP’s stored card, filters by province and grade, totals what it shows and flags stale data', async () => {
    const quiet = await seedMpp(t.db);
    await t.db.query("UPDATE mpps SET region_code = '31.71' WHERE id = $1", [quiet.mppId]);
    expect(await refreshScorecards(t.db, clock.now())).toBeGreaterThanOrEqual(2);
    const national = await staffCaller(t, 'national_admin');
    const r = await get(national, '/api/national/operations/scorecards?month=2026-11');
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    const mine = v.mpps.find((m: any) => m.mppId === w.mppId);
    expect(mine.provinceCode).toBe('33');
    expect(mine.provinceName).toMatch(/Jawa Tengah/i);
    expect(mine.card.complaints.received).toBe(4);
    // The last ticket activity was 23 November: more than 3 days before 1 December.
    expect(mine.stale).toBe('no_recent_activity');
    expect(mine.rank).toBe(1);
    const ranked = v.mpps.filter((m: any) => m.rank !== null).map((m: any) => m.rank);
    expect(ranked).toEqual([...ranked].sort((a: number, b: number) => a - b));
    expect(v.totals.mpps).toBe(v.mpps.length);
    expect(v.totals.issued).toBe(v.mpps.reduce((a: number, m: any) => a + (m.card?.queue.issued ?? 0), 0));

    const jateng = (await get(national, '/api/national/operations/scorecards?month=2026-11&province=33')).json();
    expect(jateng.mpps.map((m: any) => m.mppId)).toEqual([w.mppId]);
    expect(jateng.totals).toMatchObject({ mpps: 1, withScore: 1, stale: 1, issued: 3, served: 2, complaintsReceived: 4, meanIkm: 87.5 });
    expect(jateng.provinces).toEqual([{ provinceCode: '33', provinceName: mine.provinceName, mpps: 1, meanScore: mine.card.score, stale: 1 }]);
    const gradeB = (await get(national, '/api/national/operations/scorecards?month=2026-11&grade=B')).json();
    expect(gradeB.mpps.map((m: any) => m.mppId)).toEqual([w.mppId]);
    const dki = (await get(national, '/api/national/operations/scorecards?month=2026-11&province=31')).json();
    expect(dki.mpps.find((m: any) => m.mppId === quiet.mppId).stale).toBe('no_recent_activity');

    // A month never computed: every MPP is flagged as without data.
    const old = (await get(national, '/api/national/operations/scorecards?month=2020-01')).json();
    expect(old.mpps.every((m: any) => m.stale === 'no_data' && m.rank === null)).toBe(true);
    expect((await get(w.admin, '/api/national/operations/scorecards')).statusCode).toBe(403);
  });
});

describe('the MPP Digital criteria', () => {
  it('scores what system data can answer, with the evidence, and says which it cannot', async () => {
    // After the national test above, the current month's card has been computed.
    const r = await get(w.admin, `/api/mpps/${w.mppId}/operations/digital-criteria`);
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json();
    const by = Object.fromEntries(c.criteria.map((x: any) => [x.code, x]));
    expect(c.criteria).toHaveLength(11);
    // Three services, none with requirements and a procedure written down.
    expect(by.informasi_umum.status).toBe('not_met');
    expect(by.informasi_umum.evidence.id).toContain('3 layanan aktif, 0 dengan Standar Pelayanan lengkap');
    // Three tickets on 23 November, within the last 30 days.
    expect(by.antrian).toMatchObject({ status: 'met', evidence: { id: '3 tiket antrean dan 4 booking online dalam 30 hari terakhir.' } });
    // C1 on time, C2 late, C4 undecided past its deadline: 1 of 3, under 80%.
    expect(by.konsultasi_pengaduan.status).toBe('not_met');
    expect(by.konsultasi_pengaduan.evidence.en).toContain('1/3');
    expect(by.skm).toMatchObject({ status: 'met', evidence: { en: '2 respondents in 90 days, IKM 87.50.' } });
    expect(by.pelaporan_kinerja.status).toBe('met');
    expect(by.komitmen).toMatchObject({ status: 'not_met', evidence: { en: 'Rollout stage recorded for 33.02: none.' } });
    // Activity in November only, not in September and October.
    expect(by.keberlanjutan.status).toBe('not_met');
    // No applications recorded yet.
    expect(by.pemrosesan_dokumen).toMatchObject({ status: 'not_met', missing: null });
    expect(by.pemrosesan_dokumen.evidence.id).toContain('0 permohonan tercatat');
    // The profile published, a kiosk and a board registered, online bookings used.
    expect(by.platform).toMatchObject({ status: 'met', evidence: { id: expect.stringContaining('Profil daring terbit; 1 kios dan 1 layar antrean terdaftar; 4 booking online') } });
    // What Layan cannot answer names the evidence the evaluators need.
    for (const code of ['keamanan', 'uji_coba_pengguna']) expect(by[code]).toMatchObject({ status: 'not_assessable', missing: { id: expect.any(String), en: expect.any(String) } });
    expect(by.uji_coba_pengguna.missing.id).toContain('Laporan uji coba pengguna');
    expect(c).toMatchObject({ met: 4, assessable: 9 });

    // Unpublished, the platform criterion is not met; an application ready before its due time meets document processing.
    await t.db.query('UPDATE mpps SET published = false WHERE id = $1', [w.mppId]);
    const application = (code: string, dueAt: string, readyAt: string | null) =>
      t.db.query(
        `INSERT INTO applications (mpp_id, tracking_code, service_id, tenant_id, service_name, tenant_name, channel, nik_hash, nik_masked, applicant_name,
                                   status, completion_days, submitted_at, due_at, ready_at, updated_at)
         VALUES ($1, $2, $3, $4, 'Perekaman KTP-el', 'Dukcapil', 'counter', 'h', '3302********0001', 'Warga Uji', $5, 3, $6::timestamptz - interval '3 days', $6, $7, $6)`,
        [w.mppId, code, w.services.ktp, w.tenantId, readyAt ? 'ready' : 'in_process', dueAt, readyAt],
      );
    await application('TRACK0000001', '2026-11-20T09:00:00Z', '2026-11-19T09:00:00Z');
    let now = Object.fromEntries((await get(w.admin, `/api/mpps/${w.mppId}/operations/digital-criteria`)).json().criteria.map((x: any) => [x.code, x]));
    expect(now.platform.status).toBe('not_met');
    await t.db.query('UPDATE mpps SET published = true WHERE id = $1', [w.mppId]);
    expect(now.pemrosesan_dokumen).toMatchObject({ status: 'met', evidence: { en: '1 applications recorded (with a tracking code) in 90 days; 1 due, 1 ready on time = 100%; needs applications and ≥ 80% on time.' } });
    // A second one past its due time and not ready: 1 of 2 on time, under 80%.
    await application('TRACK0000002', '2026-11-21T09:00:00Z', null);
    now = Object.fromEntries((await get(w.admin, `/api/mpps/${w.mppId}/operations/digital-criteria`)).json().criteria.map((x: any) => [x.code, x]));
    expect(now.pemrosesan_dokumen).toMatchObject({ status: 'not_met', evidence: { en: expect.stringContaining('2 due, 1 ready on time = 50%') } });
    // Once the national admin records a commitment for Kabupaten Banyumas, the criterion is met.
    const national = await staffCaller(t, 'national_admin');
    await t.app.inject({ method: 'PUT', url: '/api/national/rollout/33.02', headers: national.headers, payload: { stage: 'commitment', dates: { commitment: '2026-06-01' } } });
    const after = (await get(w.admin, `/api/mpps/${w.mppId}/operations/digital-criteria`)).json();
    expect(after.criteria.find((x: any) => x.code === 'komitmen').status).toBe('met');
    expect((await get(w.officer, `/api/mpps/${w.mppId}/operations/digital-criteria`)).statusCode).toBe(403);
  });
});
