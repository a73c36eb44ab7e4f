import { useState, type FormEvent } from 'react';
import { LoadState, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import type { BodyOf } from '../api/types';
import { useI18n } from '../i18n';
import { longDay, zoneAbbr } from '../time';
import { KecamatanPicker } from './KecamatanPicker';
import type { MobileOptions, StopBookingView, StopView, UnitView } from './views';

type StopBody = BodyOf<'/api/mpps/{mppId}/mobile/stops', 'post'>;

const STATUS = {
  scheduled: { id: 'Terjadwal', en: 'Scheduled' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  done: { id: 'Selesai', en: 'Done' },
} as const;

/** The schedule from today, soonest first, with each stop's bookings behind a button. */
export function StopsTable({ mppId, onEdit }: { mppId: string; onEdit: (s: StopView) => void }) {
  const { t, lang } = useI18n();
  const stops = useApiQuery('/api/mpps/{mppId}/mobile/stops', { params: { path: { mppId } } });
  const cancel = useApiMutation('post', '/api/mpps/{mppId}/mobile/stops/{stopId}/cancel');
  const [open, setOpen] = useState<string | null>(null);
  function cancelStop(s: StopView) {
    const reason = window.prompt(t(`Alasan membatalkan persinggahan di Kec. ${s.kecamatanName} (${s.booked} booking akan dibatalkan dan diberi tahu):`, `Why cancel the stop in Kec. ${s.kecamatanName} (${s.booked} bookings will be cancelled and told)?`));
    if (reason) cancel.mutate({ params: { path: { mppId, stopId: s.id } }, body: { reason } });
  }
  return (
    <>
      <h2>{t('Jadwal mulai hari ini', 'Schedule from today')}</h2>
      <WriteError error={cancel.error} />
      <LoadState query={stops}>
        {(list) =>
          list.length === 0 ? (
            <p className="notice">{t('Belum ada persinggahan terjadwal.', 'No stops scheduled yet.')}</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th>{t('Waktu', 'When')}</th>
                  <th>{t('Tempat', 'Place')}</th>
                  <th>{t('Unit', 'Unit')}</th>
                  <th>{t('Booking', 'Booked')}</th>
                  <th>{t('Status', 'Status')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <StopRow key={s.id} s={s} open={open === s.id} lang={lang} onToggle={() => setOpen(open === s.id ? null : s.id)} onEdit={() => onEdit(s)} onCancel={() => cancelStop(s)} stops={list} mppId={mppId} />
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </>
  );
}

function StopRow({ s, open, lang, onToggle, onEdit, onCancel, stops, mppId }: { s: StopView; open: boolean; lang: string; onToggle: () => void; onEdit: () => void; onCancel: () => void; stops: StopView[]; mppId: string }) {
  const { t } = useI18n();
  return (
    <>
      <tr>
        <td>{longDay(s.localDate, lang)}<br />{s.localStart}–{s.localEnd} {zoneAbbr(s.timezone)}</td>
        <td>{s.villageName ? `${s.villageName}, ` : ''}Kec. {s.kecamatanName} <span className="muted small">({s.regionCode})</span><br /><span className="small">{s.address}</span></td>
        <td>{s.unitName}<br /><span className="muted small">{s.plate}</span></td>
        <td>{s.booked}/{s.capacity}</td>
        <td>{t(STATUS[s.status])}</td>
        <td>
          <div className="stop-row-actions">
            <button type="button" onClick={onToggle} aria-expanded={open}>{t('Booking', 'Bookings')}</button>
            {s.status === 'scheduled' && <button type="button" onClick={onEdit}>{t('Ubah', 'Edit')}</button>}
            {s.status === 'scheduled' && <button type="button" onClick={onCancel}>{t('Batalkan', 'Cancel')}</button>}
          </div>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={6}>
            <StopBookings mppId={mppId} stop={s} stops={stops} />
          </td>
        </tr>
      )}
    </>
  );
}

function StopBookings({ mppId, stop, stops }: { mppId: string; stop: StopView; stops: StopView[] }) {
  const { t } = useI18n();
  const bookings = useApiQuery('/api/mpps/{mppId}/mobile/stops/{stopId}/bookings', { params: { path: { mppId, stopId: stop.id } } });
  return (
    <LoadState query={bookings}>
      {(list) => (list.length === 0 ? <p className="muted">{t('Belum ada booking.', 'No bookings yet.')}</p> : <BookingsToMove mppId={mppId} bookings={list} from={stop} stops={stops} />)}
    </LoadState>
  );
}

/** Bookings with "move to another stop" and "cancel": the way out of a refused capacity change. */
export function BookingsToMove({ mppId, bookings, from, stops }: { mppId: string; bookings: StopBookingView[]; from: StopView; stops: StopView[] }) {
  const { t } = useI18n();
  const move = useApiMutation('post', '/api/mpps/{mppId}/mobile/bookings/{bookingId}/move');
  const cancel = useApiMutation('post', '/api/mpps/{mppId}/mobile/bookings/{bookingId}/cancel');
  const [target, setTarget] = useState<Record<string, string>>({});
  const candidates = (b: StopBookingView) => stops.filter((s) => s.id !== from.id && s.status === 'scheduled' && s.free > 0 && s.services.some((x) => x.id === b.serviceId));
  return (
    <>
      <WriteError error={move.error ?? cancel.error} />
      <table className="data to-move">
        <thead><tr><th>{t('Kode', 'Code')}</th><th>{t('Nama', 'Name')}</th><th>{t('Layanan', 'Service')}</th><th>{t('Status', 'Status')}</th><th /></tr></thead>
        <tbody>
          {bookings.map((b) => (
            <tr key={b.id}>
              <td>{b.code}</td>
              <td>{b.name}<br /><span className="muted small">{b.nikMasked} · {b.contact}</span></td>
              <td>{b.serviceName}</td>
              <td>{b.status}</td>
              <td>
                {b.status === 'booked' && (
                  <div className="stop-row-actions">
                    <select aria-label={t(`Pindahkan ${b.code} ke`, `Move ${b.code} to`)} value={target[b.id] ?? ''} onChange={(e) => setTarget({ ...target, [b.id]: e.target.value })}>
                      <option value="">{t('— Pindah ke —', '— Move to —')}</option>
                      {candidates(b).map((s) => <option key={s.id} value={s.id}>{s.localDate} {s.localStart} Kec. {s.kecamatanName}</option>)}
                    </select>
                    <button type="button" disabled={!target[b.id] || move.isPending} onClick={() => move.mutate({ params: { path: { mppId, bookingId: b.id } }, body: { stopId: target[b.id]! } })}>{t('Pindahkan', 'Move')}</button>
                    <button type="button" onClick={() => {
                      const reason = window.prompt(t(`Alasan membatalkan booking ${b.code}:`, `Why cancel booking ${b.code}?`));
                      if (reason) cancel.mutate({ params: { path: { mppId, bookingId: b.id } }, body: { reason } });
                    }}>{t('Batalkan', 'Cancel')}</button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const blank = (units: UnitView[]) => ({
  unitId: units.find((u) => u.active)?.id ?? '',
  kecamatanCode: '',
  villageCode: '',
  villageName: '',
  address: '',
  lat: '',
  lng: '',
  date: '',
  startTime: '08:00',
  endTime: '12:00',
  capacity: '30',
  serviceIds: [] as string[],
  note: '',
});

/** Adds or changes a stop. A refused capacity change lists the bookings to move first. */
export function StopEditor({ mppId, options, units, stop, onClose }: { mppId: string; options: MobileOptions; units: UnitView[]; stop: StopView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(() =>
    stop
      ? {
          unitId: stop.unitId,
          kecamatanCode: stop.kecamatanCode,
          villageCode: stop.villageCode ?? '',
          villageName: stop.villageName ?? '',
          address: stop.address,
          lat: stop.lat === null ? '' : String(stop.lat),
          lng: stop.lng === null ? '' : String(stop.lng),
          date: stop.localDate,
          startTime: stop.localStart,
          endTime: stop.localEnd,
          capacity: String(stop.capacity),
          serviceIds: stop.services.map((s) => s.id),
          note: stop.note ?? '',
        }
      : blank(units),
  );
  const create = useApiMutation('post', '/api/mpps/{mppId}/mobile/stops', { onSuccess: onClose });
  const update = useApiMutation('put', '/api/mpps/{mppId}/mobile/stops/{stopId}', { onSuccess: onClose });
  const stops = useApiQuery('/api/mpps/{mppId}/mobile/stops', { params: { path: { mppId } } });
  const error = create.error ?? update.error;
  const unit = units.find((u) => u.id === form.unitId);
  const fieldError = (name: string) => error?.errors.find((e) => e.path === `body.${name}`)?.message;
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  function submit(e: FormEvent) {
    e.preventDefault();
    const body: StopBody = {
      unitId: form.unitId,
      kecamatanCode: form.kecamatanCode,
      ...(form.villageCode.trim() ? { villageCode: form.villageCode.trim(), villageName: form.villageName.trim() } : {}),
      address: form.address,
      ...(form.lat.trim() && form.lng.trim() ? { lat: Number(form.lat), lng: Number(form.lng) } : {}),
      date: form.date,
      startTime: form.startTime,
      endTime: form.endTime,
      capacity: Number(form.capacity),
      serviceIds: form.serviceIds,
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    };
    if (stop) update.mutate({ params: { path: { mppId, stopId: stop.id } }, body });
    else create.mutate({ params: { path: { mppId } }, body });
  }

  const toMove = error && (error.code === 'mobile_capacity_below_bookings' || error.code === 'mobile_service_has_bookings') ? (error.body.bookings as StopBookingView[] | undefined) : undefined;
  const input = (name: keyof typeof form, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
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
        <KecamatanPicker options={options.kecamatan} regionName={options.region?.name ?? null} value={form.kecamatanCode} onChange={(kecamatanCode) => set({ kecamatanCode })} error={fieldError('kecamatanCode')} />
        {input('villageCode', t('Kode desa/kelurahan (opsional)', 'Village code (optional)'), { placeholder: 'NN.NN.NN.NNNN', inputMode: 'decimal' })}
        {input('villageName', t('Nama desa/kelurahan', 'Village name'))}
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
      {toMove && stop && stops.data && <BookingsToMove mppId={mppId} bookings={toMove} from={stop} stops={stops.data} />}
      <div className="stop-row-actions">
        <button type="submit" className="primary" disabled={create.isPending || update.isPending}>{stop ? t('Simpan perubahan', 'Save changes') : t('Jadwalkan', 'Schedule')}</button>
        <button type="button" onClick={onClose}>{t('Tutup', 'Close')}</button>
      </div>
    </form>
  );
}
