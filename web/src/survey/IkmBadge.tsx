import { useApiQuery } from '../api/hooks';
import type { ResponseOf } from '../api/types';
import { useI18n } from '../i18n';
import { mutuColor } from './charts';
import './survey.css';

export type PublicIkm = ResponseOf<'/api/public/mpps/{mpp}/ikm'>;

/** The latest published IKM of an MPP (id or slug); null until something is published. */
export function usePublicIkm(mpp: string | undefined): PublicIkm | null {
  // No badge rather than an error: the IKM is extra on a page that has its own content.
  return useApiQuery('/api/public/mpps/{mpp}/ikm', mpp ? { params: { path: { mpp } } } : null).data ?? null;
}

/**
 * The latest published IKM of an MPP with its grade and each agency's grade, for the MPP's public
 * page. `mpp` is the MPP's id or slug (or pass `data` from usePublicIkm when the page also shows
 * per-agency chips). Renders nothing until the MPP has published a period.
 */
export function IkmBadge({ mpp, data: given, showTenants = true }: { mpp?: string; data?: PublicIkm | null; showTenants?: boolean }) {
  const { t } = useI18n();
  const fetched = usePublicIkm(given === undefined ? mpp : undefined);
  const data = given === undefined ? fetched : given;
  if (!data) return null;
  const color = mutuColor(data.grade?.mutu);
  return (
    <section className="ikm-badge card" aria-label={t('Indeks Kepuasan Masyarakat', 'Public satisfaction index')}>
      <div className="ikm-badge-main">
        <div className="ikm-badge-grade" style={{ background: color }}>{data.grade?.mutu ?? '–'}</div>
        <div>
          <div className="muted">{t('Indeks Kepuasan Masyarakat', 'Public satisfaction index')} · {t(data.periodLabel)}</div>
          <div className="ikm-badge-value">
            <strong>{data.ikm === null ? '–' : data.ikm.toFixed(2)}</strong> {data.grade && <span style={{ color }}>{t(data.grade.kinerja)}</span>}
          </div>
          <div className="muted">{t(`${data.respondents} responden`, `${data.respondents} respondents`)} · PermenPANRB 14/2017</div>
        </div>
      </div>
      {showTenants && data.tenants.length > 0 && (
        <ul className="ikm-badge-tenants">
          {data.tenants.map((x) => (
            <li key={x.name}>
              <span>{x.name}</span>
              <span className="ikm-badge-chip" style={{ background: mutuColor(x.grade?.mutu) }} title={x.grade ? t(x.grade.kinerja) : ''}>
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

/**
 * One agency's published grade as a small chip (for the agency list of the public MPP page). The
 * published snapshot names agencies, so the chip matches by name; nothing is shown for an agency
 * without answers in the published period.
 */
export function TenantIkmChip({ data, tenantName }: { data: PublicIkm | null; tenantName: string }) {
  const { t } = useI18n();
  const row = data?.tenants.find((x) => x.name === tenantName);
  if (!data || !row?.grade || row.ikm === null) return null;
  const label = `IKM ${row.ikm.toFixed(2)} · ${t('mutu', 'grade')} ${row.grade.mutu} (${t(row.grade.kinerja)}) · ${t(data.periodLabel)}`;
  return (
    <span className="ikm-tenant-chip" title={label} aria-label={label}>
      <span className="ikm-badge-chip" style={{ background: mutuColor(row.grade.mutu) }}>{row.grade.mutu}</span> {row.ikm.toFixed(2)}
    </span>
  );
}
