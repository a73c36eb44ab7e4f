import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issue, seedQueueWorld, type QueueWorld } from '../src/queue/fixtures.test-helpers.js';
import { createTestApp, type TestApp } from './support/app.js';
import { readSse, until } from './support/sse.js';

// Issue 18: one address held 1,898 streams. SSE_MAX_PER_ADDRESS caps them with a 429 problem.
describe('live streams per client address', () => {
  let t: TestApp;
  let w: QueueWorld;
  let base: string;
  let statusUrl: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { SSE_MAX_PER_ADDRESS: '3' } });
    w = await seedQueueWorld(t);
    const ticket = await issue(t, w, w.services.ktp);
    statusUrl = `/api/queue/status/${ticket.json().statusToken}/events`;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(() => t.close());

  it('refuses the stream over the cap with 429 problem+json in Indonesian, and frees a slot when a stream closes', async () => {
    const open = [
      readSse(`${base}${statusUrl}`, {}),
      readSse(`${base}${statusUrl}`, {}),
      readSse(`${base}/api/mpps/${w.mppId}/queue/display/events`, w.display.headers),
    ];
    expect(await Promise.all(open.map((s) => s.ready))).toEqual([200, 200, 200]);

    const refused = await fetch(`${base}${statusUrl}`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('30');
    const problem = await refused.json();
    expect(problem).toMatchObject({ status: 429, code: 'too_many_streams' });
    expect(problem.title).toContain('Terlalu banyak siaran langsung');
    // Ordinary requests from the same address are not affected.
    expect((await fetch(`${base}/api/ping`)).status).toBe(200);

    open[0]!.close();
    let again = 0;
    await until(async () => {
      const s = readSse(`${base}${statusUrl}`, {});
      again = await s.ready;
      if (again === 200) open.push(s);
      return again === 200;
    }, 30_000, 'a freed slot');
    expect(again).toBe(200);
    for (const s of open) s.close();
  }, 60_000);
});
