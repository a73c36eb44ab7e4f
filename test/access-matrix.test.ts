import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { buildWorld, CALLERS, type AccessCase, type CaseFile, type World } from './access/world.js';

/**
 * For every route of the API: the callers a case allows get through, every other caller (anonymous,
 * staff of another MPP or tenant, the wrong kind of device, a device of another MPP) gets 401, 403
 * or 404 with a bare problem body, and a route missing from the matrix fails the test.
 * Each domain lists its routes in test/access/<domain>.cases.ts.
 */
const files = import.meta.glob<{ default: CaseFile }>('./access/*.cases.ts', { eager: true });
const caseFiles = Object.entries(files).map(([path, mod]) => ({ path, file: mod.default }));
const DENIED = [401, 403, 404];

let t: TestApp;
let w: World;
const fixtures = new Map<string, Record<string, any>>();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  for (const { path, file } of caseFiles) fixtures.set(path, (await file.setup?.(w)) ?? {});
}, 600_000);
afterAll(() => t.close());

it('lists every API route', () => {
  const known = new Set(caseFiles.flatMap(({ file }) => file.cases.map((c) => `${c.method} ${c.route}`)));
  const missing = t.app.registeredRoutes
    .filter((r) => r.url.startsWith('/api/') && !r.hidden && !r.url.startsWith('/api/docs'))
    .map((r) => `${r.method} ${r.url}`)
    .filter((r) => !known.has(r));
  expect(missing).toEqual([]);
});

for (const { path, file } of caseFiles) {
  describe(path.replace('./access/', ''), () => {
    for (const c of file.cases) {
      const title = `${c.method} ${c.route}`;
      if (c.public) {
        it(`${title} is public: ${c.public}`, () => expect(c.allow).toBeUndefined());
        continue;
      }
      it(title, async () => {
        const outcomes: string[] = [];
        for (const caller of CALLERS) {
          const status = await call(c, path, caller);
          const allowed = (c.allow ?? []).includes(caller);
          if (allowed === DENIED.includes(status.code)) outcomes.push(`${caller}: ${status.code} ${status.body.slice(0, 160)}`);
          // Outsiders (401, 404) get the bare problem; a 403 inside one's own scope may say which rule refused.
          if (!allowed && status.code !== 403) {
            const body = JSON.parse(status.body || '{}');
            expect(Object.keys(body).sort(), `${caller} ${title} leaks fields`).toEqual(['code', 'instance', 'requestId', 'status', 'title', 'type']);
          }
        }
        expect(outcomes, 'callers whose answer was wrong for the matrix').toEqual([]);
      });
    }
  });
}

async function call(c: AccessCase, path: string, caller: (typeof CALLERS)[number]) {
  const req = c.request(w, fixtures.get(path)!, caller);
  const res = await t.app.inject({
    method: c.method,
    url: req.url,
    headers: { ...w.headers[caller], ...req.headers },
    ...(req.payload === undefined ? {} : { payload: req.payload as object }),
  });
  return { code: res.statusCode, body: res.body };
}
