import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedMpp, staffCaller, type Caller, type SeededMpp, type TestApp } from '../../test/support/app.js';
import { SYSTEM_ACTOR } from '../platform/auth.js';
import { applyAction } from './service.js';
import { ACTIONS, allowedActions, STATUSES, TRANSITIONS, type Action, type Party, type Status } from './state-machine.js';
import { fileAndFind, sample } from './complaints.test-helpers.js';

let t: TestApp;
let mpp: SeededMpp;
let handler: Caller & { email: string };

beforeAll(async () => {
  t = await createTestApp();
  mpp = await seedMpp(t.db);
  handler = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
});
afterAll(() => t.close());

const INPUT: Record<Action, Record<string, unknown>> = {
  verify: { track: 'simple' },
  set_aside: { setAsideAs: 'archived', reason: 'Isi tidak jelas dan tidak dapat dihubungi.' },
  assign: {},
  start: {},
  answer: { answer: 'Petugas tambahan sudah ditempatkan di loket informasi.' },
  confirm: {},
  reopen: { reason: 'Masalah belum selesai, antrean masih lama.' },
  close: {},
};

/** The party that takes each action in these tests. */
const PARTY: Record<Action, Party> = { verify: 'handler', set_aside: 'handler', assign: 'handler', start: 'handler', answer: 'handler', confirm: 'citizen', reopen: 'citizen', close: 'system' };

async function act(c: { id: string; code: string }, action: Action, input: Record<string, unknown> = INPUT[action]) {
  if (action === 'assign') input = { tenantId: mpp.tenantId, ...input };
  if (PARTY[action] === 'citizen') {
    const res = await t.app.inject({ method: 'POST', url: `/api/complaints/track/${c.code}/${action}`, payload: action === 'reopen' ? input : undefined });
    return { status: res.statusCode, body: res.json() };
  }
  if (PARTY[action] === 'system') {
    try {
      const row = await applyAction({ db: t.db, now: t.ctx.clock.now(), actor: SYSTEM_ACTOR }, { party: 'system', mppId: mpp.mppId, complaintId: c.id, action, body: {} });
      return { status: 200, body: { status: row.status } };
    } catch (err) {
      const e = err as { status: number; code: string; details: Record<string, unknown> };
      return { status: e.status, body: { code: e.code, ...e.details } };
    }
  }
  const res = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints/${c.id}/actions/${action}`, headers: handler.headers, payload: input });
  return { status: res.statusCode, body: res.json() };
}

/** Legal steps that lead from received to each status. */
const PATH: Record<Status, [Action, Record<string, unknown>?][]> = {
  received: [],
  verified: [['verify']],
  not_ours: [['set_aside', { setAsideAs: 'not_ours', reason: 'Wewenang BPN, bukan gerai di MPP ini.' }]],
  duplicate: [['set_aside', { setAsideAs: 'duplicate', reason: 'Sama dengan pengaduan sebelumnya.' }]],
  archived: [['set_aside']],
  assigned: [['verify'], ['assign']],
  in_progress: [['verify'], ['assign'], ['start']],
  answered: [['verify'], ['answer']],
  closed: [['verify'], ['answer'], ['confirm']],
};

async function complaintIn(status: Status) {
  const c = await fileAndFind(t, mpp.mppId);
  for (const [action, input] of PATH[status]) {
    let body = input;
    if (input?.setAsideAs === 'duplicate') body = { ...input, duplicateOfCode: (await fileAndFind(t, mpp.mppId)).code };
    const r = await act(c, action, body);
    if (r.status !== 200) throw new Error(`setup ${status}/${action}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return c;
}

describe('every transition from every status', () => {
  for (const from of STATUSES) {
    for (const action of ACTIONS) {
      const legal = TRANSITIONS[action].from.includes(from);
      it(`${action} from ${from} is ${legal ? 'allowed' : 'refused with 409'}`, async () => {
        const c = await complaintIn(from);
        const r = await act(c, action);
        if (legal) {
          expect(r.status).toBe(200);
          const expected = TRANSITIONS[action].to === 'by_input' ? 'archived' : TRANSITIONS[action].to;
          expect(r.body.status).toBe(expected);
        } else {
          expect(r.status).toBe(409);
          expect(r.body.code).toBe('invalid_transition');
          expect(r.body.from).toBe(from);
          const allowed = allowedActions(from, PARTY[action]);
          expect(r.body.allowed).toEqual(allowed.length ? allowed : ['-']);
        }
      });
    }
  }
});

describe('each step leaves a trace', () => {
  it('writes an event row with actor and time and an audit entry per step, and an outbox message', async () => {
    const c = await fileAndFind(t, mpp.mppId);
    await act(c, 'verify');
    await act(c, 'assign');
    const detail = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/complaints/${c.id}`, headers: handler.headers });
    const events = detail.json().events as { action: string; toStatus: string; actorType: string; actorLabel: string | null; at: string }[];
    expect(events.map((e) => [e.action, e.toStatus, e.actorType])).toEqual([['file', 'received', 'citizen'], ['verify', 'verified', 'user'], ['assign', 'assigned', 'user']]);
    expect(events[1]!.actorLabel).toBe(handler.email);
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'complaint' AND target_id = $1 ORDER BY id", [c.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['complaint.filed', 'complaint.verify', 'complaint.assign']);
    const outbox = await t.db.query("SELECT 1 FROM outbox WHERE topic = 'complaint.status_changed' AND payload->>'complaintId' = $1", [c.id]);
    expect(outbox.rows).toHaveLength(2);
  });

  it('asks for what an action needs and changes nothing when it is missing', async () => {
    const c = await fileAndFind(t, mpp.mppId);
    const r = await act(c, 'set_aside', { setAsideAs: 'not_ours' });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'action_input_missing', fields: ['reason'] });
    const dup = await act(c, 'set_aside', { setAsideAs: 'duplicate', reason: 'Dobel', duplicateOfCode: c.code });
    expect(dup.body.code).toBe('duplicate_target_invalid');
    const { rows } = await t.db.query<{ status: string }>('SELECT status FROM complaints WHERE id = $1', [c.id]);
    expect(rows[0]!.status).toBe('received');
  });

  it('lets only one of two handlers verifying at once succeed', async () => {
    const c = await fileAndFind(t, mpp.mppId);
    const second = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const url = `/api/mpps/${mpp.mppId}/complaints/${c.id}/actions/verify`;
    const results = await Promise.all([handler, second].map((h) => t.app.inject({ method: 'POST', url, headers: h.headers, payload: { track: 'dispute' } })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.db.query("SELECT 1 FROM complaint_events WHERE complaint_id = $1 AND action = 'verify'", [c.id]);
    expect(events.rows).toHaveLength(1);
  });
});

describe('who may act', () => {
  it('lets the assigned tenant start and answer, but not verify or assign; other tenants see nothing', async () => {
    const tenantOfficer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const otherOfficer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
    const c = await fileAndFind(t, mpp.mppId);
    const url = (a: string) => `/api/mpps/${mpp.mppId}/complaints/${c.id}/actions/${a}`;
    expect((await t.app.inject({ method: 'POST', url: url('verify'), headers: tenantOfficer.headers, payload: { track: 'simple' } })).statusCode).toBe(404);
    await act(c, 'verify');
    await act(c, 'assign');
    expect((await t.app.inject({ method: 'POST', url: url('assign'), headers: tenantOfficer.headers, payload: { tenantId: mpp.otherTenantId } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: url('start'), headers: otherOfficer.headers, payload: {} })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/complaints/${c.id}`, headers: otherOfficer.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: url('start'), headers: tenantOfficer.headers, payload: {} })).statusCode).toBe(200);
    const answered = await t.app.inject({ method: 'POST', url: url('answer'), headers: tenantOfficer.headers, payload: { answer: 'Sudah kami tindak lanjuti dengan petugas tambahan.' } });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().allowedActions).toEqual([]);
  });

  it('refuses staff the citizen\'s actions (403) and anonymous callers everything (401)', async () => {
    const c = await complaintIn('answered');
    expect((await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints/${c.id}/actions/confirm`, headers: handler.headers, payload: {} })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints/${c.id}/actions/verify`, payload: {} })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/complaints` })).statusCode).toBe(401);
  });

  it('shows tenant staff only the complaints assigned to their tenant', async () => {
    const tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
    const mine = await complaintIn('verified');
    await act(mine, 'assign', { tenantId: mpp.otherTenantId });
    await fileAndFind(t, mpp.mppId);
    const list = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/complaints`, headers: tenantAdmin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    expect(list.json().total).toBe(1);
  });
});

describe('privacy of the complainant', () => {
  it('shows the identity to the MPP handler only, or also to the tenant when the complainant consented', async () => {
    const officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const national = await staffCaller(t, 'national_admin');
    const contact = { contactName: 'Budi Santoso', contactEmail: 'budi@example.id', contactPhone: '081234567890' };
    const hidden = await fileAndFind(t, mpp.mppId, sample(contact));
    const shared = await fileAndFind(t, mpp.mppId, sample({ ...contact, consentShareIdentity: true }));
    for (const c of [hidden, shared]) {
      await act(c, 'verify');
      await act(c, 'assign');
    }
    const get = (c: { id: string }, who: Caller) => t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/complaints/${c.id}`, headers: who.headers });
    expect((await get(hidden, handler)).json().contact).toEqual({ name: 'Budi Santoso', email: 'budi@example.id', phone: '081234567890' });
    expect((await get(hidden, officer)).json().contact).toBeNull();
    expect((await get(hidden, national)).json().contact).toBeNull();
    expect((await get(shared, officer)).json().contact?.name).toBe('Budi Santoso');
    const list = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/complaints`, headers: officer.headers });
    const byId = Object.fromEntries(list.json().items.map((x: { id: string; contact: unknown }) => [x.id, x.contact]));
    expect(byId[hidden.id]).toBeNull();
    expect(byId[shared.id]).not.toBeNull();
    // The audit log does not hold the identity either.
    const audit = await t.db.query<{ after: unknown }>("SELECT after FROM audit_log WHERE target_id = $1 AND action = 'complaint.filed'", [hidden.id]);
    expect(JSON.stringify(audit.rows[0]!.after)).not.toContain('Budi');
  });
});

describe('tracking by code', () => {
  it('shows status history and the public answer, never internal notes; the citizen confirms', async () => {
    const c = await fileAndFind(t, mpp.mppId);
    await act(c, 'verify', { track: 'simple', note: 'CATATAN-INTERNAL: pelapor sering mengadu' });
    await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/complaints/${c.id}/notes`, headers: handler.headers, payload: { note: 'CATATAN-INTERNAL kedua' } });
    await act(c, 'answer');
    const lower = c.code.toLowerCase().replace(/-/g, ' ');
    const res = await t.app.inject({ method: 'GET', url: `/api/complaints/track/${encodeURIComponent(lower)}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('CATATAN-INTERNAL');
    expect(res.body).not.toContain(handler.email);
    const view = res.json();
    expect(view.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['received', 'verified', 'answered']);
    expect(view.publicAnswer).toBe(INPUT.answer.answer);
    expect(view.canRespond).toBe(true);
    const confirmed = await t.app.inject({ method: 'POST', url: `/api/complaints/track/${c.code}/confirm` });
    expect(confirmed.json()).toMatchObject({ status: 'closed', canRespond: false });
  });

  it('answers an unknown code with 404 in the caller\'s language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/complaints/track/AAAA-AAAA-AAAA', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'tracking_code_unknown', title: 'Tracking code not found. Check your code.' });
  });
});
