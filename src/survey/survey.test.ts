import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, deviceCaller, fakeClock, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { ticketServedHandler } from './queue-link.js';
import { issueSurveyToken, markSurveySourceServed } from './tokens.js';
import { allAnswers, seedSurveyWorld, servedTicket, type SurveyWorld } from './survey.test-helpers.js';

const clock = fakeClock('2025-05-20T03:00:00Z');
let t: TestApp;
let w: SurveyWorld;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedSurveyWorld(t.db);
  admin = await staffCaller(t, 'mpp_admin', { mppId: w.mppId });
});
afterAll(() => t.close());

const submit = (code: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/survey/forms/${code}/responses`, payload: payload as object, headers });

describe('answering by code (link, QR, kiosk)', () => {
  it('opens only once the ticket is served, takes one response, and refuses a second', async () => {
    const ticketId = crypto.randomUUID();
    const issued = await t.db.transaction((tx) => issueSurveyToken(tx, { mppId: w.mppId, sourceKind: 'ticket', sourceId: ticketId, serviceId: w.serviceId, servedAt: null }));
    const code = issued.code!;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const early = await t.app.inject({ method: 'GET', url: `/api/survey/forms/${code}` });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'survey_not_served', title: expect.stringContaining('belum selesai') });
    expect((await submit(code, { answers: allAnswers(4) })).statusCode).toBe(409);

    await t.db.transaction((tx) => markSurveySourceServed(tx, { mppId: w.mppId, sourceKind: 'ticket', sourceId: ticketId, servedAt: clock.now() }));
    const form = await t.app.inject({ method: 'GET', url: `/api/survey/forms/${code.toLowerCase().replace(/-/g, ' ')}` });
    expect(form.statusCode).toBe(200);
    expect(form.json().serviceName).toBe('Perekaman KTP-el');
    expect(form.json().questions).toHaveLength(9);
    expect(form.json().questions[3].answers.map((a: any) => a.label.id)).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);

    const first = await submit(code, { answers: allAnswers(3), profile: { gender: 'P', ageGroup: '30-39', education: 's1', occupation: 'swasta' }, suggestion: 'Ruang tunggu nyaman.' });
    expect(first.statusCode).toBe(201);
    const second = await submit(code, { answers: allAnswers(1) }, { 'accept-language': 'en' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'survey_already_answered', title: expect.stringContaining('already been answered') });
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM survey_responses WHERE mpp_id = $1', [w.mppId]);
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses a score outside 1-4 with a clear message and writes nothing', async () => {
    const { code } = await servedTicket(t.db, w.mppId, w.serviceId);
    const bad = await submit(code, { answers: { ...allAnswers(4), u3: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'body.answers.u3', message: 'Nilai paling besar 4 (sangat baik).' }]);
    const zero = await submit(code, { answers: { ...allAnswers(4), u1: 0 } }, { 'accept-language': 'en' });
    expect(zero.json().errors[0].message).toBe('The lowest score is 1 (bad).');
    const frac = await submit(code, { answers: { u1: 2.5 } });
    expect(frac.statusCode).toBe(400);
    const empty = await submit(code, { answers: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].message).toBe('Jawab paling sedikit satu unsur.');
    // The code is still unused after the refusals.
    expect((await submit(code, { answers: allAnswers(4) })).statusCode).toBe(201);
  });

  it('answers an unknown code with 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/survey/forms/ZZZZ-ZZZZ-ZZZZ' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('survey_token_unknown');
  });

  it('lets only one of two simultaneous submissions of one code through', async () => {
    const { code } = await servedTicket(t.db, w.mppId, w.serviceId);
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(code, { answers: allAnswers(2) })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('does not make a second code for the same ticket', async () => {
    const { ticketId } = await servedTicket(t.db, w.mppId, w.serviceId);
    const again = await t.db.transaction((tx) => issueSurveyToken(tx, { mppId: w.mppId, sourceKind: 'ticket', sourceId: ticketId, serviceId: w.serviceId, servedAt: new Date() }));
    expect(again.code).toBeNull();
  });

  it('uses a service’s reworded answer labels, while the scale stays 1-4', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/mpps/${w.mppId}/services/${w.otherServiceId}/survey-labels`,
      headers: admin.headers,
      payload: [{ unsur: 4, score: 4, labelId: 'Sesuai tarif resmi', labelEn: 'As the official fee' }],
    });
    expect(put.statusCode).toBe(200);
    const { code } = await servedTicket(t.db, w.mppId, w.otherServiceId);
    const form = (await t.app.inject({ method: 'GET', url: `/api/survey/forms/${code}` })).json();
    expect(form.questions[3].answers[3]).toEqual({ score: 4, label: { id: 'Sesuai tarif resmi', en: 'As the official fee' } });
    const dup = await t.app.inject({
      method: 'PUT',
      url: `/api/mpps/${w.mppId}/services/${w.otherServiceId}/survey-labels`,
      headers: admin.headers,
      payload: [{ unsur: 1, score: 1, labelId: 'a', labelEn: 'a' }, { unsur: 1, score: 1, labelId: 'b', labelEn: 'b' }],
    });
    expect(dup.json().code).toBe('survey_duplicate_label');
  });
});

describe('the queue’s ticket.served event', () => {
  it('gives the served ticket one token, delivered twice or not', async () => {
    const ticketId = crypto.randomUUID();
    const handler = ticketServedHandler(t.db, () => clock.now());
    const event = { payload: { mppId: w.mppId, ticketId, serviceId: w.serviceId, tenantId: w.tenantId } };
    await handler(event);
    await handler(event);
    const tokens = await t.db.query<{ served_at: Date }>('SELECT served_at FROM survey_tokens WHERE mpp_id = $1 AND source_id = $2', [w.mppId, ticketId]);
    expect(tokens.rows).toEqual([{ served_at: clock.now() }]);
  });
});

describe('codes from the staff API', () => {
  it('gives a fresh code for an unanswered source, voiding the old one, and none once answered', async () => {
    const { ticketId, code: first } = await servedTicket(t.db, w.mppId, w.serviceId, clock.now(), 'booking');
    const url = `/api/mpps/${w.mppId}/survey/tokens`;
    const again = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: { sourceKind: 'booking', sourceId: ticketId, serviceId: w.serviceId } });
    expect(again.statusCode).toBe(201);
    const second: string = again.json().token;
    expect(second).not.toBe(first);
    expect((await t.app.inject({ method: 'GET', url: `/api/survey/forms/${first}` })).json().code).toBe('survey_token_unknown');
    expect((await submit(second, { answers: allAnswers(4) })).statusCode).toBe(201);
    const done = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: { sourceKind: 'booking', sourceId: ticketId, serviceId: w.serviceId } });
    expect(done.json().code).toBe('survey_already_answered');
  });
});

describe('the tablet at the counter', () => {
  it('shows the ticket the officer just finished there, takes one answer, then waits again', async () => {
    const kiosk = await deviceCaller(t, admin, w.mppId, 'kiosk');
    const unpaired = await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/survey/tablet`, headers: kiosk.headers });
    expect(unpaired.json().code).toBe('survey_tablet_unpaired');
    const pair = await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/survey/tablets/${kiosk.deviceId}`, headers: admin.headers, payload: { counterId: w.counterId } });
    expect(pair.statusCode).toBe(200);
    expect(pair.json()).toMatchObject({ counterNumber: 1 });

    const officer = await staffCaller(t, 'officer', { mppId: w.mppId, tenantId: w.tenantId });
    const unserved = await servedTicket(t.db, w.mppId, w.serviceId, null);
    const refused = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/counters/${w.counterId}/survey-handoff`, headers: officer.headers, payload: { sourceKind: 'ticket', sourceId: unserved.ticketId } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('survey_not_served');
    const neverIssued = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/counters/${w.counterId}/survey-handoff`, headers: officer.headers, payload: { sourceKind: 'ticket', sourceId: crypto.randomUUID() } });
    expect(neverIssued.json().code).toBe('survey_not_served');

    const served = await servedTicket(t.db, w.mppId, w.serviceId);
    const hand = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/counters/${w.counterId}/survey-handoff`, headers: officer.headers, payload: { sourceKind: 'ticket', sourceId: served.ticketId } });
    expect(hand.statusCode).toBe(200);

    const state = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/survey/tablet`, headers: kiosk.headers })).json();
    expect(state.counter.number).toBe(1);
    expect(state.pending.form.serviceName).toBe('Perekaman KTP-el');
    expect(JSON.stringify(state)).not.toContain(served.ticketId);

    const answer = { handoffId: state.pending.handoffId, answers: allAnswers(4) };
    const ok = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/survey/tablet/responses`, headers: kiosk.headers, payload: answer });
    expect(ok.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/survey/tablet/responses`, headers: kiosk.headers, payload: answer });
    expect(again.json().code).toBe('survey_handoff_gone');
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/survey/tablet`, headers: kiosk.headers })).json().pending).toBeNull();
    // The code printed on that ticket is used up too.
    expect((await submit(served.code, { answers: allAnswers(1) })).json().code).toBe('survey_already_answered');
  });

  it('refuses to hand another agency’s ticket to this counter, and lets the handoff expire', async () => {
    const officer = await staffCaller(t, 'officer', { mppId: w.mppId, tenantId: w.tenantId });
    const other = await servedTicket(t.db, w.mppId, w.otherServiceId);
    const res = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/counters/${w.counterId}/survey-handoff`, headers: officer.headers, payload: { sourceKind: 'ticket', sourceId: other.ticketId } });
    expect(res.json().code).toBe('survey_counter_mismatch');

    const kiosk = await deviceCaller(t, admin, w.mppId, 'kiosk');
    await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/survey/tablets/${kiosk.deviceId}`, headers: admin.headers, payload: { counterId: w.counterId } });
    const mine = await servedTicket(t.db, w.mppId, w.serviceId);
    await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/counters/${w.counterId}/survey-handoff`, headers: officer.headers, payload: { sourceKind: 'ticket', sourceId: mine.ticketId } });
    const pending = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/survey/tablet`, headers: kiosk.headers })).json().pending;
    expect(pending).not.toBeNull();
    clock.advance(16 * 60_000);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/survey/tablet`, headers: kiosk.headers })).json().pending).toBeNull();
    const late = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/survey/tablet/responses`, headers: kiosk.headers, payload: { handoffId: pending.handoffId, answers: allAnswers(4) } });
    expect(late.json().code).toBe('survey_handoff_gone');
    // The printed code still works after the tablet gave up.
    expect((await submit(mine.code, { answers: allAnswers(4) })).statusCode).toBe(201);
  });

  it('only pairs kiosk devices', async () => {
    const display = await deviceCaller(t, admin, w.mppId, 'display');
    const res = await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/survey/tablets/${display.deviceId}`, headers: admin.headers, payload: { counterId: w.counterId } });
    expect(res.json().code).toBe('survey_device_not_kiosk');
  });
});

describe('anonymity', () => {
  it('keeps nothing in a response that leads back to the ticket, the time or the device', async () => {
    const { rows } = await t.db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_responses' ORDER BY ordinal_position");
    expect(rows.map((r) => r.column_name)).toEqual([
      'mpp_id', 'id', 'tenant_id', 'service_id', 'served_on', 'channel',
      'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9',
      'gender', 'age_group', 'education', 'occupation', 'suggestion',
    ]);
    const tokenCols = await t.db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_tokens'");
    expect(tokenCols.rows.map((r) => r.column_name)).not.toContain('responded_at');
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action LIKE 'survey.response%'");
    expect(audit.rows).toHaveLength(0);
  });
});

describe('reports', () => {
  let r: SurveyWorld;
  beforeAll(async () => {
    // A fresh MPP in WIT with a hand-worked data set for April 2025 (from bookings: no queue tickets).
    r = await seedSurveyWorld(t.db, { timezone: 'Asia/Jayapura' });
    const answer = async (serviceId: string, servedAt: string, payload: object) => {
      const { code } = await servedTicket(t.db, r.mppId, serviceId, new Date(servedAt), 'booking');
      const res = await submit(code, payload);
      if (res.statusCode !== 201) throw new Error(res.body);
    };
    // Dukcapil: R1 all 4, R2 all 3, R3 all 3 but skipped U9 -> IKM 83.80 (see ikm.test.ts)
    await answer(r.serviceId, '2025-04-02T01:00:00Z', { answers: allAnswers(4), profile: { gender: 'L', ageGroup: '20-29' }, suggestion: 'Antrean cepat.' });
    await answer(r.serviceId, '2025-04-10T01:00:00Z', { answers: allAnswers(3), profile: { gender: 'P', education: 'sma' } });
    // 31 March 16:00 UTC is 1 April 01:00 in Jayapura: April.
    await answer(r.serviceId, '2025-03-31T16:00:00Z', { answers: { ...allAnswers(3), u9: null }, profile: { gender: 'P' } });
    // Samsat: one respondent, all 2 -> IKM 50.00 D
    await answer(r.otherServiceId, '2025-04-15T01:00:00Z', { answers: allAnswers(2), suggestion: 'Tambah kursi.' });
    // Served in April but not answered: counts in the population only.
    for (let i = 0; i < 6; i++) await servedTicket(t.db, r.mppId, r.serviceId, new Date('2025-04-20T02:00:00Z'), 'booking');
    // 30 April 15:30 UTC is already May in Jayapura: not in April.
    await answer(r.serviceId, '2025-04-30T15:30:00Z', { answers: allAnswers(1) });
  });

  it('recapitulates per unsur, per tenant and per service for a month in the MPP’s zone', async () => {
    const rAdmin = await staffCaller(t, 'mpp_admin', { mppId: r.mppId });
    const res = await t.app.inject({ method: 'GET', url: `/api/mpps/${r.mppId}/survey/report?period=2025-04`, headers: rAdmin.headers });
    expect(res.statusCode).toBe(200);
    const rep = res.json();
    // All four April respondents: U1..U8 sum 4+3+3+2 = 12 over 4 -> 3; U9 sum 4+3+2 = 9 over 3 -> 3; IKM = 75.00 C
    expect(rep.summary).toMatchObject({ respondents: 4, ikm: 75, grade: { mutu: 'C' }, complete: true });
    expect(rep.unsur[8]).toMatchObject({ code: 'U9', sum: 9, answers: 3, nrr: 3 });
    expect(rep.tenants.map((x: any) => [x.name, x.respondents, x.ikm, x.grade.mutu])).toEqual([
      ['Dukcapil', 3, 83.8, 'B'],
      ['Samsat', 1, 50, 'D'],
    ]);
    expect(rep.sample).toEqual({ population: 10, required: 10, respondents: 4, progress: 0.4 });
    expect(rep.profile.gender).toEqual([
      { value: 'L', label: { id: 'Laki-laki', en: 'Male' }, count: 1 },
      { value: 'P', label: { id: 'Perempuan', en: 'Female' }, count: 2 },
      { value: '-', label: { id: 'Tidak diisi', en: 'Not given' }, count: 1 },
    ]);
    const may = (await t.app.inject({ method: 'GET', url: `/api/mpps/${r.mppId}/survey/report?period=2025-05`, headers: rAdmin.headers })).json();
    expect(may.summary).toMatchObject({ respondents: 1, ikm: 25, grade: { mutu: 'D' } });
    const q2 = (await t.app.inject({ method: 'GET', url: `/api/mpps/${r.mppId}/survey/report?period=2025-Q2&serviceId=${r.serviceId}`, headers: rAdmin.headers })).json();
    expect(q2.summary.respondents).toBe(4);
    expect(q2.scope.serviceName).toBe('Perekaman KTP-el');
  });

  it('limits a tenant admin to their own tenant', async () => {
    const ta = await staffCaller(t, 'tenant_admin', { mppId: r.mppId, tenantId: r.tenantId });
    const own = (await t.app.inject({ method: 'GET', url: `/api/mpps/${r.mppId}/survey/report?period=2025-04`, headers: ta.headers })).json();
    expect(own.scope.tenantName).toBe('Dukcapil');
    expect(own.summary).toMatchObject({ respondents: 3, ikm: 83.8 });
    expect(own.tenants).toEqual([]);
    const other = await t.app.inject({ method: 'GET', url: `/api/mpps/${r.mppId}/survey/report?period=2025-04&tenantId=${r.otherTenantId}`, headers: ta.headers });
    expect(other.statusCode).toBe(404);
    const sugg = (await t.app.inject({ method: 'GET', url: `/api/mpps/${r.mppId}/survey/suggestions?period=2025-04`, headers: ta.headers })).json();
    expect(sugg).toEqual([{ serviceName: 'Perekaman KTP-el', tenantName: 'Dukcapil', text: 'Antrean cepat.' }]);
  });

  it('shows the trend over periods', async () => {
    const rAdmin = await staffCaller(t, 'mpp_admin', { mppId: r.mppId });
    clock.set('2025-05-20T03:00:00Z');
    const trend = (await t.app.inject({ method: 'GET', url: `/api/mpps/${r.mppId}/survey/trend?kind=month&count=3`, headers: rAdmin.headers })).json();
    expect(trend.map((p: any) => [p.period, p.respondents, p.ikm])).toEqual([
      ['2025-03', 0, null],
      ['2025-04', 4, 75],
      ['2025-05', 1, 25],
    ]);
  });

  it('answers 404 for an MPP that does not exist, even to a national admin (found by the route fuzzer: was 500)', async () => {
    const nat = await staffCaller(t, 'national_admin');
    const missing = '9b465bfb-5587-44a2-a485-67ee6caf3f84';
    for (const url of [`/api/mpps/${missing}/survey/trend?kind=month&count=3`, `/api/mpps/${missing}/survey/report?period=2025-04`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: nat.headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('downloads the report as PDF and XLSX laid out like the published recapitulation', async () => {
    const rAdmin = await staffCaller(t, 'mpp_admin', { mppId: r.mppId });
    const pdf = await t.app.inject({ method: 'GET', url: `/api/mpps/${r.mppId}/survey/report.pdf?period=2025-04`, headers: rAdmin.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.SURVEY_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.SURVEY_PDF_OUT, pdf.rawPayload);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/mpps/${r.mppId}/survey/report.xlsx?period=2025-04`, headers: rAdmin.headers });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Rekapitulasi')!;
    const values = sheet.getSheetValues().filter(Array.isArray).map((row) => row.slice(1));
    expect(values.find((row) => row[0] === 'U9')).toEqual(['U9', expect.any(String), 9, 3, 3, 0.333]);
    expect(values.find((row) => row[1] === 'IKM (nilai indeks x 25)')?.[5]).toBe(75);
    expect(values.find((row) => row[1] === 'Mutu pelayanan')?.[5]).toBe('C');
    expect(wb.getWorksheet('Saran')!.rowCount).toBe(3);
  });

  it('publishes a period to the public page with per-tenant grades', async () => {
    const rAdmin = await staffCaller(t, 'mpp_admin', { mppId: r.mppId });
    const none = await t.app.inject({ method: 'GET', url: `/api/public/mpps/${r.mppId}/ikm` });
    expect(none.json().code).toBe('survey_nothing_published');
    const pub = await t.app.inject({ method: 'POST', url: `/api/mpps/${r.mppId}/survey/publications`, headers: rAdmin.headers, payload: { period: '2025-04' } });
    expect(pub.statusCode).toBe(201);
    const slug = (await t.db.query<{ slug: string }>('SELECT slug FROM mpps WHERE id = $1', [r.mppId])).rows[0]!.slug;
    const pub2 = await t.app.inject({ method: 'GET', url: `/api/public/mpps/${slug}/ikm` });
    expect(pub2.statusCode).toBe(200);
    expect(pub2.json()).toMatchObject({ period: '2025-04', ikm: 75, grade: { mutu: 'C' }, tenants: [{ name: 'Dukcapil', ikm: 83.8 }, { name: 'Samsat', ikm: 50 }] });
  });

  it('computes the national index from all answers, each MPP cut on its own days', async () => {
    const nat = await staffCaller(t, 'national_admin');
    const res = (await t.app.inject({ method: 'GET', url: '/api/survey/national?period=2025-04', headers: nat.headers })).json();
    expect(res.mpps.find((m: any) => m.mppId === r.mppId)).toMatchObject({ respondents: 4, ikm: 75 });
    expect(res.national.respondents).toBe(4);
  });

  it('refuses an unknown period clearly', async () => {
    const rAdmin = await staffCaller(t, 'mpp_admin', { mppId: r.mppId });
    const res = await t.app.inject({ method: 'GET', url: `/api/mpps/${r.mppId}/survey/report?period=2025-13`, headers: rAdmin.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toContain('2025-S1');
  });
});
