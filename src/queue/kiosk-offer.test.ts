import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { issue, seedQueueWorld } from './fixtures.test-helpers.js';

// The kiosk's "most used" services come from the offer's recentTickets: tickets issued per service in
// the MPP's last 30 local days, today included.
const clock = fakeClock('2026-11-01T02:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

describe('queue offer: recent tickets per service', () => {
  it('counts the tickets of the last 30 days, today included, and forgets older ones', async () => {
    const w = await seedQueueWorld(t);
    await issue(t, w, w.services.kk); // 2026-11-01: 31 days before 12-02, outside the window then
    clock.set('2026-11-20T02:00:00Z');
    for (let i = 0; i < 3; i++) expect((await issue(t, w, w.services.ktp)).statusCode).toBe(201);
    clock.set('2026-12-02T02:00:00Z');
    expect((await issue(t, w, w.services.ktp)).statusCode).toBe(201);
    expect((await issue(t, w, w.services.stnk)).statusCode).toBe(201);

    const offer = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/offer` })).json();
    const recent = Object.fromEntries(offer.services.map((s: { id: string; recentTickets: number }) => [s.id, s.recentTickets]));
    expect(recent).toEqual({ [w.services.ktp]: 4, [w.services.stnk]: 1, [w.services.kk]: 0 });
  });
});
