/**
 * True queue positions: the order in which the counters that can serve a ticket will call it.
 *
 * Call-next (counter-repository.claimNext) picks, per counter, by a score that grows with time
 * (waited minutes x the counter's weight for the service, plus the priority class's minutes), so a
 * position cannot be read off one sorted list. Instead this module replays call-next forward in time
 * for ALL waiting tickets of an MPP at once: every open counter calls its best ticket when it becomes
 * free, and is busy for the service's recent cycle. One pass answers every ticket (the status page,
 * the printed ticket, and later one computation per change for all live status streams, issue 17).
 *
 * The score here must equal the SQL one exactly: both use integer milliseconds/seconds (see SCORE in
 * counter-repository.ts), so ties break the same way (rank_at, seq, id).
 */
import { cycleSeconds } from './estimate.js';

export interface PositionTicket {
  id: string;
  serviceId: string;
  /** Transferred to this very counter: only it calls the ticket, before anything else. */
  targetCounterId: string | null;
  /** coalesce(booked_for, queued_at) in epoch ms: the instant its wait counts from. */
  basisMs: number;
  priorityWeight: number;
  rankAtMs: number;
  seq: number;
  /** A drive-thru ticket's lane (zone code); absent or null: the hall line. */
  lane?: string | null;
}

export interface PositionCounter {
  id: string;
  number: number;
  status: 'open' | 'paused' | 'closed';
  /** The drive-thru lane this counter works in (it calls only that lane's tickets); absent or null: the hall. */
  lane?: string | null;
  /** Service id -> weight 1-10 for the services this counter serves. */
  weights: Record<string, number>;
  /** The ticket at the counter now (called or serving), if any. */
  current: { serviceId: string; calledAtMs: number } | null;
}

export interface PositionInput {
  nowMs: number;
  tickets: PositionTicket[];
  counters: PositionCounter[];
  /** Recent call-to-finish seconds per service, newest first. */
  recentCycles: Record<string, number[]>;
  /**
   * Priority-class tickets issued in the last hour (any status): how often people who will go ahead of
   * a ticket issued now have been arriving. Only widens the range (see priorityDelayMs).
   */
  recentPriority?: { serviceId: string; atMs: number; creditMinutes: number }[];
  defaultServiceMinutes: number;
}

export type NoCounterReason = 'paused' | 'closed';

export interface Position {
  ticketId: string;
  /** Tickets the counters able to serve this one will call before it. */
  ahead: number;
  /** Predicted call instant (epoch ms); null when no counter able to serve it is open. */
  callAtMs: number | null;
  /** Estimated wait in seconds from now, with a range meant to hold about 80% of calls. */
  waitSeconds: number | null;
  waitLowSeconds: number | null;
  waitHighSeconds: number | null;
  /** Why there is no time: its counters are all paused, or all closed. */
  noCounter: NoCounterReason | null;
  /** The counter the replay expects to call it. */
  counterId: string | null;
}

/** Score x 60,000 (integer ms) at `atMs`: waited ms x weight + class minutes in ms. */
export function scoreMs(t: PositionTicket, weight: number, atMs: number): number {
  return (atMs - t.basisMs) * weight + t.priorityWeight * 60_000;
}

export function eligible(t: PositionTicket, c: PositionCounter): boolean {
  return t.targetCounterId === c.id || (t.targetCounterId === null && c.weights[t.serviceId] !== undefined && (t.lane ?? null) === (c.lane ?? null));
}

/** Call-next's choice for counter `c` at `atMs`, in the order of the SQL: target first, score, rank_at, seq, id. */
export function pickNext<T extends PositionTicket>(waiting: Iterable<T>, c: PositionCounter, atMs: number): T | undefined {
  let best: T | undefined;
  let bestKey: [number, number, number, number, string] | undefined;
  for (const t of waiting) {
    if (!eligible(t, c)) continue;
    const key: [number, number, number, number, string] = [
      t.targetCounterId === c.id ? 1 : 0,
      scoreMs(t, c.weights[t.serviceId] ?? 1, atMs),
      t.rankAtMs,
      t.seq,
      t.id,
    ];
    if (!bestKey || better(key, bestKey)) {
      best = t;
      bestKey = key;
    }
  }
  return best;
}

function better(a: [number, number, number, number, string], b: [number, number, number, number, string]): boolean {
  if (a[0] !== b[0]) return a[0] > b[0];
  if (a[1] !== b[1]) return a[1] > b[1];
  if (a[2] !== b[2]) return a[2] < b[2];
  if (a[3] !== b[3]) return a[3] < b[3];
  return a[4] < b[4];
}

/** Coefficient of variation assumed for service times when the range is drawn (measured: docs/queue.md). */
const SERVICE_CV = 0.6;
/** Share of a cycle still assumed for a person already at the counter longer than a cycle. */
const RESIDUAL = 0.4;
/** z for a two-sided ~80% range. */
const Z80 = 1.4;
/** The window recentPriority covers. */
const PRIORITY_WINDOW_MS = 3_600_000;

/**
 * Expected delay from priority-class people who have not arrived yet: one arriving `u` ms from now with
 * a credit of k minutes goes ahead of this ticket while u < k - (time it has already waited), for as long
 * as the ticket waits. At last hour's rate of such arrivals at the services its counters serve, each
 * costing a cycle shared by its counters. Added to the top of the range only: the point estimate stays
 * the replay of who is here now (what the position test checks exactly), the range admits who is coming.
 */
function priorityDelayMs(input: PositionInput, t: PositionTicket, mine: PositionCounter[], waitMs: number, cycleMs: (s: string) => number): number {
  if (!input.recentPriority?.length || mine.length === 0 || waitMs <= 0) return 0;
  const served = new Set(mine.flatMap((c) => Object.keys(c.weights)));
  const waited = input.nowMs - t.basisMs;
  let delay = 0;
  for (const p of input.recentPriority) {
    if (!served.has(p.serviceId)) continue;
    const overlap = Math.min(waitMs, p.creditMinutes * 60_000 - waited);
    if (overlap > 0) delay += (overlap / PRIORITY_WINDOW_MS) * cycleMs(p.serviceId);
  }
  return delay / mine.length;
}

interface Replay {
  order: { ticketId: string; counterId: string; atMs: number }[];
}

function replay(input: PositionInput, open: PositionCounter[], cycleMs: (serviceId: string) => number): Replay {
  const waiting = new Map(input.tickets.map((t) => [t.id, t]));
  const free = open.map((c) => ({
    c,
    // A person at the counter longer than the usual cycle is not about to leave: a long case tends to
    // stay long, so at least RESIDUAL of a cycle is still assumed (measured in the replayed days).
    at: c.current ? Math.max(input.nowMs + RESIDUAL * cycleMs(c.current.serviceId), c.current.calledAtMs + cycleMs(c.current.serviceId)) : input.nowMs,
    done: false,
  }));
  const order: Replay['order'] = [];
  while (waiting.size > 0) {
    let next: (typeof free)[number] | undefined;
    for (const f of free) {
      if (f.done) continue;
      if (!next || f.at < next.at || (f.at === next.at && (f.c.number < next.c.number || (f.c.number === next.c.number && f.c.id < next.c.id)))) next = f;
    }
    if (!next) break;
    const t = pickNext(waiting.values(), next.c, next.at);
    if (!t) {
      next.done = true; // nothing will arrive in the replay: this counter has no more work
      continue;
    }
    waiting.delete(t.id);
    order.push({ ticketId: t.id, counterId: next.c.id, atMs: next.at });
    next.at += cycleMs(t.serviceId);
  }
  return { order };
}

/**
 * Positions of every waiting ticket. A ticket whose counters are all paused or closed gets its place
 * in the order those counters would call once open, and no time (`noCounter` says why).
 */
export function computePositions(input: PositionInput): Map<string, Position> {
  const cycleCache = new Map<string, number>();
  const cycleMs = (serviceId: string) => {
    let v = cycleCache.get(serviceId);
    if (v === undefined) {
      v = Math.round(cycleSeconds(input.recentCycles[serviceId] ?? [], input.defaultServiceMinutes) * 1000);
      cycleCache.set(serviceId, v);
    }
    return v;
  };
  const open = input.counters.filter((c) => c.status === 'open');
  const live = replay(input, open, cycleMs);
  const out = new Map<string, Position>();
  const record = (r: Replay, counters: PositionCounter[], timed: boolean) => {
    const byId = new Map(input.tickets.map((t) => [t.id, t]));
    // Per counter, how many calls it has made so far in the replay; a ticket's "ahead" is the calls
    // made before it by every counter that could have served it.
    const callsBy = new Map<string, number>();
    for (const step of r.order) {
      if (out.has(step.ticketId)) {
        callsBy.set(step.counterId, (callsBy.get(step.counterId) ?? 0) + 1);
        continue;
      }
      const t = byId.get(step.ticketId)!;
      let ahead = 0;
      for (const c of counters) if (eligible(t, c)) ahead += callsBy.get(c.id) ?? 0;
      const wait = Math.max(0, step.atMs - input.nowMs);
      const mine = counters.filter((c) => eligible(t, c));
      const spread = timed ? Z80 * SERVICE_CV * Math.sqrt(wait * cycleMs(t.serviceId) / Math.max(1, mine.length)) : 0;
      const coming = timed ? priorityDelayMs(input, t, mine, wait, cycleMs) : 0;
      out.set(t.id, {
        ticketId: t.id,
        ahead,
        callAtMs: timed ? step.atMs : null,
        waitSeconds: timed ? Math.round(wait / 1000) : null,
        waitLowSeconds: timed ? Math.round(Math.max(0, wait - spread) / 1000) : null,
        waitHighSeconds: timed ? Math.round((wait + spread + coming) / 1000) + 60 : null,
        noCounter: null,
        counterId: step.counterId,
      });
      callsBy.set(step.counterId, (callsBy.get(step.counterId) ?? 0) + 1);
    }
  };
  record(live, open, true);
  const unplaced = input.tickets.filter((t) => !out.has(t.id));
  if (unplaced.length > 0) {
    // Their counters are not open: place them as if every counter were open, without a time.
    const all = input.counters.map((c) => ({ ...c, status: 'open' as const }));
    const hypo = replay({ ...input, tickets: input.tickets, counters: all }, all, cycleMs);
    record(hypo, all, false);
    for (const t of unplaced) {
      const p = out.get(t.id);
      const mine = input.counters.filter((c) => eligible(t, c));
      const noCounter: NoCounterReason = mine.some((c) => c.status === 'paused') ? 'paused' : 'closed';
      out.set(t.id, {
        ticketId: t.id,
        ahead: p?.ahead ?? 0,
        callAtMs: null,
        waitSeconds: null,
        waitLowSeconds: null,
        waitHighSeconds: null,
        noCounter,
        counterId: null,
      });
    }
  }
  return out;
}
