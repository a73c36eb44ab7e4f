import { NavLink, Navigate, Outlet, useNavigate } from 'react-router';
import { LanguageSwitch, useI18n } from '../i18n';
import { STAFF_NAV } from '../nav';
import { hasRole, useSession } from '../session';

const ROLE_NAMES = {
  national_admin: ['Admin Nasional', 'National admin'],
  mpp_admin: ['Admin MPP', 'MPP admin'],
  tenant_admin: ['Admin Instansi', 'Agency admin'],
  officer: ['Petugas', 'Officer'],
} as const;

export function StaffShell() {
  const { t } = useI18n();
  const { user, loading, logout } = useSession();
  const navigate = useNavigate();
  if (loading) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (!user) return <Navigate to="/masuk" replace />;
  const nav = STAFF_NAV.filter((item) => hasRole(user, ...item.roles));
  const roles = [...new Set(user.grants.map((g) => g.role))];
  return (
    <div className="staff-shell">
      <a className="skip-link" href="#main">{t('Lompat ke isi', 'Skip to content')}</a>
      <header className="topbar">
        <span className="brand">Layan</span>
        <span className="who">
          {user.name} · {roles.map((r) => t(ROLE_NAMES[r][0], ROLE_NAMES[r][1])).join(', ')}
        </span>
        <LanguageSwitch />
        <button type="button" onClick={() => void logout().then(() => navigate('/masuk'))}>{t('Keluar', 'Sign out')}</button>
      </header>
      <div className="staff-body">
        <nav aria-label={t('Menu petugas', 'Staff menu')} className="sidenav">
          <ul>
            {nav.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} end={item.path === '/staf'}>{t(...item.label)}</NavLink>
              </li>
            ))}
            <li><NavLink to="/staf/kata-sandi">{t('Ganti kata sandi', 'Change password')}</NavLink></li>
          </ul>
        </nav>
        <main id="main" className="staff-main">
          {user.mustChangePassword && <Navigate to="/staf/kata-sandi" replace />}
          <Outlet />
        </main>
      </div>
    </div>
  );
}

export function StaffHome() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <section>
      <h1>{t('Selamat datang', 'Welcome')}, {user?.name}</h1>
      <p className="muted">{t('Pilih menu di samping untuk mulai bekerja.', 'Pick a menu item to start working.')}</p>
    </section>
  );
}
