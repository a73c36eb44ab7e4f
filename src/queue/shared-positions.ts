import type { Db } from '../platform/db.js';
import { computePositions, type Position } from './positions.js';
import * as repo from './repository.js';

/**
 * Positions of every waiting ticket of an MPP's day, computed once for all who ask at about the same
 * time: a caller gets the result of a computation that starts after its call (so it sees every change
 * the caller committed before asking), and callers that ask in the same turn of the event loop, or while
 * one runs, share the next one. At 16 concurrent issuers of one MPP that is one position query per
 * round instead of one per ticket.
 */
class PositionsCoalescer {
  private readonly running = new Map<string, Promise<Map<string, Position>>>();
  private readonly queued = new Map<string, Promise<Map<string, Position>>>();

  constructor(private readonly db: Db) {}

  fresh(input: { mppId: string; localDay: string; at: Date }): Promise<Map<string, Position>> {
    const key = `${input.mppId}/${input.localDay}`;
    const queued = this.queued.get(key);
    if (queued) return queued;
    const start = () => {
      this.queued.delete(key);
      const p = repo.positionInputs(this.db, input).then(computePositions);
      this.running.set(key, p);
      const clear = () => {
        if (this.running.get(key) === p) this.running.delete(key);
      };
      p.then(clear, clear);
      return p;
    };
    // Nothing running: start on the next turn of the event loop, not now, so the requests already read
    // in this turn share it. On PGlite a request's statements resolve without leaving the microtask
    // queue, so without this turn each request ran alone to its end and nothing was ever shared
    // (docs/benchmarks.md, issue 17, PGlite issue).
    const running = this.running.get(key) ?? nextTurn();
    const next = running.then(start, start);
    this.queued.set(key, next);
    return next;
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const coalescers = new WeakMap<Db, PositionsCoalescer>();

/** `queuePositions` shared by concurrent callers of this node (see PositionsCoalescer). */
export function sharedQueuePositions(db: Db, input: { mppId: string; localDay: string; at: Date }): Promise<Map<string, Position>> {
  let c = coalescers.get(db);
  if (!c) coalescers.set(db, (c = new PositionsCoalescer(db)));
  return c.fresh(input);
}
