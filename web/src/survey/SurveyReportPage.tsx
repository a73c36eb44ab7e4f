import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApiMutation, useApiQuery, LoadStatus, WriteError } from '../api/hooks';
import type { ResponseOf } from '../api/types';
import { useCurrentMpp } from '../current-mpp';
import { locale, todayIn } from '../time';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { mutuColor, TenantBars, TrendLine, UnsurBars } from './charts';
import { FIRST, ShowAll } from '../ui/ShowAll';
import { IkmBadge } from './IkmBadge';
import type { Text } from './SurveyForm';
import './survey.css';

type Report = ResponseOf<'/api/mpps/{mppId}/survey/report'>;
type Kind = 'month' | 'quarter' | 'semester' | 'year';

const PROFILE_TITLES: Record<string, Text> = {
  gender: { id: 'Jenis kelamin', en: 'Gender' },
  ageGroup: { id: 'Usia', en: 'Age' },
  education: { id: 'Pendidikan', en: 'Education' },
  occupation: { id: 'Pekerjaan', en: 'Occupation' },
};

function periodCode(kind: Kind, year: number, part: number): string {
  if (kind === 'year') return `${year}`;
  if (kind === 'semester') return `${year}-S${part}`;
  if (kind === 'quarter') return `${year}-Q${part}`;
  return `${year}-${String(part).padStart(2, '0')}`;
}
const PARTS: Record<Kind, number> = { year: 0, semester: 2, quarter: 4, month: 12 };

/** The SKM report: IKM, grade, per-unsur bars, trend, agencies compared, sample, profile, suggestions, downloads. */
export function SurveyReportPage() {
  const { t, lang } = useI18n();
  const tx = (x: Text) => t(x.id, x.en);
  const { user } = useSession();
  const isMppAdmin = user?.grants.some((g) => g.role === 'national_admin' || g.role === 'mpp_admin') ?? false;
  const current = useCurrentMpp();
  const mppId = current.mppId ?? '';
  // "This month" is the MPP's month, not the browser's: at 17:00 UTC on a month's last day it is
  // already the next month in WIB. Until the admin picks a period, follow the MPP's zone.
  const timeZone = current.mpp?.timezone ?? 'Asia/Jakarta';
  const [kind, setKind] = useState<Kind>('month');
  const [picked, setPicked] = useState<{ year: number; part: number } | null>(null);
  const today = todayIn(timeZone);
  const year = picked?.year ?? Number(today.slice(0, 4));
  const part = picked?.part ?? Number(today.slice(5, 7));
  const setYear = (y: number) => setPicked({ year: y, part });
  const setPart = (p: number) => setPicked({ year, part: p });
  const [tenantId, setTenantId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [tenants, setTenants] = useState<{ tenantId: string; name: string }[]>([]);
  const [tenantsOf, setTenantsOf] = useState<Report | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [published, setPublished] = useState(0);
  // A month of a busy MPP has dozens of services and suggestions: the first few show, the rest on request.
  const [open, setOpen] = useState({ services: false, suggestions: false });
  const firstOf = <T,>(xs: T[], list: keyof typeof open): T[] => (open[list] ? xs : xs.slice(0, FIRST));
  // Publishing changes no report shown here; the public badge below is remounted to show it.
  const publishing = useApiMutation('post', '/api/mpps/{mppId}/survey/publications', { invalidates: [] });

  const period = periodCode(kind, year, Math.min(part, PARTS[kind] || 1));
  const query = useMemo(() => {
    const q = new URLSearchParams({ period });
    if (tenantId) q.set('tenantId', tenantId);
    if (serviceId) q.set('serviceId', serviceId);
    return q.toString();
  }, [period, tenantId, serviceId]);

  const ready = /^[0-9a-f-]{36}$/.test(mppId);
  const path = { mppId };
  const scope = { period, ...(tenantId ? { tenantId } : {}), ...(serviceId ? { serviceId } : {}) };
  const count = kind === 'month' ? 12 : kind === 'year' ? 4 : 6;
  const trendQuery = { kind, count, ...(tenantId ? { tenantId } : {}), ...(serviceId ? { serviceId } : {}) };
  // The previous period stays on screen while the next one loads.
  const reportQuery = useApiQuery('/api/mpps/{mppId}/survey/report', ready ? { params: { path, query: scope } } : null, { placeholderData: keepPreviousData });
  const report = reportQuery.data;
  const trend = useApiQuery('/api/mpps/{mppId}/survey/trend', ready ? { params: { path, query: trendQuery } } : null, { placeholderData: keepPreviousData }).data ?? [];
  const suggestions = useApiQuery('/api/mpps/{mppId}/survey/suggestions', ready ? { params: { path, query: scope } } : null, { placeholderData: keepPreviousData }).data ?? [];
  // The agency choices come from a report over all agencies, and stay while one agency is chosen.
  if (!tenantId && report && report !== tenantsOf && report.tenants.length) {
    setTenantsOf(report);
    setTenants(report.tenants);
  }

  function publish() {
    setNotice(null);
    publishing.mutate({ params: { path: { mppId } }, body: { period } }, {
      onSuccess: () => {
        setNotice(t(`Hasil ${period} diterbitkan ke halaman publik MPP.`, `Results for ${period} published to the MPP's public page.`));
        setPublished((n) => n + 1);
      },
    });
  }

  const s = report?.summary;
  const partOptions = Array.from({ length: PARTS[kind] }, (_, i) => i + 1);
  const partLabel = (p: number) =>
    kind === 'month' ? new Date(2000, p - 1, 1).toLocaleString(locale(lang), { month: 'long' }) : kind === 'quarter' ? `${t('Triwulan', 'Quarter')} ${p}` : `${t('Semester', 'Semester')} ${p}`;

  return (
    <section className="skm-report">
      <h1>{t('Survei Kepuasan Masyarakat (SKM)', 'Public Satisfaction Survey (SKM)')}</h1>
      <p className="muted">{t('Indeks Kepuasan Masyarakat menurut PermenPANRB 14/2017. Jawaban responden anonim.', 'Satisfaction index following PermenPANRB 14/2017. Answers are anonymous.')}</p>
      <div className="grid-form skm-filters">
        <label>
          {t('Jenis periode', 'Period type')}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="month">{t('Bulan', 'Month')}</option>
            <option value="quarter">{t('Triwulan', 'Quarter')}</option>
            <option value="semester">{t('Semester', 'Semester')}</option>
            <option value="year">{t('Tahun', 'Year')}</option>
          </select>
        </label>
        <label>{t('Tahun', 'Year')}<input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} /></label>
        {kind !== 'year' && (
          <label>
            {t('Periode', 'Period')}
            <select value={Math.min(part, PARTS[kind])} onChange={(e) => setPart(Number(e.target.value))}>
              {partOptions.map((p) => <option key={p} value={p}>{partLabel(p)}</option>)}
            </select>
          </label>
        )}
        {isMppAdmin && (
          <label>
            {t('Instansi', 'Agency')}
            <select value={tenantId} onChange={(e) => { setTenantId(e.target.value); setServiceId(''); }}>
              <option value="">{t('Seluruh MPP', 'Whole MPP')}</option>
              {tenants.map((x) => <option key={x.tenantId} value={x.tenantId}>{x.name}</option>)}
            </select>
          </label>
        )}
        <label>
          {t('Layanan', 'Service')}
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">{t('Semua layanan', 'All services')}</option>
            {(report?.services ?? []).map((x) => <option key={x.serviceId} value={x.serviceId}>{x.name}</option>)}
            {serviceId && report?.scope.serviceName && !report.services.length && <option value={serviceId}>{report.scope.serviceName}</option>}
          </select>
        </label>
      </div>
      <WriteError error={publishing.error} />
      <LoadStatus queries={[reportQuery]} />
      {notice && <p className="notice" role="status">{notice}</p>}
      {published > 0 && (
        <div>
          <h2>{t('Tampilan di halaman publik MPP', 'As shown on the MPP public page')}</h2>
          <IkmBadge key={published} mpp={mppId} />
        </div>
      )}
      {report && s && (
        <>
          <div className="skm-cards">
            <div className="card skm-ikm" style={{ borderTopColor: mutuColor(s.grade?.mutu) }}>
              <span className="muted">IKM · {tx(report.period.label)}</span>
              <strong className="skm-big" data-testid="ikm">{s.ikm === null ? '–' : s.ikm.toFixed(2)}</strong>
              <span>{report.scope.serviceName ?? report.scope.tenantName ?? report.scope.mppName}</span>
            </div>
            <div className="card skm-ikm" style={{ borderTopColor: mutuColor(s.grade?.mutu) }}>
              <span className="muted">{t('Mutu pelayanan', 'Service quality')}</span>
              <strong className="skm-big" style={{ color: mutuColor(s.grade?.mutu) }} data-testid="mutu">{s.grade?.mutu ?? '–'}</strong>
              <span>{s.grade ? tx(s.grade.kinerja) : t('Belum ada jawaban', 'No answers yet')}</span>
            </div>
            <div className="card skm-ikm">
              <span className="muted">{t('Responden / sampel minimal', 'Respondents / minimum sample')}</span>
              <strong className="skm-big" data-testid="respondents">{report.sample.respondents} / {report.sample.required}</strong>
              <div className="skm-progress" aria-label={t('Capaian sampel', 'Sample reached')}>
                <span style={{ width: `${Math.min(100, (report.sample.progress ?? 0) * 100)}%` }} />
              </div>
              <span className="muted">{t(`dari ${report.sample.population} orang dilayani (Krejcie-Morgan)`, `of ${report.sample.population} people served (Krejcie-Morgan)`)}</span>
            </div>
          </div>
          {!s.complete && s.ikm !== null && <p className="notice">{t('Ada unsur yang belum dijawab siapa pun pada periode ini; bobot dibagi atas unsur yang dijawab.', 'Some element has no answer in this period; the weight is spread over the answered elements.')}</p>}
          <div className="skm-downloads">
            <a className="button" href={`/api/mpps/${mppId}/survey/report.pdf?${query}`} download>{t('Unduh PDF', 'Download PDF')}</a>
            <a className="button" href={`/api/mpps/${mppId}/survey/report.xlsx?${query}`} download>{t('Unduh Excel', 'Download Excel')}</a>
            {isMppAdmin && !tenantId && !serviceId && <button type="button" onClick={publish}>{t('Terbitkan ke halaman publik', 'Publish to the public page')}</button>}
          </div>

          <div className="skm-two">
            <div className="card">
              <h2>{t('Nilai rata-rata per unsur (NRR)', 'Average per element (NRR)')}</h2>
              <UnsurBars rows={report.unsur.map((u) => ({ code: u.code, name: tx(u.name), nrr: u.nrr }))} title={t('NRR per unsur', 'NRR per element')} />
            </div>
            <div className="card">
              <h2>{t('Tren IKM', 'IKM trend')}</h2>
              <TrendLine points={trend.map((p) => ({ label: p.period, ikm: p.ikm, mutu: p.grade?.mutu ?? null }))} title={t('Tren IKM', 'IKM trend')} />
            </div>
          </div>

          {report.tenants.length > 0 && (
            <div className="card">
              <h2>{t('Perbandingan instansi', 'Agencies compared')}</h2>
              <TenantBars rows={report.tenants.map((x) => ({ name: x.name, ikm: x.ikm, mutu: x.grade?.mutu ?? null, respondents: x.respondents }))} title={t('IKM per instansi', 'IKM per agency')} />
            </div>
          )}

          <h2>{t('Rekapitulasi per unsur', 'Recapitulation per element')}</h2>
          <table className="data skm-table">
            <thead>
              <tr><th>{t('Unsur', 'Element')}</th><th>{t('Uraian', 'Description')}</th><th>{t('Jumlah nilai', 'Total')}</th><th>{t('Jawaban', 'Answers')}</th><th>NRR</th><th>{t('NRR × bobot', 'NRR × weight')}</th></tr>
            </thead>
            <tbody>
              {report.unsur.map((u) => (
                <tr key={u.code}><td>{u.code}</td><td>{tx(u.name)}</td><td>{u.sum}</td><td>{u.answers}</td><td>{u.nrr?.toFixed(3) ?? '–'}</td><td>{u.nrrWeighted?.toFixed(3) ?? '–'}</td></tr>
              ))}
              <tr className="total"><td /><td>{t('Nilai indeks', 'Index')}</td><td /><td /><td /><td>{s.index?.toFixed(4) ?? '–'}</td></tr>
              <tr className="total"><td /><td>IKM ({t('indeks × 25', 'index × 25')})</td><td /><td /><td /><td>{s.ikm?.toFixed(2) ?? '–'}</td></tr>
            </tbody>
          </table>

          <h2>{t('Profil responden', 'Respondent profile')}</h2>
          <div className="skm-profile">
            {(Object.keys(PROFILE_TITLES) as (keyof Report['profile'])[]).map((k) => (
              <table key={k} className="data">
                <thead><tr><th>{tx(PROFILE_TITLES[k]!)}</th><th>{t('Jumlah', 'Count')}</th></tr></thead>
                <tbody>{report.profile[k].map((p) => <tr key={p.value}><td>{tx(p.label)}</td><td>{p.count}</td></tr>)}</tbody>
              </table>
            ))}
          </div>

          {report.services.length > 0 && (
            <>
              <h2>{t('Per jenis layanan', 'Per service')}</h2>
              <table className="data">
                <thead><tr><th>{t('Layanan', 'Service')}</th><th>{t('Instansi', 'Agency')}</th><th>{t('Responden', 'Respondents')}</th><th>IKM</th><th>{t('Mutu', 'Quality')}</th></tr></thead>
                <tbody>{firstOf(report.services, 'services').map((x) => <tr key={x.serviceId}><td>{x.name}</td><td>{x.tenantName}</td><td>{x.respondents}</td><td>{x.ikm?.toFixed(2) ?? '–'}</td><td>{x.grade?.mutu ?? '–'}</td></tr>)}</tbody>
              </table>
              <ShowAll count={report.services.length} open={open.services} onOpen={() => setOpen((o) => ({ ...o, services: true }))} what={t('layanan', 'services')} />
            </>
          )}

          <h2>{t('Saran dan masukan', 'Suggestions')}</h2>
          {suggestions.length === 0 ? (
            <p className="muted">{t('Belum ada saran pada periode ini.', 'No suggestions in this period.')}</p>
          ) : (
            <>
              <ul className="skm-suggestions">
                {firstOf(suggestions, 'suggestions').map((x, i) => <li key={i}><span className="muted">{x.tenantName} · {x.serviceName}</span><br />{x.text}</li>)}
              </ul>
              <ShowAll count={suggestions.length} open={open.suggestions} onOpen={() => setOpen((o) => ({ ...o, suggestions: true }))} what={t('saran', 'suggestions')} />
            </>
          )}
        </>
      )}
    </section>
  );
}
