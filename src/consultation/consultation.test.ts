import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER } from '../citizen/routes.js';

/**
 * Consultation (issue 15 item 5): a signed-in citizen asks the agency of a service a written question
 * (optionally with an attachment checked by content) or asks for an online consultation; the agency
 * answers or confirms the meeting from its staff screen; the citizen is told through the outbox and
 * reads the answer in "Layanan saya". Monday 23 November 2026, 09:00 WIB.
 */
const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let mpp: { mppId: string; tenantId: string; otherTenantId: string };
let serviceId: string;
let officer: Caller;
let otherOfficer: Caller;
let citizen: Caller;
const PHONE = '+6281234579001';
const PDF = Buffer.from('%PDF-1.4\nSURAT PERMOHONAN RAHASIA\n%%EOF\n');

async function deliver() {
  while ((await t.ctx.outbox.runOnce()) > 0);
}
const textsTo = (to: string) => t.app.fakeOutbox.sent.filter((s) => s.to === to).map((s) => s.text);

async function citizenCaller(phone: string): Promise<Caller> {
  await t.app.inject({ method: 'POST', url: '/api/citizen/codes', payload: { destination: phone }, remoteAddress: '10.9.2.1' });
  await deliver();
  const code = /\b(\d{6})\b/.exec(textsTo(phone).at(-1)!)![1];
  const res = await t.app.inject({ method: 'POST', url: '/api/citizen/session', payload: { destination: phone, code }, remoteAddress: '10.9.2.1' });
  const token = res.cookies.find((c) => c.name === CITIZEN_COOKIE)!.value;
  return { headers: { cookie: `${CITIZEN_COOKIE}=${token}`, [CITIZEN_CSRF_HEADER]: res.json().csrfToken } };
}

const ask = (payload: object, caller = citizen) => t.app.inject({ method: 'POST', url: '/api/citizen/me/consultations', headers: caller.headers, payload: { mppId: mpp.mppId, serviceId, ...payload } });
const act = (id: string, action: string, payload: object, caller = officer) =>
  t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/consultations/${id}/actions/${action}`, headers: caller.headers, payload });
const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM consultations')).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp({ clock });
  mpp = await seedMpp(t.db);
  serviceId = (await t.db.query<{ id: string }>(
    "INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, 'PBG', 'Persetujuan Bangunan Gedung', 'B') RETURNING id", [mpp.mppId, mpp.tenantId],
  )).rows[0]!.id;
  officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
  otherOfficer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
  citizen = await citizenCaller(PHONE);
});
afterAll(() => t.close());

describe('a written question', () => {
  it('is asked with an attachment, answered by the agency, and the citizen is told and reads the answer', async () => {
    const asked = await ask({ question: 'Apakah gambar bangunan boleh dikirim dalam PDF?', attachment: { fileName: 'gambar.pdf', contentBase64: PDF.toString('base64') } });
    expect(asked.statusCode).toBe(201);
    const c = asked.json();
    // Three working days from Monday: due at the end of Thursday in WIB.
    expect(c).toMatchObject({ kind: 'question', status: 'submitted', tenantName: 'Dukcapil', dueAt: '2026-11-26T16:59:59.999Z', answer: null, attachment: { fileName: 'gambar.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length } });
    const stored = await t.db.query<{ ciphertext: Uint8Array }>('SELECT ciphertext FROM consultation_attachments WHERE consultation_id = $1', [c.id]);
    expect(Buffer.from(stored.rows[0]!.ciphertext).includes(Buffer.from('RAHASIA'))).toBe(false);
    await deliver();
    expect(textsTo(PHONE).at(-1)).toContain(`Konsultasi ${c.trackingCode} diterima`);

    // The agency's staff screen lists it; another agency's officer does not see it.
    const list = (await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/consultations`, headers: officer.headers })).json() as { id: string; allowedActions: string[] }[];
    expect(list.find((x) => x.id === c.id)?.allowedActions).toEqual(['answer']);
    expect(((await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/consultations`, headers: otherOfficer.headers })).json() as unknown[]).length).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/consultations/${c.id}`, headers: otherOfficer.headers })).statusCode).toBe(404);
    const file = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/consultations/${c.id}/attachment`, headers: officer.headers });
    expect(file.rawPayload.equals(PDF)).toBe(true);

    // Not a meeting: cannot be scheduled; an answer needs text.
    const schedule = await act(c.id, 'schedule', { meetingUrl: 'https://meet.example.id/abc' });
    expect(schedule.statusCode).toBe(422);
    expect(schedule.json().title).toContain('Hanya permintaan konsultasi daring');
    const empty = await act(c.id, 'answer', {});
    expect(empty.statusCode).toBe(422);
    expect(empty.json().title).toBe('Tindakan "answer" memerlukan isian: answer.');

    const answered = await act(c.id, 'answer', { answer: 'Boleh. Unggah PDF gambar arsitektur dan struktur saat mengajukan PBG.' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', allowedActions: [] });
    await deliver();
    expect(textsTo(PHONE).at(-1)).toMatch(new RegExp(`Dukcapil menjawab konsultasi ${c.trackingCode}: "Boleh\\. Unggah PDF`));
    const again = await act(c.id, 'answer', { answer: 'Jawaban kedua.' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition' });

    const mine = (await t.app.inject({ method: 'GET', url: '/api/citizen/me/consultations', headers: citizen.headers })).json() as { id: string; answer: string; steps: { action: string; actor: string | null }[] }[];
    const seen = mine.find((x) => x.id === c.id)!;
    expect(seen.answer).toContain('Unggah PDF gambar');
    expect(seen.steps.map((s) => [s.action, s.actor])).toEqual([['ask', null], ['answer', 'Dukcapil']]);
    const events = await t.db.query<{ action: string; actor_type: string }>('SELECT action, actor_type FROM consultation_events WHERE consultation_id = $1 ORDER BY id', [c.id]);
    expect(events.rows).toEqual([{ action: 'ask', actor_type: 'citizen' }, { action: 'answer', actor_type: 'user' }]);
  });

  it('refuses bad input in Bahasa Indonesia and writes nothing', async () => {
    const n = await count();
    const short = await ask({ question: 'Halo?' });
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(short.json())).toContain('minimal 10 huruf');
    const exe = await ask({ question: 'Apakah berkas ini bisa dipakai?', attachment: { fileName: 'virus.pdf', contentBase64: Buffer.from('MZ executable').toString('base64') } });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().title).toBe('Lampiran harus berkas PDF, JPEG atau PNG menurut isinya, maksimal 2 MB.');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/citizen/me/consultations', headers: citizen.headers, payload: { mppId: mpp.mppId, serviceId: '00000000-0000-4000-8000-000000000000', question: 'Layanan yang tidak ada?' } });
    expect(unknown.statusCode).toBe(404);
    const noSlot = await ask({ kind: 'meeting', question: 'Saya ingin konsultasi survei lokasi.' });
    expect(noSlot.statusCode).toBe(422);
    const past = await ask({ kind: 'meeting', question: 'Saya ingin konsultasi survei lokasi.', slotDate: '2026-11-23', slotTime: '10:00' });
    expect(past.statusCode).toBe(422);
    expect(past.json().title).toBe('Jadwal konsultasi daring harus antara besok dan 30 hari ke depan.');
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/citizen/me/consultations', payload: { mppId: mpp.mppId, serviceId, question: 'Tanpa masuk boleh bertanya?' } });
    expect(anonymous.statusCode).toBe(401);
    expect(await count()).toBe(n);
  });
});

describe('an online consultation', () => {
  it('is asked for a day and hour, confirmed with an https meeting link, then answered; or withdrawn by the citizen', async () => {
    const asked = await ask({ kind: 'meeting', question: 'Mohon konsultasi daring untuk survei lokasi PBG.', slotDate: '2026-11-25', slotTime: '10:00' });
    expect(asked.statusCode).toBe(201);
    const c = asked.json();
    expect(c).toMatchObject({ kind: 'meeting', slotStart: '2026-11-25T03:00:00.000Z', meetingUrl: null });
    const insecure = await act(c.id, 'schedule', { meetingUrl: 'http://meet.example.id/abc' });
    expect(insecure.statusCode).toBe(400);
    expect(JSON.stringify(insecure.json())).toContain('https://');
    const scheduled = await act(c.id, 'schedule', { meetingUrl: 'https://meet.example.id/pbg-23' });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', meetingUrl: 'https://meet.example.id/pbg-23', allowedActions: ['answer'] });
    await deliver();
    expect(textsTo(PHONE).at(-1)).toContain('https://meet.example.id/pbg-23');
    // The citizen cannot answer; staff cannot withdraw.
    expect((await act(c.id, 'withdraw', {})).statusCode).toBe(409);
    const done = await act(c.id, 'answer', { answer: 'Survei lokasi dibahas; lanjutkan pengajuan PBG.' });
    expect(done.json().status).toBe('answered');
    const late = await t.app.inject({ method: 'POST', url: `/api/citizen/me/consultations/${c.id}/withdraw`, headers: citizen.headers });
    expect(late.statusCode).toBe(409);

    const other = (await ask({ kind: 'meeting', question: 'Konsultasi daring kedua, nanti dibatalkan.', slotDate: '2026-11-27', slotTime: '13:00' })).json();
    const stranger = await citizenCaller('+6281234579999');
    expect((await t.app.inject({ method: 'POST', url: `/api/citizen/me/consultations/${other.id}/withdraw`, headers: stranger.headers })).statusCode).toBe(404);
    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/citizen/me/consultations/${other.id}/withdraw`, headers: citizen.headers });
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await act(other.id, 'schedule', { meetingUrl: 'https://meet.example.id/x' })).statusCode).toBe(409);
  });

  it('two officers answering at once: one answer wins', async () => {
    const c = (await ask({ question: 'Berapa lama PBG selesai diproses?' })).json();
    const second = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const answers = await Promise.all([act(c.id, 'answer', { answer: 'Paling lama 28 hari kerja.' }), act(c.id, 'answer', { answer: 'Sekitar satu bulan.' }, second)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.db.query('SELECT 1 FROM consultation_events WHERE consultation_id = $1 AND action = $2', [c.id, 'answer']);
    expect(events.rows.length).toBe(1);
  });
});
