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

/**
 * Migration 0740 fills the hour rows' buckets (ops_hourly, ops_daily_hour) for events that predate it:
 * cleared and backfilled, they must equal what ops_apply kept live, NULL where a bucket was never used.
 */
it('the 0740 backfill reproduces the hour buckets ops_apply keeps', async () => {
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
  await t.db.query('SELECT ops_fold($1)', [w.mppId]);
  const hourly = () => t.db.query('SELECT * FROM ops_hourly ORDER BY hour, service_id, counter_id, officer_id').then((r) => r.rows);
  const dayHour = () => t.db.query('SELECT * FROM ops_daily_hour ORDER BY local_day, local_hour, tenant_id').then((r) => r.rows);
  const [h0, d0] = [await hourly(), await dayHour()];
  // Services of 3, 7 and 11 minutes, each in its own bucket; unused buckets stay NULL.
  expect(d0.reduce((n: number, r: any) => n + (r.s3 ?? 0) + (r.s7 ?? 0) + (r.s11 ?? 0), 0)).toBe(3);
  expect(d0.every((r: any) => r.s4 === null)).toBe(true);
  const sql = readFileSync('migrations/0740_operations_hour_percentiles.sql', 'utf8');
  const backfill = sql.slice(sql.indexOf('-- Existing events: each duration bucketed'));
  const cols = ['w', 't', 's'].flatMap((p) => Array.from({ length: 40 }, (_, i) => `${p}${i} = NULL`)).concat(Array.from({ length: 11 }, (_, i) => `k${i} = NULL`)).join(', ');
  await t.db.transaction(async (tx) => {
    await tx.query(`UPDATE ops_hourly SET ${cols}`);
    await tx.query(`UPDATE ops_daily_hour SET ${cols}`);
    await tx.exec(backfill);
  });
  expect(await hourly()).toEqual(h0);
  expect(await dayHour()).toEqual(d0);
  await t.close();
}, 600_000);
