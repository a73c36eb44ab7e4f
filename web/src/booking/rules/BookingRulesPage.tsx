import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { apiQuery, client, unwrap, type ApiData } from '../../api/client';
import { useCurrentMpp } from '../../current-mpp';
import { useI18n } from '../../i18n';
import { hasRole, useSession } from '../../session';
import { longDay, zoneAbbr } from '../../time';
import { MasterList } from '../../ui/MasterList';
import { useChosen } from '../../ui/chosen';
import { Tabs } from '../../ui/Tabs';
import '../../ui/ui.css';
import './rules.css';
import { changedNumbers, NumberFields, toDraft, type Draft, type NumberSpec } from './fields';

type ServiceRules = ApiData<'/api/mpps/{mppId}/booking/services/{serviceId}/settings'>;
type MppRules = ApiData<'/api/mpps/{mppId}/booking/settings'>;
type Preview = NonNullable<Awaited<ReturnType<typeof previewCall>>>;

const SERVICE_FIELDS: NumberSpec<keyof ServiceRules & string>[] = [
  { key: 'slotMinutes', label: { id: 'Panjang slot (menit)', en: 'Slot length (minutes)' }, min: 5, max: 240 },
  { key: 'capacityPerSlot', label: { id: 'Orang per slot', en: 'People per slot' }, min: 1, max: 500 },
  { key: 'dailyQuota', label: { id: 'Kuota booking per hari', en: 'Bookings per day' }, hint: { id: 'Kosong = hanya kapasitas slot yang membatasi.', en: 'Empty = only slot capacity limits.' }, min: 1, max: 10000, nullable: true },
  { key: 'bookAheadDays', label: { id: 'Bisa dipesan berapa hari ke depan', en: 'Bookable days ahead' }, hint: { id: '0 = hanya hari ini.', en: '0 = today only.' }, min: 0, max: 90 },
  { key: 'sameDayCutoffMinutes', label: { id: 'Batas pesan di hari yang sama (menit sebelum slot)', en: 'Same-day cut-off (minutes before the slot)' }, min: 0, max: 600 },
  { key: 'maxPerNikPerDay', label: { id: 'Booking per NIK per hari', en: 'Bookings per NIK per day' }, min: 1, max: 10 },
  { key: 'checkInEarlyMinutes', label: { id: 'Check-in paling awal (menit sebelum slot)', en: 'Earliest check-in (minutes before)' }, min: 0, max: 240 },
  { key: 'checkInLateMinutes', label: { id: 'Check-in paling lambat (menit setelah mulai)', en: 'Latest check-in (minutes after start)' }, hint: { id: 'Lewat dari ini booking dicatat tidak hadir.', en: 'After this the booking is a no-show.' }, min: 0, max: 240 },
];
const MPP_FIELDS: NumberSpec<keyof MppRules & string>[] = [
  { key: 'maxActivePerNik', label: { id: 'Booking aktif per NIK di MPP ini', en: 'Active bookings per NIK at this MPP' }, min: 1, max: 20 },
  { key: 'noShowLimit', label: { id: 'Tidak hadir sebelum ditangguhkan', en: 'No-shows before suspension' }, hint: { id: '0 = tidak pernah ditangguhkan.', en: '0 = never suspended.' }, min: 0, max: 50 },
  { key: 'noShowWindowDays', label: { id: 'Dihitung dalam (hari)', en: 'Counted over (days)' }, min: 1, max: 365 },
  { key: 'suspensionDays', label: { id: 'Lama penangguhan (hari)', en: 'Suspension length (days)' }, min: 1, max: 365 },
];

const errorText = (e: unknown) => {
  const err = e as { message?: string; errors?: { message: string }[] } | null;
  return [err?.message ?? String(e), ...(err?.errors ?? []).map((x) => x.message).filter((m) => m !== err?.message)].join(' · ');
};

function previewCall(mppId: string, serviceId: string, body: Record<string, unknown>) {
  return unwrap(client.POST('/api/mpps/{mppId}/booking/services/{serviceId}/settings/preview', { params: { path: { mppId, serviceId } }, body }));
}

/** /staf/aturan-booking: every booking setting on a screen, per service (with a preview of the slots) and for the MPP. */
export function BookingRulesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { mppId } = useCurrentMpp();
  if (!mppId) return <p>{t('Akun Anda tidak terhubung ke MPP mana pun.', 'Your account is not linked to any MPP.')}</p>;
  const mppWide = hasRole(user, 'national_admin') || !!user?.grants.some((g) => g.role === 'mpp_admin' && g.mppId === mppId);
  // An agency admin sets the rules of their own agency's services only.
  const tenantIds = new Set((user?.grants ?? []).filter((g) => g.role === 'tenant_admin' && g.mppId === mppId && g.tenantId).map((g) => g.tenantId!));
  const tabs = [
    { key: 'layanan', label: { id: 'Per layanan', en: 'Per service' } },
    ...(mppWide ? [{ key: 'mpp', label: { id: 'Aturan adil MPP', en: 'MPP fairness rules' } }] : []),
  ];
  return (
    <section className="booking-rules">
      <h1>{t('Aturan booking', 'Booking rules')}</h1>
      <Tabs tabs={tabs} label={t('Bagian aturan booking', 'Booking rule sections')}>
        {(key) => (key === 'mpp' ? <MppRulesForm key={mppId} mppId={mppId} /> : <ServiceRulesTab key={mppId} mppId={mppId} tenantIds={mppWide ? null : tenantIds} />)}
      </Tabs>
    </section>
  );
}

function ServiceRulesTab({ mppId, tenantIds }: { mppId: string; tenantIds: Set<string> | null }) {
  const { t } = useI18n();
  const services = useQuery(apiQuery('/api/catalog/mpps/{mppId}/services', { params: { path: { mppId }, query: {} } }));
  const [selected, setSelected] = useChosen();
  const items = useMemo(
    () =>
      (services.data ?? [])
        .filter((s) => s.active && (!tenantIds || tenantIds.has(s.tenantId)))
        .map((s) => ({
          key: s.id,
          label: s.name,
          detail: `${s.tenant.name} · ${s.bookingSettings.enabled === true ? t('booking dibuka', 'booking open') : t('booking tutup', 'booking off')}`,
          keywords: s.code,
        })),
    [services.data, tenantIds, t],
  );
  if (services.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (services.isError) return <p className="error" role="alert">{services.error.message}</p>;
  const current = items.find((i) => i.key === selected) ?? items[0];
  return (
    <MasterList items={items} selected={current?.key ?? null} onSelect={setSelected} label={t('Daftar layanan', 'Service list')} searchLabel={t('Cari layanan atau instansi', 'Search service or agency')} empty={<p>{t('Belum ada layanan.', 'No services yet.')}</p>}>
      {current && <ServiceRules key={current.key} mppId={mppId} serviceId={current.key} name={current.label} agency={current.detail?.split(' · ')[0] ?? ''} />}
    </MasterList>
  );
}

function ServiceRules({ mppId, serviceId, name, agency }: { mppId: string; serviceId: string; name: string; agency: string }) {
  const { t } = useI18n();
  const stored = useQuery(apiQuery('/api/mpps/{mppId}/booking/services/{serviceId}/settings', { params: { path: { mppId, serviceId } } }));
  if (stored.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (stored.isError) return <p className="error" role="alert">{stored.error.message}</p>;
  return <ServiceRulesForm mppId={mppId} serviceId={serviceId} name={name} agency={agency} stored={stored.data} />;
}

function ServiceRulesForm({ mppId, serviceId, name, agency, stored }: { mppId: string; serviceId: string; name: string; agency: string; stored: ServiceRules }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<Draft>(() => toDraft(stored, SERVICE_FIELDS));
  const [enabled, setEnabledState] = useState(stored.enabled);
  const [lateArrival, setLateArrivalState] = useState(stored.lateArrival);
  const changes = (): Record<string, unknown> => ({
    ...changedNumbers(draft, stored, SERVICE_FIELDS),
    ...(enabled !== stored.enabled ? { enabled } : {}),
    ...(lateArrival !== stored.lateArrival ? { lateArrival } : {}),
  });
  const dirty = Object.keys(changes()).length > 0;
  const save = useMutation({
    mutationFn: () => unwrap(client.PUT('/api/mpps/{mppId}/booking/services/{serviceId}/settings', { params: { path: { mppId, serviceId } }, body: changes() })),
    onSuccess: (saved) => {
      // The form now shows what the server holds (a field another admin changed meanwhile included),
      // so the next save does not send the old value back.
      queryClient.setQueryData(apiQuery('/api/mpps/{mppId}/booking/services/{serviceId}/settings', { params: { path: { mppId, serviceId } } }).queryKey, saved);
      setDraftState(toDraft(saved, SERVICE_FIELDS));
      setEnabledState(saved.enabled);
      setLateArrivalState(saved.lateArrival);
      void queryClient.invalidateQueries({ queryKey: ['/api/catalog/mpps/{mppId}/services'] });
    },
  });
  const preview = useMutation({ mutationFn: () => previewCall(mppId, serviceId, changes()) });
  // An edit after a save hides the "saved" note.
  const setDraft = (d: Draft) => { save.reset(); setDraftState(d); };
  const setEnabled = (v: boolean) => { save.reset(); setEnabledState(v); };
  const setLateArrival = (v: ServiceRules['lateArrival']) => { save.reset(); setLateArrivalState(v); };
  const runPreview = preview.mutate;
  useEffect(() => runPreview(), [runPreview]);
  return (
    <form
      aria-label={name}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2>{name}</h2>
      <p className="muted">{agency}</p>
      <label className="rules-switch">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('Warga boleh booking layanan ini secara online', 'Citizens may book this service online')}
      </label>
      <NumberFields specs={SERVICE_FIELDS} draft={draft} onChange={setDraft} />
      <label>
        {t('Datang terlambat di kios', 'Late arrival at the kiosk')}
        <select value={lateArrival} onChange={(e) => setLateArrival(e.target.value as ServiceRules['lateArrival'])}>
          <option value="walk_in">{t('Tetap dapat nomor antrean biasa', 'Gets an ordinary walk-in number')}</option>
          <option value="refuse">{t('Ditolak, harus booking ulang', 'Refused; must book again')}</option>
        </select>
      </label>
      <div className="qs-actions" aria-live="polite">
        <button type="button" onClick={() => preview.mutate()} disabled={preview.isPending}>{t('Pratinjau slot', 'Preview slots')}</button>
        <button type="submit" className="primary" disabled={!dirty || save.isPending}>{t('Simpan aturan', 'Save rules')}</button>
        {save.isSuccess && <span className="notice">{t('Tersimpan', 'Saved')}: {name}</span>}
        {save.isError && <span className="error" role="alert">{errorText(save.error)}</span>}
      </div>
      {preview.isError && <p className="error" role="alert">{errorText(preview.error)}</p>}
      {preview.data && <PreviewTable preview={preview.data} lang={lang} />}
    </form>
  );
}

function PreviewTable({ preview, lang }: { preview: Preview; lang: string }) {
  const { t } = useI18n();
  return (
    <div className="rules-preview">
      <h3>
        {t('Slot yang dihasilkan', 'Slots these rules produce')} ({zoneAbbr(preview.timezone)}){!preview.settings.enabled && <span className="muted"> · {t('booking masih tutup', 'booking still off')}</span>}
      </h3>
      <table className="qs-table" aria-label={t('Pratinjau slot', 'Slot preview')}>
        <thead>
          <tr>
            <th>{t('Tanggal', 'Date')}</th>
            <th>{t('Slot', 'Slots')}</th>
            <th>{t('Tempat', 'Places')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.days.map((d) => (
            <tr key={d.date}>
              <td>{longDay(d.date, lang)}</td>
              <td>
                {d.closedBy ? (
                  <span className="muted">{d.closedBy}</span>
                ) : d.slots.length === 0 ? (
                  <span className="muted">{t('Tutup', 'Closed')}</span>
                ) : (
                  <span title={d.slots.map((s) => s.localStart).join(', ')}>
                    {t(`${d.slots.length} slot`, `${d.slots.length} slots`)}: {d.slots[0]!.localStart}–{d.slots.at(-1)!.localEnd}
                  </span>
                )}
              </td>
              <td>{d.places}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MppRulesForm({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const stored = useQuery(apiQuery('/api/mpps/{mppId}/booking/settings', { params: { path: { mppId } } }));
  if (stored.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (stored.isError) return <p className="error" role="alert">{stored.error.message}</p>;
  return <MppRulesEditor mppId={mppId} stored={stored.data} />;
}

function MppRulesEditor({ mppId, stored }: { mppId: string; stored: MppRules }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<Draft>(() => toDraft(stored, MPP_FIELDS));
  const changes = changedNumbers(draft, stored, MPP_FIELDS);
  const dirty = Object.keys(changes).length > 0;
  const save = useMutation({
    mutationFn: () => unwrap(client.PUT('/api/mpps/{mppId}/booking/settings', { params: { path: { mppId } }, body: changes })),
    onSuccess: (saved) => {
      queryClient.setQueryData(apiQuery('/api/mpps/{mppId}/booking/settings', { params: { path: { mppId } } }).queryKey, saved);
      setDraftState(toDraft(saved, MPP_FIELDS));
    },
  });
  const setDraft = (d: Draft) => { save.reset(); setDraftState(d); };
  return (
    <form
      className="detail"
      aria-label={t('Aturan adil MPP', 'MPP fairness rules')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <p className="muted">
        {t(
          'Berlaku untuk semua layanan MPP ini: mencegah satu NIK memborong slot, dan menangguhkan booking bagi yang berulang kali tidak hadir.',
          'Apply to every service of this MPP: one NIK cannot hoard slots, and repeated no-shows suspend booking.',
        )}
      </p>
      <NumberFields specs={MPP_FIELDS} draft={draft} onChange={setDraft} />
      <div className="qs-actions" aria-live="polite">
        <button type="submit" className="primary" disabled={!dirty || save.isPending}>{t('Simpan aturan', 'Save rules')}</button>
        {save.isSuccess && <span className="notice">{t('Tersimpan', 'Saved')}</span>}
        {save.isError && <span className="error" role="alert">{errorText(save.error)}</span>}
      </div>
    </form>
  );
}
