import { useState, type FormEvent } from 'react';
import { LoadState, useApiMutation, useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n';
import { attempt } from './use-catalog-admin';

export function CountersTab({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const counters = useApiQuery('/api/catalog/mpps/{mppId}/counters', { params: { path: { mppId } } });
  const list = counters.data ?? [];
  const tenants = useApiQuery('/api/catalog/mpps/{mppId}/tenants', { params: { path: { mppId } } }).data ?? [];
  const add = useApiMutation('post', '/api/catalog/mpps/{mppId}/counters', { invalidates: ['/api/catalog/mpps/{mppId}/counters'] });
  const [form, setForm] = useState({ number: '', name: '', tenantId: '' });
  const [error, setError] = useState<string | null>(null);
  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const refused = await attempt(() => add.mutateAsync({ params: { path: { mppId } }, body: { number: Number(form.number), name: form.name, tenantId: form.tenantId || tenants[0]?.id || '' } }));
    if (refused) setError(refused);
    else setForm({ ...form, number: '', name: '' });
  }
  return (
    <>
      <LoadState query={counters}>{() => null}</LoadState>
      {/* A grid, not a table: an MPP has dozens of counters (the demo 47), a table row each was 3 screens. */}
      <p className="muted">{t(`${list.length} loket`, `${list.length} counters`)}</p>
      <ul className="counter-grid" aria-label={t('Daftar loket', 'Counters')}>
        {list.map((c) => (
          <li key={c.id}>
            <strong>{c.number}</strong> {c.name} <span className="muted small">{c.tenantCode}</span>
          </li>
        ))}
      </ul>
      <h2>{t('Tambah loket', 'Add a counter')}</h2>
      <form className="counter-fields" onSubmit={create}>
        <label>{t('Nomor', 'Number')}<input required inputMode="numeric" value={form.number} onChange={(e) => setForm({ ...form, number: e.target.value })} /></label>
        <label>{t('Nama', 'Name')}<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label className="grid-wide">{t('Instansi', 'Agency')}
          <select value={form.tenantId} onChange={(e) => setForm({ ...form, tenantId: e.target.value })}>
            {tenants.map((tn) => <option key={tn.id} value={tn.id}>{tn.name}</option>)}
          </select>
        </label>
        <p className="grid-wide"><button type="submit" className="primary">{t('Tambah', 'Add')}</button></p>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
    </>
  );
}
