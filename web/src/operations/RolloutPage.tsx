import { useState } from 'react';

/** Rows shown before a province is chosen: 514 kabupaten/kota do not fit a console screen. */
const FIRST_ROWS = 20;
import { LoadState, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import { useI18n, type Bilingual } from '../i18n';
import './operations.css';

type Stage = 'planned' | 'commitment' | 'agreements' | 'soft_launch' | 'inaugurated';
const STAGES: { stage: Stage; label: Bilingual; date: 'planned' | 'commitment' | 'agreements' | 'softLaunch' | 'inaugurated' }[] = [
  { stage: 'planned', label: { id: 'Direncanakan', en: 'Planned' }, date: 'planned' },
  { stage: 'commitment', label: { id: 'Komitmen', en: 'Commitment signed' }, date: 'commitment' },
  { stage: 'agreements', label: { id: 'MoU/PKS instansi', en: 'MoU/PKS with agencies' }, date: 'agreements' },
  { stage: 'soft_launch', label: { id: 'Soft launching', en: 'Soft launch' }, date: 'softLaunch' },
  { stage: 'inaugurated', label: { id: 'Diresmikan', en: 'Inaugurated' }, date: 'inaugurated' },
];

/** The national rollout: a province grid of stages and every kabupaten/kota with its MPP's stage, dates and what it has joined. */
export function RolloutPage() {
  const { t } = useI18n();
  const [province, setProvince] = useState('');
  const all = useApiQuery('/api/national/rollout', {});
  const shown = useApiQuery('/api/national/rollout', { params: { query: province ? { province } : {} } });
  const [editing, setEditing] = useState<{ code: string; stage: Stage; date: string } | null>(null);
  const save = useApiMutation('put', '/api/national/rollout/{regionCode}', { onSuccess: () => setEditing(null) });
  const stageLabel = (s: Stage | null) => (s ? t(STAGES.find((x) => x.stage === s)!.label) : t('Belum mulai', 'Not started'));
  return (
    <section className="ops-stats ops-rollout">
      <h1>{t('Peluncuran MPP nasional', 'National MPP rollout')}</h1>
      <LoadState query={all}>
        {(r) => (
          <>
            <div className="ops-kpis" aria-label={t('Jumlah', 'Totals')}>
              <div className="ops-kpi">
                <span className="ops-kpi-label">{t('Kabupaten/kota', 'Kabupaten/kota')}</span>
                <span className="ops-kpi-value">{r.totals.regions}</span>
                <span className="ops-kpi-sub muted">{r.totals.inLayan} {t('dengan MPP di Layan', 'with an MPP in Layan')}</span>
              </div>
              {STAGES.map((s) => (
                <div className="ops-kpi" key={s.stage}>
                  <span className="ops-kpi-label">{t(s.label)}</span>
                  <span className="ops-kpi-value">{r.totals[s.stage]}</span>
                </div>
              ))}
            </div>
            <section className="card">
              <h2>{t('Per provinsi', 'By province')}</h2>
              <ul className="ops-province-grid">
                {r.provinces.map((p) => (
                  <li key={p.provinceCode}>
                    <button type="button" className={province === p.provinceCode ? 'ops-province ops-selected' : 'ops-province'} onClick={() => setProvince(province === p.provinceCode ? '' : p.provinceCode)}>
                      <strong>{p.provinceName}</strong>
                      <span className="ops-stagebar" aria-hidden="true">
                        {STAGES.map((s) => (
                          <span key={s.stage} className={`ops-stage-${s.stage}`} style={{ flexGrow: p.counts[s.stage] }} />
                        ))}
                        <span className="ops-stage-none" style={{ flexGrow: p.counts.none }} />
                      </span>
                      <span className="muted ops-sub">
                        {p.counts.inaugurated}/{p.regions} {t('diresmikan', 'inaugurated')}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </LoadState>
      <section className="card">
        <h2>{t('Kabupaten/kota', 'Kabupaten/kota')}{province ? ` · ${all.data?.provinces.find((p) => p.provinceCode === province)?.provinceName ?? ''}` : ''}</h2>
        <WriteError error={save.error} />
        <LoadState query={shown}>
          {(r) => (
            <table className="ops-table ops-rollout-table">
              <thead>
                <tr>
                  <th>{t('Kabupaten/kota', 'Kabupaten/kota')}</th>
                  <th>{t('Tahap', 'Stage')}</th>
                  <th>{t('Tanggal', 'Dates')}</th>
                  <th>{t('MPP di Layan', 'MPP in Layan')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {r.regions.slice(0, province ? undefined : FIRST_ROWS).map((x) => (
                  <tr key={x.regionCode}>
                    <td className="ops-name">
                      <span>{x.name}</span>
                      <span className="muted ops-sub">{x.provinceName}</span>
                    </td>
                    <td>
                      {editing?.code === x.regionCode ? (
                        <select aria-label={t('Tahap', 'Stage')} value={editing.stage} onChange={(e) => setEditing({ ...editing, stage: e.target.value as Stage })}>
                          {STAGES.map((s) => (
                            <option key={s.stage} value={s.stage}>
                              {t(s.label)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className={`ops-stage-badge ops-stage-${x.stage ?? 'none'}`}>{stageLabel(x.stage)}</span>
                      )}
                    </td>
                    <td className="ops-small">
                      {editing?.code === x.regionCode ? (
                        <input type="date" aria-label={t('Tanggal tahap ini', 'Date of this stage')} value={editing.date} onChange={(e) => setEditing({ ...editing, date: e.target.value })} />
                      ) : (
                        STAGES.filter((s) => x.dates[s.date]).map((s) => `${t(s.label)} ${x.dates[s.date]}`).join(' · ') || '–'
                      )}
                    </td>
                    <td className="ops-small">{x.mpps.length ? x.mpps.map((m) => `${m.name}: ${m.tenants} ${t('instansi', 'agencies')}, ${m.services} ${t('layanan', 'services')}`).join('; ') : '–'}</td>
                    <td className="num">
                      {editing?.code === x.regionCode ? (
                        <button
                          type="button"
                          onClick={() => {
                            const key = STAGES.find((s) => s.stage === editing.stage)!.date;
                            save.mutate({ params: { path: { regionCode: x.regionCode } }, body: { stage: editing.stage, dates: { ...x.dates, [key]: editing.date || null }, note: x.note } });
                          }}
                        >
                          {t('Simpan', 'Save')}
                        </button>
                      ) : (
                        <button type="button" className="link" onClick={() => setEditing({ code: x.regionCode, stage: x.stage ?? 'planned', date: '' })}>
                          {t('Ubah tahap', 'Change stage')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </LoadState>
        {!province && <p className="muted ops-sub">{t(`Pilih provinsi untuk melihat semua kabupaten/kotanya (${FIRST_ROWS} pertama ditampilkan).`, `Choose a province to see all its kabupaten/kota (the first ${FIRST_ROWS} are shown).`)}</p>}
      </section>
    </section>
  );
}
