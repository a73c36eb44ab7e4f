import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { client, unwrap } from '../../api/client';
import { useI18n } from '../../i18n';
import { Pick } from '../../shell/Pick';
import { errorText, SETUP_KEY, type Setup, type SetupService } from './data';

const SHOWN_AT_MOST = 30;
const numOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** Daily quota per service: one agency at a time (or a search across all), never all 159 rows at once. */
export function QuotaTab({ mppId, setup }: { mppId: string; setup: Setup }) {
  const { t } = useI18n();
  const tenants = useMemo(() => [...new Map(setup.services.map((s) => [s.tenantId, s.tenantName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'id')), [setup.services]);
  const [tenantId, setTenantId] = useState(tenants[0]?.[0] ?? '');
  const [query, setQuery] = useState('');
  const q = query.trim().toLocaleLowerCase('id');
  const matches = q ? setup.services.filter((s) => `${s.name} ${s.tenantName} ${s.code}`.toLocaleLowerCase('id').includes(q)) : setup.services.filter((s) => s.tenantId === tenantId);
  return (
    <>
      <p className="muted">{t('Kosongkan untuk tanpa batas. Kuota berlaku untuk semua kanal (kios, meja informasi, online).', 'Leave empty for no limit. The quota covers every channel (kiosk, reception, online).')}</p>
      <div className="qs-filters">
        <Pick label={t('Instansi', 'Agency')} options={tenants.map(([value, label]) => ({ value, label }))} value={tenantId} onChange={(v) => { setTenantId(v); setQuery(''); }} />
        <label>
          {t('Atau cari layanan di semua instansi', 'Or search services of every agency')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('mis. KTP, SIM, paspor', 'e.g. KTP, SIM, passport')} />
        </label>
      </div>
      <table className="qs-table">
        <thead>
          <tr>
            <th>{t('Layanan', 'Service')}</th>
            <th>{t('Instansi', 'Agency')}</th>
            <th>{t('Kuota harian', 'Daily quota')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {matches.slice(0, SHOWN_AT_MOST).map((s) => (
            <QuotaRow key={s.id} mppId={mppId} service={s} />
          ))}
        </tbody>
      </table>
      {matches.length > SHOWN_AT_MOST && <p className="muted">{t(`${matches.length - SHOWN_AT_MOST} layanan lagi: persempit pencarian.`, `${matches.length - SHOWN_AT_MOST} more services: narrow the search.`)}</p>}
      {matches.length === 0 && <p className="muted">{t('Tidak ada layanan yang cocok.', 'No service matches.')}</p>}
    </>
  );
}

function QuotaRow({ mppId, service }: { mppId: string; service: SetupService }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const stored = service.dailyQuota === null ? '' : String(service.dailyQuota);
  const [value, setValue] = useState(stored);
  useEffect(() => setValue(stored), [stored]);
  const save = useMutation({
    mutationFn: (dailyQuota: number | null) =>
      unwrap(client.PUT('/api/mpps/{mppId}/queue/services/{serviceId}/settings', { params: { path: { mppId, serviceId: service.id } }, body: { dailyQuota } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [SETUP_KEY] }),
  });
  return (
    <tr>
      <td>
        {service.name} {!service.active && <em className="muted">({t('nonaktif', 'inactive')})</em>}
      </td>
      <td>{service.tenantName}</td>
      <td>
        <input type="number" min={1} max={100000} inputMode="numeric" placeholder={t('tanpa batas', 'no limit')} value={value} onChange={(e) => setValue(e.target.value)} aria-label={`${t('Kuota harian', 'Daily quota')} ${service.name}`} />
      </td>
      <td aria-live="polite">
        <button type="button" disabled={value === stored || save.isPending} onClick={() => save.mutate(numOrNull(value))}>
          {t('Simpan', 'Save')}
        </button>
        {save.isSuccess && value === stored && <span className="notice"> {t('Tersimpan', 'Saved')}</span>}
        {save.isError && <span className="error" role="alert"> {errorText(save.error)}</span>}
      </td>
    </tr>
  );
}
