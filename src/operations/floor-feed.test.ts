import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, staffCaller, type TestApp } from '../../test/support/app.js';
import { readSse, until } from '../../test/support/sse.js';
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

/** The floor stream of `path` on this test's server, read as the floor page reads it. */
const watch = (path: string, headers: Record<string, string>) => readSse(base + path, headers);

const floorPath = () => `/api/mpps/${w.mppId}/operations/floor/events`;

describe('live floor over Server-Sent Events', () => {
  it('pushes the floor at once and after each change, one computation shared by every viewer', async () => {
    const viewers = [watch(floorPath(), w.admin.headers), watch(floorPath(), w.admin.headers), watch(floorPath(), w.admin.headers)];
    for (const v of viewers) expect(await v.ready).toBe(200);
    await until(() => viewers.every((v) => v.messages.length >= 1));
    // Everyone got the first computation, whoever connected first.
    expect(viewers.map((v) => v.messages[0]!.id)).toEqual(['1', '1', '1']);
    expect(viewers[0]!.messages[0]!.data.totals.waiting).toBe(0);

    await issue(t, w, w.services.ktp);
    await until(() => viewers.every((v) => v.messages.some((f) => f.data.totals.waiting === 1)));
    const pushed = viewers.map((v) => v.messages.find((f) => f.data.totals.waiting === 1)!);
    // The same computation (same id, same body) reached every viewer.
    expect(new Set(pushed.map((f) => f.id)).size).toBe(1);
    expect(pushed[0]!.id).toBe('2');
    expect(pushed[1]!.data).toEqual(pushed[0]!.data);
    expect(pushed[0]!.data.lines.find((l: any) => l.serviceId === w.services.ktp).waiting).toBe(1);

    // A counter opening shows on the floor too.
    await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
    await until(() => viewers.every((v) => v.messages.at(-1)!.data.counters.find((c: any) => c.id === w.counters.c1)?.status === 'open'));
    const ids = viewers.map((v) => v.messages.at(-1)!.id);
    expect(new Set(ids).size).toBe(1);
    viewers.forEach((v) => v.close());
  });

  it('gives an agency admin the floor of its own agency only, and refuses others', async () => {
    const tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId: w.mppId, tenantId: w.otherTenantId });
    await issue(t, w, w.services.stnk);
    const own = watch(floorPath(), tenantAdmin.headers);
    expect(await own.ready).toBe(200);
    await until(() => own.messages.length >= 1);
    const f = own.messages[0]!.data;
    expect(f.lines.map((l: any) => l.tenantId)).toEqual([w.otherTenantId]);
    expect(f.totals.waiting).toBe(1);
    own.close();
    const other = watch(`${floorPath()}?tenantId=${w.tenantId}`, tenantAdmin.headers);
    expect(await other.ready).toBe(404);
    const officer = watch(floorPath(), w.officer.headers);
    expect(await officer.ready).toBe(403);
    const anonymous = watch(floorPath(), {});
    expect(await anonymous.ready).toBe(401);
  });
});
