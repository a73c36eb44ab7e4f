import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { ACTIONS, STATUSES, TRANSITIONS, type Action, type Status } from './state-machine.js';

// Monday 2026-11-23, 09:00 WIB.
const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let mpp: { mppId: string; tenantId: string; otherTenantId: string };
let serviceId: string;
let officer: Caller;
let otherOfficer: Caller;
let mppAdmin: Caller;

async function seedService(mppId: string, tenantId: string, opts: { days?: number; unit?: string; code?: string; channels?: string[] } = {}): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix, completion_value, completion_unit, channels)
     VALUES ($1, $2, $3, 'Penerbitan KIA', 'K', $4, $5, $6) RETURNING id`,
    [mppId, tenantId, opts.code ?? `KIA${Math.random().toString(36).slice(2, 7).toUpperCase()}`, opts.days ?? 3, opts.unit ?? 'working_days', opts.channels ?? ['direct', 'online']],
  );
  const id = rows[0]!.id;
  for (const [position, code] of ['KK', 'AKTA_KELAHIRAN', 'PAS_FOTO'].entries()) {
    await t.db.query('INSERT INTO service_requirements (mpp_id, service_id, position, type_code, note) VALUES ($1, $2, $3, $4, $5)', [mppId, id, position, code, '']);
  }
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  mpp = await seedMpp(t.db);
  serviceId = await seedService(mpp.mppId, mpp.tenantId);
  officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
  otherOfficer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
  mppAdmin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
});
afterAll(() => t.close());

const NIK = '3201014501900002';

async function open(body: Record<string, unknown> = {}, caller = officer, mppId = mpp.mppId) {
  return t.app.inject({ method: 'POST', url: `/api/mpps/${mppId}/applications`, headers: caller.headers, payload: { serviceId, nik: NIK, name: 'Siti Aminah', phone: '081234500001', ...body } });
}

async function act(id: string, action: Action, body: Record<string, unknown> = {}, caller = officer) {
  return t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/applications/${id}/actions/${action}`, headers: caller.headers, payload: body });
}

const INPUT: Record<Action, Record<string, unknown>> = {
  check: {},
  return_incomplete: { missing: ['PAS_FOTO'] },
  resubmit: {},
  process: {},
  mark_ready: { pickup: 'kiosk' },
  collect: {},
  refuse: { reason: 'Data pada KK tidak sesuai dengan akta kelahiran.' },
};

/** The shortest path of staff steps from submitted to a status. */
const PATH: Record<Status, Action[]> = {
  submitted: [],
  returned: ['return_incomplete'],
  requirements_checked: ['check'],
  in_process: ['check', 'process'],
  ready: ['check', 'process', 'mark_ready'],
  collected: ['check', 'process', 'mark_ready', 'collect'],
  refused: ['refuse'],
};

async function applicationIn(status: Status): Promise<string> {
  const opened = await open();
  expect(opened.statusCode).toBe(201);
  const id = opened.json().id as string;
  for (const a of PATH[status]) expect((await act(id, a, INPUT[a])).statusCode).toBe(200);
  return id;
}

describe('the state machine', () => {
  for (const from of STATUSES) {
    for (const action of ACTIONS) {
      const legal = TRANSITIONS[action].from.includes(from);
      it(`${action} from ${from} ${legal ? `leads to ${TRANSITIONS[action].to}` : 'is refused with 409 naming the allowed steps'}`, async () => {
        const id = await applicationIn(from);
        const res = await act(id, action, INPUT[action]);
        if (legal) {
          expect(res.statusCode).toBe(200);
          expect(res.json().status).toBe(TRANSITIONS[action].to);
          const steps = res.json().steps as { action: string; status: string }[];
          expect(steps.at(-1)).toMatchObject({ action, status: TRANSITIONS[action].to });
        } else {
          expect(res.statusCode).toBe(409);
          expect(res.headers['content-type']).toContain('application/problem+json');
          const allowed = ACTIONS.filter((a) => TRANSITIONS[a].from.includes(from) && TRANSITIONS[a].by.includes('staff'));
          expect(res.json()).toMatchObject({ code: 'invalid_transition', allowed: allowed.length ? allowed : ['-'] });
          // Bahasa Indonesia unless English is asked for.
          expect(res.json().title).toMatch(/tidak dapat|tidak diizinkan|Tindakan/i);
          const detail = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications/${id}`, headers: officer.headers });
          expect(detail.json().status).toBe(from);
        }
      });
    }
  }

  it('returns incomplete with the missing list, shown on the public tracking page and sent to the applicant', async () => {
    const id = await applicationIn('submitted');
    const res = await act(id, 'return_incomplete', { missing: ['PAS_FOTO', 'AKTA_KELAHIRAN'] });
    expect(res.json().requirements.filter((r: { missing: boolean }) => r.missing).map((r: { typeCode: string }) => r.typeCode).sort()).toEqual(['AKTA_KELAHIRAN', 'PAS_FOTO']);
    const code = res.json().trackingCode as string;
    const tracked = await t.app.inject({ method: 'GET', url: `/api/applications/track/${code}` });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ status: 'returned', statusLabel: 'dikembalikan: persyaratan belum lengkap' });
    expect(tracked.json().missing.map((m: { name: string }) => m.name)).toEqual(['Pas foto', 'Akta kelahiran']);
    expect(JSON.stringify(tracked.json())).not.toMatch(/Siti|3201|0812/);
    while ((await t.ctx.outbox.runOnce()) > 0);
    const sms = t.app.fakeOutbox.sent.filter((s) => s.to === '+6281234500001' && s.text.includes(code));
    expect(sms.map((s) => s.text)).toEqual(expect.arrayContaining([expect.stringContaining('dikembalikan')]));
    expect(sms.every((s) => s.text.length <= 160)).toBe(true);
  });

  it('refuses a missing list naming requirements the service does not have, and needs a reason to refuse', async () => {
    const id = await applicationIn('submitted');
    const wrong = await act(id, 'return_incomplete', { missing: ['SIM_LAMA'] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('application_missing_unknown');
    const noReason = await act(id, 'refuse', {});
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().title).toContain('memerlukan isian');
    // English only when asked for.
    const en = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/applications/${id}/actions/refuse`, headers: { ...officer.headers, 'accept-language': 'en' }, payload: {} });
    expect(en.json().title).toBe('Action "refuse" needs: reason.');
  });
});

describe('due dates', () => {
  it('counts the completion time in working days on the MPP calendar, skipping weekends and holidays', async () => {
    // Monday 23 Nov + 3 working days, with Wednesday 25 Nov a closure of this MPP: Friday 27 Nov.
    await t.db.query("INSERT INTO calendar_days (mpp_id, day, kind, name) VALUES ($1, '2026-11-25', 'closure', 'Libur MPP')", [mpp.mppId]);
    const res = await open();
    expect(res.json().dueAt).toBe('2026-11-27T16:59:59.999Z');
    // Opened on Friday 27 Nov: Mon 30 Nov, Tue 1 Dec, Wed 2 Dec.
    clock.set('2026-11-27T03:00:00Z');
    expect((await open()).json().dueAt).toBe('2026-12-02T16:59:59.999Z');
    clock.set('2026-11-23T02:00:00Z');
  });

  it('skips national holidays and cuti bersama (Christmas 2026)', async () => {
    // Wednesday 23 Dec + 3 working days: 24 Dec cuti bersama, 25 Dec Natal, weekend: Mon 28, Tue 29, Wed 30 Dec.
    clock.set('2026-12-23T02:00:00Z');
    const res = await open();
    expect(res.json().dueAt).toBe('2026-12-30T16:59:59.999Z');
    clock.set('2026-11-23T02:00:00Z');
  });

  it('ends the due day at midnight in the MPP zone (WIT)', async () => {
    const east = await seedMpp(t.db, { timezone: 'Asia/Jayapura' });
    const svc = await seedService(east.mppId, east.tenantId, { days: 1 });
    const eastOfficer = await staffCaller(t, 'officer', { mppId: east.mppId, tenantId: east.tenantId });
    // 23 Nov 23:30 WIB is already Tuesday 24 Nov 01:30 WIT: one working day later is Wednesday 25 Nov WIT.
    clock.set('2026-11-23T16:30:00Z');
    const res = await open({ serviceId: svc }, eastOfficer, east.mppId);
    expect(res.statusCode).toBe(201);
    expect(res.json().dueAt).toBe('2026-11-25T14:59:59.999Z');
    clock.set('2026-11-23T02:00:00Z');
  });

  it('flags overdue applications in the work list, and lists due soon and waiting ones', async () => {
    const late = await applicationIn('in_process');
    const waiting = await applicationIn('ready');
    clock.set('2026-12-10T02:00:00Z');
    const overdue = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications?view=overdue`, headers: officer.headers });
    expect(overdue.json().map((a: { id: string }) => a.id)).toContain(late);
    expect(overdue.json().every((a: { overdue: boolean }) => a.overdue)).toBe(true);
    const wait = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications?view=waiting`, headers: officer.headers });
    expect(wait.json().map((a: { id: string }) => a.id)).toContain(waiting);
    expect(wait.json().map((a: { id: string }) => a.id)).not.toContain(late);
    clock.set('2026-11-23T02:00:00Z');
    const soon = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications?view=due_soon`, headers: officer.headers });
    expect(soon.json().every((a: { dueSoon: boolean }) => a.dueSoon)).toBe(true);
  });
});

describe('access', () => {
  it("refuses another agency's officer: the work list is empty and the application is not found", async () => {
    const id = await applicationIn('submitted');
    const list = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications`, headers: otherOfficer.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((a: { id: string }) => a.id)).not.toContain(id);
    const one = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications/${id}`, headers: otherOfficer.headers });
    expect(one.statusCode).toBe(404);
    expect((await act(id, 'check', {}, otherOfficer)).statusCode).toBe(404);
    expect((await open({}, otherOfficer)).statusCode).toBe(404);
    const adminList = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/applications`, headers: mppAdmin.headers });
    expect(adminList.json().map((a: { id: string }) => a.id)).toContain(id);
  });

  it('opens from a served ticket only', async () => {
    const kiosk = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/devices`, headers: mppAdmin.headers, payload: { kind: 'kiosk', name: 'k' } });
    await t.db.query('UPDATE mpps SET weekly_hours = $2 WHERE id = $1', [mpp.mppId, JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '00:00', closes: '23:59', breaks: [] }])))]);
    const issued = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/queue/tickets`, headers: { authorization: `Bearer ${kiosk.json().token}` }, payload: { serviceId } });
    expect(issued.statusCode).toBe(201);
    const waiting = await open({ serviceId: undefined, ticketId: issued.json().id });
    expect(waiting.statusCode).toBe(422);
    expect(waiting.json().code).toBe('application_source_invalid');
    expect(waiting.json().title).toContain('belum dilayani');
  });
});
