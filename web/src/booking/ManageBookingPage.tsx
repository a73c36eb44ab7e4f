import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { apiQuery, client, unwrap } from '../api/client';
import { LoadState, useApiQuery, LoadStatus } from '../api/hooks';
import { ApiError } from '../api/problem';
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
  const [error, setError] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const queryClient = useQueryClient();
  const init = { params: { path: { mppId, code }, query: { sig } } };
  const booking = useApiQuery('/api/mpps/{mppId}/bookings/{code}', init);
  const b = booking.data;

  async function act(change: () => Promise<ManagedBooking>, done: string) {
    setError(null);
    try {
      // The answer is the booking as it now stands: show it without loading it again.
      queryClient.setQueryData(apiQuery('/api/mpps/{mppId}/bookings/{code}', init).queryKey, await change());
      setMessage(done);
      setMoving(false);
      setSlot(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }

  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main booking-page">
        <h1>{t('Booking saya', 'My booking')}</h1>
        {message && <p className="notice" role="status">{message}</p>}
        {error && <p className="error" role="alert">{error}</p>}
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
                <button type="button" className="wide danger" onClick={() => window.confirm(t('Batalkan booking ini?', 'Cancel this booking?')) && act(() => unwrap(client.POST('/api/mpps/{mppId}/bookings/{code}/cancel', { params: { path: { mppId, code } }, body: { sig } })), t('Booking dibatalkan.', 'Booking cancelled.'))}>
                  {t('Batalkan booking', 'Cancel booking')}
                </button>
              </>
            ) : (
              <>
                <SlotPicker mppId={mppId} serviceId={b.serviceId} selected={slot?.startsAt ?? null} onSelect={setSlot} />
                <button type="button" className="primary wide" disabled={!slot} onClick={() => slot && act(() => unwrap(client.POST('/api/mpps/{mppId}/bookings/{code}/reschedule', { params: { path: { mppId, code } }, body: { sig, startsAt: slot.startsAt } })), t('Jadwal diubah.', 'Time changed.'))}>
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
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const b = await unwrap(client.POST('/api/mpps/{mppId}/bookings/lookup', { params: { path: { mppId: form.mppId } }, body: { code: form.code, nik: form.nik } }));
      navigate(`/booking/kelola/${b.mppId}/${b.code}?sig=${encodeURIComponent(b.sig)}`);
    } catch (err) {
      setError(err instanceof ApiError ? (err.status === 404 ? t('Booking tidak ditemukan. Periksa kode dan NIK.', 'Booking not found. Check the code and NIK.') : [err.message, ...err.errors.map((x) => x.message)].join(' ')) : String(err));
    }
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
          {error && <p className="error" role="alert">{error}</p>}
          <button className="primary wide" type="submit" disabled={!form.mppId}>{t('Cari', 'Find')}</button>
        </form>
      </main>
    </>
  );
}
