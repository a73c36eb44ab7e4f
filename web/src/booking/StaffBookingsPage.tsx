import { useEffect, useState } from 'react';
import { client, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { hasRole, useSession } from '../session';
import { SlotPicker } from './SlotPicker';
import { longDay, todayIn, zoneAbbr } from '../time';
import { STATUS_LABEL, type BookableService, type BookingView, type SlotView, type StaffDay } from './views';
import './booking.css';



/** Staff: a service's bookings of a day, capacity use per slot, no-shows; move or cancel a booking. */
export function StaffBookingsPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { mppId: current, mpp } = useCurrentMpp();
  const mppId = current ?? '';
  const [services, setServices] = useState<BookableService[]>([]);
  const [serviceId, setServiceId] = useState('');
  const [date, setDate] = useState(todayIn(mpp?.timezone ?? 'Asia/Jakarta'));
  const [day, setDay] = useState<StaffDay | null>(null);
  const [affected, setAffected] = useState<BookingView[]>([]);
  const [moving, setMoving] = useState<BookingView | null>(null);
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const isMppAdmin = hasRole(user, 'mpp_admin', 'national_admin');
  const loadAffected = () => unwrap(client.GET('/api/mpps/{mppId}/booking/affected', { params: { path: { mppId } } }));

  useEffect(() => {
    if (!mppId) return;
    unwrap(client.GET('/api/mpps/{mppId}/booking/services', { params: { path: { mppId } } })).then((list) => {
      setServices(list);
      setServiceId((s) => (list.some((x) => x.id === s) ? s : (list[0]?.id ?? '')));
    });
    if (isMppAdmin) loadAffected().then(setAffected, () => setAffected([]));
  }, [mppId]);
  const load = () => {
    if (!mppId || !serviceId) return;
    unwrap(client.GET('/api/mpps/{mppId}/booking/day', { params: { path: { mppId }, query: { serviceId, date } } })).then(
      (d) => {
        setDay(d);
        setError(null);
      },
      (e: ApiError) => setError(e.message),
    );
  };
  useEffect(load, [mppId, serviceId, date]);

  const show = (err: unknown) => setError(err instanceof ApiError ? [err.message, ...err.errors.map((x) => x.message)].join(' ') : String(err));
  async function move() {
    if (!moving || !slot) return;
    try {
      await unwrap(client.POST('/api/mpps/{mppId}/booking/bookings/{bookingId}/move', { params: { path: { mppId, bookingId: moving.id } }, body: { startsAt: slot.startsAt } }));
      setMessage(t(`Booking ${moving.code} dipindah ke ${slot.localStart}; pemohon diberi tahu.`, `Booking ${moving.code} moved to ${slot.localStart}; the holder was told.`));
      setMoving(null);
      setSlot(null);
      load();
      if (isMppAdmin) void loadAffected().then(setAffected);
    } catch (err) {
      show(err);
    }
  }
  async function cancel(b: BookingView) {
    const reason = window.prompt(t(`Alasan membatalkan ${b.code}:`, `Reason for cancelling ${b.code}:`));
    if (!reason) return;
    try {
      await unwrap(client.POST('/api/mpps/{mppId}/booking/bookings/{bookingId}/cancel', { params: { path: { mppId, bookingId: b.id } }, body: { reason } }));
      setMessage(t(`Booking ${b.code} dibatalkan; pemohon diberi tahu.`, `Booking ${b.code} cancelled; the holder was told.`));
      load();
    } catch (err) {
      show(err);
    }
  }

  const zone = day ? zoneAbbr(day.timezone) : '';
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
                  <button type="button" onClick={() => void cancel(b)}>{t('Batalkan', 'Cancel')}</button>
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
      {error && <p className="error" role="alert">{error}</p>}
      <div className="grid-form">
        <label>{t('Layanan', 'Service')}
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            {services.map((s) => <option key={s.id} value={s.id}>{s.tenantName}: {s.name}</option>)}
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
      {day && (
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
              <div key={s.startsAt} className="bar" title={`${s.localStart} ${zone}: ${s.booked}/${s.capacity}`}>
                <span className="fill" style={{ height: `${Math.round((100 * s.booked) / s.capacity)}%` }} />
                <span className="lbl">{s.localStart}</span>
                <span className="n">{s.booked}/{s.capacity}</span>
              </div>
            ))}
          </div>
          {day.bookings.length === 0 ? <p className="muted">{t('Belum ada booking pada hari ini.', 'No bookings on this day yet.')}</p> : rows(day.bookings)}
        </>
      )}
      {moving && (
        <div className="card move-panel">
          <h2>{t(`Pindahkan booking ${moving.code} (${moving.name})`, `Move booking ${moving.code} (${moving.name})`)}</h2>
          <SlotPicker mppId={mppId} serviceId={moving.serviceId} selected={slot?.startsAt ?? null} onSelect={setSlot} />
          <div className="actions">
            <button type="button" className="primary" disabled={!slot} onClick={() => void move()}>{slot ? t(`Pindah ke ${slot.localStart}`, `Move to ${slot.localStart}`) : t('Pilih slot', 'Choose a slot')}</button>
            <button type="button" onClick={() => setMoving(null)}>{t('Batal', 'Back')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
