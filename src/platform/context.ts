import type { FastifyBaseLogger } from 'fastify';
import type { Actor, Principal } from './auth.js';
import type { Config } from './config.js';
import type { Db } from './db.js';
import type { Lang } from './i18n.js';
import type { OutboxWorker } from './outbox-worker.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every domain's routes and services are given when the app is assembled. */
export interface AppContext {
  db: Db;
  config: Config;
  log: FastifyBaseLogger;
  clock: Clock;
  outbox: OutboxWorker;
}

/**
 * One request as a service sees it: the database, who asks (and as whom it is audited), the instant
 * the request is judged at, and the caller's language. Service functions take `(ctx, input)` so a call
 * reads like a sentence instead of eight positional arguments.
 */
export interface ServiceContext {
  db: Db;
  principal: Principal;
  actor: Actor;
  now: Date;
  lang: Lang;
}
