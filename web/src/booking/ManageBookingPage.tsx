import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { apiQuery } from '../api/client';
import { LoadState, LoadStatus, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { BookingCard } from './BookingCard';
import { SlotPicker } from './SlotPicker';
import type { ManagedBooking, SlotView } from './views';
import './booking.css';

/** "My booking" through the signed link: view, move to another slot, cancel. */
export function ManageBookingPage() {
  const { t } = useI18n();
  const { mppId = '', code = '' } = useParams();
  const [params] = useSearchParams();
  const sig = params.get('sig') ?? '';
  const [moving, setMoving] = useState(false);
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const queryClient = useQueryClient();
  const init = { params: { path: { mppId, code }, query: { sig } } };
  const booking = useApiQuery('/api/mpps/{mppId}/bookings/{code}', init);
  const b = booking.data;

  // The answer is the booking as it now stands: show it without loading it again.
  const show = (done: string) => (changed: ManagedBooking | undefined) => {
    queryClient.setQueryData(apiQuery('/api/mpps/{mppId}/bookings/{code}', init).queryKey, changed);
    setMessage(done);
    setMoving(false);
    setSlot(null);
  };
  const cancel = useApiMutation('post', '/api/mpps/{mppId}/bookings/{code}/cancel', { invalidates: [], onSuccess: show(t('Booking dibatalkan.', 'Booking cancelled.')) });
  const reschedule = useApiMutation('post', '/api/mpps/{mppId}/bookings/{code}/reschedule', { invalidates: [], onSuccess: show(t('Jadwal diubah.', 'Time changed.')) });
  function cancelBooking() {
    reschedule.reset();
    cancel.mutate({ params: { path: { mppId, code } }, body: { sig } });
  }
  function moveTo(to: SlotView) {
    cancel.reset();
    reschedule.mutate({ params: { path: { mppId, code } }, body: { sig, startsAt: to.startsAt } });
  }

  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main booking-page">
        <h1>{t('Booking saya', 'My booking')}</h1>
        {message && <p className="notice" role="status">{message}</p>}
        <WriteError error={cancel.error ?? reschedule.error} />
        {booking.error?.status === 404 ? (
          <p className="error" role="alert">
            {t('Tautan booking tidak valid atau sudah kedaluwarsa. Cari booking dengan kode dan NIK.', 'This booking link is not valid. Find your booking with its code and NIK.')}
          </p>
        ) : (
          <LoadState query={booking}>{(found) => <BookingCard booking={found} />}</LoadState>
        )}
        {b?.status === 'booked' && (
          <div className="manage-actions">
            {!moving ? (
              <>
                <button type="button" className="primary wide" onClick={() => setMoving(true)}>{t('Pilih jadwal lain', 'Choose another time')}</button>
                <button type="button" className="wide danger" onClick={() => window.confirm(t('Batalkan booking ini?', 'Cancel this booking?')) && cancelBooking()}>
                  {t('Batalkan booking', 'Cancel booking')}
                </button>
              </>
            ) : (
              <>
                <SlotPicker mppId={mppId} serviceId={b.serviceId} selected={slot?.startsAt ?? null} onSelect={setSlot} />
                <button type="button" className="primary wide" disabled={!slot} onClick={() => slot && moveTo(slot)}>
                  {slot ? t(`Pindah ke ${slot.localStart}`, `Move to ${slot.localStart}`) : t('Pilih slot dulu', 'Choose a slot first')}
                </button>
                <button type="button" className="wide" onClick={() => setMoving(false)}>{t('Batal', 'Back')}</button>
              </>
            )}
          </div>
        )}
      </main>
    </>
  );
}

/** Finding a booking by its code and the NIK it was made with. */
export function FindBookingPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const mppList = useApiQuery('/api/booking/mpps');
  const mpps = mppList.data ?? [];
  const [chosen, setForm] = useState({ mppId: '', code: '', nik: '' });
  // With one MPP there is nothing to choose.
  const form = { ...chosen, mppId: chosen.mppId || (mpps.length === 1 ? mpps[0]!.id : '') };
  const lookup = useApiMutation('post', '/api/mpps/{mppId}/bookings/lookup', {
    invalidates: [],
    onSuccess: (b) => b && navigate(`/booking/kelola/${b.mppId}/${b.code}?sig=${encodeURIComponent(b.sig)}`),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    lookup.mutate({ params: { path: { mppId: form.mppId } }, body: { code: form.code, nik: form.nik } });
  }
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main booking-page">
        <h1>{t('Cari booking saya', 'Find my booking')}</h1>
        <form onSubmit={submit} className="card">
          <LoadStatus queries={[mppList]} />
          <label htmlFor="f-mpp">MPP</label>
          <select id="f-mpp" value={form.mppId} onChange={(e) => setForm({ ...form, mppId: e.target.value })}>
            <option value="">{t('— Pilih MPP —', '— Choose an MPP —')}</option>
            {mpps.map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
          <label htmlFor="f-code">{t('Kode booking', 'Booking code')}</label>
          <input id="f-code" autoCapitalize="characters" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
          <label htmlFor="f-nik">NIK</label>
          <input id="f-nik" inputMode="numeric" value={form.nik} onChange={(e) => setForm({ ...form, nik: e.target.value })} />
          {lookup.error?.status === 404 ? <p className="error" role="alert">{t('Booking tidak ditemukan. Periksa kode dan NIK.', 'Booking not found. Check the code and NIK.')}</p> : <WriteError error={lookup.error} />}
          <button className="primary wide" type="submit" disabled={!form.mppId}>{t('Cari', 'Find')}</button>
        </form>
      </main>
    </>
  );
}
