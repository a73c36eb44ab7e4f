import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiQuery } from '../api/client';
import { problemText } from '../api/hooks';
import { currentLang } from '../api/problem';
import { openEventStream } from '../queue/sse-client';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { clockTimeWithZone } from '../time';
import { minutes } from './format';
import './operations.css';

/**
 * The live floor for a supervisor's screen: lines, counters, tickets near the target, quiet devices.
 * Loaded once, then pushed by the server over SSE after every queue change (and every 30 s, as waits grow).
 */
export function FloorPage() {
  const { t } = useI18n();
  const { mppId, mpp } = useCurrentMpp();
  const floor = useQuery({
    ...apiQuery('/api/mpps/{mppId}/operations/floor', { params: { path: { mppId: mppId ?? '' } } }),
    enabled: !!mppId,
  });
  type FloorData = NonNullable<typeof floor.data>;
  const [live, setLive] = useState<{ mppId: string; floor: FloorData } | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!mppId) return undefined;
    return openEventStream(`/api/mpps/${mppId}/operations/floor/events`, {
      headers: { 'accept-language': currentLang() },
      onMessage: (m) => {
        if (m.event === 'floor') setLive({ mppId, floor: JSON.parse(m.data) as FloorData });
      },
      onState: setConnected,
    });
  }, [mppId]);
  if (!mppId) return <p className="notice">{t('Pilih MPP terlebih dahulu.', 'Choose an MPP first.')}</p>;
  const pushed = live?.mppId === mppId ? live.floor : undefined;
  if (!pushed && floor.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (!pushed && floor.isError) return <p className="error" role="alert">{problemText(floor.error)}</p>;
  const f = (pushed ?? floor.data)!;
  const statusLabel = { open: t('Buka', 'Open'), paused: t('Jeda', 'Paused'), closed: t('Tutup', 'Closed') };
  return (
    <section className="ops-floor">
      <header className="ops-head">
        <h1>{t('Lantai layanan', 'Service floor')}</h1>
        <p className="muted">
          {mpp?.name} · {t('diperbarui', 'updated')} {clockTimeWithZone(f.at, f.timezone)} · {t('target tunggu', 'target wait')} {f.targetWaitMinutes} {t('menit', 'min')} ·{' '}
          <span className={connected ? 'ops-live' : 'ops-offline'} data-testid="floor-live">
            {connected ? t('langsung', 'live') : t('menyambung ulang…', 'reconnecting…')}
          </span>
        </p>
      </header>
      <div className="ops-kpis" aria-label={t('Ringkasan', 'Summary')}>
        <Kpi label={t('Menunggu', 'Waiting')} value={String(f.totals.waiting)} />
        <Kpi label={t('Tunggu terlama', 'Longest wait')} value={minutes(f.totals.longestWaitSeconds)} warn={(f.totals.longestWaitSeconds ?? 0) >= f.targetWaitMinutes * 60} />
        <Kpi label={t('Dilayani hari ini', 'Served today')} value={String(f.totals.servedToday)} />
        <Kpi label={t('Loket buka', 'Counters open')} value={`${f.totals.countersOpen}`} sub={`${t('jeda', 'paused')} ${f.totals.countersPaused} · ${t('tutup', 'closed')} ${f.totals.countersClosed}`} />
        <Kpi label={t('Hampir lewat target', 'Near the target')} value={String(f.atRisk.length)} warn={f.atRisk.length > 0} />
      </div>
      <div className="ops-floor-grid">
        <section className="card ops-lines">
          <h2>{t('Antrean per layanan', 'Lines by service')}</h2>
          {f.lines.length === 0 ? (
            <p className="muted">{t('Belum ada antrean hari ini.', 'No one queued today yet.')}</p>
          ) : (
            <table className="ops-table">
              <thead>
                <tr>
                  <th>{t('Layanan', 'Service')}</th>
                  <th className="num">{t('Menunggu', 'Waiting')}</th>
                  <th className="num">{t('Terlama', 'Longest')}</th>
                  <th className="num">{t('Perkiraan', 'Expected')}</th>
                  <th className="num">{t('Loket', 'Counters')}</th>
                </tr>
              </thead>
              <tbody>
                {f.lines.map((l) => (
                  <tr key={l.serviceId} className={l.atRisk ? 'ops-risk' : undefined}>
                    <td className="ops-name">
                      <span>{l.serviceName}</span>
                      <span className="muted ops-sub">{l.tenantName}</span>
                    </td>
                    <td className="num">{l.waiting}</td>
                    <td className="num">{minutes(l.longestWaitSeconds)}</td>
                    <td className="num">{l.expectedWaitMinutes === null ? '–' : `${l.expectedWaitMinutes}m`}</td>
                    <td className="num">{l.openCounters}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card ops-counters">
          <h2>{t('Loket', 'Counters')}</h2>
          <ul className="ops-counter-list">
            {f.counters.map((c) => (
              <li key={c.id} className={`ops-counter ops-${c.status}`}>
                <strong>{c.name}</strong> <span className="ops-badge">{statusLabel[c.status]}</span>
                <span className="muted ops-sub">{c.tenantName}{c.officerName ? ` · ${c.officerName}` : ''}</span>
                {c.pauseReason && <span className="ops-sub">{c.pauseReason}</span>}
                {c.current && (
                  <span className="ops-sub">
                    {t('Melayani', 'Serving')} <strong>{c.current.number}</strong> · {c.current.serviceName}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section className="card ops-side">
          <h2>{t('Hampir lewat target tunggu', 'Near the target wait')}</h2>
          {f.atRisk.length === 0 ? (
            <p className="muted">{t('Tidak ada.', 'None.')}</p>
          ) : (
            <ul className="ops-plain">
              {f.atRisk.slice(0, 12).map((r) => (
                <li key={r.id}>
                  <strong>{r.number}</strong> {minutes(r.waitingSeconds)} · <span className="muted">{r.serviceName}</span>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('Diparkir', 'Parked')}</h2>
          {f.parked.length === 0 ? (
            <p className="muted">{t('Tidak ada.', 'None.')}</p>
          ) : (
            <ul className="ops-plain" data-testid="floor-parked">
              {f.parked.slice(0, 8).map((p) => (
                <li key={p.id}>
                  <strong>{p.number}</strong> {minutes(p.parkedSeconds)} · <span className="muted">{p.serviceName}</span>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('Perangkat tidak aktif', 'Devices offline')}</h2>
          {f.devicesOffline.length === 0 ? (
            <p className="muted">{t('Semua aktif.', 'All active.')}</p>
          ) : (
            <ul className="ops-plain">
              {f.devicesOffline.map((d) => (
                <li key={d.id}>
                  {d.name} <span className="muted">({d.kind === 'kiosk' ? t('kios', 'kiosk') : t('layar', 'board')})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}

export function Kpi({ label, value, sub, warn }: { label: string; value: string; sub?: string; warn?: boolean }) {
  return (
    <div className={`ops-kpi${warn ? ' ops-warn' : ''}`}>
      <span className="ops-kpi-label">{label}</span>
      <span className="ops-kpi-value">{value}</span>
      {sub && <span className="ops-kpi-sub muted">{sub}</span>}
    </div>
  );
}
