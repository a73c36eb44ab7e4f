import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../platform/db.js';
import { countersPerMpp, servedLastHourPerMpp, waitingPerMpp } from './metrics-repository.js';
import { foldAllPending } from './repository.js';

/**
 * Prometheus metrics of one app: HTTP requests by route and status, and the queue's live state per
 * MPP read from the database at scrape time (so every node reports the same queue figures).
 */
export function createMetrics(db: Db) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'layan_' });
  const requests = new Counter({ name: 'layan_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'layan_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'layan_queue_waiting_tickets',
    help: 'Tickets waiting today, per MPP',
    labelNames: ['mpp'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await waitingPerMpp(db);
      for (const r of rows) this.set({ mpp: r.slug }, Number(r.n));
    },
  });
  new Gauge({
    name: 'layan_queue_counters',
    help: 'Counters by state, per MPP',
    labelNames: ['mpp', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await countersPerMpp(db);
      for (const r of rows) this.set({ mpp: r.slug, status: r.status }, Number(r.n));
    },
  });
  new Gauge({
    name: 'layan_queue_served_last_hour',
    help: 'Tickets served in the current and previous UTC hour, per MPP',
    labelNames: ['mpp'],
    registers: [registry],
    async collect() {
      this.reset();
      await foldAllPending(db);
      const rows = await servedLastHourPerMpp(db);
      for (const r of rows) this.set({ mpp: r.slug }, Number(r.n));
    },
  });
  return {
    registry,
    observe(method: string, route: string, status: number, seconds: number) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
  };
}

/** Constant-time comparison of a presented bearer token with the configured one. */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
