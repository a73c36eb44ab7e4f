import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/platform/audit.js';
import { SYSTEM_ACTOR } from '../src/platform/auth.js';
import { createTestApp, loginAs, seedMpp, seedStaff, staffCaller, type Caller, type SeededMpp, type TestApp } from './support/app.js';

// Issue 18, item 6: someone who is an officer at one agency (DUKCAPIL) and tenant admin at another
// (SAMSAT) of the same MPP administers only SAMSAT: not DUKCAPIL's services, audit entries or users.
let t: TestApp;
let mpp: SeededMpp;
let mixed: Caller;

const SERVICE_CSV = (tenantCode: string, code: string) =>
  `code,name,tenant_code,ticket_prefix,completion_value,completion_unit,fee_rupiah\n${code},Layanan ${code},${tenantCode},Q,1,working_days,0\n`;

beforeAll(async () => {
  t = await createTestApp();
  mpp = await seedMpp(t.db);
  const user = await seedStaff(t.db, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
  await t.db.query(`INSERT INTO role_grants (user_id, role, mpp_id, tenant_id) VALUES ($1, 'tenant_admin', $2, $3)`, [user.userId, mpp.mppId, mpp.otherTenantId]);
  mixed = await loginAs(t.app, user.email);
});
afterAll(() => t.close());

describe('tenant scope follows the role held at each agency', () => {
  it('import changes only the agency where the caller is tenant admin', async () => {
    const importCsv = (content: string) =>
      t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mpp.mppId}/import`, headers: mixed.headers, payload: { entity: 'services', format: 'csv', content } });
    const foreign = await importCsv(SERVICE_CSV('DUKCAPIL', 'DUK-77'));
    expect(foreign.json()).toMatchObject({ applied: false, errors: [expect.objectContaining({ column: 'tenant_code' })] });
    const own = await importCsv(SERVICE_CSV('SAMSAT', 'SAM-77'));
    expect(own.json()).toMatchObject({ applied: true, created: 1 });
    const { rows } = await t.db.query<{ code: string }>('SELECT code FROM services WHERE mpp_id = $1 ORDER BY code', [mpp.mppId]);
    expect(rows.map((r) => r.code)).toEqual(['SAM-77']);
    const exported = await t.app.inject({ method: 'GET', url: `/api/catalog/mpps/${mpp.mppId}/export?entity=tenants&format=csv`, headers: mixed.headers });
    expect(exported.body).toContain('SAMSAT');
    expect(exported.body).not.toContain('DUKCAPIL');
  });

  it('the audit log shows only the administered agency', async () => {
    await recordAudit(t.db, SYSTEM_ACTOR, { action: 'probe.dukcapil', targetType: 'probe', targetId: null, mppId: mpp.mppId, tenantId: mpp.tenantId });
    await recordAudit(t.db, SYSTEM_ACTOR, { action: 'probe.samsat', targetType: 'probe', targetId: null, mppId: mpp.mppId, tenantId: mpp.otherTenantId });
    const res = await t.app.inject({ method: 'GET', url: `/api/audit?mppId=${mpp.mppId}&targetType=probe`, headers: mixed.headers });
    expect(res.statusCode).toBe(200);
    const actions = (res.json().entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(['probe.samsat']);
    const asked = await t.app.inject({ method: 'GET', url: `/api/audit?mppId=${mpp.mppId}&tenantId=${mpp.tenantId}&targetType=probe`, headers: mixed.headers });
    expect((asked.json().entries ?? []).map((e: { action: string }) => e.action)).not.toContain('probe.dukcapil');
  });

  it('the user list holds only the administered agency’s staff', async () => {
    const dukcapilOfficer = await seedStaff(t.db, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const samsatOfficer = await seedStaff(t.db, 'officer', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
    const res = await t.app.inject({ method: 'GET', url: `/api/users?mppId=${mpp.mppId}`, headers: mixed.headers });
    expect(res.statusCode).toBe(200);
    const emails = (res.json() as { email: string }[]).map((u) => u.email);
    expect(emails).toContain(samsatOfficer.email);
    expect(emails).not.toContain(dukcapilOfficer.email);
  });
});

describe('MPP website', () => {
  it('accepts only http(s) addresses, refusing javascript: and data: in Indonesian', async () => {
    await t.db.query(`UPDATE mpps SET region_code = '35.78' WHERE id = $1`, [mpp.mppId]);
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const patch = (website: string) =>
      t.app.inject({ method: 'PATCH', url: `/api/catalog/mpps/${mpp.mppId}`, headers: admin.headers, payload: { contacts: { website } } });
    for (const bad of ['javascript:alert(document.cookie)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://mpp.go.id']) {
      const res = await patch(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0]).toMatchObject({ path: 'body.contacts.website', message: 'Situs web harus alamat http:// atau https://.' });
    }
    const ok = await patch('https://mpp.example.go.id/layanan');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().contacts.website).toBe('https://mpp.example.go.id/layanan');
  });

  it('never serves a javascript: website stored before the check', async () => {
    await t.db.query(`UPDATE mpps SET contacts = '{"website":"javascript:alert(1)","phone":"0341"}'::jsonb, published = true WHERE id = $1`, [mpp.mppId]);
    const { rows } = await t.db.query<{ slug: string }>('SELECT slug FROM mpps WHERE id = $1', [mpp.mppId]);
    const res = await t.app.inject({ method: 'GET', url: `/api/public/mpps/${rows[0]!.slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('javascript:');
    expect(res.json().mpp.contacts).toEqual({ phone: '0341' });
  });
});
