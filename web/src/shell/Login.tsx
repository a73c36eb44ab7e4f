import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => login(email, password),
    onSuccess: (user) => navigate(user.mustChangePassword ? '/staf/kata-sandi' : '/staf', { replace: true }),
  });
  // A network failure is an ApiError too (status 0), with its message in the UI language.
  const error = signIn.error?.message ?? null;
  const busy = signIn.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    signIn.mutate();
  }

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('Masuk Petugas', 'Staff sign-in')}</h1>
        <p className="muted">{t('Untuk petugas dan admin Mal Pelayanan Publik.', 'For Mal Pelayanan Publik officers and admins.')}</p>
        <label htmlFor="login-email">{t('Email', 'Email')}</label>
        <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="login-password">{t('Kata sandi', 'Password')}</label>
        <input id="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? t('Memproses…', 'Signing in…') : t('Masuk', 'Sign in')}</button>
      </form>
    </main>
  );
}
