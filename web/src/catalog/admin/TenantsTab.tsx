import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { LoadState, useApiMutation, useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n';
import { KIND_NAMES } from '../format';
import type { Tenant, TenantKind } from '../views';
import { attempt, useCatalogAdmin } from './use-catalog-admin';

/** What a change to an agency refreshes: the agency lists (here and in the counter forms) and the MoU/PKS records. */
const TENANT_QUERIES = ['/api/catalog/mpps/{mppId}/tenants' as const, '/api/catalog/mpps/{mppId}/agreements' as const];

const readDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });

/** Name, description and logo of one agency; MoU and PKS records for the MPP admin. */
export function TenantEditor({ mppId, tenant, isMppAdmin, onDone }: { mppId: string; tenant: Tenant; isMppAdmin: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({ name: tenant.name, description: tenant.description, logo: tenant.logo });
  const [agreement, setAgreement] = useState({ kind: 'pks' as 'pks' | 'mou', number: '', signedOn: '', validUntil: '' });
  const [error, setError] = useState<string | null>(null);
  const update = useApiMutation('patch', '/api/catalog/mpps/{mppId}/tenants/{tenantId}', { invalidates: TENANT_QUERIES });
  const record = useApiMutation('post', '/api/catalog/mpps/{mppId}/tenants/{tenantId}/agreements', { invalidates: TENANT_QUERIES });
  const path = { params: { path: { mppId, tenantId: tenant.id } } };
  async function save() {
    setError(null);
    const refused = await attempt(() => update.mutateAsync({ ...path, body: draft }));
    if (refused) setError(refused);
    else onDone();
  }
  async function addAgreement() {
    setError(null);
    const refused = await attempt(() => record.mutateAsync({ ...path, body: { ...agreement, validUntil: agreement.validUntil || null } }));
    if (refused) setError(refused);
    else onDone();
  }
  return (
    <fieldset>
      <legend>{tenant.name}</legend>
      <div className="grid-form">
        <label>{t('Nama', 'Name')}<input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></label>
        <label>{t('Logo (PNG/JPEG/SVG, maks. 100 KB)', 'Logo (PNG/JPEG/SVG, max 100 KB)')}
          <input type="file" accept="image/png,image/jpeg,image/svg+xml,image/webp" onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            if (f.size > 100_000) return setError(t('Logo terlalu besar (maks. 100 KB).', 'The logo is too large (max 100 KB).'));
            setDraft({ ...draft, logo: await readDataUrl(f) });
          }} />
        </label>
        {draft.logo && <img src={draft.logo} alt={t('Logo instansi', 'Agency logo')} style={{ maxHeight: 48 }} />}
      </div>
      <label>{t('Deskripsi', 'Description')}<textarea value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} /></label>
      <button type="button" className="primary" onClick={() => void save()}>{t('Simpan instansi', 'Save agency')}</button>
      {isMppAdmin && (
        <>
          <h3>{t('Catat MoU / PKS', 'Record an MoU / PKS')}</h3>
          <div className="grid-form">
            <label>{t('Jenis', 'Kind')}<select value={agreement.kind} onChange={(e) => setAgreement({ ...agreement, kind: e.target.value as typeof agreement.kind })}><option value="mou">MoU</option><option value="pks">PKS</option></select></label>
            <label>{t('Nomor', 'Number')}<input value={agreement.number} onChange={(e) => setAgreement({ ...agreement, number: e.target.value })} /></label>
            <label>{t('Tanggal tanda tangan', 'Signed on')}<input type="date" value={agreement.signedOn} onChange={(e) => setAgreement({ ...agreement, signedOn: e.target.value })} /></label>
            <label>{t('Berlaku sampai', 'Valid until')}<input type="date" value={agreement.validUntil} onChange={(e) => setAgreement({ ...agreement, validUntil: e.target.value })} /></label>
            <button type="button" onClick={() => void addAgreement()}>{t('Catat', 'Record')}</button>
          </div>
        </>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </fieldset>
  );
}

export function TenantsTab({ mppId, canCreate }: { mppId: string; canCreate: boolean }) {
  const { t } = useI18n();
  const tenants = useApiQuery('/api/catalog/mpps/{mppId}/tenants', { params: { path: { mppId } } });
  const list = tenants.data ?? [];
  // Only an MPP admin reads the MoU/PKS records.
  const agreements = useApiQuery('/api/catalog/mpps/{mppId}/agreements', canCreate ? { params: { path: { mppId } } } : null).data ?? [];
  const add = useApiMutation('post', '/api/catalog/mpps/{mppId}/tenants', { invalidates: TENANT_QUERIES });
  const [form, setForm] = useState({ name: '', code: '', kind: 'regional_office' as TenantKind });
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const { isTenantAdminOf } = useCatalogAdmin();
  const canEdit = (tenantId: string) => canCreate || isTenantAdminOf(tenantId);
  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const refused = await attempt(() => add.mutateAsync({ params: { path: { mppId } }, body: form }));
    if (refused) setError(refused);
    else setForm({ ...form, name: '', code: '' });
  }
  return (
    <>
      <LoadState query={tenants}>{() => null}</LoadState>
      <table className="data">
        <thead><tr><th>{t('Kode', 'Code')}</th><th>{t('Instansi', 'Agency')}</th><th>{t('Jenis', 'Kind')}</th><th>{t('Layanan', 'Services')}</th><th>MoU / PKS</th><th /></tr></thead>
        <tbody>
          {list.map((tn) => (
            <tr key={tn.id}>
              <td>{tn.code}</td>
              <td>{tn.name}</td>
              <td>{t(KIND_NAMES[tn.kind])}</td>
              <td>{tn.serviceCount}</td>
              <td>
                {agreements.filter((a) => a.tenantId === tn.id).map((a) => (
                  <div key={a.id} className={a.expiry === 'expiring' ? 'flag-expiring' : a.expiry === 'expired' ? 'flag-expired' : ''}>
                    {a.kind.toUpperCase()} {a.number} {a.validUntil ? `s.d. ${a.validUntil}` : ''}
                    {a.expiry === 'expiring' && ` · ${t('segera berakhir', 'ends soon')}`}
                    {a.expiry === 'expired' && ` · ${t('sudah berakhir', 'expired')}`}
                  </div>
                ))}
              </td>
              <td>{canEdit(tn.id) && <button type="button" onClick={() => setEditing(editing === tn.id ? null : tn.id)}>{t('Ubah', 'Edit')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && list.find((x) => x.id === editing) && (
        <TenantEditor key={editing} mppId={mppId} tenant={list.find((x) => x.id === editing)!} isMppAdmin={canCreate} onDone={() => setEditing(null)} />
      )}
      {canCreate && (
        <>
          <h2>{t('Tambah instansi', 'Add an agency')}</h2>
          <form className="grid-form" onSubmit={create}>
            <label>{t('Nama', 'Name')}<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
            <label>{t('Kode', 'Code')}<input required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} /></label>
            <label>{t('Jenis', 'Kind')}
              <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as TenantKind })}>
                {(Object.keys(KIND_NAMES) as TenantKind[]).map((k) => <option key={k} value={k}>{t(KIND_NAMES[k])}</option>)}
              </select>
            </label>
            <button type="submit" className="primary">{t('Tambah', 'Add')}</button>
          </form>
          <p className="muted small">{t('Admin instansi dibuat di menu Pengguna dengan peran Admin Instansi.', 'Agency admins are created under Users with the Agency admin role.')} <Link to="/staf/pengguna">{t('Pengguna', 'Users')}</Link></p>
        </>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </>
  );
}
