import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Anything SQL can be sent to: the database itself or an open transaction. */
/**
 * `name` makes it a named prepared statement on a PostgreSQL server: parsed and planned once per
 * connection instead of at every call (PGlite ignores it). One name must always carry the same SQL text.
 */
export interface QueryOptions {
  name?: string;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], opts?: QueryOptions): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction; commits when it resolves, rolls back when it throws.
   * Use only the handle passed to fn inside it: the outer Db waits for the transaction (PGlite).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to NOTIFY on a channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Calls fn each time the LISTEN connection is re-established after a loss: notifications sent
   * meanwhile were missed, so subscribers catch up from the database. Returns the unsubscribe function.
   */
  onListenRestored(fn: () => void): () => void;
  close(): Promise<void>;
}

// Same value shapes from both drivers: int8 as number, date as 'YYYY-MM-DD', numeric as string.
const INT8 = 20;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

const PGLITE_PARSERS = {
  [pgliteTypes.INT8]: (v: string) => Number(v),
  [pgliteTypes.DATE]: (v: string) => v,
};

export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { pg_trgm, unaccent },
    parsers: PGLITE_PARSERS,
  });
}

export function pgliteDb(pglite: PGlite): Db {
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[]);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const outer = wrap(pglite);
  return {
    kind: 'pglite',
    query: outer.query,
    exec: outer.exec,
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unlisten = await pglite.listen(channel, onPayload);
      return () => unlisten();
    },
    // In-process: the connection cannot be lost.
    onListenRestored: () => () => undefined,
    close: () => pglite.close(),
  };
}

/** Time limits for a PostgreSQL server; each bounds how long a fault can hold a request. */
export interface PostgresOptions {
  poolSize?: number;
  /** Opening a connection (TCP + start-up) fails after this. */
  connectTimeoutMs?: number;
  /** The server cancels a statement running longer (statement_timeout). */
  statementTimeoutMs?: number;
  /** The server ends a session idle inside a transaction this long (idle_in_transaction_session_timeout). */
  idleInTransactionTimeoutMs?: number;
  /** An idle pooled connection is closed after this. */
  idleTimeoutMs?: number;
  /** How often the LISTEN connection is checked with a query (a black-holed socket sends no error). */
  listenCheckMs?: number;
}

const LISTEN_BACKOFF_MIN_MS = 200;
const LISTEN_BACKOFF_MAX_MS = 2000;

export function postgresDb(connectionString: string, poolSizeOrOpts: number | PostgresOptions = {}): Db {
  const opts: PostgresOptions = typeof poolSizeOrOpts === 'number' ? { poolSize: poolSizeOrOpts } : poolSizeOrOpts;
  const connectTimeoutMs = opts.connectTimeoutMs ?? 5000;
  const statementTimeoutMs = opts.statementTimeoutMs ?? 30_000;
  // The client gives up shortly after the server should have cancelled: covers a silent network.
  const clientOptions = {
    connectionString,
    connectionTimeoutMillis: connectTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 5000,
    idle_in_transaction_session_timeout: opts.idleInTransactionTimeoutMs ?? 60_000,
  };
  const pool = new pg.Pool({ ...clientOptions, max: opts.poolSize ?? 10, idleTimeoutMillis: opts.idleTimeoutMs ?? 30_000 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const restored = new Set<() => void>();
  const listenCheckMs = opts.listenCheckMs ?? 5000;

  // The LISTEN connection: one per node, re-opened with backoff whenever it is lost, and every
  // channel listened again; subscribers are told so they can catch up on what they missed.
  let listener: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let backoff = LISTEN_BACKOFF_MIN_MS;
  let closed = false;
  const dispose = (client: pg.Client) => {
    // end() waits for the server; a dead socket is destroyed instead.
    const stream = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
    stream?.destroy();
    void client.end().catch(() => undefined);
  };
  const lost = (client: pg.Client) => {
    if (listener !== client) return;
    listener = undefined;
    dispose(client);
    scheduleReconnect();
  };
  const scheduleReconnect = () => {
    if (closed || reconnectTimer || handlers.size === 0) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      ensureListener().then(
        () => {
          backoff = LISTEN_BACKOFF_MIN_MS;
          for (const fn of restored) fn();
        },
        () => {
          backoff = Math.min(backoff * 2, LISTEN_BACKOFF_MAX_MS);
          scheduleReconnect();
        },
      );
    }, backoff);
    reconnectTimer.unref();
  };
  const openListener = async (): Promise<pg.Client> => {
    const client = new pg.Client(clientOptions);
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    client.on('notification', (msg) => {
      for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
    });
    try {
      await client.connect();
      for (const channel of handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      dispose(client);
      throw err;
    }
    return client;
  };
  const ensureListener = (): Promise<pg.Client> => {
    if (listener) return Promise.resolve(listener);
    connecting ??= openListener()
      .then((client) => {
        if (closed) {
          dispose(client);
          throw new Error('database closed');
        }
        listener = client;
        return client;
      })
      .finally(() => (connecting = undefined));
    return connecting;
  };
  const checker = setInterval(() => {
    const client = listener;
    if (!client) return;
    const timeout = setTimeout(() => lost(client), connectTimeoutMs);
    client.query('SELECT 1').then(
      () => clearTimeout(timeout),
      () => {
        clearTimeout(timeout);
        lost(client);
      },
    );
  }, listenCheckMs);
  checker.unref();

  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = [], opts: QueryOptions = {}) {
      const res = opts.name ? await q.query({ name: opts.name, text: sql, values: params as unknown[] }) : await q.query(sql, params as unknown[]);
      return { rows: res.rows as T[], rowCount: res.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  const outer = wrap(pool);
  return {
    kind: 'postgres',
    query: outer.query,
    exec: outer.exec,
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      } finally {
        // A connection that could not roll back is dropped, not handed to the next request.
        client.release(broken);
      }
    },
    async listen(channel, onPayload) {
      let set = handlers.get(channel);
      const fresh = !set;
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(onPayload);
      try {
        const client = await ensureListener();
        if (fresh) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (err) {
        set.delete(onPayload);
        if (set.size === 0) handlers.delete(channel);
        throw err;
      }
      return async () => {
        set.delete(onPayload);
      };
    },
    onListenRestored(fn) {
      restored.add(fn);
      return () => restored.delete(fn);
    },
    async close() {
      closed = true;
      clearInterval(checker);
      clearTimeout(reconnectTimer);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// 57014 query_canceled (statement_timeout), 57P01-03 shutdown / cannot connect now, 53300 too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57014', '57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error|Client was closed|Cannot use a pool after calling end|Connection refused/i;

/**
 * True when err means the database cannot be reached or answer now (not that the request was wrong):
 * the caller gets 503 and may retry.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
  return typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message);
}

/** True when err is PostgreSQL's unique_violation, optionally on a given constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** True when err is a serialization failure or deadlock that a retry may resolve. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === '40001' || code === '40P01';
}

/**
 * Checks that the database answers a trivial statement within `timeoutMs` (the readiness probe:
 * a database that never answers must still fail the check). @throws Error when it does not.
 */
export async function pingDatabase(q: Queryable, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    q.query('SELECT 1'),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('database check timed out')), timeoutMs))),
  ]).finally(() => clearTimeout(timer));
}
