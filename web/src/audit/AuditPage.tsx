import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { apiQuery } from '../api/client';
import { LoadState, useApiQuery } from '../api/hooks';
import { useCurrentMpp } from '../current-mpp';
import { useI18n, type Translate } from '../i18n';
import { hasRole, useSession } from '../session';
import { Pick } from '../shell/Pick';
import { locale, localMidnight, zoneAbbr } from '../time';
import { actionName, changeRows, changeSummary, targetLink, targetName, type AuditEntry } from './actions';

const PAGE = 25;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const NO_FACETS = { actions: [], actors: [], targetTypes: [] };

/** The audit log of the current MPP: filtered and paged on the server, in words, in the MPP's zone. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const { mppId, mpp } = useCurrentMpp();
  const { user } = useSession();
  // A national admin who has not picked an MPP reads the whole log (sign-ins and national changes included).
  const everywhere = !mppId && hasRole(user, 'national_admin');
  const zone = mpp?.timezone ?? 'Asia/Jakarta';
  const [filter, setFilter] = useState({ actorId: '', action: '', targetType: '', from: '', to: '' });
  const [pages, setPages] = useState<number[]>([]); // cursors of the pages before this one
  const [cursor, setCursor] = useState<number | null>(null);
  const ready = !!mppId || everywhere;
  const scope = mppId ? { mppId } : {};

  const facets = useApiQuery('/api/audit/facets', ready ? { params: { query: scope } } : null);
  const log = useApiQuery(
    '/api/audit',
    ready
      ? {
          params: {
            query: {
              ...scope,
              limit: PAGE,
              ...(filter.actorId ? { actorId: filter.actorId } : {}),
              ...(filter.action ? { action: filter.action } : {}),
              ...(filter.targetType ? { targetType: filter.targetType } : {}),
              ...(filter.from ? { from: localMidnight(filter.from, zone) } : {}),
              ...(filter.to ? { to: localMidnight(nextDay(filter.to), zone) } : {}),
              ...(cursor ? { before: cursor } : {}),
            },
          },
        }
      : null,
    // The page being left stays on screen until the next one has loaded.
    { placeholderData: keepPreviousData },
  );
  const names = useTargetNames(mppId);
  const { actions, actors, targetTypes } = facets.data ?? NO_FACETS;
  const next = log.data?.nextBefore ?? null;

  // Another MPP: its log starts again at its newest page.
  useEffect(() => {
    setPages([]);
    setCursor(null);
  }, [mppId, everywhere]);

  const change = (patch: Partial<typeof filter>) => {
    setFilter({ ...filter, ...patch });
    setPages([]);
    setCursor(null);
  };
  const fmt = new Intl.DateTimeFormat(locale(lang), { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="audit-page">
      <h1>{t('Log audit', 'Audit log')}</h1>
      <p className="muted">{t('Catatan setiap perubahan: siapa, kapan, apa, sebelum dan sesudah. Tidak dapat diubah.', 'Every change: who, when, what, before and after. It cannot be edited.')}</p>
      {everywhere && <p className="muted">{t('Menampilkan seluruh MPP. Pilih MPP di atas untuk menyaring.', 'Showing every MPP. Choose an MPP above to narrow it down.')}</p>}
      <div className="grid-form audit-filters">
        <Pick label={t('Pelaku', 'Actor')} value={filter.actorId} onChange={(actorId) => change({ actorId })} placeholder={t('Semua', 'All')}
          options={actors.map((a) => ({ value: a.id, label: a.label }))} />
        <Pick label={t('Tindakan', 'Action')} value={filter.action} onChange={(action) => change({ action })} placeholder={t('Semua', 'All')}
          options={actions.map((a) => ({ value: a, label: actionName(a, t) })).sort((a, b) => a.label.localeCompare(b.label))} />
        <Pick label={t('Jenis sasaran', 'Target kind')} value={filter.targetType} onChange={(targetType) => change({ targetType })} placeholder={t('Semua', 'All')}
          options={targetTypes.map((x) => ({ value: x, label: targetName(x, t) }))} />
        <label>{t('Dari tanggal', 'From')}<input type="date" value={filter.from} onChange={(e) => change({ from: e.target.value })} /></label>
        <label>{t('Sampai tanggal', 'To')}<input type="date" value={filter.to} onChange={(e) => change({ to: e.target.value })} /></label>
      </div>
      {facets.isError && <LoadState query={facets}>{() => null}</LoadState>}
      <LoadState query={log}>
        {({ entries }) => (
      <table className="data audit-table">
        <thead><tr><th>{t('Waktu', 'Time')} ({zoneAbbr(zone)})</th><th>{t('Pelaku', 'Actor')}</th><th>{t('Tindakan', 'Action')}</th><th>{t('Sasaran', 'Target')}</th><th>{t('Perubahan', 'Change')}</th></tr></thead>
        <tbody>
          {entries.map((e) => {
            const link = targetLink(e, names);
            return (
              <tr key={e.id}>
                <td>{fmt.format(new Date(e.at))}</td>
                <td>{e.actorLabel ?? actorKind(e.actorType, t)}</td>
                <td>{actionName(e.action, t)}</td>
                <td>{link ? <Link to={link.to}>{targetName(e.targetType, t)}{link.label ? `: ${link.label}` : ''}</Link> : targetName(e.targetType, t)}</td>
                <td>
                  <details>
                    <summary>{changeSummary(e, t)}</summary>
                    <ChangeTable entry={e} />
                  </details>
                </td>
              </tr>
            );
          })}
          {entries.length === 0 && <tr><td colSpan={5} className="muted">{t('Tidak ada catatan yang cocok.', 'No entry matches.')}</td></tr>}
        </tbody>
      </table>
        )}
      </LoadState>
      <div className="pager">
        <button type="button" disabled={pages.length === 0} onClick={() => { setCursor(pages.at(-1) || null); setPages(pages.slice(0, -1)); }}>← {t('Lebih baru', 'Newer')}</button>
        <span className="muted">{t('Halaman', 'Page')} {pages.length + 1}</span>
        <button type="button" disabled={!next} onClick={() => { setPages([...pages, cursor ?? 0]); setCursor(next); }}>{t('Lebih lama', 'Older')} →</button>
      </div>
    </section>
  );
}

/** The MPP's services, counters and agencies by id, to name a target whose entry does not (lists the catalog screens load too). */
/** The changed fields in words, each with its value before and after. */
function ChangeTable({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const rows = changeRows(entry, t);
  if (rows.length === 0) return <p className="muted">–</p>;
  return (
    <table className="audit-change">
      <thead><tr><th>{t('Kolom', 'Field')}</th>{entry.before != null && <th>{t('Sebelum', 'Before')}</th>}{entry.after != null && <th>{t('Sesudah', 'After')}</th>}</tr></thead>
      <tbody>
        {rows.map((r) => <tr key={r.key}><th scope="row">{r.field}</th>{entry.before != null && <td>{r.before}</td>}{entry.after != null && <td>{r.after}</td>}</tr>)}
      </tbody>
    </table>
  );
}

function useTargetNames(mppId: string | null): ReadonlyMap<string, string> {
  const path = { params: { path: { mppId: mppId ?? '' } } };
  const services = useQuery({ ...apiQuery('/api/catalog/mpps/{mppId}/services', { params: { path: { mppId: mppId ?? '' }, query: {} } }), enabled: !!mppId });
  const counters = useQuery({ ...apiQuery('/api/catalog/mpps/{mppId}/counters', path), enabled: !!mppId });
  const tenants = useQuery({ ...apiQuery('/api/catalog/mpps/{mppId}/tenants', path), enabled: !!mppId });
  return useMemo(
    () => new Map([...(services.data ?? []), ...(counters.data ?? []), ...(tenants.data ?? [])].map((x) => [x.id, x.name])),
    [services.data, counters.data, tenants.data],
  );
}

const actorKind = (type: string, t: Translate) =>
  type === 'device' ? t('Perangkat', 'Device') : type === 'citizen' ? t('Warga', 'Citizen') : type === 'system' ? t('Sistem', 'System') : t('Petugas', 'Staff');
