import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiQuery, client, unwrap } from '../api/client';
import { LoadStatus, useApiQuery } from '../api/hooks';
import { ApiError } from '../api/problem';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import './catalog.css';
import { CHANNEL_NAMES } from './format';
import type { Channel, Internal, Service } from './views';

interface Draft {
  tenantId: string;
  code: string;
  name: string;
  description: string;
  requirements: { typeCode: string; note: string }[];
  procedure: string;
  completion: { value: number; unit: 'minutes' | 'working_days' };
  feeRupiah: string;
  feeLegalBasis: string;
  product: string;
  complaintChannels: string;
  internal: Internal;
  channels: Channel[];
  handlingMinutes: number;
  ticketPrefix: string;
  active: boolean;
}

const EMPTY_INTERNAL: Internal = { legalBasis: '', facilities: '', staffCompetence: '', internalSupervision: '', staffCount: '', serviceGuarantee: '', safetyGuarantee: '', performanceEvaluation: '' };
const INTERNAL_LABELS: [keyof Internal, string, string][] = [
  ['legalBasis', '7. Dasar hukum', '7. Legal basis'],
  ['facilities', '8. Sarana, prasarana dan/atau fasilitas', '8. Facilities'],
  ['staffCompetence', '9. Kompetensi pelaksana', '9. Staff competence'],
  ['internalSupervision', '10. Pengawasan internal', '10. Internal supervision'],
  ['staffCount', '11. Jumlah pelaksana', '11. Number of staff'],
  ['serviceGuarantee', '12. Jaminan pelayanan', '12. Service guarantee'],
  ['safetyGuarantee', '13. Jaminan keamanan dan keselamatan', '13. Security and safety guarantee'],
  ['performanceEvaluation', '14. Evaluasi kinerja pelaksana', '14. Staff performance evaluation'],
];

const toDraft = (s: Service): Draft => ({
  tenantId: s.tenantId,
  code: s.code,
  name: s.name,
  description: s.description,
  requirements: s.requirements.map((r) => ({ typeCode: r.typeCode, note: r.note })),
  procedure: s.procedureSteps.join('\n'),
  completion: s.completion,
  feeRupiah: String(s.feeRupiah),
  feeLegalBasis: s.feeLegalBasis,
  product: s.product,
  complaintChannels: s.complaintChannels,
  internal: s.internal,
  channels: s.channels,
  handlingMinutes: s.handlingMinutes,
  ticketPrefix: s.ticketPrefix,
  active: s.active,
});

const bodyOf = (d: Draft) => {
  const { procedure, ...rest } = d;
  return { ...rest, feeRupiah: Number(d.feeRupiah.replace(/[.\s]/g, '')), procedureSteps: procedure.split('\n').map((s) => s.trim()).filter(Boolean) };
};
/** Only the components the admin changed: another admin's change to a different component stays. */
const changedOf = <T extends object>(before: T, after: T): Partial<T> =>
  Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof T]))) as Partial<T>;

/** /staf/katalog/:mppId/layanan/:serviceId ("baru" for a new one): all 14 components of the Standar Pelayanan. */
export function ServiceEditorPage() {
  const { t } = useI18n();
  const { mppId = '', serviceId = '' } = useParams();
  const navigate = useNavigate();
  // The switcher names the MPP whose service is open (an audit link may lead here from another MPP);
  // switching to another MPP while here goes back to that MPP's service list.
  const { mppId: current, setMppId } = useCurrentMpp();
  const shown = useRef(false);
  useEffect(() => setMppId(mppId), [mppId, setMppId]);
  useEffect(() => {
    if (current === mppId) shown.current = true;
    else if (shown.current && current) void navigate('/staf/katalog?tab=layanan');
  }, [current, mppId, navigate]);
  const isNew = serviceId === 'baru';
  const [draft, setDraft] = useState<Draft | null>(null);
  // The standard as loaded: an edit sends only the components that differ from it.
  const [loaded, setLoaded] = useState<Draft | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const tenantList = useApiQuery('/api/catalog/mpps/{mppId}/tenants', { params: { path: { mppId } } });
  const typeList = useApiQuery('/api/public/requirement-types', undefined, { staleTime: Infinity });
  // The standard being edited is loaded once: a refetch must not replace what the admin is typing.
  const serviceInit = { params: { path: { mppId, serviceId } } };
  const stored = useApiQuery('/api/catalog/mpps/{mppId}/services/{serviceId}', isNew ? null : serviceInit, { staleTime: Infinity, refetchOnWindowFocus: false });
  const tenants = tenantList.data ?? [];
  const types = typeList.data ?? [];
  // The form starts from the loaded (or just saved) standard; a new one from the first agency.
  const [seeded, setSeeded] = useState<Service | 'new' | undefined>(undefined);
  if (isNew && seeded !== 'new' && tenantList.data) {
    setSeeded('new');
    setDraft({ tenantId: tenantList.data[0]?.id ?? '', code: '', name: '', description: '', requirements: [], procedure: '', completion: { value: 30, unit: 'minutes' }, feeRupiah: '0', feeLegalBasis: '', product: '', complaintChannels: '', internal: EMPTY_INTERNAL, channels: ['direct'], handlingMinutes: 15, ticketPrefix: 'A', active: true });
  }
  if (!isNew && stored.data && seeded !== stored.data) {
    setSeeded(stored.data);
    setDraft(toDraft(stored.data));
    setLoaded(toDraft(stored.data));
    setVersion(stored.data.version);
  }

  if (!draft) return <LoadStatus queries={[tenantList, stored]} />;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    setFieldErrors([]);
    setSaved(null);
    const body = bodyOf(draft);
    if (!isNew && loaded && Object.keys(changedOf(bodyOf(loaded), body)).length === 0) {
      setSaved(t('Tidak ada perubahan untuk disimpan.', 'Nothing has changed.'));
      return;
    }
    try {
      const s = isNew
        ? await unwrap(client.POST('/api/catalog/mpps/{mppId}/services', { params: { path: { mppId } }, body }))
        : await unwrap(client.PATCH('/api/catalog/mpps/{mppId}/services/{serviceId}', { params: { path: { mppId, serviceId } }, body: loaded ? changedOf(bodyOf(loaded), body) : body }));
      // What the server now holds becomes the form (and the base of the next edit).
      queryClient.setQueryData(apiQuery('/api/catalog/mpps/{mppId}/services/{serviceId}', { params: { path: { mppId, serviceId: s.id } } }).queryKey, s);
      void queryClient.invalidateQueries({ queryKey: ['/api/catalog/mpps/{mppId}/services'] });
      setSaved(t(`Tersimpan sebagai versi ${s.version}. Versi sebelumnya tetap tersimpan.`, `Saved as version ${s.version}. The previous version is kept.`));
      if (isNew) navigate(`/staf/katalog/${mppId}/layanan/${s.id}`, { replace: true });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
      setFieldErrors(err.errors.map((x) => `${x.path.replace(/^body\./, '')}: ${x.message}`));
    }
  }

  const area = (label: string, value: string, onChange: (v: string) => void, id: string) => (
    <label htmlFor={id}>{label}<textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} /></label>
  );

  return (
    <section className="catalog-admin">
      <p><Link to="/staf/katalog?tab=layanan">← {t('Daftar layanan', 'Services')}</Link></p>
      <h1>{isNew ? t('Layanan baru', 'New service') : `${t('Ubah layanan', 'Edit service')}: ${draft.name}`}</h1>
      {version && <p className="muted">{t('Versi standar saat ini', 'Current standard version')}: {version}</p>}
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('Identitas layanan', 'Service identity')}</legend>
          <div className="grid-form">
            <label htmlFor="svc-name">{t('Nama layanan', 'Service name')}<input id="svc-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} required /></label>
            <label htmlFor="svc-code">{t('Kode', 'Code')}<input id="svc-code" value={draft.code} onChange={(e) => set({ code: e.target.value })} required /></label>
            <label htmlFor="svc-tenant">{t('Instansi', 'Agency')}
              <select id="svc-tenant" value={draft.tenantId} onChange={(e) => set({ tenantId: e.target.value })}>
                {tenants.map((tn) => <option key={tn.id} value={tn.id}>{tn.name}</option>)}
              </select>
            </label>
            <label htmlFor="svc-prefix">{t('Awalan tiket', 'Ticket prefix')}<input id="svc-prefix" value={draft.ticketPrefix} maxLength={3} onChange={(e) => set({ ticketPrefix: e.target.value })} /></label>
            <label htmlFor="svc-handling">{t('Perkiraan waktu layan (menit)', 'Expected handling (minutes)')}<input id="svc-handling" type="number" min={1} value={draft.handlingMinutes} onChange={(e) => set({ handlingMinutes: Number(e.target.value) })} /></label>
            <label className="inline"><input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} /> {t('Aktif', 'Active')}</label>
          </div>
          {area(t('Deskripsi', 'Description'), draft.description, (v) => set({ description: v }), 'svc-desc')}
          <p>{t('Kanal', 'Channels')}:</p>
          <div className="chips">
            {(Object.keys(CHANNEL_NAMES) as Channel[]).map((c) => (
              <label key={c} className="inline">
                <input type="checkbox" checked={draft.channels.includes(c)} onChange={(e) => set({ channels: e.target.checked ? [...draft.channels, c] : draft.channels.filter((x) => x !== c) })} /> {t(CHANNEL_NAMES[c])}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('Komponen yang diumumkan kepada masyarakat (1-6)', 'Components published to citizens (1-6)')}</legend>
          <p><strong>{t('1. Persyaratan', '1. Requirements')}</strong></p>
          {draft.requirements.map((r, i) => (
            <div key={i} className="req-row">
              <select aria-label={t(`Persyaratan ${i + 1}`, `Requirement ${i + 1}`)} value={r.typeCode} onChange={(e) => set({ requirements: draft.requirements.map((x, k) => (k === i ? { ...x, typeCode: e.target.value } : x)) })}>
                {types.map((ty) => <option key={ty.code} value={ty.code}>{ty.name}</option>)}
              </select>
              <input aria-label={t('Catatan', 'Note')} placeholder={t('Catatan (mis. asli dan fotokopi)', 'Note (e.g. original and copy)')} value={r.note} onChange={(e) => set({ requirements: draft.requirements.map((x, k) => (k === i ? { ...x, note: e.target.value } : x)) })} />
              <button type="button" onClick={() => set({ requirements: draft.requirements.filter((_, k) => k !== i) })}>{t('Hapus', 'Remove')}</button>
            </div>
          ))}
          <button type="button" onClick={() => set({ requirements: [...draft.requirements, { typeCode: types[0]?.code ?? 'KTP_EL', note: '' }] })}>+ {t('Tambah persyaratan', 'Add requirement')}</button>
          {area(t('2. Sistem, mekanisme dan prosedur (satu langkah per baris)', '2. Procedure (one step per line)'), draft.procedure, (v) => set({ procedure: v }), 'svc-procedure')}
          <div className="grid-form">
            <label htmlFor="svc-time">{t('3. Jangka waktu penyelesaian', '3. Completion time')}<input id="svc-time" type="number" min={0} value={draft.completion.value} onChange={(e) => set({ completion: { ...draft.completion, value: Number(e.target.value) } })} /></label>
            <label htmlFor="svc-unit">{t('Satuan', 'Unit')}
              <select id="svc-unit" value={draft.completion.unit} onChange={(e) => set({ completion: { ...draft.completion, unit: e.target.value as 'minutes' } })}>
                <option value="minutes">{t('menit (di tempat)', 'minutes (on the spot)')}</option>
                <option value="working_days">{t('hari kerja', 'working days')}</option>
              </select>
            </label>
            <label htmlFor="svc-fee">{t('4. Biaya/tarif (Rp, 0 = gratis)', '4. Fee (Rp, 0 = free)')}<input id="svc-fee" inputMode="numeric" value={draft.feeRupiah} onChange={(e) => set({ feeRupiah: e.target.value })} /></label>
          </div>
          {area(t('Dasar hukum biaya', 'Legal basis of the fee'), draft.feeLegalBasis, (v) => set({ feeLegalBasis: v }), 'svc-fee-basis')}
          {area(t('5. Produk pelayanan', '5. Service product'), draft.product, (v) => set({ product: v }), 'svc-product')}
          {area(t('6. Penanganan pengaduan, saran dan masukan', '6. Complaints, suggestions and feedback'), draft.complaintChannels, (v) => set({ complaintChannels: v }), 'svc-complaints')}
        </fieldset>
        <fieldset>
          <legend>{t('Komponen internal untuk petugas (7-14)', 'Internal components for staff (7-14)')}</legend>
          {INTERNAL_LABELS.map(([key, id, en]) => area(t(id, en), draft.internal[key], (v) => set({ internal: { ...draft.internal, [key]: v } }), `svc-${key}`))}
        </fieldset>
        {error && (
          <div className="error" role="alert">
            <p>{error}</p>
            {fieldErrors.length > 0 && <ul>{fieldErrors.map((f) => <li key={f}>{f}</li>)}</ul>}
          </div>
        )}
        {saved && <p className="notice" role="status">{saved}</p>}
        <div className="form-actions">
          <button type="submit" className="primary">{t('Simpan', 'Save')}</button>
        </div>
      </form>
    </section>
  );
}
