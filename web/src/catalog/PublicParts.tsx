import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadState } from '../api/hooks';
import type { ApiError } from '../api/problem';
import { useI18n } from '../i18n';
import { readChosenMpp } from '../shell/chosenMpp';
import { PublicHeader, searchUrl } from '../shell/Home';
import './catalog.css';

export function SearchBox({ mpp, initial = '' }: { mpp?: string; initial?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial);
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim().length < 2) return;
    // On an MPP page the search stays in that MPP; elsewhere the citizen's MPP is ranked first.
    void navigate(mpp ? `/cari?${new URLSearchParams({ q: q.trim(), mpp })}` : searchUrl(q.trim(), readChosenMpp()));
  };
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <label htmlFor="cari-layanan" className="visually-hidden">{t('Cari layanan', 'Search services')}</label>
      <input id="cari-layanan" name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('Contoh: perpanjang sim, ktp hilang', 'E.g. perpanjang sim, ktp hilang')} />
      <button type="submit" className="primary">{t('Cari', 'Search')}</button>
    </form>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main catalog-public">{children}</main>
    </>
  );
}

/** A deep link to an MPP or service that does not exist (or is closed): say so and offer the way back. */
function NotFound({ what, mppSlug }: { what: 'mpp' | 'service'; mppSlug?: string }) {
  const { t } = useI18n();
  return (
    <Shell>
      <section className="not-found" aria-labelledby="nf-title">
        <h1 id="nf-title">{what === 'mpp' ? t('MPP tidak ditemukan', 'MPP not found') : t('Layanan tidak ditemukan', 'Service not found')}</h1>
        <p>
          {what === 'mpp'
            ? t('Alamat ini tidak menunjuk ke MPP yang aktif. Mungkin MPP belum dibuka untuk umum atau alamatnya salah ketik.', 'This address does not point to an open MPP. It may not be public yet, or the address is mistyped.')
            : t('Layanan ini tidak ada atau sudah tidak dilayani di MPP ini.', 'This service does not exist or is no longer offered at this MPP.')}
        </p>
        <ul>
          {mppSlug && <li><Link to={`/mpp/${mppSlug}`}>{t('Lihat semua layanan MPP ini', 'See all services of this MPP')}</Link></li>}
          <li><Link to="/cari">{t('Cari layanan lain', 'Search another service')}</Link></li>
          <li><Link to="/mpp">{t('Daftar MPP', 'MPP directory')}</Link></li>
          <li><Link to="/">{t('Kembali ke beranda', 'Back to the home page')}</Link></li>
        </ul>
      </section>
    </Shell>
  );
}

/**
 * A public page that shows one loaded thing: the not-found page for a 404 (a stale or mistyped deep
 * link), otherwise loading, the problem with a retry, or the page.
 */
export function PublicLoad<T>({ query, notFound, children }: { query: UseQueryResult<T, ApiError>; notFound: { what: 'mpp' | 'service'; mppSlug?: string }; children: (data: T) => ReactNode }) {
  if (query.isError && query.error.status === 404) return <NotFound {...notFound} />;
  if (query.isSuccess) return <>{children(query.data)}</>;
  return (
    <Shell>
      <LoadState query={query}>{() => null}</LoadState>
    </Shell>
  );
}
