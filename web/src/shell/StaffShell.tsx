import { useEffect, useRef, useState } from 'react';
import { NavLink, Navigate, Outlet, useNavigate } from 'react-router';
import { useCurrentMpp } from '../current-mpp';
import { LanguageSwitch, useI18n } from '../i18n';
import { STAFF_NAV } from '../nav';
import { hasRole, useSession } from '../session';
import { ROLE_NAMES } from './roles';
import { StaffHome } from './StaffHome';

export { StaffHome };

/** The one MPP switcher: every staff page works on the MPP chosen here (remembered on this device). */
function MppSwitcher() {
  const { t } = useI18n();
  const { mpp, choices, canSwitch, setMppId, mppId } = useCurrentMpp();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  if (!canSwitch) return mpp ? <span className="mpp-name">{mpp.name}</span> : null;
  const q = query.trim().toLocaleLowerCase('id');
  const shown = choices.filter((m) => !q || `${m.name} ${m.region?.name ?? ''} ${m.province?.name ?? ''}`.toLocaleLowerCase('id').includes(q));
  return (
    <div className="mpp-switcher" ref={ref}>
      <button type="button" aria-expanded={open} aria-haspopup="listbox" onClick={() => setOpen(!open)}>
        {mpp?.name ?? t('Pilih MPP', 'Choose an MPP')} ▾
      </button>
      {open && (
        <div className="mpp-menu">
          <input type="search" autoFocus aria-label={t('Cari MPP', 'Search MPPs')} placeholder={t('Cari MPP atau kota…', 'Search MPP or city…')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <ul aria-label={t('Daftar MPP', 'MPP list')}>
            {shown.map((m) => (
              <li key={m.id}>
                <button type="button" aria-current={m.id === mppId} onClick={() => { setMppId(m.id); setOpen(false); setQuery(''); }}>
                  {m.name}{m.province ? <span className="muted"> · {m.province.name}</span> : null}
                </button>
              </li>
            ))}
            {shown.length === 0 && <li className="muted">{t('Tidak ada MPP yang cocok.', 'No MPP matches.')}</li>}
          </ul>
        </div>
      )}
    </div>
  );
}

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
        <MppSwitcher />
        <span className="who">
          {user.name} · {roles.map((r) => t(ROLE_NAMES[r])).join(', ')}
        </span>
        <LanguageSwitch />
        <button type="button" onClick={() => void logout().then(() => navigate('/masuk'))}>{t('Keluar', 'Sign out')}</button>
      </header>
      <div className="staff-body">
        <nav aria-label={t('Menu petugas', 'Staff menu')} className="sidenav">
          <ul>
            {nav.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} end={item.path === '/staf'}>{t(item.label)}</NavLink>
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

