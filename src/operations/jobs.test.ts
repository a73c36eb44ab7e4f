import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { postgresDb, type Db } from '../platform/db.js';
import type { App } from '../platform/http.js';
import { seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { runIfDue } from './jobs.js';
import { refreshScorecardsIfDue, SCORECARD_JOB } from './scorecard-jobs.js';

/**
 * Two app instances on one database (with TEST_DATABASE_URL each has its own connection pool, as two
 * nodes would): the scorecard refresher runs on exactly one of them per round.
 */
let a: TestApp;
let b: { app: App; db: Db };
let w: QueueWorld;

beforeAll(async () => {
  a = await createTestApp();
  const dbB = a.testDb.url ? postgresDb(a.testDb.url, 4) : a.db; // PGlite is one process: the same database object
  const built = await buildApp(dbB, a.ctx.config);
  await built.app.ready();
  b = { app: built.app, db: dbB };
  w = await seedQueueWorld(a);
}, 600_000);
afterAll(async () => {
  await b.app.close();
  if (b.db !== a.db) await b.db.close();
  await a.close();
});

const job = async () => (await a.db.query<{ holder: string; last_error: string | null; finished: boolean }>('SELECT holder, last_error, last_finished_at IS NOT NULL AS finished FROM ops_jobs WHERE name = $1', [SCORECARD_JOB.name])).rows[0];
const cards = async () => (await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ops_scorecards WHERE mpp_id = $1', [w.mppId])).rows[0]!.n;
/** The next round: the last run started over an hour ago and its lease has ended. */
const anHourLater = () => a.db.query("UPDATE ops_jobs SET last_started_at = last_started_at - interval '2 hours', lease_until = now() - interval '1 second'");
const clock = { now: () => new Date() };

describe('periodic jobs on several nodes', () => {
  it('refreshes the scorecards on exactly one node per round', async () => {
    const rounds: boolean[][] = [];
    for (let round = 0; round < 3; round++) {
      const ran = await Promise.all([
        refreshScorecardsIfDue(a.db, clock, 'node-a'),
        refreshScorecardsIfDue(b.db, clock, 'node-b'),
        refreshScorecardsIfDue(a.db, clock, 'node-a'),
        refreshScorecardsIfDue(b.db, clock, 'node-b'),
      ]);
      rounds.push(ran);
      expect(ran.filter(Boolean), `round ${round}: ${ran}`).toHaveLength(1);
      // Within the hour nobody runs it again.
      expect(await Promise.all([refreshScorecardsIfDue(a.db, clock, 'node-a'), refreshScorecardsIfDue(b.db, clock, 'node-b')])).toEqual([false, false]);
      expect(await job()).toMatchObject({ finished: true, last_error: null });
      await anHourLater();
    }
    // The work was done: the MPP's current and previous month are stored.
    expect(await cards()).toBe(2);
  });

  it('keeps other nodes out while a run holds the lease, and lets one take over a lease its dead node left', async () => {
    const name = 'test-long-job';
    const schedule = { name, everySeconds: 3600, leaseSeconds: 600 };
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const first = runIfDue(a.db, schedule, async () => {
      started();
      await held;
    }, 'node-a');
    await running;
    // Due or not, the lease is held: node B stays out.
    await a.db.query("UPDATE ops_jobs SET last_started_at = now() - interval '2 hours' WHERE name = $1", [name]);
    expect(await runIfDue(b.db, schedule, async () => undefined, 'node-b')).toBe(false);
    release();
    expect(await first).toBe(true);

    // Node A dies mid-run: its lease expires and B takes the job over; A's late release does not clear B's lease.
    await a.db.query("UPDATE ops_jobs SET holder = 'node-a', last_finished_at = NULL, last_started_at = now() - interval '2 hours', lease_until = now() - interval '1 second' WHERE name = $1", [name]);
    let bRan = false;
    expect(await runIfDue(b.db, schedule, async () => (bRan = true), 'node-b')).toBe(true);
    expect(bRan).toBe(true);
    const row = (await a.db.query<{ holder: string }>('SELECT holder FROM ops_jobs WHERE name = $1', [name])).rows[0]!;
    expect(row.holder).toBe('node-b');
  });

  it('records a failed run, releases the lease and runs again next round', async () => {
    const schedule = { name: 'test-failing-job', everySeconds: 3600, leaseSeconds: 600 };
    await expect(runIfDue(a.db, schedule, async () => Promise.reject(new Error('database busy')), 'node-a')).rejects.toThrow('database busy');
    const { rows } = await a.db.query<{ last_error: string; free: boolean }>('SELECT last_error, lease_until <= now() AS free FROM ops_jobs WHERE name = $1', [schedule.name]);
    expect(rows[0]).toMatchObject({ last_error: 'database busy', free: true });
    await a.db.query("UPDATE ops_jobs SET last_started_at = now() - interval '2 hours' WHERE name = $1", [schedule.name]);
    expect(await runIfDue(b.db, schedule, async () => undefined, 'node-b')).toBe(true);
  });
});
