import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type Caller, type SeededMpp, type TestApp } from '../../test/support/app.js';
import { fileAndFind, sample } from './complaints.test-helpers.js';

// The staff list pages on the server: more complaints than one page (and than the old cap of 50),
// some filed at the same instant so the order's tie-break is exercised.
const FILED = 57;
const clock = fakeClock('2026-03-02T01:00:00Z');
let t: TestApp;
let mpp: SeededMpp;
let handler: Caller;
const filed: { id: string; code: string }[] = [];
const assignedToOther: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ clock });
  mpp = await seedMpp(t.db);
  handler = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
  for (let i = 0; i < FILED; i++) {
    if (i % 3 === 0) clock.advance(60_000);
    filed.push(await fileAndFind(t, mpp.mppId, sample({ description: i === 7 ? 'Parkir motor di depan gedung penuh sejak pagi.' : `Antrean loket lama sekali, pengaduan nomor ${i}.` })));
  }
  // Five verified and passed to the other tenant; two more only verified.
  for (const c of filed.slice(0, 7)) {
    const v = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints/${c.id}/actions/verify`, headers: handler.headers, payload: { track: 'simple' } });
    expect(v.statusCode).toBe(200);
  }
  for (const c of filed.slice(0, 5)) {
    const a = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints/${c.id}/actions/assign`, headers: handler.headers, payload: { tenantId: mpp.otherTenantId } });
    expect(a.statusCode).toBe(200);
    assignedToOther.push(c.id);
  }
}, 120_000);
afterAll(() => t.close());

const list = (who: Caller, query = '') => t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/complaints${query}`, headers: who.headers });

async function allPages(who: Caller, filter: string, limit: number): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  for (let offset = 0; offset < 1000; offset += limit) {
    const res = await list(who, `?limit=${limit}&offset=${offset}${filter}`);
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: { id: string }[]; total: number; limit: number; offset: number };
    expect(page).toMatchObject({ limit, offset });
    totals.push(page.total);
    if (page.items.length === 0) break;
    ids.push(...page.items.map((c) => c.id));
  }
  return { ids, totals };
}

describe('complaint list pages on the server with a true total', () => {
  it('gives an MPP handler every complaint once, newest first, over the pages, with the total of all', async () => {
    const { ids, totals } = await allPages(handler, '', 15);
    expect(new Set(totals)).toEqual(new Set([FILED]));
    expect(ids).toHaveLength(FILED);
    expect(new Set(ids).size).toBe(FILED);
    expect(new Set(ids)).toEqual(new Set(filed.map((c) => c.id)));
    // Filed three to a minute: the newest minute comes first, the first minute's three come last.
    expect(new Set(ids.slice(0, 3))).toEqual(new Set(filed.slice(-3).map((c) => c.id)));
    expect(new Set(ids.slice(-3))).toEqual(new Set(filed.slice(0, 3).map((c) => c.id)));
    // The default page is 50, and the total still counts all of them.
    const first = (await list(handler)).json();
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(FILED);
  });

  it('counts only what the filters match: status, search by code or words', async () => {
    const verified = (await list(handler, '?status=verified')).json();
    expect(verified.total).toBe(2);
    expect(verified.items).toHaveLength(2);
    const received = await allPages(handler, '&status=received', 20);
    expect(received.ids).toHaveLength(FILED - 7);
    expect(new Set(received.totals)).toEqual(new Set([FILED - 7]));
    const code = filed[30]!.code;
    const byCode = (await list(handler, `?q=${encodeURIComponent(code.slice(0, 9).toLowerCase())}`)).json();
    expect(byCode.items.map((c: { id: string }) => c.id)).toContain(filed[30]!.id);
    expect(byCode.total).toBe(byCode.items.length);
    const byWords = (await list(handler, '?q=parkir%20motor')).json();
    expect(byWords).toMatchObject({ total: 1, items: [{ id: filed[7]!.id }] });
    const nothing = (await list(handler, '?q=100%25')).json();
    expect(nothing.total).toBe(0);
  });

  it('gives an agency admin only its agency\'s complaints and its own total; staff of another agency none', async () => {
    const otherAdmin = await staffCaller(t, 'tenant_admin', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
    const mine = await allPages(otherAdmin, '', 2);
    expect(new Set(mine.totals)).toEqual(new Set([assignedToOther.length]));
    expect(new Set(mine.ids)).toEqual(new Set(assignedToOther));
    expect((await list(otherAdmin, '?status=verified')).json()).toMatchObject({ total: 0, items: [] });
    const officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    expect((await list(officer)).json()).toMatchObject({ total: 0, items: [] });
    const national = await staffCaller(t, 'national_admin');
    expect((await list(national, '?limit=1')).json().total).toBe(FILED);
  });

  it('answers a page past the end with no items and the same total, and refuses bad paging in Bahasa Indonesia', async () => {
    expect((await list(handler, `?offset=${FILED}`)).json()).toMatchObject({ items: [], total: FILED });
    for (const bad of ['?limit=0', '?limit=201', '?offset=-1', '?offset=dua']) {
      const res = await list(handler, bad);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
