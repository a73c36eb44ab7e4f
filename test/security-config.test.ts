import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMIT } from '../src/identity/service.js';
import { loadConfig, secretWarnings } from '../src/platform/config.js';
import { createTestApp, seedStaff, TEST_PASSWORD, type TestApp } from './support/app.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'layan-secret-'));

describe('BOOKING_SECRET_FILE', () => {
  it('reads the secret from a file (a mounted secret), trimmed', () => {
    const file = path.join(dir, 'booking');
    writeFileSync(file, `${'k'.repeat(40)}\n`);
    expect(loadConfig({ BOOKING_SECRET_FILE: file }).bookingSecret).toBe('k'.repeat(40));
  });
  it('stops the start naming the variable when the file is missing, short, or set with BOOKING_SECRET', () => {
    expect(() => loadConfig({ BOOKING_SECRET_FILE: path.join(dir, 'nope') })).toThrow(/BOOKING_SECRET_FILE cannot be read/);
    const short = path.join(dir, 'short');
    writeFileSync(short, 'too-short');
    expect(() => loadConfig({ BOOKING_SECRET_FILE: short })).toThrow(/BOOKING_SECRET_FILE must hold at least 32/);
    const file = path.join(dir, 'both');
    writeFileSync(file, 'x'.repeat(32));
    expect(() => loadConfig({ BOOKING_SECRET_FILE: file, BOOKING_SECRET: 'y'.repeat(32) })).toThrow(/BOOKING_SECRET_FILE cannot be set together/);
  });
  it('warns a production start that keeps the NIK key in the database, and only then', () => {
    expect(secretWarnings(loadConfig({}))[0]).toMatch(/BOOKING_SECRET is not set/);
    expect(secretWarnings(loadConfig({ BOOKING_SECRET: 'z'.repeat(32) }))).toEqual([]);
    expect(secretWarnings(loadConfig({ LAYAN_DEMO: 'true' }))).toEqual([]);
  });
});

describe('TRUST_PROXY', () => {
  it('accepts false, true, a hop count or addresses/CIDRs, and names itself otherwise', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
  });

  const fail = (t: TestApp, email: string, forwardedFor: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': forwardedFor }, payload: { email, password: 'salah-salah' } });

  describe('without a trusted proxy', () => {
    let t: TestApp;
    beforeAll(async () => (t = await createTestApp()));
    afterAll(() => t.close());
    it('ignores X-Forwarded-For: a guesser cannot dodge the throttle by inventing addresses', async () => {
      const user = await seedStaff(t.db, 'national_admin');
      const codes: number[] = [];
      for (let i = 0; i <= LOGIN_LIMIT; i++) codes.push((await fail(t, user.email, `203.0.113.${i}`)).statusCode);
      expect(codes.at(-1)).toBe(429);
    });
  });

  describe('behind a trusted proxy', () => {
    let t: TestApp;
    beforeAll(async () => (t = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } })));
    afterAll(() => t.close());
    it('keys the throttle by the client address the proxy reports, so one client does not block another', async () => {
      const user = await seedStaff(t.db, 'national_admin');
      for (let i = 0; i < LOGIN_LIMIT; i++) expect((await fail(t, user.email, '198.51.100.7')).statusCode).toBe(401);
      expect((await fail(t, user.email, '198.51.100.7')).statusCode).toBe(429);
      const other = await t.app.inject({
        method: 'POST', url: '/api/auth/login', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.8' }, payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(other.statusCode).toBe(200);
    });
  });
});
