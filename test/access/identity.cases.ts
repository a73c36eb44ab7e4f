import { seedStaff } from '../support/app.js';
import type { CaseFile } from './world.js';

let n = 0;
const uniqueEmail = (caller: string) => `matrix.${caller}.${n++}@test.layan`;

export default {
  async setup(w) {
    const res = await w.t.app.inject({
      method: 'POST',
      url: `/api/mpps/${w.mppA}/devices`,
      headers: w.headers.mppAdminA,
      payload: { kind: 'display', name: 'matrix' },
    });
    const victim = await seedStaff(w.t.db, 'officer', { mppId: w.mppA, tenantId: w.tenantA1 });
    // One account per caller allowed to remove a role, so each removes a role that is still there.
    const grantVictims: Record<string, { userId: string; grantId: string }> = {};
    for (const caller of ['national', 'mppAdminA', 'tenantAdminA1']) {
      const v = await seedStaff(w.t.db, 'officer', { mppId: w.mppA, tenantId: w.tenantA1 });
      const g = await w.t.db.query<{ id: string }>('SELECT id FROM role_grants WHERE user_id = $1', [v.userId]);
      grantVictims[caller] = { userId: v.userId, grantId: g.rows[0]!.id };
    }
    return { deviceA: res.json().id as string, victim: victim.userId, grantVictims };
  },
  cases: [
    { method: 'POST', route: '/api/auth/login', public: 'sign-in', request: () => ({ url: '/api/auth/login', payload: { email: 'x@test.layan', password: 'x' } }) },
    { method: 'POST', route: '/api/auth/logout', public: 'signing out without a session is a no-op', request: () => ({ url: '/api/auth/logout' }) },
    {
      method: 'GET',
      route: '/api/auth/me',
      allow: ['national', 'mppAdminA', 'mppAdminB', 'tenantAdminA1', 'officerA1', 'officerA2'],
      request: () => ({ url: '/api/auth/me' }),
    },
    {
      method: 'POST',
      route: '/api/auth/password',
      allow: ['national', 'mppAdminA', 'mppAdminB', 'tenantAdminA1', 'officerA1', 'officerA2'],
      // A wrong current password: the caller gets through to the rule (400), nothing changes.
      request: () => ({ url: '/api/auth/password', payload: { currentPassword: 'not-the-password', newPassword: 'another-password-1' } }),
    },
    {
      method: 'GET',
      route: '/api/users',
      allow: ['national', 'mppAdminA', 'mppAdminB', 'tenantAdminA1'],
      request: (w, _f, caller) => ({ url: caller === 'mppAdminB' ? `/api/users?mppId=${w.mppB}` : `/api/users?mppId=${w.mppA}` }),
    },
    {
      method: 'POST',
      route: '/api/users',
      allow: ['national', 'mppAdminA'],
      request: (w, _f, caller) => ({
        url: '/api/users',
        payload: { email: uniqueEmail(caller), name: 'Matrix', password: 'sementara-123', grants: [{ role: 'tenant_admin', mppId: w.mppA, tenantId: w.tenantA1 }] },
      }),
    },
    {
      method: 'GET',
      route: '/api/users/:userId',
      allow: ['national', 'mppAdminA', 'tenantAdminA1'],
      request: (w) => ({ url: `/api/users/${w.userIds.officerA1}` }),
    },
    {
      method: 'PATCH',
      route: '/api/users/:userId',
      allow: ['national', 'mppAdminA', 'tenantAdminA1'],
      request: (w) => ({ url: `/api/users/${w.userIds.officerA1}`, payload: { name: 'Petugas A1' } }),
    },
    {
      method: 'POST',
      route: '/api/users/:userId/reset-password',
      allow: ['national', 'mppAdminA', 'tenantAdminA1'],
      // Targets a throw-away account so the matrix's own callers keep their sessions.
      request: (_w, f) => ({ url: `/api/users/${f.victim}/reset-password`, payload: { password: 'sementara-789' } }),
    },
    {
      method: 'POST',
      route: '/api/users/:userId/grants',
      allow: ['national', 'mppAdminA', 'tenantAdminA1'],
      // The role is already held: callers who get through meet the 409, nothing changes.
      request: (w, f) => ({ url: `/api/users/${f.victim}/grants`, payload: { role: 'officer', mppId: w.mppA, tenantId: w.tenantA1 } }),
    },
    {
      method: 'DELETE',
      route: '/api/users/:userId/grants/:grantId',
      allow: ['national', 'mppAdminA', 'tenantAdminA1'],
      request: (_w, f, caller) => {
        const v = f.grantVictims[caller] ?? f.grantVictims.national!;
        return { url: `/api/users/${v.userId}/grants/${v.grantId}` };
      },
    },
    { method: 'GET', route: '/api/mpps/:mppId/devices', allow: ['national', 'mppAdminA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/devices` }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/devices',
      allow: ['national', 'mppAdminA'],
      request: (w) => ({ url: `/api/mpps/${w.mppA}/devices`, payload: { kind: 'kiosk', name: 'matrix kiosk' } }),
    },
    {
      method: 'DELETE',
      route: '/api/mpps/:mppId/devices/:deviceId',
      allow: ['national', 'mppAdminA'],
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/devices/${f.deviceA}` }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/device', allow: ['kioskA', 'displayA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/device` }) },
    {
      method: 'GET',
      route: '/api/audit',
      allow: ['national', 'mppAdminA', 'tenantAdminA1'],
      request: (w) => ({ url: `/api/audit?mppId=${w.mppA}` }),
    },
    {
      method: 'GET',
      route: '/api/audit/facets',
      allow: ['national', 'mppAdminA', 'tenantAdminA1'],
      request: (w) => ({ url: `/api/audit/facets?mppId=${w.mppA}` }),
    },
    { method: 'GET', route: '/api/ping', public: 'liveness of the API for clients', request: () => ({ url: '/api/ping' }) },
  ],
} satisfies CaseFile;
