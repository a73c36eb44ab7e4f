import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiQuery, type ApiData } from '../api/client';
import { useCurrentMpp } from '../current-mpp';
import { useI18n, type Bilingual } from '../i18n';
import { todayIn } from '../time';
import { pct } from './format';
import './operations.css';

type Scorecard = ApiData<'/api/mpps/{mppId}/operations/scorecard'>;
type MonthCard = Scorecard['months'][number];

const MONTHS_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthLabel(month: string, lang: 'id' | 'en'): string {
  const [y, m] = month.split('-');
  return `${(lang === 'id' ? MONTHS_ID : MONTHS_EN)[Number(m) - 1]} ${y}`;
}

/** One scorecard figure: how to read it from a month, show it, and whether higher is better. */
interface Row {
  label: Bilingual;
  value: (c: MonthCard) => number | null;
  show: (v: number | null) => string;
  higherIsBetter: boolean;
  /** Differences smaller than this are shown as steady. */
  epsilon: number;
}

const share = (v: number | null) => pct(v);
const ROWS: Row[] = [
  { label: { id: 'IKM (survei kepuasan)', en: 'IKM (satisfaction)' }, value: (c) => c.survey.ikm, show: (v) => (v === null ? '–' : v.toFixed(2)), higherIsBetter: true, epsilon: 0.5 },
  { label: { id: 'Dipanggil dalam target tunggu', en: 'Called within the target wait' }, value: (c) => c.queue.withinTargetShare, show: share, higherIsBetter: true, epsilon: 0.01 },
  { label: { id: 'Median tunggu (menit)', en: 'Median wait (min)' }, value: (c) => c.queue.waitMedianMinutes, show: (v) => (v === null ? '–' : String(v)), higherIsBetter: false, epsilon: 1 },
  { label: { id: 'Tidak hadir saat dipanggil', en: 'No-shows when called' }, value: (c) => c.queue.noShowRate, show: share, higherIsBetter: false, epsilon: 0.01 },
  { label: { id: 'Pengaduan diverifikasi ≤ 3 hari kerja', en: 'Complaints verified within 3 working days' }, value: (c) => c.complaints.verifiedOnTimeShare, show: share, higherIsBetter: true, epsilon: 0.01 },
  { label: { id: 'Pengaduan selesai tepat waktu', en: 'Complaints resolved within their tier' }, value: (c) => c.complaints.resolvedOnTimeShare, show: share, higherIsBetter: true, epsilon: 0.01 },
  { label: { id: 'Booking tidak hadir', en: 'Booking no-shows' }, value: (c) => c.booking.noShowRate, show: share, higherIsBetter: false, epsilon: 0.01 },
  { label: { id: 'Sesuai Standar Pelayanan (waktu)', en: 'Within the Standar Pelayanan time' }, value: (c) => c.conformity.share, show: share, higherIsBetter: true, epsilon: 0.01 },
  { label: { id: 'Skor gabungan (0–100)', en: 'Composite score (0–100)' }, value: (c) => c.score, show: (v) => (v === null ? '–' : v.toFixed(1)), higherIsBetter: true, epsilon: 0.5 },
];

/** ▲ better, ▼ worse, = steady against the month before; nothing without both values. */
function Trend({ now, before, row }: { now: number | null; before: number | null; row: Row }) {
  const { t } = useI18n();
  if (now === null || before === null) return <span className="muted">·</span>;
  const d = now - before;
  if (Math.abs(d) < row.epsilon) return <span className="ops-trend" title={t('tetap', 'steady')}>=</span>;
  const better = row.higherIsBetter ? d > 0 : d < 0;
  return (
    <span className={better ? 'ops-trend ops-up' : 'ops-trend ops-down'} title={better ? t('membaik', 'better') : t('memburuk', 'worse')}>
      {d > 0 ? '▲' : '▼'}
    </span>
  );
}

/** The MPP scorecard: the chosen month's figures with their trend over the months before. */
export function ScorecardPage() {
  const { t, lang } = useI18n();
  const { mppId, mpp } = useCurrentMpp();
  const [month, setMonth] = useState(() => todayIn(mpp?.timezone ?? 'Asia/Jakarta').slice(0, 7));
  const card = useQuery({
    ...apiQuery('/api/mpps/{mppId}/operations/scorecard', { params: { path: { mppId: mppId ?? '' }, query: { month, months: 6 } } }),
    enabled: !!mppId,
  });
  const criteria = useQuery({
    ...apiQuery('/api/mpps/{mppId}/operations/digital-criteria', { params: { path: { mppId: mppId ?? '' } } }),
    enabled: !!mppId,
  });
  if (!mppId) return <p className="notice">{t('Pilih MPP terlebih dahulu.', 'Choose an MPP first.')}</p>;
  const s = card.data;
  const criterionStatus = { met: t('terpenuhi', 'met'), not_met: t('belum', 'not met'), not_assessable: t('tidak dapat dinilai sistem', 'not assessable by the system') };
  const last = s?.months.at(-1);
  const prev = s?.months.at(-2);
  return (
    <section className="ops-stats ops-scorecard">
      <h1>{t('Rapor MPP', 'MPP scorecard')}</h1>
      <p className="muted">{mpp?.name}</p>
      <form className="ops-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('Bulan', 'Month')}
          <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </label>
      </form>
      {card.isPending && <p className="loading">{t('Memuat…', 'Loading…')}</p>}
      {card.isError && <p className="error" role="alert">{card.error.message}</p>}
      {s && last && (
        <>
          <div className="ops-kpis" aria-label={t('Ringkasan', 'Summary')}>
            <div className="ops-kpi">
              <span className="ops-kpi-label">{t('IKM dan mutu', 'IKM and grade')}</span>
              <span className="ops-kpi-value">{last.survey.ikm === null ? '–' : `${last.survey.ikm.toFixed(2)} (${last.survey.grade})`}</span>
              <span className="ops-kpi-sub muted">{last.survey.respondents} {t('responden', 'respondents')}</span>
            </div>
            <div className="ops-kpi">
              <span className="ops-kpi-label">{t('Dalam target tunggu', 'Within the target wait')}</span>
              <span className="ops-kpi-value">{pct(last.queue.withinTargetShare)}</span>
              <span className="ops-kpi-sub muted">{last.queue.served} {t('dilayani', 'served')} · {t('target', 'target')} {s.targetWaitMinutes} {t('menit', 'min')}</span>
            </div>
            <div className="ops-kpi">
              <span className="ops-kpi-label">{t('SLA pengaduan', 'Complaint SLA')}</span>
              <span className="ops-kpi-value">{pct(last.complaints.verifiedOnTimeShare)} / {pct(last.complaints.resolvedOnTimeShare)}</span>
              <span className="ops-kpi-sub muted">{t('verifikasi / selesai', 'verified / resolved')} · {last.complaints.received} {t('masuk', 'received')}</span>
            </div>
            <div className="ops-kpi">
              <span className="ops-kpi-label">{t('Booking tidak hadir', 'Booking no-shows')}</span>
              <span className="ops-kpi-value">{pct(last.booking.noShowRate)}</span>
              <span className="ops-kpi-sub muted">{last.booking.noShow} / {last.booking.noShow + last.booking.checkedIn}</span>
            </div>
            <div className="ops-kpi">
              <span className="ops-kpi-label">{t('Sesuai Standar Pelayanan', 'Standar Pelayanan conformity')}</span>
              <span className="ops-kpi-value">{pct(last.conformity.share)}</span>
              <span className="ops-kpi-sub muted">{last.conformity.within} / {last.conformity.served}</span>
            </div>
          </div>
          <section className="card">
            <h2>{t('Tren enam bulan', 'Six-month trend')}</h2>
            <table className="ops-table ops-trend-table">
              <thead>
                <tr>
                  <th>{t('Ukuran', 'Measure')}</th>
                  {s.months.map((m) => (
                    <th key={m.month} className="num">
                      {monthLabel(m.month, lang)}
                    </th>
                  ))}
                  <th className="num">{t('Tren', 'Trend')}</th>
                </tr>
              </thead>
              <tbody>
                {ROWS.map((r) => (
                  <tr key={r.label.id}>
                    <td>{t(r.label)}</td>
                    {s.months.map((m) => (
                      <td key={m.month} className="num">
                        {r.show(r.value(m))}
                      </td>
                    ))}
                    <td className="num">
                      <Trend now={r.value(last)} before={prev ? r.value(prev) : null} row={r} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted ops-sub">
              {t(
                'Skor gabungan: rata-rata dari ukuran yang ada nilainya bulan itu (IKM, dalam target, verifikasi dan penyelesaian pengaduan tepat waktu, booking yang hadir, kesesuaian Standar Pelayanan); bukan indeks resmi.',
                'Composite: the mean of the measures the month has (IKM, within target, complaints verified and resolved on time, bookings kept, Standar Pelayanan conformity); not an official index.',
              )}
            </p>
          </section>
          {criteria.data && (
            <section className="card">
              <h2>
                {t('Kriteria MPP Digital', 'MPP Digital criteria')} · {criteria.data.met}/{criteria.data.assessable} {t('terpenuhi dari yang dapat dinilai', 'met of those assessable')}
              </h2>
              <table className="ops-table ops-criteria">
                <tbody>
                  {criteria.data.criteria.map((c) => (
                    <tr key={c.code} className={c.status === 'not_met' ? 'ops-risk' : undefined}>
                      <td className="ops-name">{t(c.name.id, c.name.en)}</td>
                      <td className={`ops-criterion ops-criterion-${c.status}`}>{criterionStatus[c.status]}</td>
                      <td className="ops-small">
                        {t(c.evidence.id, c.evidence.en)}
                        {c.missing && (
                          <div className="ops-missing" data-testid={`criterion-missing-${c.code}`}>
                            <strong>{t('Bukti yang belum ada di Layan:', 'Evidence Layan does not hold:')}</strong> {t(c.missing.id, c.missing.en)}
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <section className="card">
            <h2>{t('Kesesuaian waktu Standar Pelayanan per layanan', 'Standar Pelayanan time per service')}</h2>
            {s.conformityServices.length === 0 ? (
              <p className="muted">{t('Belum ada layanan dengan janji waktu dalam menit yang dilayani bulan ini.', 'No service promising minutes was served this month.')}</p>
            ) : (
              <table className="ops-table">
                <thead>
                  <tr>
                    <th>{t('Layanan', 'Service')}</th>
                    <th className="num">{t('Janji (menit)', 'Promised (min)')}</th>
                    <th className="num">{t('Dilayani', 'Served')}</th>
                    <th className="num">{t('Sesuai', 'Within')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.conformityServices.map((c) => (
                    <tr key={c.serviceId} className={c.share !== null && c.share < 0.8 ? 'ops-risk' : undefined}>
                      <td className="ops-name">
                        <span>{c.serviceName}</span>
                        <span className="muted ops-sub">{c.tenantName}</span>
                      </td>
                      <td className="num">{c.promisedMinutes}</td>
                      <td className="num">{c.served}</td>
                      <td className="num">{pct(c.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </section>
  );
}
