import { LoadState, useApiQuery } from '../api/hooks';
import type { Bilingual } from '../i18n';
import { useI18n } from '../i18n';
import { Tabs } from '../ui/Tabs';
import '../ui/ui.css';
import './catalog.css';
import { CountersTab } from './admin/CountersTab';
import { ImportTab } from './admin/ImportTab';
import { ProfileTab } from './admin/ProfileTab';
import { ServicesTab } from './admin/ServicesTab';
import { AgenciesTab } from './AgenciesTab';
import { useCatalogAdmin } from './admin/use-catalog-admin';
import { KIND_NAMES } from './format';
import type { TenantKind } from './views';

type Tab = 'profil' | 'instansi' | 'loket' | 'layanan' | 'impor';
const TABS: { key: Tab; label: Bilingual }[] = [
  { key: 'layanan', label: { id: 'Layanan', en: 'Services' } },
  { key: 'instansi', label: { id: 'Instansi', en: 'Agencies' } },
  { key: 'loket', label: { id: 'Loket', en: 'Counters' } },
  { key: 'profil', label: { id: 'Profil & jam layanan', en: 'Profile & hours' } },
  { key: 'impor', label: { id: 'Impor/ekspor', en: 'Import/export' } },
];

/** /staf/katalog: an MPP's profile and hours, agencies, counters, services, import and export. */
export function CatalogAdminPage() {
  const { t } = useI18n();
  const { mppId, mpp, isMppAdmin, refreshStaffMpps } = useCatalogAdmin();
  return (
    <section className="catalog-admin">
      <h1>{t('Katalog layanan', 'Service catalog')}</h1>
      <Tabs tabs={TABS} label={t('Bagian katalog', 'Catalog sections')}>
        {(tab) => (
          <>
            {mppId && tab === 'layanan' && <ServicesTab mppId={mppId} />}
            {mppId && tab === 'instansi' && <AgenciesTab mppId={mppId} isMppAdmin={isMppAdmin} />}
            {mppId && tab === 'loket' && <CountersTab mppId={mppId} />}
            {mpp && tab === 'profil' && <ProfileTab key={mpp.id} mpp={mpp} canEdit={isMppAdmin} onSaved={refreshStaffMpps} />}
            {mppId && tab === 'impor' && <ImportTab mppId={mppId} />}
          </>
        )}
      </Tabs>
    </section>
  );
}

/** /staf/nasional: counts of MPPs, tenants and services by province and tenant kind. */
export function NationalSummaryPage() {
  const { t } = useI18n();
  const summary = useApiQuery('/api/catalog/national/summary');
  const rows = summary.data ?? [];
  return (
    <section className="catalog-admin">
      <h1>{t('Ringkasan nasional', 'National summary')}</h1>
      <LoadState query={summary}>{() => null}</LoadState>
      <table className="data">
        <thead><tr><th>{t('Provinsi', 'Province')}</th><th>{t('Jenis instansi', 'Agency kind')}</th><th>MPP</th><th>{t('Instansi', 'Agencies')}</th><th>{t('Layanan', 'Services')}</th></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} style={r.level !== 'kind' ? { fontWeight: 700 } : undefined}>
              <td>{r.level === 'national' ? t('Seluruh Indonesia', 'All of Indonesia') : r.level === 'province' ? (r.provinceName ?? '-') : ''}</td>
              <td>{r.tenantKind ? (KIND_NAMES[r.tenantKind as TenantKind] ? t(KIND_NAMES[r.tenantKind as TenantKind]) : r.tenantKind) : r.level === 'kind' ? '-' : t('Semua', 'All')}</td>
              <td>{r.mpps}</td>
              <td>{r.tenants}</td>
              <td>{r.services}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
