/**
 * The synthetic MPP of the operations benchmarks (bench:ops, bench:ops-scale): the demo's size (25
 * agencies, 159 services, 50 counters with an officer each) and `days` local days ending `lastDay` of
 * `perDay` synthetic tickets a day (issue, call, start, finish; 10% no-shows, 5% cancelled while waiting;
 * waits and service times exponential around 12 and 6 minutes), loaded in bulk with the trigger off.
 * Then `replayDays` derives the aggregates with ops_rebuild, one local day per call.
 */
import { TENANTS } from '../src/demo/data.js';
import type { Db } from '../src/platform/db.js';

export const BENCH_COUNTERS = 50;

/** Fills the MPP (zone Asia/Jakarta) with its catalog and events; returns the number of services. */
export async function buildBenchMpp(db: Db, mppId: string, opts: { days: number; perDay: number; lastDay: string }): Promise<number> {
  const { days: DAYS, perDay: PER_DAY, lastDay: LAST_DAY } = opts;
  const COUNTERS = BENCH_COUNTERS;
  const tenants = TENANTS.slice(0, 25);
  await db.query(
    'INSERT INTO tenants (mpp_id, code, name, kind) SELECT $1, c, n, k FROM unnest($2::text[], $3::text[], $4::text[]) AS x(c, n, k)',
    [mppId, tenants.map((t) => t.code), tenants.map((t) => t.name), tenants.map((t) => t.kind)],
  );
  const services = tenants.flatMap((t) => t.services.map((s) => ({ tenant: t.code, name: s[0], prefix: t.prefix }))).slice(0, 159);
  await db.query(
    `INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix)
     SELECT $1, t.id, 'S' || lpad(x.i::text, 4, '0'), x.n, x.p FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(tc, n, p, i)
       JOIN tenants t ON t.mpp_id = $1 AND t.code = x.tc`,
    [mppId, services.map((s) => s.tenant), services.map((s) => s.name), services.map((s) => s.prefix)],
  );
  // Two counters for the busiest agencies, one for the others; one officer each.
  await db.query(
    `WITH t AS (SELECT id, row_number() OVER (ORDER BY code) AS k FROM tenants WHERE mpp_id = $1)
     INSERT INTO counters (mpp_id, tenant_id, number, name)
     SELECT $1, t.id, n, 'Loket ' || n FROM generate_series(1, $2) n JOIN t ON t.k = 1 + (n - 1) % 25`,
    [mppId, COUNTERS],
  );
  await db.query(
    `INSERT INTO users (email, name, password_hash) SELECT 'petugas' || n || '@bench.invalid', 'Petugas ' || n, 'x' FROM generate_series(1, $1) n`,
    [COUNTERS],
  );
  await db.exec('ALTER TABLE ticket_events DISABLE TRIGGER ticket_events_ops_hourly');
  for (let d = DAYS - 1; d >= 0; d--) {
    await db.query(
      `WITH day AS (SELECT ($2::date - $3::int) AS d),
       svc AS (SELECT s.id, s.tenant_id, s.ticket_prefix, row_number() OVER (ORDER BY s.code) - 1 AS k FROM services s WHERE s.mpp_id = $1),
       ctr AS (SELECT c.id, c.tenant_id, c.number, row_number() OVER (PARTITION BY c.tenant_id ORDER BY c.number) - 1 AS k,
                      count(*) OVER (PARTITION BY c.tenant_id) AS n FROM counters c WHERE c.mpp_id = $1),
       off AS (SELECT u.id, row_number() OVER (ORDER BY u.email) AS number FROM users u WHERE u.email LIKE '%@bench.invalid'),
       raw AS (
         SELECT g, floor(159 * power(random(), 2))::int AS k,
                ((SELECT d FROM day) + time '08:00' + random() * interval '8 hours') AT TIME ZONE 'Asia/Jakarta' AS issued_at,
                -ln(1 - random()) * 12 * 60 AS wait_s, 20 + random() * 100 AS walk_s, 60 + -ln(1 - random()) * 6 * 60 AS svc_s,
                random() AS fate, random() AS pick
           FROM generate_series(1, $4) g),
       gen AS (
         SELECT r.*, s.id AS service_id, s.tenant_id, s.ticket_prefix,
                row_number() OVER (PARTITION BY s.ticket_prefix ORDER BY r.issued_at) AS seq,
                c.id AS counter_id, o.id AS officer_id
           FROM raw r JOIN svc s ON s.k = r.k
           JOIN ctr c ON c.tenant_id = s.tenant_id AND c.k = floor(r.pick * c.n)::int
           JOIN off o ON o.number = c.number),
       v AS (INSERT INTO visits (mpp_id, token, created_at) SELECT $1, md5(random()::text || g), issued_at FROM gen RETURNING id, token),
       tk AS (
         INSERT INTO tickets (mpp_id, visit_id, service_id, tenant_id, prefix, seq, number, local_day, channel, status, issued_at, rank_at, queued_at, status_token, updated_at, counter_id)
         SELECT $1, (SELECT id FROM v LIMIT 1), service_id, tenant_id, ticket_prefix, seq, ticket_prefix || '-' || lpad(seq::text, 3, '0'), (SELECT d FROM day), 'kiosk',
                CASE WHEN fate < 0.85 THEN 'served' WHEN fate < 0.95 THEN 'no_show' ELSE 'cancelled' END,
                issued_at, issued_at, issued_at, md5(random()::text || g || 't'), issued_at, CASE WHEN fate < 0.95 THEN counter_id END
           FROM gen RETURNING id, service_id, issued_at, counter_id)
       SELECT count(*) FROM tk`,
      [mppId, LAST_DAY, d, PER_DAY],
    );
  }
  // Events in ticket order, each ticket's steps in time order (ids ascend within a ticket).
  await db.query(
    `INSERT INTO ticket_events (mpp_id, ticket_id, type, at, actor_type, actor_id, counter_id, service_id)
     SELECT $1, x.ticket_id, x.type, x.at, x.actor_type, x.actor_id, x.counter_id, x.service_id FROM (
       SELECT t.id AS ticket_id, t.service_id, t.counter_id, o.id::text AS officer, t.status, t.issued_at,
              t.issued_at + (-ln(1 - random()) * 12 * 60) * interval '1 second' AS called_at,
              (20 + random() * 100) * interval '1 second' AS walk, (60 + -ln(1 - random()) * 360) * interval '1 second' AS svc
         FROM tickets t LEFT JOIN counters c ON c.mpp_id = t.mpp_id AND c.id = t.counter_id
         LEFT JOIN users o ON o.email = 'petugas' || c.number || '@bench.invalid'
        WHERE t.mpp_id = $1) y
     CROSS JOIN LATERAL (VALUES
       (1, 'issued', y.issued_at, 'device', NULL, NULL::uuid),
       (2, CASE WHEN y.status = 'cancelled' THEN 'cancelled' ELSE 'called' END,
           CASE WHEN y.status = 'cancelled' THEN y.issued_at + interval '10 minutes' ELSE y.called_at END,
           CASE WHEN y.status = 'cancelled' THEN 'citizen' ELSE 'user' END, CASE WHEN y.status = 'cancelled' THEN NULL ELSE y.officer END, y.counter_id),
       (3, CASE WHEN y.status = 'served' THEN 'serving' WHEN y.status = 'no_show' THEN 'no_show' END,
           CASE WHEN y.status = 'served' THEN y.called_at + y.walk ELSE y.called_at + interval '3 minutes' END, 'user', y.officer, y.counter_id),
       (4, CASE WHEN y.status = 'served' THEN 'served' END, y.called_at + y.walk + y.svc, 'user', y.officer, y.counter_id)
     ) AS x0 (step, type, at, actor_type, actor_id, counter_id)
     CROSS JOIN LATERAL (SELECT y.ticket_id, x0.type, x0.at, x0.actor_type, x0.actor_id, x0.counter_id, y.service_id) x
     WHERE x0.type IS NOT NULL
     ORDER BY y.issued_at, y.ticket_id, x0.step`,
    [mppId],
  );
  await db.exec('ALTER TABLE ticket_events ENABLE TRIGGER ticket_events_ops_hourly');
  return services.length;
}

/** Derives the aggregates of the MPP's days from its events (ops_rebuild, one local day per call); returns ms. */
export async function replayDays(db: Db, mppId: string, opts: { days: number; lastDay: string }): Promise<number> {
  const r0 = performance.now();
  for (let d = opts.days - 1; d >= 0; d--) {
    await db.query("SELECT ops_rebuild($1, ($2::date - $3::int)::timestamp AT TIME ZONE 'Asia/Jakarta', ($2::date - $3::int)::timestamp AT TIME ZONE 'Asia/Jakarta')", [mppId, opts.lastDay, d]);
  }
  return performance.now() - r0;
}
