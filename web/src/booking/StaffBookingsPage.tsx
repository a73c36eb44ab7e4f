import { useState } from 'react';
import { LoadState, useApiMutation, useApiQuery, WriteError, LoadStatus } from '../api/hooks';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { hasRole, useSession } from '../session';
import { SlotPicker } from './SlotPicker';
import { longDay, todayIn, zoneAbbr } from '../time';
import { STATUS_LABEL, type BookingView, type SlotView } from './views';
import './booking.css';

/** Staff: a service's bookings of a day, capacity use per slot, no-shows; move or cancel a booking. */
export function StaffBookingsPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { mppId, mpp } = useCurrentMpp();
  const [chosenService, setServiceId] = useState('');
  const [date, setDate] = useState(todayIn(mpp?.timezone ?? 'Asia/Jakarta'));
  const [moving, setMoving] = useState<BookingView | null>(null);
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const isMppAdmin = hasRole(user, 'mpp_admin', 'national_admin');
  const path = { mppId: mppId ?? '' };
  const services = useApiQuery('/api/mpps/{mppId}/booking/services', mppId ? { params: { path } } : null);
  const list = services.data ?? [];
  const serviceId = list.some((x) => x.id === chosenService) ? chosenService : (list[0]?.id ?? '');
  const affected = useApiQuery('/api/mpps/{mppId}/booking/affected', mppId && isMppAdmin ? { params: { path } } : null).data ?? [];
  const day = useApiQuery('/api/mpps/{mppId}/booking/day', mppId && serviceId ? { params: { path, query: { serviceId, date } } } : null);
  // A move or a cancellation changes the day, the affected list and the free places.
  const moveBooking = useApiMutation('post', '/api/mpps/{mppId}/booking/bookings/{bookingId}/move');
  const cancelBooking = useApiMutation('post', '/api/mpps/{mppId}/booking/bookings/{bookingId}/cancel');

  function move() {
    if (!moving || !slot || !mppId) return;
    cancelBooking.reset();
    moveBooking.mutate(
      { params: { path: { mppId, bookingId: moving.id } }, body: { startsAt: slot.startsAt } },
      {
        onSuccess: () => {
          setMessage(t(`Booking ${moving.code} dipindah ke ${slot.localStart}; pemohon diberi tahu.`, `Booking ${moving.code} moved to ${slot.localStart}; the holder was told.`));
          setMoving(null);
          setSlot(null);
        },
      },
    );
  }
  function cancel(b: BookingView) {
    const reason = window.prompt(t(`Alasan membatalkan ${b.code}:`, `Reason for cancelling ${b.code}:`));
    if (!reason || !mppId) return;
    moveBooking.reset();
    cancelBooking.mutate(
      { params: { path: { mppId, bookingId: b.id } }, body: { reason } },
      { onSuccess: () => setMessage(t(`Booking ${b.code} dibatalkan; pemohon diberi tahu.`, `Booking ${b.code} cancelled; the holder was told.`)) },
    );
  }

  const rows = (list: BookingView[], withDate = false) => (
    <table className="data bookings-table">
      <thead>
        <tr>
          <th>{withDate ? t('Tanggal, jam', 'Date, time') : t('Jam', 'Time')}</th>
          <th>{t('Kode', 'Code')}</th>
          <th>{t('Nama', 'Name')}</th>
          <th>NIK</th>
          <th>{t('Status', 'Status')}</th>
          <th>{t('Tindakan', 'Actions')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((b) => (
          <tr key={b.id} className={`st-${b.status}`}>
            <td>{withDate ? `${b.localDate} ` : ''}{b.localStart}</td>
            <td><code>{b.code}</code></td>
            <td>{b.name}<br /><span className="muted small">{b.contact}</span></td>
            <td><code>{b.nikMasked}</code></td>
            <td>{t(STATUS_LABEL[b.status])}{b.ticketNumber ? ` (${b.ticketNumber})` : ''}{b.affected ? <span className="tag">{t('jam berubah', 'hours changed')}</span> : null}</td>
            <td>
              {b.status === 'booked' && (
                <div className="row-actions">
                  <button type="button" onClick={() => { setMoving(b); setSlot(null); }}>{t('Pindahkan', 'Move')}</button>
                  <button type="button" onClick={() => cancel(b)}>{t('Batalkan', 'Cancel')}</button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className="staff-bookings">
      <h1>{t('Booking layanan', 'Service bookings')}</h1>
      {message && <p className="notice" role="status">{message}</p>}
      <WriteError error={moveBooking.error ?? cancelBooking.error} />
      <LoadStatus queries={[services]} />
      <div className="grid-form">
        <label>{t('Layanan', 'Service')}
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            {list.map((s) => <option key={s.id} value={s.id}>{s.tenantName}: {s.name}</option>)}
          </select>
        </label>
        <label>{t('Tanggal', 'Date')}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
      </div>
      {affected.length > 0 && (
        <div className="card affected">
          <h2>{t(`${affected.length} booking terdampak perubahan jam layanan`, `${affected.length} bookings hit by a change of hours`)}</h2>
          <p className="muted">{t('Pemohon sudah diberi tahu. Pindahkan atau batalkan booking berikut.', 'Their holders were told. Move or cancel these bookings.')}</p>
          {rows(affected, true)}
        </div>
      )}
      <LoadState query={day}>
        {(day) => (
        <>
          <h2>{day.serviceName}: {longDay(day.date, lang)}</h2>
          <div className="stats">
            <div><strong>{day.booked + day.checkedIn + day.noShows}</strong><span>{t(`dari ${day.capacity} tempat terisi`, `of ${day.capacity} places taken`)}</span></div>
            <div><strong>{day.checkedIn}</strong><span>{t('sudah check-in', 'checked in')}</span></div>
            <div><strong>{day.noShows}</strong><span>{t('tidak hadir', 'no-shows')}</span></div>
            <div><strong>{day.cancelled}</strong><span>{t('dibatalkan', 'cancelled')}</span></div>
          </div>
          <div className="capacity-bars" aria-label={t('Pemakaian kapasitas per slot', 'Capacity use per slot')}>
            {day.slots.map((s) => (
              <div key={s.startsAt} className="bar" title={`${s.localStart} ${zoneAbbr(day.timezone)}: ${s.booked}/${s.capacity}`}>
                <span className="fill" style={{ height: `${Math.round((100 * s.booked) / s.capacity)}%` }} />
                <span className="lbl">{s.localStart}</span>
                <span className="n">{s.booked}/{s.capacity}</span>
              </div>
            ))}
          </div>
          {day.bookings.length === 0 ? <p className="muted">{t('Belum ada booking pada hari ini.', 'No bookings on this day yet.')}</p> : rows(day.bookings)}
        </>
        )}
      </LoadState>
      {moving && (
        <div className="card move-panel">
          <h2>{t(`Pindahkan booking ${moving.code} (${moving.name})`, `Move booking ${moving.code} (${moving.name})`)}</h2>
          <SlotPicker mppId={path.mppId} serviceId={moving.serviceId} selected={slot?.startsAt ?? null} onSelect={setSlot} />
          <div className="actions">
            <button type="button" className="primary" disabled={!slot || moveBooking.isPending} onClick={move}>{slot ? t(`Pindah ke ${slot.localStart}`, `Move to ${slot.localStart}`) : t('Pilih slot', 'Choose a slot')}</button>
            <button type="button" onClick={() => setMoving(null)}>{t('Batal', 'Back')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
