import { useState, type FormEvent } from 'react';
import type { BodyOf } from '../api/types';
import { useI18n } from '../i18n';
import type { Grant, Role } from '../session';
import { hasRole, useSession } from '../session';
import { Pick } from '../shell/Pick';
import { ROLE_NAMES } from '../shell/roles';
import { grantOf, type Grantable, type NewGrant, type TenantRow, type UserRow } from './use-users';

function GrantFields({ may, tenants, role, tenantId, onRole, onTenant }: {
  may: { roles: Role[] };
  tenants: TenantRow[];
  role: Role;
  tenantId: string;
  onRole(r: Role): void;
  onTenant(id: string): void;
}) {
  const { t } = useI18n();
  const needsTenant = role === 'officer' || role === 'tenant_admin';
  return (
    <>
      <label>{t('Peran', 'Role')}
        <select value={role} onChange={(e) => onRole(e.target.value as Role)}>
          {may.roles.map((r) => <option key={r} value={r}>{t(ROLE_NAMES[r])}</option>)}
        </select>
      </label>
      {needsTenant && (
        <Pick label={t('Instansi', 'Agency')} value={tenantId} onChange={onTenant} required placeholder={t('— pilih instansi —', '— choose an agency —')}
          options={tenants.map((x) => ({ value: x.id, label: x.name, keywords: x.code }))} />
      )}
    </>
  );
}

/** The "Add a user" form; `onCreate` starts the write and calls `created` once the account is made (the form then clears). */
export function NewUser({ may, tenants, mppId, onCreate }: {
  may: { roles: Role[] };
  tenants: TenantRow[];
  mppId: string;
  onCreate(body: BodyOf<'/api/users', 'post'>, created: () => void): void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState({ email: '', name: '', password: '', role: may.roles[0]!, tenantId: '' });
  function create(e: FormEvent) {
    e.preventDefault();
    onCreate({ email: form.email, name: form.name, password: form.password, grants: [grantOf(form.role, mppId, form.tenantId)] }, () => setForm({ ...form, email: '', name: '', password: '' }));
  }
  return (
    <>
      <h2>{t('Tambah pengguna', 'Add a user')}</h2>
      <form className="grid-form" onSubmit={create}>
        <label>{t('Nama', 'Name')}<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>Email<input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></label>
        <label>{t('Kata sandi sementara', 'Temporary password')}<input type="text" minLength={10} required value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} /></label>
        <GrantFields may={may} tenants={tenants} role={form.role} tenantId={form.tenantId} onRole={(role) => setForm({ ...form, role })} onTenant={(tenantId) => setForm({ ...form, tenantId })} />
        <button type="submit" className="primary">{t('Buat akun', 'Create account')}</button>
      </form>
    </>
  );
}

/** One account's roles: remove those the admin may take, add one the admin may give. */
export function RolesEditor({ target, isSelf, lastAdmin, may, tenants, mppId, roleText, onAdd, onRemove }: {
  target: UserRow;
  isSelf: boolean;
  /** The last active MPP admin of this MPP: the server refuses to take that role away. */
  lastAdmin: boolean;
  may: Grantable;
  tenants: TenantRow[];
  mppId: string;
  roleText(g: Grant): string;
  onAdd(grant: NewGrant): void;
  onRemove(grantId: string): void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const [role, setRole] = useState<Role>(may.roles[0] ?? 'officer');
  const [tenantId, setTenantId] = useState('');
  const canTake = (g: Grant) =>
    !isSelf && may.roles.includes(g.role) && (g.role === 'national_admin' ? hasRole(user, 'national_admin') : g.mppId === mppId) && (!g.tenantId || may.tenantIds === 'all' || may.tenantIds.includes(g.tenantId));
  return (
    <div className="card roles-editor">
      <h2>{t('Peran', 'Roles')}: {target.name}</h2>
      <ul>
        {target.grants.map((g) => (
          <li key={g.id}>
            {roleText(g)}{' '}
            {lastAdmin && g.role === 'mpp_admin' && g.mppId === mppId ? (
              <span className="muted small guard-reason">{t('Admin MPP aktif terakhir: tambahkan admin lain sebelum mencabut peran ini.', 'The last active MPP admin: add another admin before removing this role.')}</span>
            ) : canTake(g) && <button type="button" onClick={() => onRemove(g.id)}>{t('Cabut', 'Remove')}</button>}
          </li>
        ))}
      </ul>
      {isSelf ? (
        <p className="muted">{t('Peran Anda sendiri diubah oleh admin lain.', 'Another admin changes your own roles.')}</p>
      ) : (
        may.roles.length > 0 && (
          <form className="grid-form" onSubmit={(e) => { e.preventDefault(); onAdd(grantOf(role, mppId, tenantId)); }}>
            <GrantFields may={may} tenants={tenants} role={role} tenantId={tenantId} onRole={setRole} onTenant={setTenantId} />
            <button type="submit">{t('Tambah peran', 'Add role')}</button>
          </form>
        )
      )}
    </div>
  );
}
