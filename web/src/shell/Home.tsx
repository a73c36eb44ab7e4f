import { Link } from 'react-router';
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
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main">
        <h1>{t('Layanan publik dalam satu atap', 'Public services under one roof')}</h1>
        <p>{t('Cari layanan, ambil antrean, dan pantau permohonan Anda.', 'Find a service, take a number and follow your application.')}</p>
      </main>
    </>
  );
}
