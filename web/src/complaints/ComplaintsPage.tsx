import { keepPreviousData } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApiMutation, useApiQuery, WriteError, LoadStatus } from '../api/hooks';
import type { paths } from '../api/schema';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { hasRole, useSession } from '../session';
import { CLASS_LABEL, formatDateTime, pick, STATUS_LABEL } from './labels';
import './complaints.css';

type BodyOfList = NonNullable<paths['/api/mpps/{mppId}/complaints']['get']['parameters']['query']>;
type Status = NonNullable<BodyOfList['status']>;

const PAGE_SIZE = 15;

/**
 * Complaint list for handlers (all) and tenant staff (assigned to them); overdue items flagged.
 * The server pages, filters and counts: an MPP has months of complaints, and the total shown is the
 * number of all complaints matching the filters, not of what was loaded.
 */
export function ComplaintsPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { mppId, mpp } = useCurrentMpp();
  const timezone = mpp?.timezone;
  const isHandler = hasRole(user, 'mpp_admin', 'national_admin');
  const [status, setStatus] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const query: BodyOfList = { limit: PAGE_SIZE, offset: page * PAGE_SIZE };
  if (status) query.status = status as Status;
  if (overdueOnly) query.overdue = 'true';
  if (search) query.q = search;
  const list = useApiQuery('/api/mpps/{mppId}/complaints', mppId ? { params: { path: { mppId }, query } } : null, { placeholderData: keepPreviousData });
  // Only the count is wanted: how many of all this caller's complaints are past their deadline.
  const overdue = useApiQuery('/api/mpps/{mppId}/complaints', mppId ? { params: { path: { mppId }, query: { overdue: 'true', limit: 1 } } } : null);

  if (!mppId) return <p className="notice">{t('Pilih MPP di bagian atas halaman.', 'Choose an MPP at the top of the page.')}</p>;
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const overdueCount = overdue.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = (list.data?.offset ?? 0) + 1;
  const to = (list.data?.offset ?? 0) + items.length;
  function find(e: FormEvent) {
    e.preventDefault();
    setSearch(typed.trim());
    setPage(0);
  }

  return (
    <section className="complaint-staff">
      <h1>{t('Pengaduan', 'Complaints')}</h1>
      <LoadStatus queries={[list]} />
      {overdueCount > 0 && <p className="notice" role="status">{t(`${overdueCount} pengaduan melewati batas waktu.`, `${overdueCount} complaint(s) past their deadline.`)}</p>}
      <div className="inline">
        <label>{t('Status', 'Status')}
          <select value={status} onChange={(e) => { setStatus(e.target.value); setPage(0); }}>
            <option value="">{t('Semua', 'All')}</option>
            {(Object.keys(STATUS_LABEL) as (keyof typeof STATUS_LABEL)[]).map((s) => <option key={s} value={s}>{pick(STATUS_LABEL, s, t)}</option>)}
          </select>
        </label>
        <label className="choice"><input type="checkbox" checked={overdueOnly} onChange={(e) => { setOverdueOnly(e.target.checked); setPage(0); }} /> {t('Hanya yang terlambat', 'Overdue only')}</label>
        <form className="inline" role="search" onSubmit={find}>
          <input type="search" aria-label={t('Cari kode atau uraian', 'Search code or description')} placeholder={t('Kode atau uraian', 'Code or description')} value={typed} maxLength={100} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit">{t('Cari', 'Search')}</button>
        </form>
      </div>
      <div className="table-scroll">
        <table className="data">
          <thead><tr><th>{t('Kode', 'Code')}</th><th>{t('Jenis', 'Kind')}</th><th>{t('Uraian', 'Description')}</th><th>{t('Status', 'Status')}</th><th>{t('Batas waktu', 'Due')}</th></tr></thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} className={c.overdue ? 'overdue' : ''}>
                <td className="mono"><Link to={`/staf/pengaduan/${c.id}`}>{c.trackingCode}</Link></td>
                <td>{pick(CLASS_LABEL, c.class, t)}</td>
                <td>{c.description.length > 90 ? `${c.description.slice(0, 90)}…` : c.description}</td>
                <td>{pick(STATUS_LABEL, c.status, t)}</td>
                <td>{formatDateTime(c.dueAt, lang, timezone)} {c.overdue && <span className="badge-overdue">{t('TERLAMBAT', 'OVERDUE')}</span>}</td>
              </tr>
            ))}
            {list.isSuccess && total === 0 && <tr><td colSpan={5} className="muted">{t('Tidak ada pengaduan.', 'No complaints.')}</td></tr>}
          </tbody>
        </table>
      </div>
      {total > 0 && (
        <p className="inline" role="navigation" aria-label={t('Halaman daftar pengaduan', 'Complaint list pages')}>
          <button type="button" disabled={page === 0 || list.isPlaceholderData} onClick={() => setPage(page - 1)}>{t('‹ Sebelumnya', '‹ Previous')}</button>
          <span data-testid="complaint-range">{t(`${from}–${to} dari ${total.toLocaleString('id-ID')}`, `${from}–${to} of ${total.toLocaleString('en-US')}`)}</span>
          <button type="button" disabled={page >= pages - 1 || list.isPlaceholderData} onClick={() => setPage(page + 1)}>{t('Berikutnya ›', 'Next ›')}</button>
        </p>
      )}
      {isHandler && <LaporExport mppId={mppId} />}
      {isHandler && <Open311Keys mppId={mppId} />}
    </section>
  );
}

function LaporExport({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const url = (format: string) => `/api/mpps/${mppId}/lapor-export?from=${from}&to=${to}&format=${format}`;
  return (
    <>
      <h2>{t('Ekspor SP4N-LAPOR!', 'SP4N-LAPOR! export')}</h2>
      <div className="inline">
        <label>{t('Dari', 'From')}<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>{t('Sampai', 'To')}<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
      </div>
      <p className="inline"><a className="button" href={url('csv')}>CSV</a> <a className="button" href={url('json')}>JSON</a></p>
    </>
  );
}

function Open311Keys({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const keys = useApiQuery('/api/mpps/{mppId}/open311-keys', { params: { path: { mppId } } });
  const KEYS = ['/api/mpps/{mppId}/open311-keys'] as const;
  const issue = useApiMutation('post', '/api/mpps/{mppId}/open311-keys', {
    invalidates: [...KEYS],
    onSuccess: (created) => {
      setShown(created?.key ?? null);
      setName('');
    },
  });
  const revoke = useApiMutation('delete', '/api/mpps/{mppId}/open311-keys/{keyId}', { invalidates: [...KEYS] });
  function create(e: FormEvent) {
    e.preventDefault();
    issue.mutate({ params: { path: { mppId } }, body: { name } });
  }
  return (
    <>
      <h2>{t('Kunci API Open311', 'Open311 API keys')}</h2>
      <p className="muted">{t('Untuk aplikasi pihak ketiga yang mengirim pengaduan lewat Open311 GeoReport v2.', 'For third-party apps that send complaints through Open311 GeoReport v2.')}</p>
      {shown && <p className="notice" role="status">{t('Salin sekarang, kunci hanya ditampilkan sekali:', 'Copy it now, the key is shown only once:')} <code>{shown}</code></p>}
      <LoadStatus queries={[keys]} />
      <WriteError error={issue.error ?? revoke.error} />
      <table className="data">
        <tbody>
          {(keys.data ?? []).map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td><td className="mono">{k.keyPrefix}…</td><td>{k.revokedAt ? t('dicabut', 'revoked') : t('aktif', 'active')}</td>
              <td className="actions">{!k.revokedAt && <button type="button" onClick={() => revoke.mutate({ params: { path: { mppId, keyId: k.id } } })}>{t('Cabut', 'Revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline" onSubmit={create}>
        <input aria-label={t('Nama aplikasi', 'App name')} placeholder={t('Nama aplikasi', 'App name')} value={name} minLength={2} required onChange={(e) => setName(e.target.value)} />
        <button type="submit">{t('Terbitkan kunci', 'Issue key')}</button>
      </form>
    </>
  );
}
