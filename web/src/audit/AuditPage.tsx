import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { hasRole, useSession } from '../session';
import { Pick } from '../shell/Pick';
import { localMidnight, zoneAbbr } from '../time';
import { actionName, changeSummary, targetLink, targetName } from './actions';

export interface AuditEntry {
  id: number;
  at: string;
  actorLabel: string | null;
  actorType: string;
  action: string;
  targetType: string;
  targetId: string | null;
  mppId: string | null;
  before: unknown;
  after: unknown;
}
interface Facets { actions: string[]; actors: { id: string; label: string }[]; targetTypes: string[] }

const PAGE = 25;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The audit log of the current MPP: filtered and paged on the server, in words, in the MPP's zone. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const { mppId, mpp } = useCurrentMpp();
  const { user } = useSession();
  // A national admin who has not picked an MPP reads the whole log (sign-ins and national changes included).
  const everywhere = !mppId && hasRole(user, 'national_admin');
  const zone = mpp?.timezone ?? 'Asia/Jakarta';
  const [facets, setFacets] = useState<Facets>({ actions: [], actors: [], targetTypes: [] });
  const [filter, setFilter] = useState({ actorId: '', action: '', targetType: '', from: '', to: '' });
  const [pages, setPages] = useState<number[]>([]); // cursors of the pages before this one
  const [cursor, setCursor] = useState<number | null>(null);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!mppId && !everywhere) return;
    api<Facets>(mppId ? `/api/audit/facets?mppId=${mppId}` : '/api/audit/facets').then(setFacets, (e: ApiError) => setError(e.message));
    setPages([]);
    setCursor(null);
  }, [mppId, everywhere]);

  useEffect(() => {
    if (!mppId && !everywhere) return;
    const qs = new URLSearchParams({ limit: String(PAGE) });
    if (mppId) qs.set('mppId', mppId);
    if (filter.actorId) qs.set('actorId', filter.actorId);
    if (filter.action) qs.set('action', filter.action);
    if (filter.targetType) qs.set('targetType', filter.targetType);
    if (filter.from) qs.set('from', localMidnight(filter.from, zone));
    if (filter.to) qs.set('to', localMidnight(nextDay(filter.to), zone));
    if (cursor) qs.set('before', String(cursor));
    api<{ entries: AuditEntry[]; nextBefore: number | null }>(`/api/audit?${qs}`).then(
      (r) => {
        setEntries(r.entries);
        setNext(r.nextBefore);
        setError(null);
      },
      (e: ApiError) => setError(e.message),
    );
  }, [mppId, everywhere, filter, cursor, zone]);

  const change = (patch: Partial<typeof filter>) => {
    setFilter({ ...filter, ...patch });
    setPages([]);
    setCursor(null);
  };
  const fmt = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="audit-page">
      <h1>{t('Log audit', 'Audit log')}</h1>
      <p className="muted">{t('Catatan setiap perubahan: siapa, kapan, apa, sebelum dan sesudah. Tidak dapat diubah.', 'Every change: who, when, what, before and after. It cannot be edited.')}</p>
      {everywhere && <p className="muted">{t('Menampilkan seluruh MPP. Pilih MPP di atas untuk menyaring.', 'Showing every MPP. Choose an MPP above to narrow it down.')}</p>}
      <div className="grid-form audit-filters">
        <Pick label={t('Pelaku', 'Actor')} value={filter.actorId} onChange={(actorId) => change({ actorId })} placeholder={t('Semua', 'All')}
          options={facets.actors.map((a) => ({ value: a.id, label: a.label }))} />
        <Pick label={t('Tindakan', 'Action')} value={filter.action} onChange={(action) => change({ action })} placeholder={t('Semua', 'All')}
          options={facets.actions.map((a) => ({ value: a, label: actionName(a, t) })).sort((a, b) => a.label.localeCompare(b.label))} />
        <Pick label={t('Jenis sasaran', 'Target kind')} value={filter.targetType} onChange={(targetType) => change({ targetType })} placeholder={t('Semua', 'All')}
          options={facets.targetTypes.map((x) => ({ value: x, label: targetName(x, t) }))} />
        <label>{t('Dari tanggal', 'From')}<input type="date" value={filter.from} onChange={(e) => change({ from: e.target.value })} /></label>
        <label>{t('Sampai tanggal', 'To')}<input type="date" value={filter.to} onChange={(e) => change({ to: e.target.value })} /></label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="data audit-table">
        <thead><tr><th>{t('Waktu', 'Time')} ({zoneAbbr(zone)})</th><th>{t('Pelaku', 'Actor')}</th><th>{t('Tindakan', 'Action')}</th><th>{t('Sasaran', 'Target')}</th><th>{t('Perubahan', 'Change')}</th></tr></thead>
        <tbody>
          {entries.map((e) => {
            const link = targetLink(e);
            return (
              <tr key={e.id}>
                <td>{fmt.format(new Date(e.at))}</td>
                <td>{e.actorLabel ?? actorKind(e.actorType, t)}</td>
                <td>{actionName(e.action, t)}</td>
                <td>{link ? <Link to={link.to}>{targetName(e.targetType, t)}{link.label ? `: ${link.label}` : ''}</Link> : targetName(e.targetType, t)}</td>
                <td>
                  <details>
                    <summary>{changeSummary(e, t)}</summary>
                    <pre>{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            );
          })}
          {entries.length === 0 && <tr><td colSpan={5} className="muted">{t('Tidak ada catatan yang cocok.', 'No entry matches.')}</td></tr>}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={pages.length === 0} onClick={() => { setCursor(pages.at(-1) || null); setPages(pages.slice(0, -1)); }}>← {t('Lebih baru', 'Newer')}</button>
        <span className="muted">{t('Halaman', 'Page')} {pages.length + 1}</span>
        <button type="button" disabled={!next} onClick={() => { setPages([...pages, cursor ?? 0]); setCursor(next); }}>{t('Lebih lama', 'Older')} →</button>
      </div>
    </section>
  );
}

const actorKind = (type: string, t: (id: string, en: string) => string) =>
  type === 'device' ? t('Perangkat', 'Device') : type === 'citizen' ? t('Warga', 'Citizen') : type === 'system' ? t('Sistem', 'System') : t('Petugas', 'Staff');
