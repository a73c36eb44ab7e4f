import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiQuery, type ApiData } from '../api/client';
import { useCurrentMpp } from '../current-mpp';
import { useI18n, type Bilingual } from '../i18n';
import { todayIn, zoneAbbr } from '../time';
import { Kpi } from './FloorPage';
import { minutes, mins, pct } from './format';
import './operations.css';

type Stats = ApiData<'/api/mpps/{mppId}/operations/stats'>;
type Grouping = Stats['by'];

const GROUPINGS: { by: Grouping; label: Bilingual }[] = [
  { by: 'tenant', label: { id: 'Instansi', en: 'Agency' } },
  { by: 'service', label: { id: 'Layanan', en: 'Service' } },
  { by: 'counter', label: { id: 'Loket', en: 'Counter' } },
  { by: 'officer', label: { id: 'Petugas', en: 'Officer' } },
  { by: 'day', label: { id: 'Tanggal', en: 'Day' } },
  { by: 'weekday', label: { id: 'Hari', en: 'Weekday' } },
  { by: 'hour', label: { id: 'Jam', en: 'Hour' } },
];

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** Queue statistics of a period: KPIs, a breakdown with bars, the arrivals heatmap, downloads and staffing advice. */
export function StatsPage() {
  const { t } = useI18n();
  const { mppId, mpp } = useCurrentMpp();
  const zone = mpp?.timezone ?? 'Asia/Jakarta';
  const today = todayIn(zone);
  const [from, setFrom] = useState(() => monthStart(today));
  const [to, setTo] = useState(today);
  const [by, setBy] = useState<Grouping>('tenant');
  const query = { from, to, by };
  const stats = useQuery({
    ...apiQuery('/api/mpps/{mppId}/operations/stats', { params: { path: { mppId: mppId ?? '' }, query } }),
    enabled: !!mppId && from <= to,
  });
  const staffing = useQuery({
    ...apiQuery('/api/mpps/{mppId}/operations/staffing', { params: { path: { mppId: mppId ?? '' }, query: { from, to } } }),
    enabled: !!mppId && from <= to,
  });
  if (!mppId) return <p className="notice">{t('Pilih MPP terlebih dahulu.', 'Choose an MPP first.')}</p>;
  const qs = new URLSearchParams(query).toString();
  return (
    <section className="ops-stats">
      <h1>{t('Statistik antrean', 'Queue statistics')}</h1>
      <p className="muted">
        {mpp?.name} · {t('hari dan jam menurut', 'days and hours in')} {zoneAbbr(zone)}
      </p>
      <form className="ops-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('Dari', 'From')}
          <input type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label>
          {t('Sampai', 'To')}
          <input type="date" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
        <label>
          {t('Kelompokkan per', 'Group by')}
          <select value={by} onChange={(e) => setBy(e.target.value as Grouping)}>
            {GROUPINGS.map((g) => (
              <option key={g.by} value={g.by}>{t(g.label)}</option>
            ))}
          </select>
        </label>
        <span className="ops-downloads">
          <a href={`/api/mpps/${mppId}/operations/stats.xlsx?${qs}`} download>{t('Unduh XLSX', 'Download XLSX')}</a>
          <a href={`/api/mpps/${mppId}/operations/stats.csv?${qs}`} download>{t('Unduh CSV', 'Download CSV')}</a>
        </span>
      </form>
      {stats.isPending && <p className="loading">{t('Memuat…', 'Loading…')}</p>}
      {stats.isError && <p className="error" role="alert">{stats.error.message}</p>}
      {stats.data && <StatsBody s={stats.data} />}
      {staffing.data && <StaffingTable s={staffing.data} />}
    </section>
  );
}

function StatsBody({ s }: { s: Stats }) {
  const { t } = useI18n();
  const k = s.totals;
  const maxIssued = Math.max(1, ...s.groups.map((g) => g.kpis.issued));
  const maxHeat = Math.max(1, ...s.heatmap.flat());
  const days = [t('Sen', 'Mon'), t('Sel', 'Tue'), t('Rab', 'Wed'), t('Kam', 'Thu'), t('Jum', 'Fri'), t('Sab', 'Sat'), t('Min', 'Sun')];
  const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => s.heatmap.some((d) => d[h]! > 0) || (h >= 7 && h <= 17));
  return (
    <>
      <div className="ops-kpis" aria-label={t('Ringkasan periode', 'Period summary')}>
        <Kpi label={t('Tiket diambil', 'Tickets issued')} value={String(k.issued)} sub={`${t('booking', 'booked')} ${k.booked} · ${t('langsung', 'walk-in')} ${k.walkIn}`} />
        <Kpi label={t('Dilayani', 'Served')} value={String(k.served)} sub={`${t('batal', 'cancelled')} ${k.cancelled} · ${t('dialihkan', 'transferred')} ${k.transferred}`} />
        <Kpi label={t('Tidak hadir', 'No-shows')} value={String(k.noShow)} sub={pct(k.noShowRate)} />
        <Kpi label={t('Tunggu (median / p90)', 'Wait (median / p90)')} value={`${mins(k.wait.medianMinutes)} / ${mins(k.wait.p90Minutes)} ${t('mnt', 'min')}`} sub={`${t('rata-rata', 'mean')} ${minutes(k.wait.meanSeconds)}`} />
        <Kpi label={t('Layanan (median / p90)', 'Service (median / p90)')} value={`${mins(k.service.medianMinutes)} / ${mins(k.service.p90Minutes)} ${t('mnt', 'min')}`} sub={`${t('ke loket', 'walk')} ${mins(k.walk.medianMinutes)} ${t('mnt', 'min')}`} />
        <Kpi label={t(`Dipanggil < ${s.targetWaitMinutes} mnt`, `Called < ${s.targetWaitMinutes} min`)} value={pct(k.withinTargetShare)} warn={(k.withinTargetShare ?? 1) < 0.8} />
      </div>
      <section className="card">
        <h2>{t('Rincian', 'Breakdown')}</h2>
        {s.groups.length === 0 ? (
          <p className="muted">{t('Tidak ada tiket pada periode ini.', 'No tickets in this period.')}</p>
        ) : (
          <table className="ops-table ops-breakdown">
            <thead>
              <tr>
                <th>{t('Kelompok', 'Group')}</th>
                <th className="ops-bar-col">{t('Diambil / dilayani', 'Issued / served')}</th>
                <th className="num">{t('Tidak hadir', 'No-show')}</th>
                <th className="num">{t('Tunggu median', 'Median wait')}</th>
                <th className="num">p90</th>
                <th className="num">{t('Layanan med.', 'Service med.')}</th>
                <th className="num">{t('Layanan p90', 'Service p90')}</th>
                <th className="num">{t('< target', '< target')}</th>
              </tr>
            </thead>
            <tbody>
              {s.groups.map((g) => (
                <tr key={g.key}>
                  <td className="ops-name">{g.label}</td>
                  <td className="ops-bar-col">
                    <div className="ops-bar-cell">
                      <span className="ops-bar-track">
                        <span className="ops-bar" style={{ width: `${(g.kpis.issued / maxIssued) * 100}%` }}>
                          <span className="ops-bar-served" style={{ width: `${g.kpis.issued ? (g.kpis.served / g.kpis.issued) * 100 : 0}%` }} />
                        </span>
                      </span>
                      <span className="ops-bar-text">{g.kpis.issued} / {g.kpis.served}</span>
                    </div>
                  </td>
                  <td className="num">{g.kpis.noShow}</td>
                  <td className="num" data-testid="wait-median">{mins(g.kpis.wait.medianMinutes)}</td>
                  <td className="num" data-testid="wait-p90">{mins(g.kpis.wait.p90Minutes)}</td>
                  <td className="num" data-testid="service-median">{mins(g.kpis.service.medianMinutes)}</td>
                  <td className="num" data-testid="service-p90">{mins(g.kpis.service.p90Minutes)}</td>
                  <td className="num">{pct(g.kpis.withinTargetShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2>{t('Kedatangan per hari dan jam', 'Arrivals by weekday and hour')}</h2>
        <table className="ops-heatmap">
          <thead>
            <tr>
              <th />
              {hours.map((h) => (
                <th key={h}>{String(h).padStart(2, '0')}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {s.heatmap.map((row, d) => (
              <tr key={d}>
                <th>{days[d]}</th>
                {hours.map((h) => (
                  <td key={h} style={{ background: `rgba(14, 99, 156, ${row[h]! / maxHeat})`, color: row[h]! / maxHeat > 0.5 ? '#fff' : undefined }}>
                    {row[h] || ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function StaffingTable({ s }: { s: ApiData<'/api/mpps/{mppId}/operations/staffing'> }) {
  const { t } = useI18n();
  const active = s.tenants.filter((x) => x.hours.length > 0);
  if (active.length === 0) return null;
  const idle = s.tenants.length - active.length;
  return (
    <section className="card">
      <h2>{t('Saran jumlah loket (Erlang C)', 'Staffing advice (Erlang C)')}</h2>
      <p className="muted">
        {t(
          `Loket yang dibutuhkan tiap jam agar rata-rata tunggu paling lama ${s.targetWaitMinutes} menit, dari kedatangan dan lama layanan ${s.days} hari.`,
          `Counters needed each hour for a mean wait of at most ${s.targetWaitMinutes} minutes, from the arrivals and service times of ${s.days} days.`,
        )}
      </p>
      <table className="ops-table">
        <thead>
          <tr>
            <th>{t('Instansi', 'Agency')}</th>
            <th className="num">{t('Loket ada / buka', 'Counters / open')}</th>
            <th className="num">{t('Puncak dibutuhkan', 'Peak needed')}</th>
            <th>{t('Per jam (kedatangan → loket)', 'By hour (arrivals → counters)')}</th>
          </tr>
        </thead>
        <tbody>
          {active.map((x) => (
            <tr key={x.tenantId} className={x.peakCountersNeeded > x.countersTotal ? 'ops-risk' : undefined}>
              <td className="ops-name">{x.tenantName}</td>
              <td className="num">{x.countersTotal} / {x.countersOpenNow}</td>
              <td className="num">{x.peakCountersNeeded}</td>
              <td className="ops-hours">
                {x.hours.map((h) => (
                  <span key={h.hour} title={`${h.arrivalsPerHour}/${t('jam', 'h')}, ${h.meanServiceMinutes} ${t('mnt', 'min')}`}>
                    {String(h.hour).padStart(2, '0')}: {h.countersNeeded}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {idle > 0 && <p className="muted">{t(`${idle} instansi lain tanpa kedatangan pada periode ini.`, `${idle} other agencies had no arrivals in this period.`)}</p>}
    </section>
  );
}
