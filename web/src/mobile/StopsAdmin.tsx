import { useState } from 'react';
import { LoadState, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import { useI18n } from '../i18n';
import { longDay, zoneAbbr } from '../time';
import { StopBookings } from './StopBookings';
import type { StopView } from './views';

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
