import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { pickLanguage } from '../src/platform/i18n.js';
import { migrate, MigrationError, readMigrations } from '../src/platform/migrate.js';
import { OutboxWorker } from '../src/platform/outbox-worker.js';
import { enqueue } from '../src/platform/outbox.js';
import { createTestApp, fakeClock, staffCaller, type TestApp } from './support/app.js';
import { createTestDb } from './support/db.js';

describe('configuration', () => {
  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ LAYAN_DEMO: 'maybe' })).toThrow(/LAYAN_DEMO/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', demo: false, databaseUrl: undefined });
    expect(path.isAbsolute(c.dataDir)).toBe(true);
  });
});

describe('language', () => {
  it('answers in Indonesian unless English is preferred', () => {
    expect(pickLanguage(undefined)).toBe('id');
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage('id-ID,id;q=0.9,en;q=0.8')).toBe('id');
    expect(pickLanguage('en;q=0.5,id;q=0.9')).toBe('id');
    expect(pickLanguage('fr-FR')).toBe('id');
  });
});

describe('migrations', () => {
  it('are forward-only: a changed applied migration stops the start', async () => {
    const t = await createTestDb();
    try {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'layan-mig-'));
      writeFileSync(path.join(dir, '9001_probe.sql'), 'CREATE TABLE probe (id int);');
      expect(await migrate(t.db, dir)).toEqual(['9001_probe']);
      expect(await migrate(t.db, dir)).toEqual([]);
      writeFileSync(path.join(dir, '9001_probe.sql'), 'CREATE TABLE probe (id bigint);');
      await expect(migrate(t.db, dir)).rejects.toBeInstanceOf(MigrationError);
    } finally {
      await t.drop();
    }
  });

  it('refuse two files with one version number (branches that picked the same number)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'layan-mig-'));
    writeFileSync(path.join(dir, '9001_probe.sql'), 'CREATE TABLE probe (id int);');
    writeFileSync(path.join(dir, '9001_probe_views.sql'), 'CREATE VIEW probe_v AS SELECT id FROM probe;');
    await expect(readMigrations(dir)).rejects.toThrow(/9001_probe_views\.sql/);
    // The shipped migrations hold no such pair.
    const shipped = await readMigrations();
    expect(new Set(shipped.map((m) => m.version)).size).toBe(shipped.length);
  });

  it('apply a migration added after the first start, and only that one', async () => {
    const t = await createTestDb();
    try {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'layan-mig-'));
      writeFileSync(path.join(dir, '9001_probe.sql'), 'CREATE TABLE probe (id int);');
      expect(await migrate(t.db, dir)).toEqual(['9001_probe']);
      writeFileSync(path.join(dir, '9002_probe_name.sql'), 'ALTER TABLE probe ADD COLUMN name text;');
      expect(await migrate(t.db, dir)).toEqual(['9002_probe_name']);
      await t.db.query("INSERT INTO probe (id, name) VALUES (1, 'x')");
      expect(await migrate(t.db, dir)).toEqual([]);
    } finally {
      await t.drop();
    }
  });
});

describe('HTTP errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('turns malformed input into problem+json, never a 500', async () => {
    const cases = [
      { payload: '{"email": ', headers: { 'content-type': 'application/json' }, code: 'malformed_json', status: 400 },
      { payload: '<email/>', headers: { 'content-type': 'application/xml' }, code: 'unsupported_media_type', status: 415 },
      { payload: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2_000_000) }), headers: { 'content-type': 'application/json' }, code: 'payload_too_large', status: 413 },
      { payload: JSON.stringify({ email: ['x'], password: null }), headers: { 'content-type': 'application/json' }, code: 'validation_failed', status: 400 },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: c.payload, headers: c.headers });
      expect(res.statusCode, c.code).toBe(c.status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: c.code, status: c.status, type: `urn:layan:problem:${c.code}` });
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('names each bad field in the caller’s language', async () => {
    const admin = await staffCaller(t, 'national_admin');
    const payload = { email: 'bukan-email', name: '', password: 'pendek', grants: [] };
    const id = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    expect(id.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.email', 'body.grants', 'body.name', 'body.password']);
    expect(id.json().errors.find((e: { path: string }) => e.path === 'body.password').message).toBe('Kata sandi minimal 10 karakter.');
    const en = await t.app.inject({ method: 'POST', url: '/api/users', headers: { ...admin.headers, 'accept-language': 'en' }, payload });
    expect(en.json().title).toBe('The submitted data is not valid.');
    expect(en.json().errors.find((e: { path: string }) => e.path === 'body.password').message).toBe('The password must be at least 10 characters.');
  });

  it('answers unknown API paths with a problem and echoes a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/tidak-ada', headers: { 'x-request-id': 'abc-123' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.json()).toMatchObject({ code: 'not_found', requestId: 'abc-123' });
  });

  it('publishes the OpenAPI 3.1 document generated from the zod contracts', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
  });
});

describe('outbox worker', () => {
  it('refuses a second consumer of one topic instead of silently replacing the first', () => {
    const worker = new OutboxWorker({} as never, {} as never);
    worker.on('ticket.served', async () => undefined);
    expect(() => worker.on('ticket.served', async () => undefined)).toThrow(/already has a handler/);
  });

  it('delivers after commit, retries failures with backoff and gives up after the limit', async () => {
    const t = await createTestDb();
    try {
      const clock = fakeClock('2026-01-05T01:00:00Z');
      await t.db.query('UPDATE outbox SET delivered_at = now()');
      const log = { warn: () => undefined, error: () => undefined } as never;
      const worker = new OutboxWorker(t.db, log, { maxAttempts: 3, backoffMs: 1000, now: () => clock.now() });
      const delivered: unknown[] = [];
      let failNext = 1;
      worker.on('test.ok', async (m) => {
        if (failNext-- > 0) throw new Error('gateway down');
        delivered.push(m.payload);
      });
      worker.on('test.broken', async () => {
        throw new Error('always down');
      });
      await t.db.transaction(async (tx) => {
        await enqueue(tx, 'test.ok', { n: 1 });
        await enqueue(tx, 'test.broken', { n: 2 });
      });
      await expect(t.db.transaction(async (tx) => {
        await enqueue(tx, 'test.ok', { n: 'rolled back' });
        throw new Error('use case failed');
      })).rejects.toThrow('use case failed');
      await t.db.query("UPDATE outbox SET available_at = '2026-01-05T01:00:00Z'");

      expect(await worker.runOnce()).toBe(2);
      expect(delivered).toEqual([]);
      expect(await worker.runOnce()).toBe(0); // backoff: nothing is due yet
      clock.advance(1000);
      await worker.runOnce();
      expect(delivered).toEqual([{ n: 1 }]);
      clock.advance(2000);
      await worker.runOnce();
      const { rows } = await t.db.query<{ topic: string; attempts: number; delivered: boolean; failed: boolean }>(
        "SELECT topic, attempts, delivered_at IS NOT NULL AS delivered, failed_at IS NOT NULL AS failed FROM outbox WHERE topic LIKE 'test.%' ORDER BY id",
      );
      expect(rows).toEqual([
        { topic: 'test.ok', attempts: 2, delivered: true, failed: false },
        { topic: 'test.broken', attempts: 3, delivered: false, failed: true },
      ]);
    } finally {
      await t.drop();
    }
  });
});
