import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export function ChangePasswordPage() {
  const { t } = useI18n();
  const { user, refresh } = useSession();
  const navigate = useNavigate();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api('/api/auth/password', { body: { currentPassword, newPassword } });
      await refresh();
      navigate('/staf', { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? [err.message, ...err.errors.map((x) => x.message)].join(' ') : String(err));
    }
  }

  return (
    <section className="card narrow">
      <h1>{t('Ganti kata sandi', 'Change password')}</h1>
      {user?.mustChangePassword && <p className="notice">{t('Anda memakai kata sandi sementara. Buat kata sandi baru untuk melanjutkan.', 'You are using a temporary password. Choose a new one to continue.')}</p>}
      <form onSubmit={submit}>
        <label htmlFor="pw-current">{t('Kata sandi saat ini', 'Current password')}</label>
        <input id="pw-current" type="password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
        <label htmlFor="pw-new">{t('Kata sandi baru (minimal 10 karakter)', 'New password (at least 10 characters)')}</label>
        <input id="pw-new" type="password" autoComplete="new-password" minLength={10} required value={newPassword} onChange={(e) => setNew(e.target.value)} />
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary">{t('Simpan', 'Save')}</button>
      </form>
    </section>
  );
}
