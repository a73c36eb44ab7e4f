import { useI18n } from '../i18n';
import { zoneAbbr } from '../time';
import { KecamatanPicker, VillageSelect } from './KecamatanPicker';
import { BookingsToMove } from './StopBookings';
import { useStopEditor, type StopForm } from './use-stop-editor';
import type { MobileOptions, StopView, UnitView } from './views';

/** Adds or changes a stop. A refused capacity change lists the bookings to move first. */
export function StopEditor({ mppId, options, units, stop, onClose }: { mppId: string; options: MobileOptions; units: UnitView[]; stop: StopView | null; onClose: () => void }) {
  const { t } = useI18n();
  const { form, set, unit, error, fieldError, submit, saving, toMove, stops } = useStopEditor({ mppId, units, stop, onClose });
  const input = (name: keyof StopForm, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label>
      {label}
      <input {...props} value={form[name] as string} onChange={(e) => set({ [name]: e.target.value })} aria-invalid={!!fieldError(name)} />
      {fieldError(name) && <span className="error small">{fieldError(name)}</span>}
    </label>
  );
  return (
    <form className="card stop-editor" onSubmit={submit} aria-labelledby="stop-editor-title">
      <h2 id="stop-editor-title">{stop ? t('Ubah persinggahan', 'Edit stop') : t('Persinggahan baru', 'New stop')}</h2>
      <div className="grid-form">
        <label>
          {t('Unit', 'Unit')}
          <select aria-label={t('Unit', 'Unit')} value={form.unitId} onChange={(e) => set({ unitId: e.target.value, serviceIds: [] })} required>
            <option value="">{t('— Pilih unit —', '— Choose a unit —')}</option>
            {units.filter((u) => u.active || u.id === form.unitId).map((u) => <option key={u.id} value={u.id}>{u.name} ({u.plate})</option>)}
          </select>
        </label>
        <KecamatanPicker
          options={options.kecamatan}
          regionName={options.region?.name ?? null}
          value={form.kecamatanCode}
          onChange={(kecamatanCode) => set({ kecamatanCode, ...(kecamatanCode === form.kecamatanCode ? {} : { villageCode: '' }) })}
          error={fieldError('kecamatanCode')}
        />
        <VillageSelect kecamatan={options.kecamatan.find((k) => k.code === form.kecamatanCode)} value={form.villageCode} onChange={(villageCode) => set({ villageCode })} error={fieldError('villageCode')} />
        {input('address', t('Alamat/titik kumpul', 'Address/meeting point'), { required: true })}
        {input('lat', t('Lintang (peta, opsional)', 'Latitude (map, optional)'), { inputMode: 'decimal', placeholder: '-7.40' })}
        {input('lng', t('Bujur (peta, opsional)', 'Longitude (map, optional)'), { inputMode: 'decimal', placeholder: '109.15' })}
        {input('date', t('Tanggal', 'Date'), { type: 'date', required: true })}
        {input('startTime', t(`Mulai (${zoneAbbr(options.timezone)})`, `Starts (${zoneAbbr(options.timezone)})`), { type: 'time', required: true })}
        {input('endTime', t(`Selesai (${zoneAbbr(options.timezone)})`, `Ends (${zoneAbbr(options.timezone)})`), { type: 'time', required: true })}
        {input('capacity', t('Kapasitas (orang)', 'Capacity (people)'), { type: 'number', min: 1, max: 2000, required: true })}
        {input('note', t('Catatan untuk warga (opsional)', 'Note for citizens (optional)'))}
      </div>
      <fieldset>
        <legend>{t('Layanan di persinggahan ini', 'Services at this stop')}</legend>
        {!unit || unit.services.length === 0 ? (
          <p className="muted">{t('Unit ini belum membawa layanan; tambahkan di tab Unit dan awak.', 'This unit offers no services yet; add them on the Units and crew tab.')}</p>
        ) : (
          <div className="checks">
            <label><input type="checkbox" checked={form.serviceIds.length === unit.services.length} onChange={(e) => set({ serviceIds: e.target.checked ? unit.services.map((s) => s.id) : [] })} /> <strong>{t('Semua layanan unit', 'All of the unit’s services')}</strong></label>
            {unit.services.map((s) => (
              <label key={s.id}>
                <input type="checkbox" checked={form.serviceIds.includes(s.id)} onChange={(e) => set({ serviceIds: e.target.checked ? [...form.serviceIds, s.id] : form.serviceIds.filter((x) => x !== s.id) })} /> {s.name}
              </label>
            ))}
          </div>
        )}
        {fieldError('serviceIds') && <p className="error small">{fieldError('serviceIds')}</p>}
      </fieldset>
      {/* The fields name their own problems above; here the refusal itself, once. */}
      {error && <p className="error" role="alert">{error.message}</p>}
      {toMove && stop && stops && <BookingsToMove mppId={mppId} bookings={toMove} from={stop} stops={stops} />}
      <div className="stop-row-actions">
        <button type="submit" className="primary" disabled={saving}>{stop ? t('Simpan perubahan', 'Save changes') : t('Jadwalkan', 'Schedule')}</button>
        <button type="button" onClick={onClose}>{t('Tutup', 'Close')}</button>
      </div>
    </form>
  );
}
