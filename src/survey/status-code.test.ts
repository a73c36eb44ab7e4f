import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { allAnswers } from './survey.test-helpers.js';

/** The survey code reached from the ticket's own QR (its live status page), against the real queue. */
const clock = fakeClock('2026-11-24T02:00:00Z');
let t: TestApp;
let w: QueueWorld;
const q = (path: string) => `/api/mpps/${w.mppId}/queue${path}`;
const codeFor = (statusToken: string, lang?: string) =>
  t.app.inject({ method: 'POST', url: `/api/survey/ticket-status/${statusToken}/code`, headers: lang ? { 'accept-language': lang } : {} });

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
  await post(t, w.officer, q(`/counters/${w.counters.c1}/open`));
});
afterAll(() => t.close());

/** A kiosk ticket called to counter 1; returns its id and the status token printed as QR. */
async function calledTicket(): Promise<{ id: string; statusToken: string }> {
  const issued = (await issue(t, w, w.services.ktp)).json();
  const called = (await post(t, w.officer, q(`/counters/${w.counters.c1}/call-next`))).json().ticket;
  expect(called.id).toBe(issued.id);
  return { id: issued.id, statusToken: issued.statusToken };
}

describe('survey code from the ticket status page', () => {
  it('refuses while the ticket is not served, then gives a served ticket one stable code that takes one response', async () => {
    const ticket = await calledTicket();
    const early = await codeFor(ticket.statusToken);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'survey_not_served', title: expect.stringContaining('setelah Anda dilayani') });
    expect((await codeFor(ticket.statusToken, 'en')).json().title).toContain('once you have been served');

    await post(t, w.officer, q(`/tickets/${ticket.id}/start`));
    clock.advance(5 * 60_000);
    expect((await post(t, w.officer, q(`/tickets/${ticket.id}/finish`))).statusCode).toBe(200);

    // Before the outbox has delivered 'ticket.served': the status page already gets its code.
    const first = await codeFor(ticket.statusToken);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ served: true, surveyPath: `/survei/${first.json().token}` });
    // A reload gives the same code and does not void the one already opened.
    const again = await codeFor(ticket.statusToken);
    expect(again.json().token).toBe(first.json().token);
    await t.ctx.outbox.runOnce();
    expect((await codeFor(ticket.statusToken)).json().token).toBe(first.json().token);

    const form = await t.app.inject({ method: 'GET', url: `/api/survey/forms/${first.json().token}` });
    expect(form.statusCode).toBe(200);
    expect(form.json().serviceName).toBe('Perekaman KTP-el');
    const answer = (payload: object) => t.app.inject({ method: 'POST', url: `/api/survey/forms/${first.json().token}/responses`, payload });
    expect((await answer({ answers: allAnswers(4) })).statusCode).toBe(201);
    expect((await answer({ answers: allAnswers(1) })).json().code).toBe('survey_already_answered');
    const after = await codeFor(ticket.statusToken);
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('survey_already_answered');

    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM survey_responses WHERE mpp_id = $1', [w.mppId]);
    expect(rows[0]!.n).toBe(1);
  });

  it('concurrent reloads of a served ticket all get the same code, and one code row', async () => {
    const ticket = await calledTicket();
    await post(t, w.officer, q(`/tickets/${ticket.id}/start`));
    await post(t, w.officer, q(`/tickets/${ticket.id}/finish`));
    const results = await Promise.all(Array.from({ length: 5 }, () => codeFor(ticket.statusToken)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.json().token)).size).toBe(1);
    const { rows } = await t.db.query('SELECT 1 FROM survey_tokens WHERE mpp_id = $1 AND source_id = $2', [w.mppId, ticket.id]);
    expect(rows).toHaveLength(1);
  });

  it('tells the holder of a no-show ticket there is nothing to rate', async () => {
    const ticket = await calledTicket();
    await post(t, w.officer, q(`/tickets/${ticket.id}/no-show`));
    const res = await codeFor(ticket.statusToken);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'survey_ticket_not_served', title: expect.stringContaining('tidak dilayani') });
  });

  it('answers 404 to a status token nobody was given', async () => {
    const res = await codeFor(randomBytes(18).toString('base64url'));
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
