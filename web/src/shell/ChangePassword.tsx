import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { client, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export function ChangePasswordPage() {
  const { t } = useI18n();
  const { user, refresh } = useSession();
  const navigate = useNavigate();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => unwrap(client.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
    onSuccess: async () => {
      await refresh();
      navigate('/staf', { replace: true });
    },
  });
  const error = change.error ? [change.error.message, ...change.error.errors.map((x) => x.message)].join(' ') : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate();
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
        <button type="submit" className="primary" disabled={change.isPending}>{t('Simpan', 'Save')}</button>
      </form>
    </section>
  );
}
