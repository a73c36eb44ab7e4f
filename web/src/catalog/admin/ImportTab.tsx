import { useState } from 'react';
import { client, unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { ResponseOf } from '../../api/types';
import { useI18n } from '../../i18n';
import { errText } from './use-catalog-admin';

type Report = ResponseOf<'/api/catalog/mpps/{mppId}/import', 'post'>;

export function ImportTab({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const [entity, setEntity] = useState<'services' | 'tenants' | 'counters'>('services');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function upload(file: File) {
    setReport(null);
    setError(null);
    const xlsx = file.name.toLowerCase().endsWith('.xlsx');
    const content = xlsx ? btoa(Array.from(new Uint8Array(await file.arrayBuffer()), (b) => String.fromCharCode(b)).join('')) : await file.text();
    try {
      setReport(await unwrap(client.POST('/api/catalog/mpps/{mppId}/import', { params: { path: { mppId } }, body: { entity, format: xlsx ? 'xlsx' : 'csv', content } })));
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setReport(err.body as unknown as Report);
      else setError(errText(err));
    }
  }
  return (
    <>
      <label htmlFor="entity">{t('Data', 'Data')}</label>
      <select id="entity" value={entity} onChange={(e) => setEntity(e.target.value as typeof entity)}>
        <option value="services">{t('Layanan', 'Services')}</option>
        <option value="tenants">{t('Instansi', 'Agencies')}</option>
        <option value="counters">{t('Loket', 'Counters')}</option>
      </select>
      <p>
        {t('Ekspor', 'Export')}: <a href={`/api/catalog/mpps/${mppId}/export?entity=${entity}&format=csv`}>CSV</a> · <a href={`/api/catalog/mpps/${mppId}/export?entity=${entity}&format=xlsx`}>XLSX</a>
      </p>
      <label htmlFor="berkas">{t('Impor berkas CSV atau XLSX (semua baris atau tidak sama sekali)', 'Import a CSV or XLSX file (all rows or none)')}</label>
      <input id="berkas" type="file" accept=".csv,.xlsx" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      {error && <p className="error" role="alert">{error}</p>}
      {report && (
        <div role="status">
          {report.applied
            ? <p className="notice">{t(`Berhasil: ${report.created} baru, ${report.updated} diperbarui.`, `Done: ${report.created} created, ${report.updated} updated.`)}</p>
            : <p className="error">{t(`Tidak ada yang disimpan. ${report.errors.length} masalah:`, `Nothing was saved. ${report.errors.length} problems:`)}</p>}
          <ul className="import-report">{report.errors.map((e, i) => <li key={i}>{t('Baris', 'Row')} {e.row}{e.column ? `, ${t('kolom', 'column')} ${e.column}` : ''}: {e.reason}</li>)}</ul>
        </div>
      )}
    </>
  );
}
