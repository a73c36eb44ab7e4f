import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { allAnswers } from './survey.test-helpers.js';

/** The survey against the real queue: tickets issued at the kiosk, called, served at a counter. */
const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let w: QueueWorld;
const q = (path: string) => `/api/mpps/${w.mppId}/queue${path}`;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
  await post(t, w.officer, q(`/counters/${w.counters.c1}/open`));
});
afterAll(() => t.close());

async function ticketAtCounter(): Promise<{ id: string }> {
  await issue(t, w, w.services.ktp);
  const called = (await post(t, w.officer, q(`/counters/${w.counters.c1}/call-next`))).json().ticket;
  expect((await post(t, w.officer, q(`/tickets/${called.id}/start`))).statusCode).toBe(200);
  return called;
}

const handoff = (ticketId: string) => post(t, w.officer, `/api/mpps/${w.mppId}/counters/${w.counters.c1}/survey-handoff`, { sourceKind: 'ticket', sourceId: ticketId });

describe('survey on served queue tickets', () => {
  it('refuses a ticket still being served, and takes it the moment the officer finishes it', async () => {
    const kiosk = w.kiosk;
    await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/survey/tablets/${(await t.db.query<{ id: string }>("SELECT id FROM device_tokens WHERE mpp_id = $1 AND kind = 'kiosk'", [w.mppId])).rows[0]!.id}`, headers: w.admin.headers, payload: { counterId: w.counters.c1 } });
    const ticket = await ticketAtCounter();
    const early = await handoff(ticket.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('survey_not_served');

    clock.advance(4 * 60_000);
    expect((await post(t, w.officer, q(`/tickets/${ticket.id}/finish`))).statusCode).toBe(200);
    // Before the outbox has delivered 'ticket.served': the console's handoff still works.
    expect((await handoff(ticket.id)).statusCode).toBe(200);
    const state = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/survey/tablet`, headers: kiosk.headers })).json();
    expect(state.pending.form.serviceName).toBe('Perekaman KTP-el');
    const answer = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/survey/tablet/responses`, headers: kiosk.headers, payload: { handoffId: state.pending.handoffId, answers: allAnswers(4) } });
    expect(answer.statusCode).toBe(201);

    // The outbox delivery afterwards makes no second code and no second chance.
    await t.ctx.outbox.runOnce();
    const tokens = await t.db.query<{ responded: boolean; served_at: Date }>('SELECT responded, served_at FROM survey_tokens WHERE mpp_id = $1 AND source_id = $2', [w.mppId, ticket.id]);
    expect(tokens.rows).toEqual([{ responded: true, served_at: clock.now() }]);
    expect((await handoff(ticket.id)).json().code).toBe('survey_already_answered');
  });

  it('gives every served ticket a token through ticket.served; the console shows a fresh code as QR; counted as served', async () => {
    const ticket = await ticketAtCounter();
    await post(t, w.officer, q(`/tickets/${ticket.id}/finish`));
    await t.ctx.outbox.runOnce();
    const { rows } = await t.db.query('SELECT 1 FROM survey_tokens WHERE mpp_id = $1 AND source_id = $2', [w.mppId, ticket.id]);
    expect(rows).toHaveLength(1);
    const issued = await post(t, w.officer, `/api/mpps/${w.mppId}/survey/tokens`, { sourceKind: 'ticket', sourceId: ticket.id, serviceId: w.services.ktp });
    expect(issued.statusCode).toBe(201);
    const res = await t.app.inject({ method: 'POST', url: `/api/survey/forms/${issued.json().token}/responses`, payload: { answers: allAnswers(3) } });
    expect(res.statusCode).toBe(201);

    const report = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/survey/report?period=2026-11`, headers: w.admin.headers })).json();
    expect(report.sample).toMatchObject({ population: 2, respondents: 2, required: 2 });
    // (4 x 9 + 3 x 9) / 2 per unsur = 3.5 -> IKM 87.50 B
    expect(report.summary).toMatchObject({ ikm: 87.5, grade: { mutu: 'B' } });
  });

  it('issues a code through the API only for a ticket the queue has served', async () => {
    const ticket = await ticketAtCounter();
    const url = `/api/mpps/${w.mppId}/survey/tokens`;
    const unserved = await post(t, w.officer, url, { sourceKind: 'ticket', sourceId: ticket.id, serviceId: w.services.ktp });
    expect(unserved.json().code).toBe('survey_not_served');
    const invented = await post(t, w.officer, url, { sourceKind: 'ticket', sourceId: crypto.randomUUID(), serviceId: w.services.ktp });
    expect(invented.json().code).toBe('survey_not_served');
    await post(t, w.officer, q(`/tickets/${ticket.id}/finish`));
    const ok = await post(t, w.officer, url, { sourceKind: 'ticket', sourceId: ticket.id, serviceId: w.services.ktp });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().surveyPath).toMatch(/^\/survei\/[0-9A-Z-]{14}$/);
  });

  it('refuses codes for made-up bookings, and for a real booking until the queue served it (no IKM inflation)', async () => {
    const url = `/api/mpps/${w.mppId}/survey/tokens`;
    for (let i = 0; i < 3; i++) {
      const invented = await post(t, w.officer, url, { sourceKind: 'booking', sourceId: crypto.randomUUID(), serviceId: w.services.ktp });
      expect(invented.statusCode).toBe(409);
      expect(invented.json().code).toBe('survey_not_served');
    }
    const { rows } = await t.db.query("SELECT 1 FROM survey_tokens WHERE mpp_id = $1 AND source_kind = 'booking'", [w.mppId]);
    expect(rows).toHaveLength(0);
    // A checked-in booking whose ticket was served gets its code.
    const ticket = await ticketAtCounter();
    const booking = await t.db.query<{ id: string }>(
      `INSERT INTO bookings (mpp_id, code, service_id, slot_start, slot_end, local_day, nik_hash, nik_masked, name, email, status, ticket_id, created_at, updated_at)
       VALUES ($1, 'ABCD2345', $2, now(), now() + interval '15 minutes', current_date, 'h', '3201********0001', 'Warga', 'w@test.layan', 'checked_in', $3, now(), now()) RETURNING id`,
      [w.mppId, w.services.ktp, ticket.id],
    );
    const early = await post(t, w.officer, url, { sourceKind: 'booking', sourceId: booking.rows[0]!.id, serviceId: w.services.ktp });
    expect(early.json().code).toBe('survey_not_served');
    await post(t, w.officer, q(`/tickets/${ticket.id}/finish`));
    const ok = await post(t, w.officer, url, { sourceKind: 'booking', sourceId: booking.rows[0]!.id, serviceId: w.services.ktp });
    expect(ok.statusCode).toBe(201);
  });

  it('has no code for a ticket that was never served (no-show)', async () => {
    await issue(t, w, w.services.ktp);
    const called = (await post(t, w.officer, q(`/counters/${w.counters.c1}/call-next`))).json().ticket;
    await post(t, w.officer, q(`/tickets/${called.id}/no-show`));
    await t.ctx.outbox.runOnce();
    expect((await handoff(called.id)).json().code).toBe('survey_not_served');
    const { rows } = await t.db.query('SELECT 1 FROM survey_tokens WHERE source_id = $1', [called.id]);
    expect(rows).toHaveLength(0);
  });
});
