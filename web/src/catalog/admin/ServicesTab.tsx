import { useState } from 'react';
import { Link } from 'react-router';
import { LoadState, useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n';
import { completionText, rupiah } from '../format';

// 25 rows a page keeps 159 services within a few screens.
const SERVICES_PAGE = 25;

export function ServicesTab({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const services = useApiQuery('/api/catalog/mpps/{mppId}/services', { params: { path: { mppId } } });
  const list = services.data ?? [];
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const matching = list.filter((s) => `${s.name} ${s.code} ${s.tenant.name}`.toLowerCase().includes(filter.toLowerCase()));
  const pages = Math.max(1, Math.ceil(matching.length / SERVICES_PAGE));
  const at = Math.min(page, pages - 1);
  const shown = matching.slice(at * SERVICES_PAGE, at * SERVICES_PAGE + SERVICES_PAGE);
  return (
    <>
      <div className="search-box">
        <input aria-label={t('Saring layanan', 'Filter services')} placeholder={t('Saring nama, kode, instansi', 'Filter by name, code, agency')} value={filter} onChange={(e) => { setFilter(e.target.value); setPage(0); }} />
        <Link to={`/staf/katalog/${mppId}/layanan/baru`} className="button-link">+ {t('Layanan baru', 'New service')}</Link>
      </div>
      <LoadState query={services}>{() => null}</LoadState>
      <p className="muted">{matching.length} / {list.length} {t('layanan', 'services')}</p>
      <table className="data">
        <thead><tr><th>{t('Kode', 'Code')}</th><th>{t('Layanan', 'Service')}</th><th>{t('Instansi', 'Agency')}</th><th>{t('Biaya', 'Fee')}</th><th>{t('Waktu', 'Time')}</th><th>v</th></tr></thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.id}>
              <td>{s.code}</td>
              <td><Link to={`/staf/katalog/${mppId}/layanan/${s.id}`}>{s.name}</Link>{!s.active && <span className="muted"> ({t('nonaktif', 'inactive')})</span>}</td>
              <td>{s.tenant.code}</td>
              <td>{rupiah(s.feeRupiah, t)}</td>
              <td>{completionText(s.completion, t)}</td>
              <td>{s.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="pager">
          <button type="button" disabled={at === 0} onClick={() => setPage(at - 1)}>{t('Sebelumnya', 'Previous')}</button>
          <span>{t(`Halaman ${at + 1} dari ${pages}`, `Page ${at + 1} of ${pages}`)}</span>
          <button type="button" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>{t('Berikutnya', 'Next')}</button>
        </div>
      )}
    </>
  );
}
