import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import type { Grant, Role } from '../session';
import { useSession } from '../session';

interface UserRow {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  grants: Grant[];
}

export function UsersPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [users, setUsers] = useState<UserRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const scope = user?.grants.find((g) => g.role !== 'national_admin');
  const [form, setForm] = useState({ email: '', name: '', password: '', role: 'officer' as Role, mppId: scope?.mppId ?? '', tenantId: scope?.tenantId ?? '' });

  const load = () =>
    api<UserRow[]>(`/api/users${scope?.mppId ? `?mppId=${scope.mppId}` : ''}`).then(setUsers, (e: ApiError) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api('/api/users', {
        body: { email: form.email, name: form.name, password: form.password, grants: [{ role: form.role, mppId: form.mppId || null, tenantId: form.tenantId || null }] },
      });
      setMessage(t('Akun dibuat. Berikan kata sandi sementara kepada pemiliknya.', 'Account created. Give the temporary password to its owner.'));
      setForm({ ...form, email: '', name: '', password: '' });
      await load();
    } catch (err) {
      setError(err instanceof ApiError ? [err.message, ...err.errors.map((x) => x.message)].join(' ') : String(err));
    }
  }

  async function toggle(u: UserRow) {
    await api(`/api/users/${u.id}`, { method: 'PATCH', body: { status: u.status === 'active' ? 'disabled' : 'active' } }).catch((e: ApiError) => setError(e.message));
    await load();
  }

  async function reset(u: UserRow) {
    const password = window.prompt(t('Kata sandi sementara baru (minimal 10 karakter):', 'New temporary password (at least 10 characters):'));
    if (!password) return;
    try {
      await api(`/api/users/${u.id}/reset-password`, { body: { password } });
      setMessage(t('Kata sandi diatur ulang.', 'Password reset.'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }

  return (
    <section>
      <h1>{t('Pengguna', 'Users')}</h1>
      {message && <p className="notice" role="status">{message}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <table className="data">
        <thead>
          <tr><th>{t('Nama', 'Name')}</th><th>Email</th><th>{t('Peran', 'Roles')}</th><th>{t('Status', 'Status')}</th><th /></tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.grants.map((g) => g.role).join(', ')}</td>
              <td>{u.status === 'active' ? t('Aktif', 'Active') : t('Nonaktif', 'Disabled')}{u.lockedUntil && new Date(u.lockedUntil) > new Date() ? ` · ${t('terkunci', 'locked')}` : ''}</td>
              <td className="actions">
                <button type="button" onClick={() => void toggle(u)}>{u.status === 'active' ? t('Nonaktifkan', 'Disable') : t('Aktifkan', 'Enable')}</button>
                <button type="button" onClick={() => void reset(u)}>{t('Atur ulang sandi', 'Reset password')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('Tambah pengguna', 'Add a user')}</h2>
      <form className="grid-form" onSubmit={create}>
        <label>{t('Nama', 'Name')}<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>Email<input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></label>
        <label>{t('Kata sandi sementara', 'Temporary password')}<input type="text" minLength={10} required value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} /></label>
        <label>{t('Peran', 'Role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            <option value="officer">{t('Petugas', 'Officer')}</option>
            <option value="tenant_admin">{t('Admin Instansi', 'Agency admin')}</option>
            <option value="mpp_admin">{t('Admin MPP', 'MPP admin')}</option>
            <option value="national_admin">{t('Admin Nasional', 'National admin')}</option>
          </select>
        </label>
        <label>{t('ID MPP', 'MPP id')}<input value={form.mppId} onChange={(e) => setForm({ ...form, mppId: e.target.value })} /></label>
        <label>{t('ID Instansi', 'Agency id')}<input value={form.tenantId} onChange={(e) => setForm({ ...form, tenantId: e.target.value })} /></label>
        <button type="submit" className="primary">{t('Buat akun', 'Create account')}</button>
      </form>
    </section>
  );
}
