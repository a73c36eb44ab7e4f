import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { LanguageSwitch, useI18n } from '../i18n';

export function PublicHeader() {
  const { t } = useI18n();
  return (
    <header className="public-header">
      <Link to="/" className="brand">Layan</Link>
      <span className="tagline">{t('Mal Pelayanan Publik', 'Public Service Mall')}</span>
      <LanguageSwitch />
      <Link to="/masuk" className="staff-link">{t('Petugas', 'Staff')}</Link>
    </header>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const search = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/cari?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main home">
        <h1>{t('Layanan publik dalam satu atap', 'Public services under one roof')}</h1>
        <p>{t('Cari layanan dan persyaratannya, ambil antrean, buat janji temu, dan pantau pengaduan Anda.', 'Find a service and its requirements, take a number, book a time and follow your complaint.')}</p>
        <form className="home-search" role="search" onSubmit={search}>
          <label htmlFor="home-q">{t('Cari layanan', 'Search services')}</label>
          <div className="home-search-row">
            <input id="home-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('mis. perpanjang SIM, KTP hilang', 'e.g. renew driving licence, lost ID card')} />
            <button type="submit" className="primary">{t('Cari', 'Search')}</button>
          </div>
        </form>
        <nav className="home-links" aria-label={t('Pintasan', 'Shortcuts')}>
          <Link to="/mpp">{t('Daftar MPP per provinsi', 'MPPs by province')}</Link>
          <Link to="/lacak">{t('Lacak pengaduan', 'Track a complaint')}</Link>
        </nav>
      </main>
    </>
  );
}
