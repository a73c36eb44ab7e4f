import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createTestApp, fakeClock } from '../../test/support/app.js';
import { issue, post, seedQueueWorld } from '../queue/fixtures.test-helpers.js';

/**
 * Migration 0717 fills ops_monthly and the counters' service buckets for data that predates it: run on
 * aggregates ops_apply kept live (three services of 3, 7 and 11 minutes), it must give the same rows.
 */
it('the 0717 backfill reproduces what ops_apply keeps', async () => {
  const clock = fakeClock('2026-11-23T02:00:00Z');
  const t = await createTestApp({ clock });
  const w = await seedQueueWorld(t);
  for (let i = 0; i < 3; i++) await issue(t, w, w.services.ktp);
  await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
  for (let i = 0; i < 3; i++) {
    clock.advance(300_000 * (i + 1));
    const tk = (await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`)).json().ticket;
    await post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${tk.id}/start`);
    clock.advance(60_000 * (3 + i * 4));
    await post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${tk.id}/finish`);
  }
  // The events reach the aggregates when folded (migration 0730); a statistics read does this first.
  await t.db.query('SELECT ops_fold($1)', [w.mppId]);
  const month = () => t.db.query('SELECT * FROM ops_monthly ORDER BY service_id').then((r) => r.rows);
  const staff = () => t.db.query('SELECT * FROM ops_daily_staff ORDER BY counter_id, officer_id').then((r) => r.rows);
  const [m0, s0] = [await month(), await staff()];
  expect(m0).toHaveLength(1);
  expect(s0.some((r: any) => r.s3 === 1 && r.s7 === 1 && r.s11 === 1)).toBe(true);
  const sql = readFileSync('migrations/0717_operations_monthly_staff_percentiles.sql', 'utf8');
  const backfill = sql.slice(sql.indexOf('-- Existing aggregates: the month rows'));
  await t.db.query('DELETE FROM ops_monthly');
  await t.db.query(`UPDATE ops_daily_staff SET ${Array.from({ length: 40 }, (_, i) => `s${i} = 0`).join(', ')}`);
  await t.db.exec(backfill);
  expect(await month()).toEqual(m0);
  expect(await staff()).toEqual(s0);
  await t.close();
}, 600_000);
