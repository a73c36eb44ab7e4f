import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { apiQuery, client, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { MasterList } from '../ui/MasterList';
import { AgreementsEditor } from './AgreementsEditor';
import { KIND_NAMES } from './format';
import type { Agreement, Tenant, TenantKind } from './views';
import { useChosen } from '../ui/chosen';

const TENANTS = '/api/catalog/mpps/{mppId}/tenants';
const AGREEMENTS = '/api/catalog/mpps/{mppId}/agreements';
const NEW = 'baru';
const errText = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.errors.map((x) => `${x.path.replace(/^body\./, '')}: ${x.message}`)].join(' · ') : String(e));

/**
 * The catalog's agencies as a searchable list and one agency at a time (25 agencies with their MoU and
 * PKS do not fit one screen as a table): its name, description and logo, its MoU/PKS, and adding one.
 */
export function AgenciesTab({ mppId, isMppAdmin }: { mppId: string; isMppAdmin: boolean }) {
  const { t } = useI18n();
  const { user } = useSession();
  const tenants = useQuery(apiQuery(TENANTS, { params: { path: { mppId } } }));
  const agreements = useQuery({ ...apiQuery(AGREEMENTS, { params: { path: { mppId } } }), enabled: isMppAdmin });
  const [selected, setSelected] = useChosen();
  const list = useMemo(() => [...(tenants.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id')), [tenants.data]);
  const items = useMemo(
    () =>
      list.map((tn) => {
        const mine = (agreements.data ?? []).filter((a) => a.tenantId === tn.id);
        const flag = mine.some((a) => a.expiry === 'expired') ? t(' · MoU/PKS sudah berakhir', ' · MoU/PKS expired') : mine.some((a) => a.expiry === 'expiring') ? t(' · PKS segera berakhir', ' · PKS ends soon') : '';
        return { key: tn.id, label: tn.name, detail: `${tn.code} · ${t(KIND_NAMES[tn.kind])} · ${t(`${tn.serviceCount} layanan`, `${tn.serviceCount} services`)}${flag}`, keywords: tn.code };
      }),
    [list, agreements.data, t],
  );
  if (tenants.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (tenants.isError) return <p className="error" role="alert">{tenants.error.message}</p>;
  const chosen = selected === NEW ? null : (list.find((x) => x.id === selected) ?? (isMppAdmin && list.length === 0 ? null : list[0]));
  const adding = isMppAdmin && (selected === NEW || list.length === 0);
  const canEdit = (tenantId: string) => isMppAdmin || !!user?.grants.some((g) => g.role === 'tenant_admin' && g.tenantId === tenantId);
  return (
    <>
      {isMppAdmin && (
        <p>
          <button type="button" onClick={() => setSelected(NEW)} aria-pressed={adding}>+ {t('Tambah instansi', 'Add an agency')}</button>
        </p>
      )}
      <MasterList
        items={items}
        selected={adding ? null : (chosen?.id ?? null)}
        onSelect={setSelected}
        label={t('Daftar instansi', 'Agency list')}
        searchLabel={t('Cari instansi atau kode', 'Search agency or code')}
        empty={adding ? <NewAgency mppId={mppId} onCreated={setSelected} /> : <p>{t('Belum ada instansi.', 'No agencies yet.')}</p>}
      >
        {adding ? (
          <NewAgency mppId={mppId} onCreated={setSelected} />
        ) : (
          chosen && <AgencyDetail key={chosen.id} mppId={mppId} tenant={chosen} canEdit={canEdit(chosen.id)} isMppAdmin={isMppAdmin} agreements={(agreements.data ?? []).filter((a) => a.tenantId === chosen.id)} />
        )}
      </MasterList>
    </>
  );
}

function NewAgency({ mppId, onCreated }: { mppId: string; onCreated(id: string): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', code: '', kind: 'regional_office' as TenantKind });
  const create = useMutation({
    mutationFn: () => unwrap(client.POST(TENANTS, { params: { path: { mppId } }, body: form })),
    onSuccess: async (tn) => {
      await queryClient.invalidateQueries({ queryKey: [TENANTS] });
      onCreated(tn.id);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('Tambah instansi', 'Add an agency')}>
      <h2>{t('Tambah instansi', 'Add an agency')}</h2>
      <div className="grid-form">
        <label>{t('Nama', 'Name')}<input required minLength={2} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>{t('Kode', 'Code')}<input required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} /></label>
        <label>{t('Jenis', 'Kind')}
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as TenantKind })}>
            {(Object.keys(KIND_NAMES) as TenantKind[]).map((k) => <option key={k} value={k}>{t(KIND_NAMES[k])}</option>)}
          </select>
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending}>{t('Tambah', 'Add')}</button>
      </div>
      {create.isError && <p className="error" role="alert">{errText(create.error)}</p>}
      <p className="muted small">{t('Admin instansi dibuat di menu Pengguna dengan peran Admin Instansi.', 'Agency admins are created under Users with the Agency admin role.')} <Link to="/staf/pengguna">{t('Pengguna', 'Users')}</Link></p>
    </form>
  );
}

const readDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });

/** One agency: name, description and logo (only what was changed is sent), its MoU/PKS, recording a new one. */
function AgencyDetail({ mppId, tenant, canEdit, isMppAdmin, agreements }: { mppId: string; tenant: Tenant; canEdit: boolean; isMppAdmin: boolean; agreements: Agreement[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [TENANTS] }).then(() => queryClient.invalidateQueries({ queryKey: [AGREEMENTS] }));
  const [draft, setDraft] = useState({ name: tenant.name, description: tenant.description, logo: tenant.logo });
  const [error, setError] = useState<string | null>(null);
  const changes = Object.fromEntries(Object.entries(draft).filter(([k, v]) => v !== tenant[k as keyof typeof draft]));
  const save = useMutation({
    mutationFn: () => unwrap(client.PATCH('/api/catalog/mpps/{mppId}/tenants/{tenantId}', { params: { path: { mppId, tenantId: tenant.id } }, body: changes })),
    onSuccess: refresh,
  });
  return (
    <div className="agency-detail">
      <h2>{tenant.name}</h2>
      <p className="muted">{tenant.code} · {t(KIND_NAMES[tenant.kind])} · {t(`${tenant.serviceCount} layanan, ${tenant.counterCount} loket`, `${tenant.serviceCount} services, ${tenant.counterCount} counters`)}</p>
      {canEdit ? (
        <form
          aria-label={t(`Profil ${tenant.name}`, `Profile of ${tenant.name}`)}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
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
          <label>{t('Deskripsi', 'Description')}<textarea rows={2} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} /></label>
          <div className="form-actions" aria-live="polite">
            <button type="submit" className="primary" disabled={save.isPending || Object.keys(changes).length === 0}>{t('Simpan instansi', 'Save agency')}</button>
            {save.isSuccess && Object.keys(changes).length === 0 && <span className="notice">{t('Tersimpan', 'Saved')}</span>}
          </div>
          {(error || save.isError) && <p className="error" role="alert">{error ?? errText(save.error)}</p>}
        </form>
      ) : (
        tenant.description && <p>{tenant.description}</p>
      )}
      {isMppAdmin && (
        <>
          <AgreementsEditor mppId={mppId} tenantId={tenant.id} onChanged={refresh} />
          {agreements.length === 0 && <p className="muted">{t('Belum ada MoU/PKS tercatat.', 'No MoU/PKS recorded yet.')}</p>}
          <NewAgreement mppId={mppId} tenantId={tenant.id} onDone={refresh} />
        </>
      )}
    </div>
  );
}

function NewAgreement({ mppId, tenantId, onDone }: { mppId: string; tenantId: string; onDone(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [agreement, setAgreement] = useState({ kind: 'pks' as 'pks' | 'mou', number: '', signedOn: '', validUntil: '' });
  const add = useMutation({
    mutationFn: () => unwrap(client.POST('/api/catalog/mpps/{mppId}/tenants/{tenantId}/agreements', { params: { path: { mppId, tenantId } }, body: { ...agreement, validUntil: agreement.validUntil || null } })),
    onSuccess: () => {
      setAgreement({ ...agreement, number: '', signedOn: '', validUntil: '' });
      setOpen(false);
      onDone();
    },
  });
  if (!open) return <p><button type="button" onClick={() => setOpen(true)}>+ {t('Catat MoU / PKS baru', 'Record a new MoU / PKS')}</button></p>;
  return (
    <form
      aria-label={t('Catat MoU / PKS', 'Record an MoU / PKS')}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <h3>{t('Catat MoU / PKS', 'Record an MoU / PKS')}</h3>
      <div className="grid-form">
        <label>{t('Jenis', 'Kind')}<select value={agreement.kind} onChange={(e) => setAgreement({ ...agreement, kind: e.target.value as typeof agreement.kind })}><option value="mou">MoU</option><option value="pks">PKS</option></select></label>
        <label>{t('Nomor', 'Number')}<input required value={agreement.number} onChange={(e) => setAgreement({ ...agreement, number: e.target.value })} /></label>
        <label>{t('Tanggal tanda tangan', 'Signed on')}<input required type="date" value={agreement.signedOn} onChange={(e) => setAgreement({ ...agreement, signedOn: e.target.value })} /></label>
        <label>{t('Berlaku sampai', 'Valid until')}<input type="date" value={agreement.validUntil} onChange={(e) => setAgreement({ ...agreement, validUntil: e.target.value })} /></label>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.isPending}>{t('Catat', 'Record')}</button>
        <button type="button" onClick={() => setOpen(false)}>{t('Batal', 'Cancel')}</button>
      </div>
      {add.isError && <p className="error" role="alert">{errText(add.error)}</p>}
    </form>
  );
}
