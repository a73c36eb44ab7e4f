import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { LanguageSwitch, useI18n } from '../i18n';
import { MobileTeaser } from '../mobile/MobileTeaser';
import { CitizenActions } from './CitizenActions';
import { useChosenMpp } from './chosenMpp';

export function PublicHeader() {
  const { t } = useI18n();
  return (
    <header className="public-header">
      <a className="skip-link" href="#main">{t('Lompat ke isi', 'Skip to content')}</a>
      <Link to="/" className="brand">Layan</Link>
      <span className="tagline">{t('Mal Pelayanan Publik', 'Public Service Mall')}</span>
      <LanguageSwitch />
      <Link to="/masuk" className="staff-link">{t('Petugas', 'Staff')}</Link>
    </header>
  );
}

/** The search query string: the text, and the citizen's MPP or province to rank first. */
export function searchUrl(q: string, prefer: { slug: string; province: string | null } | null): string {
  const p = new URLSearchParams({ q });
  if (prefer) {
    p.set('preferMpp', prefer.slug);
    if (prefer.province) p.set('preferProvince', prefer.province);
  }
  return `/cari?${p}`;
}

export function HomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  // The chooser is a convenience: while the list loads or if it fails, search still works without it.
  const mpps = useApiQuery('/api/public/mpps').data;
  const [chosen, choose] = useChosenMpp();
  const search = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) void navigate(searchUrl(q.trim(), chosen));
  };
  const pick = (id: string) => {
    const m = mpps?.find((x) => x.id === id);
    if (m) choose({ id: m.id, slug: m.slug, name: m.name, province: m.province?.code ?? null });
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
        <div className="mpp-chooser">
          <label htmlFor="home-mpp">{t('MPP Anda', 'Your MPP')}</label>
          <select id="home-mpp" value={chosen?.id ?? ''} onChange={(e) => pick(e.target.value)} aria-describedby="home-mpp-help">
            <option value="">{t('— Pilih MPP —', '— Choose an MPP —')}</option>
            {(mpps ?? []).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
          <small id="home-mpp-help" className="muted">{t('Hasil pencarian dari MPP ini tampil lebih dulu; antrean dan pengaduan langsung ke MPP ini.', 'Search shows this MPP first; tickets and complaints go straight to it.')}</small>
        </div>
        <CitizenActions mpp={chosen} searchTarget="/cari" />
        <MobileTeaser />
        <nav className="home-links" aria-label={t('Pintasan', 'Shortcuts')}>
          <Link to="/mpp">{t('Daftar MPP per provinsi', 'MPPs by province')}</Link>
          {chosen && <Link to={`/mpp/${chosen.slug}`}>{chosen.name}</Link>}
        </nav>
      </main>
    </>
  );
}
