import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiQuery, type ApiData } from '../api/client';
import { useI18n, type Bilingual } from '../i18n';
import { todayIn } from '../time';
import { pct } from './format';
import { monthLabel } from './ScorecardPage';
import './operations.css';

type View = ApiData<'/api/national/operations/scorecards'>;
type Sort = 'score' | 'ikm' | 'withinTarget' | 'complaints' | 'bookingNoShow' | 'conformity' | 'name';

const SORTS: { value: Sort; label: Bilingual }[] = [
  { value: 'score', label: { id: 'Skor gabungan', en: 'Composite score' } },
  { value: 'ikm', label: { id: 'IKM', en: 'IKM' } },
  { value: 'withinTarget', label: { id: 'Dalam target tunggu', en: 'Within target wait' } },
  { value: 'complaints', label: { id: 'Pengaduan selesai tepat waktu', en: 'Complaints resolved on time' } },
  { value: 'bookingNoShow', label: { id: 'Booking tidak hadir (terendah)', en: 'Booking no-shows (lowest)' } },
  { value: 'conformity', label: { id: 'Sesuai Standar Pelayanan', en: 'Standar Pelayanan conformity' } },
  { value: 'name', label: { id: 'Nama', en: 'Name' } },
];

/** The national view: every MPP's scorecard of a month by province, ranked and filterable, with totals and stale data flagged. */
export function NationalScorecardPage() {
  const { t, lang } = useI18n();
  const [month, setMonth] = useState(() => todayIn('Asia/Jakarta').slice(0, 7));
  const [province, setProvince] = useState('');
  const [grade, setGrade] = useState('');
  const [staleOnly, setStaleOnly] = useState(false);
  const [sort, setSort] = useState<Sort>('score');
  const query = { month, sort, ...(province ? { province } : {}), ...(grade ? { grade: grade as 'A' } : {}), ...(staleOnly ? { stale: 'true' as const } : {}) };
  const view = useQuery(apiQuery('/api/national/operations/scorecards', { params: { query } }));
  // The province list comes from the unfiltered month, so choosing one does not empty the list.
  const all = useQuery(apiQuery('/api/national/operations/scorecards', { params: { query: { month, sort: 'name' } } }));
  const staleLabel: Record<NonNullable<View['mpps'][number]['stale']>, string> = {
    no_data: t('belum ada data', 'no data'),
    no_recent_activity: t('tidak ada aktivitas > 3 hari', 'no activity for 3+ days'),
    not_refreshed: t('belum diperbarui', 'not refreshed'),
  };
  const v = view.data;
  return (
    <section className="ops-stats ops-national">
      <h1>{t('Rapor nasional MPP', 'National MPP scorecards')}</h1>
      <p className="muted">{monthLabel(month, lang)}</p>
      <form className="ops-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('Bulan', 'Month')}
          <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </label>
        <label>
          {t('Provinsi', 'Province')}
          <select value={province} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{t('Semua provinsi', 'All provinces')}</option>
            {(all.data?.provinces ?? [])
              .filter((p) => p.provinceCode)
              .map((p) => (
                <option key={p.provinceCode} value={p.provinceCode!}>
                  {p.provinceName}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('Mutu IKM', 'IKM grade')}
          <select value={grade} onChange={(e) => setGrade(e.target.value)}>
            <option value="">{t('Semua', 'All')}</option>
            {['A', 'B', 'C', 'D'].map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Urutkan', 'Sort by')}
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {t(s.label)}
              </option>
            ))}
          </select>
        </label>
        <label className="ops-check">
          <input type="checkbox" checked={staleOnly} onChange={(e) => setStaleOnly(e.target.checked)} /> {t('Hanya data usang', 'Stale data only')}
        </label>
      </form>
      {view.isPending && <p className="loading">{t('Memuat…', 'Loading…')}</p>}
      {view.isError && <p className="error" role="alert">{view.error.message}</p>}
      {v && (
        <>
          <div className="ops-kpis" aria-label={t('Jumlah', 'Totals')}>
            <Total label={t('MPP', 'MPPs')} value={String(v.totals.mpps)} sub={`${v.totals.withScore} ${t('dengan skor', 'with a score')}`} />
            <Total label={t('Data usang', 'Stale data')} value={String(v.totals.stale)} warn={v.totals.stale > 0} />
            <Total label={t('Rata-rata skor', 'Mean score')} value={v.totals.meanScore === null ? '–' : v.totals.meanScore.toFixed(1)} />
            <Total label={t('Rata-rata IKM MPP', 'Mean MPP IKM')} value={v.totals.meanIkm === null ? '–' : v.totals.meanIkm.toFixed(2)} />
            <Total label={t('Dilayani', 'Served')} value={v.totals.served.toLocaleString('id-ID')} sub={`${v.totals.issued.toLocaleString('id-ID')} ${t('tiket', 'tickets')}`} />
            <Total label={t('Pengaduan masuk', 'Complaints received')} value={v.totals.complaintsReceived.toLocaleString('id-ID')} />
          </div>
          <div className="ops-national-grid">
            <section className="card">
              <h2>{t('Per provinsi', 'By province')}</h2>
              <table className="ops-table">
                <thead>
                  <tr>
                    <th>{t('Provinsi', 'Province')}</th>
                    <th className="num">MPP</th>
                    <th className="num">{t('Skor', 'Score')}</th>
                    <th className="num">{t('Usang', 'Stale')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.provinces.map((p) => (
                    <tr key={p.provinceCode ?? '-'}>
                      <td>{p.provinceName ?? t('(tanpa wilayah)', '(no region)')}</td>
                      <td className="num">{p.mpps}</td>
                      <td className="num">{p.meanScore === null ? '–' : p.meanScore.toFixed(1)}</td>
                      <td className="num">{p.stale}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="card">
              <h2>{t('Peringkat MPP', 'MPP ranking')}</h2>
              <table className="ops-table ops-ranking">
                <thead>
                  <tr>
                    <th className="num">#</th>
                    <th>MPP</th>
                    <th className="num">{t('Skor', 'Score')}</th>
                    <th className="num">IKM</th>
                    <th className="num">{t('Target tunggu', 'Target wait')}</th>
                    <th className="num">{t('Pengaduan', 'Complaints')}</th>
                    <th className="num">{t('Booking absen', 'Booking no-show')}</th>
                    <th className="num">{t('Standar', 'Standard')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.mpps.map((m) => (
                    <tr key={m.mppId} className={m.stale ? 'ops-stale' : undefined}>
                      <td className="num">{m.rank ?? '–'}</td>
                      <td className="ops-name">
                        <span>{m.mppName}</span>
                        <span className="muted ops-sub">
                          {m.provinceName ?? ''}
                          {m.stale && <span className="ops-stale-flag"> · ⚠ {staleLabel[m.stale]}</span>}
                        </span>
                      </td>
                      <td className="num">{m.card?.score === null || m.card?.score === undefined ? '–' : m.card.score.toFixed(1)}</td>
                      <td className="num">{m.card?.survey.ikm == null ? '–' : `${m.card.survey.ikm.toFixed(2)} ${m.card.survey.grade}`}</td>
                      <td className="num">{pct(m.card?.queue.withinTargetShare)}</td>
                      <td className="num">{pct(m.card?.complaints.resolvedOnTimeShare)}</td>
                      <td className="num">{pct(m.card?.booking.noShowRate)}</td>
                      <td className="num">{pct(m.card?.conformity.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </>
      )}
    </section>
  );
}

function Total({ label, value, sub, warn }: { label: string; value: string; sub?: string; warn?: boolean }) {
  return (
    <div className={`ops-kpi${warn ? ' ops-warn' : ''}`}>
      <span className="ops-kpi-label">{label}</span>
      <span className="ops-kpi-value">{value}</span>
      {sub && <span className="ops-kpi-sub muted">{sub}</span>}
    </div>
  );
}
