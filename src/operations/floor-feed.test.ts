import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, staffCaller, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';

let t: TestApp;
let w: QueueWorld;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await seedQueueWorld(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}, 600_000);
afterAll(() => t.close());

interface Frame {
  id: number;
  event: string;
  data: any;
}

/** Reads the floor stream with fetch, as the floor page does, and collects its events. */
function watch(path: string, headers: Record<string, string>) {
  const frames: Frame[] = [];
  const controller = new AbortController();
  const ready = (async () => {
    const res = await fetch(base + path, { headers, signal: controller.signal });
    if (!res.ok) return { status: res.status, body: await res.text() };
    void (async () => {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buf = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buf += decoder.decode(value, { stream: true });
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const f: Partial<Frame> = {};
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) f.id = Number(line.slice(4));
              else if (line.startsWith('event: ')) f.event = line.slice(7);
              else if (line.startsWith('data: ')) f.data = JSON.parse(line.slice(6));
            }
            if (f.event) frames.push(f as Frame);
          }
        }
      } catch {
        // aborted
      }
    })();
    return { status: res.status, body: '' };
  })();
  return { frames, ready, close: () => controller.abort() };
}

/** Waits for a condition with a generous deadline (the CI machine is slow). */
async function until(fn: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const floorPath = () => `/api/mpps/${w.mppId}/operations/floor/events`;

describe('live floor over Server-Sent Events', () => {
  it('pushes the floor at once and after each change, one computation shared by every viewer', async () => {
    const viewers = [watch(floorPath(), w.admin.headers), watch(floorPath(), w.admin.headers), watch(floorPath(), w.admin.headers)];
    for (const v of viewers) expect((await v.ready).status).toBe(200);
    await until(() => viewers.every((v) => v.frames.length >= 1));
    // Everyone got the first computation, whoever connected first.
    expect(viewers.map((v) => v.frames[0]!.id)).toEqual([1, 1, 1]);
    expect(viewers[0]!.frames[0]!.data.totals.waiting).toBe(0);

    await issue(t, w, w.services.ktp);
    await until(() => viewers.every((v) => v.frames.some((f) => f.data.totals.waiting === 1)));
    const pushed = viewers.map((v) => v.frames.find((f) => f.data.totals.waiting === 1)!);
    // The same computation (same id, same body) reached every viewer.
    expect(new Set(pushed.map((f) => f.id)).size).toBe(1);
    expect(pushed[0]!.id).toBe(2);
    expect(pushed[1]!.data).toEqual(pushed[0]!.data);
    expect(pushed[0]!.data.lines.find((l: any) => l.serviceId === w.services.ktp).waiting).toBe(1);

    // A counter opening shows on the floor too.
    await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
    await until(() => viewers.every((v) => v.frames.at(-1)!.data.counters.find((c: any) => c.id === w.counters.c1)?.status === 'open'));
    const ids = viewers.map((v) => v.frames.at(-1)!.id);
    expect(new Set(ids).size).toBe(1);
    viewers.forEach((v) => v.close());
  });

  it('gives an agency admin the floor of its own agency only, and refuses others', async () => {
    const tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId: w.mppId, tenantId: w.otherTenantId });
    await issue(t, w, w.services.stnk);
    const own = watch(floorPath(), tenantAdmin.headers);
    expect((await own.ready).status).toBe(200);
    await until(() => own.frames.length >= 1);
    const f = own.frames[0]!.data;
    expect(f.lines.map((l: any) => l.tenantId)).toEqual([w.otherTenantId]);
    expect(f.totals.waiting).toBe(1);
    own.close();
    const other = watch(`${floorPath()}?tenantId=${w.tenantId}`, tenantAdmin.headers);
    expect((await other.ready).status).toBe(404);
    const officer = watch(floorPath(), w.officer.headers);
    expect((await officer.ready).status).toBe(403);
    const anonymous = watch(floorPath(), {});
    expect((await anonymous.ready).status).toBe(401);
  });
});
