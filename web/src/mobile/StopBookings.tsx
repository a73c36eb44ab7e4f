import { useState } from 'react';
import { LoadState, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import { useI18n } from '../i18n';
import type { StopBookingView, StopView } from './views';

/** One stop's bookings, loaded when its row is opened. */
export function StopBookings({ mppId, stop, stops }: { mppId: string; stop: StopView; stops: StopView[] }) {
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
