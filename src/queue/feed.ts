import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { boardShows, lastDisplaySeq, listDisplayEventsAfter, waitingPerService, type BoardScope, type DisplayEvent, type ServiceWaiting } from './display-repository.js';
import type { QueueHub } from './hub.js';
import * as repo from './repository.js';
import { ticketView } from './service.js';
import { openSse, sseFrameBytes, type SseStream } from './sse.js';
import { StatusBroadcaster, statusFrame } from './status-feed.js';
import { sharedQueuePositions } from './shared-positions.js';

const COUNTS_DELAY_MS = 500;
/** A board event is serialised once, however many boards receive it. */
const frames = new WeakMap<DisplayEvent, Buffer>();
function frameOf(ev: DisplayEvent): Buffer {
  let f = frames.get(ev);
  if (!f) frames.set(ev, (f = sseFrameBytes(ev.type, { seq: ev.seq, zone: ev.zone, type: ev.type, payload: ev.payload, at: ev.at }, ev.seq)));
  return f;
}

/**
 * Waiting counts per service, recomputed at most every COUNTS_DELAY_MS per MPP on this node and
 * shared by all its boards (one query, not one per board).
 */
class CountsBroadcaster {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly listeners = new Map<string, Set<(frame: Buffer) => void>>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  add(mppId: string, fn: (frame: Buffer) => void): () => void {
    let set = this.listeners.get(mppId);
    if (!set) this.listeners.set(mppId, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  poke(mppId: string): void {
    if (this.pending.has(mppId) || !this.listeners.get(mppId)?.size) return;
    this.pending.set(
      mppId,
      setTimeout(() => {
        this.pending.delete(mppId);
        void this.compute(mppId)
          .then((counts) => {
            const frame = sseFrameBytes('counts', counts);
            for (const fn of this.listeners.get(mppId) ?? []) fn(frame);
          })
          .catch(() => undefined);
      }, COUNTS_DELAY_MS),
    );
  }

  async compute(mppId: string): Promise<ServiceWaiting[]> {
    const { localDay } = await repo.localDayOf(this.db, mppId, this.clock.now());
    return waitingPerService(this.db, mppId, localDay);
  }

  stop(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}

export class QueueFeeds {
  readonly streams = new Set<SseStream>();
  private readonly counts: CountsBroadcaster;
  readonly status: StatusBroadcaster;

  constructor(
    private readonly db: Db,
    private readonly hub: QueueHub,
    private readonly clock: Clock,
  ) {
    this.counts = new CountsBroadcaster(db, clock);
    this.status = new StatusBroadcaster(db, hub, clock);
  }

  /**
   * A board's live feed. Events after Last-Event-ID (or ?after=) are replayed from display_events
   * first; live events that arrive meanwhile are held and sent after, each exactly once, in order.
   */
  async board(request: FastifyRequest, reply: FastifyReply, mppId: string, scope: BoardScope, after: number | null): Promise<void> {
    let lastSent = after ?? Number.MAX_SAFE_INTEGER;
    if (after === null) {
      lastSent = await lastDisplaySeq(this.db, mppId);
    }
    let replaying = true;
    const held: DisplayEvent[] = [];
    const cleanups: (() => void)[] = [];
    const send = (ev: DisplayEvent) => {
      if (ev.seq <= lastSent) return;
      if (!boardShows(scope, ev)) {
        lastSent = ev.seq;
        return;
      }
      stream.sendFrame(frameOf(ev));
      lastSent = ev.seq;
    };
    // After a lost LISTEN connection, read what was missed from the event log (in order, once).
    let catchingUp: Promise<void> = Promise.resolve();
    const catchUp = () => {
      catchingUp = catchingUp.then(async () => {
        if (stream.closed) return;
        for (;;) {
          const missed = await listDisplayEventsAfter(this.db, mppId, lastSent, scope);
          missed.forEach(send);
          if (missed.length < 500) break;
        }
        this.counts.poke(mppId);
      }).catch(() => undefined);
    };
    cleanups.push(
      await this.hub.subscribe(mppId, {
        onDisplay: (ev) => (replaying ? held.push(ev) : send(ev)),
        onChanged: () => this.counts.poke(mppId),
        onResync: () => {
          if (!replaying) catchUp();
        },
      }),
    );
    // Opened only once subscribed: with the database away the request gets a 503, not a silent stream.
    const stream = openSse(request, reply, this.streams, () => cleanups.forEach((c) => c()));
    // The shared waiting counts are the hall's line; a lane board reloads its own snapshot instead.
    if (!scope.lane) cleanups.push(this.counts.add(mppId, (frame) => stream.sendFrame(frame)));
    try {
      for (;;) {
        const missed = await listDisplayEventsAfter(this.db, mppId, lastSent, scope);
        missed.forEach(send);
        if (missed.length < 500) break;
      }
      replaying = false;
      held.sort((a, b) => a.seq - b.seq).forEach(send);
      if (!scope.lane) stream.send('counts', await this.counts.compute(mppId));
    } catch (err) {
      // The database went away mid-replay: end the stream; the board reconnects with its Last-Event-ID.
      request.log.warn({ err }, 'board feed: replay failed; closing the stream');
      stream.close();
    }
  }

  /**
   * A ticket holder's live status: sent on connect, then again whenever it changes. Every stream of
   * the MPP shares one computation per change (status-feed.ts).
   */
  async ticketStatus(request: FastifyRequest, reply: FastifyReply, token: string): Promise<void> {
    const first = await repo.findTicketByStatusToken(this.db, token);
    if (!first) throw commonErrors.not_found();
    const cleanups: (() => void)[] = [];
    // The frame last written: the view is sent again only when it changed. Frames come serialised
    // (once per ticket and change, whatever the number of its streams), so this is a byte compare.
    let last: Buffer | undefined;
    // A view computed before the stream is open is dropped: the first view follows right after.
    let opened = false;
    const send = (frame: Buffer) => {
      if (!opened || stream.closed || last?.equals(frame)) return;
      last = frame;
      stream.sendFrame(frame);
    };
    cleanups.push(await this.status.follow(first.mppId, token, (_view, frame) => send(frame)));
    // Opened only once subscribed.
    const stream = openSse(request, reply, this.streams, () => cleanups.forEach((c) => c()));
    opened = true;
    try {
      // Phones connecting together (a board's QR code, a reconnect wave) share the position computation.
      const at = this.clock.now();
      const positions = first.status === 'waiting' ? await sharedQueuePositions(this.db, { mppId: first.mppId, localDay: first.localDay, at }) : undefined;
      send(statusFrame(await ticketView(this.db, first, at, { positions })));
    } catch {
      stream.close();
    }
  }

  stop(): void {
    this.counts.stop();
    for (const s of [...this.streams]) s.close();
  }
}
