import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import type { Grant, Role } from '../session';
import { hasRole, useSession } from '../session';
import { Pick } from '../shell/Pick';
import { ROLE_NAMES } from '../shell/roles';
import { DisableButton, useLastAdmins } from './AccountGuards';

interface UserRow {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  grants: Grant[];
}
interface TenantRow { id: string; name: string; code: string }

const PAGE = 20;
const errText = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.errors.map((x) => x.message)].join(' ') : String(e));

/**
 * The roles this person may hand out in the current MPP, mirroring the server's rule: a national admin
 * any; an MPP admin the roles below theirs; an agency admin officers of their own agencies.
 */
function grantable(grants: Grant[], mppId: string | null): { roles: Role[]; tenantIds: 'all' | string[] } {
  if (grants.some((g) => g.role === 'national_admin')) return { roles: ['officer', 'tenant_admin', 'mpp_admin', 'national_admin'], tenantIds: 'all' };
  if (grants.some((g) => g.role === 'mpp_admin' && g.mppId === mppId)) return { roles: ['officer', 'tenant_admin', 'mpp_admin'], tenantIds: 'all' };
  const own = grants.filter((g) => g.role === 'tenant_admin' && g.mppId === mppId).map((g) => g.tenantId!);
  return own.length ? { roles: ['officer'], tenantIds: own } : { roles: [], tenantIds: [] };
}

/** Staff accounts of the current MPP: search, add, disable, reset a password, give and take roles. */
export function UsersPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { mppId, mpp } = useCurrentMpp();
  const [users, setUsers] = useState<UserRow[]>([]);
  const [tenants, setTenants] = useState<TenantRow[]>([]);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const may = useMemo(() => grantable(user?.grants ?? [], mppId), [user, mppId]);
  const lastAdmins = useLastAdmins(mppId, users);
  const tenantChoices = tenants.filter((x) => may.tenantIds === 'all' || may.tenantIds.includes(x.id));

  const load = () => {
    if (!mppId) return;
    const qs = new URLSearchParams({ mppId });
    if (query.trim()) qs.set('q', query.trim());
    api<UserRow[]>(`/api/users?${qs}`).then(setUsers, (e: ApiError) => setError(e.message));
  };
  useEffect(() => {
    const timer = setTimeout(load, 250);
    return () => clearTimeout(timer);
  }, [mppId, query]);
  useEffect(() => {
    if (mppId) api<TenantRow[]>(`/api/catalog/mpps/${mppId}/tenants`).then((l) => setTenants([...l].sort((a, b) => a.name.localeCompare(b.name))), () => setTenants([]));
  }, [mppId]);

  const roleText = (g: Grant) => {
    const role = t(...ROLE_NAMES[g.role]);
    if (g.role === 'national_admin') return role;
    if (g.tenantId) return `${role} · ${tenants.find((x) => x.id === g.tenantId)?.name ?? t('instansi lain', 'another agency')}`;
    return g.mppId === mppId ? `${role} · ${mpp?.name ?? 'MPP'}` : `${role} · ${t('MPP lain', 'another MPP')}`;
  };

  async function toggle(u: UserRow) {
    setError(null);
    try {
      await api(`/api/users/${u.id}`, { method: 'PATCH', body: { status: u.status === 'active' ? 'disabled' : 'active' } });
      load();
    } catch (e) {
      setError(errText(e));
    }
  }

  async function reset(u: UserRow) {
    const password = window.prompt(t('Kata sandi sementara baru (minimal 10 karakter):', 'New temporary password (at least 10 characters):'));
    if (!password) return;
    try {
      await api(`/api/users/${u.id}/reset-password`, { body: { password } });
      setMessage(t(`Kata sandi ${u.name} diatur ulang.`, `${u.name}'s password was reset.`));
    } catch (err) {
      setError(errText(err));
    }
  }

  const visible = users.slice(0, shown);
  const chosen = users.find((u) => u.id === selected);
  return (
    <section className="users-page">
      <h1>{t('Pengguna', 'Users')}</h1>
      {message && <p className="notice" role="status">{message}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <label className="search-line">{t('Cari nama atau email', 'Search name or email')}
        <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); setShown(PAGE); }} />
      </label>
      <table className="data">
        <thead>
          <tr><th>{t('Nama', 'Name')}</th><th>Email</th><th>{t('Peran', 'Roles')}</th><th>{t('Status', 'Status')}</th><th /></tr>
        </thead>
        <tbody>
          {visible.map((u) => (
            <tr key={u.id} className={u.id === selected ? 'selected' : undefined}>
              <td>{u.name}{u.id === user?.id && <span className="muted"> ({t('Anda', 'you')})</span>}</td>
              <td>{u.email}</td>
              <td>{u.grants.map(roleText).join('; ')}</td>
              <td>{u.status === 'active' ? t('Aktif', 'Active') : t('Nonaktif', 'Disabled')}{u.lockedUntil && new Date(u.lockedUntil) > new Date() ? ` · ${t('terkunci', 'locked')}` : ''}</td>
              <td className="actions">
                <button type="button" onClick={() => setSelected(u.id === selected ? null : u.id)}>{t('Peran', 'Roles')}</button>
                <DisableButton account={u} self={u.id === user?.id} lastAdmin={lastAdmins.has(u.id)} onToggle={() => void toggle(u)} />
                {u.id !== user?.id && <button type="button" onClick={() => void reset(u)}>{t('Atur ulang sandi', 'Reset password')}</button>}
              </td>
            </tr>
          ))}
          {users.length === 0 && <tr><td colSpan={5} className="muted">{t('Tidak ada pengguna yang cocok.', 'No user matches.')}</td></tr>}
        </tbody>
      </table>
      {users.length > shown && (
        <p>
          {t(`Menampilkan ${shown} dari ${users.length}.`, `Showing ${shown} of ${users.length}.`)}{' '}
          <button type="button" onClick={() => setShown(shown + PAGE)}>{t('Tampilkan lebih banyak', 'Show more')}</button>
        </p>
      )}
      {chosen && (
        <RolesEditor
          key={chosen.id}
          target={chosen}
          isSelf={chosen.id === user?.id}
          lastAdmin={lastAdmins.has(chosen.id) && chosen.status === 'active'}
          may={may}
          tenants={tenantChoices}
          mppId={mppId!}
          roleText={roleText}
          onChanged={(u) => setUsers(users.map((x) => (x.id === u.id ? u : x)))}
          onError={setError}
        />
      )}
      {may.roles.length > 0 && mppId && (
        <NewUser may={may} tenants={tenantChoices} mppId={mppId} onCreated={(u) => { setMessage(t(`Akun ${u.name} dibuat. Berikan kata sandi sementara kepada pemiliknya.`, `Account ${u.name} created. Give the temporary password to its owner.`)); load(); }} onError={setError} />
      )}
    </section>
  );
}

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
          {may.roles.map((r) => <option key={r} value={r}>{t(...ROLE_NAMES[r])}</option>)}
        </select>
      </label>
      {needsTenant && (
        <Pick label={t('Instansi', 'Agency')} value={tenantId} onChange={onTenant} required placeholder={t('— pilih instansi —', '— choose an agency —')}
          options={tenants.map((x) => ({ value: x.id, label: x.name, keywords: x.code }))} />
      )}
    </>
  );
}

const grantOf = (role: Role, mppId: string, tenantId: string) => ({
  role,
  mppId: role === 'national_admin' ? null : mppId,
  tenantId: role === 'officer' || role === 'tenant_admin' ? tenantId || null : null,
});

function NewUser({ may, tenants, mppId, onCreated, onError }: {
  may: { roles: Role[] };
  tenants: TenantRow[];
  mppId: string;
  onCreated(u: UserRow): void;
  onError(m: string | null): void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState({ email: '', name: '', password: '', role: may.roles[0]!, tenantId: '' });
  async function create(e: FormEvent) {
    e.preventDefault();
    onError(null);
    try {
      const u = await api<UserRow>('/api/users', { body: { email: form.email, name: form.name, password: form.password, grants: [grantOf(form.role, mppId, form.tenantId)] } });
      setForm({ ...form, email: '', name: '', password: '' });
      onCreated(u);
    } catch (err) {
      onError(errText(err));
    }
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

function RolesEditor({ target, isSelf, lastAdmin, may, tenants, mppId, roleText, onChanged, onError }: {
  target: UserRow;
  isSelf: boolean;
  lastAdmin: boolean;
  may: { roles: Role[]; tenantIds: 'all' | string[] };
  tenants: TenantRow[];
  mppId: string;
  roleText(g: Grant): string;
  onChanged(u: UserRow): void;
  onError(m: string | null): void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const [role, setRole] = useState<Role>(may.roles[0] ?? 'officer');
  const [tenantId, setTenantId] = useState('');
  const canTake = (g: Grant) =>
    !isSelf && may.roles.includes(g.role) && (g.role === 'national_admin' ? hasRole(user, 'national_admin') : g.mppId === mppId) && (!g.tenantId || may.tenantIds === 'all' || may.tenantIds.includes(g.tenantId));
  async function run(call: Promise<UserRow>) {
    onError(null);
    try {
      onChanged(await call);
    } catch (e) {
      onError(errText(e));
    }
  }
  return (
    <div className="card roles-editor">
      <h2>{t('Peran', 'Roles')}: {target.name}</h2>
      <ul>
        {target.grants.map((g) => (
          <li key={g.id}>
            {roleText(g)}{' '}
            {lastAdmin && g.role === 'mpp_admin' && g.mppId === mppId ? (
              <span className="muted small guard-reason">{t('Admin MPP aktif terakhir: tambahkan admin lain sebelum mencabut peran ini.', 'The last active MPP admin: add another admin before removing this role.')}</span>
            ) : canTake(g) && <button type="button" onClick={() => void run(api<UserRow>(`/api/users/${target.id}/grants/${g.id}`, { method: 'DELETE' }))}>{t('Cabut', 'Remove')}</button>}
          </li>
        ))}
      </ul>
      {isSelf ? (
        <p className="muted">{t('Peran Anda sendiri diubah oleh admin lain.', 'Another admin changes your own roles.')}</p>
      ) : (
        may.roles.length > 0 && (
          <form className="grid-form" onSubmit={(e) => { e.preventDefault(); void run(api<UserRow>(`/api/users/${target.id}/grants`, { body: grantOf(role, mppId, tenantId) })); }}>
            <GrantFields may={may} tenants={tenants} role={role} tenantId={tenantId} onRole={setRole} onTenant={setTenantId} />
            <button type="submit">{t('Tambah peran', 'Add role')}</button>
          </form>
        )
      )}
    </div>
  );
}
