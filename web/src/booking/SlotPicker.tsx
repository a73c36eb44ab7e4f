import { useEffect, useState } from 'react';
import { client, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { useI18n } from '../i18n';
import { shortDay, zoneAbbr } from '../time';
import { type Availability, type SlotView } from './views';

/** Days as chips with their free places, then the slots of the chosen day with free places each. */
export function SlotPicker({ mppId, serviceId, selected, onSelect }: { mppId: string; serviceId: string; selected: string | null; onSelect: (slot: SlotView) => void }) {
  const { t, lang } = useI18n();
  const [date, setDate] = useState<string | null>(null);
  const [data, setData] = useState<Availability | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    unwrap(client.GET('/api/mpps/{mppId}/booking/services/{serviceId}/availability', { params: { path: { mppId, serviceId }, query: date ? { date } : {} } })).then(
      (a) => {
        setData(a);
        if (!date && a.date) setDate(a.date);
      },
      (e: ApiError) => setError(e.message),
    );
  }, [mppId, serviceId, date]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!data) return <p className="muted">{t('Memuat jadwal…', 'Loading the schedule…')}</p>;
  const reasonText = (s: SlotView) =>
    s.reason === 'full' || s.reason === 'day_full' ? t('Penuh', 'Full') : s.reason === 'past' || s.reason === 'same_day_cutoff' ? t('Ditutup', 'Closed') : t(`${s.free} tempat`, `${s.free} left`);
  return (
    <div className="slot-picker">
      <h3 id="pick-day">{t('Pilih hari', 'Choose a day')}</h3>
      <ul className="day-chips" aria-labelledby="pick-day">
        {data.days.map((d) => (
          <li key={d.date}>
          <button
            type="button"
            className={`day-chip${d.date === date ? ' on' : ''}`}
            aria-pressed={d.date === date}
            disabled={!d.open || d.free === 0}
            onClick={() => setDate(d.date)}
          >
            <span className="d">{shortDay(d.date, lang)}</span>
            <span className="f">{!d.open ? (d.closedReason === 'Tutup' ? t('Tutup', 'Closed') : d.closedReason) : d.free === 0 ? t('Penuh', 'Full') : t(`${d.free} tempat`, `${d.free} left`)}</span>
          </button>
          </li>
        ))}
      </ul>
      <h3 id="pick-slot">{t('Pilih jam', 'Choose a time')} <span className="muted">({zoneAbbr(data.timezone)})</span></h3>
      {data.slots.every((s) => s.reason === 'past') ? (
        <p className="muted">{t('Tidak ada slot pada hari ini.', 'No slots on this day.')}</p>
      ) : (
        <ul className="slot-grid" aria-labelledby="pick-slot">
          {data.slots.filter((s) => s.reason !== 'past').map((s) => (
            <li key={s.startsAt}>
            <button type="button" className={`slot${selected === s.startsAt ? ' on' : ''}`} aria-pressed={selected === s.startsAt} disabled={!s.bookable} onClick={() => onSelect(s)}>
              <span className="time">{s.localStart}</span>
              <span className="free">{reasonText(s)}</span>
            </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
