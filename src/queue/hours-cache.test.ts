import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { until } from '../../test/support/sse.js';
import { issue, seedQueueWorld, type QueueWorld } from './fixtures.test-helpers.js';

// Issue 17: the kiosk reads hours, special days and the calendar from the node's memory; a change
// written anywhere (another node, a script, the admin screens) must still close the kiosk.
describe('kiosk issue honours hours changed after they were remembered', () => {
  const clock = fakeClock('2026-11-23T03:00:00Z'); // Monday 10:00 WIB
  let t: TestApp;
  let w: QueueWorld;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    w = await seedQueueWorld(t);
  });
  afterAll(() => t.close());

  const issuing = async () => (await issue(t, w, w.services.ktp)).json().code ?? 'issued';

  it('follows weekly hours, a special day and a closure in the calendar', async () => {
    expect(await issuing()).toBe('issued');
    await t.db.query(`UPDATE mpps SET weekly_hours = '{"1": {"opens": "08:00", "closes": "09:00", "breaks": []}}' WHERE id = $1`, [w.mppId]);
    await until(async () => (await issuing()) === 'mpp_closed', 30_000, 'weekly hours to close the kiosk');

    await t.db.query(`INSERT INTO mpp_special_days (mpp_id, day, opens, closes, note) VALUES ($1, '2026-11-23', '08:00', '16:00', 'Pelayanan diperpanjang')`, [w.mppId]);
    await until(async () => (await issuing()) === 'issued', 30_000, 'the special day to open it');

    await t.db.query(`INSERT INTO calendar_days (mpp_id, day, kind, name) VALUES ($1, '2026-11-23', 'closure', 'Pemadaman listrik')`, [w.mppId]);
    await until(async () => (await issuing()) === 'mpp_closed', 30_000, 'the closure to close it');

    await t.db.query(`DELETE FROM calendar_days WHERE mpp_id = $1`, [w.mppId]);
    await until(async () => (await issuing()) === 'issued', 30_000, 'the removed closure to open it again');
  });
});
