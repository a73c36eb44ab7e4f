import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Db } from './db.js';
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
