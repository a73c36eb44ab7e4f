import { useEffect, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { mutuColor } from './charts';
import type { Text } from './SurveyForm';
import './survey.css';

interface PublicIkm {
  mppName: string;
  period: string;
  periodLabel: Text;
  publishedAt: string;
  respondents: number;
  ikm: number | null;
  grade: { mutu: string; kinerja: Text } | null;
  tenants: { name: string; respondents: number; ikm: number | null; grade: { mutu: string; kinerja: Text } | null }[];
}

/**
 * The latest published IKM of an MPP with its grade and each agency's grade, for the MPP's public
 * page. `mpp` is the MPP's id or slug. Renders nothing until the MPP has published a period.
 */
export function IkmBadge({ mpp, showTenants = true }: { mpp: string; showTenants?: boolean }) {
  const { t } = useI18n();
  const [data, setData] = useState<PublicIkm | null>(null);
  useEffect(() => {
    api<PublicIkm>(`/api/public/mpps/${encodeURIComponent(mpp)}/ikm`).then(setData, () => setData(null));
  }, [mpp]);
  if (!data) return null;
  const color = mutuColor(data.grade?.mutu);
  return (
    <section className="ikm-badge card" aria-label={t('Indeks Kepuasan Masyarakat', 'Public satisfaction index')}>
      <div className="ikm-badge-main">
        <div className="ikm-badge-grade" style={{ background: color }}>{data.grade?.mutu ?? '–'}</div>
        <div>
          <div className="muted">{t('Indeks Kepuasan Masyarakat', 'Public satisfaction index')} · {t(data.periodLabel.id, data.periodLabel.en)}</div>
          <div className="ikm-badge-value">
            <strong>{data.ikm === null ? '–' : data.ikm.toFixed(2)}</strong> {data.grade && <span style={{ color }}>{t(data.grade.kinerja.id, data.grade.kinerja.en)}</span>}
          </div>
          <div className="muted">{t(`${data.respondents} responden`, `${data.respondents} respondents`)} · PermenPANRB 14/2017</div>
        </div>
      </div>
      {showTenants && data.tenants.length > 0 && (
        <ul className="ikm-badge-tenants">
          {data.tenants.map((x) => (
            <li key={x.name}>
              <span>{x.name}</span>
              <span className="ikm-badge-chip" style={{ background: mutuColor(x.grade?.mutu) }} title={x.grade ? t(x.grade.kinerja.id, x.grade.kinerja.en) : ''}>
                {x.grade?.mutu ?? '–'}
              </span>
              <span className="muted">{x.ikm === null ? '–' : x.ikm.toFixed(2)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
