import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { LoadState, useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n';
import { shortDay, zoneAbbr } from '../time';
import { type Availability, type SlotView } from './views';

/** Days as chips with their free places, then the slots of the chosen day with free places each. */
export function SlotPicker({ mppId, serviceId, selected, onSelect }: { mppId: string; serviceId: string; selected: string | null; onSelect: (slot: SlotView) => void }) {
  // null until a day is tapped: the server then answers with its first bookable day.
  const [chosen, setDate] = useState<string | null>(null);
  // The previous day stays on screen while the next one loads (no flash of "loading").
  const availability = useApiQuery(
    '/api/mpps/{mppId}/booking/services/{serviceId}/availability',
    { params: { path: { mppId, serviceId }, query: chosen ? { date: chosen } : {} } },
    { placeholderData: keepPreviousData },
  );
  return <LoadState query={availability}>{(data) => <Days data={data} date={chosen ?? data.date} selected={selected} onDate={setDate} onSelect={onSelect} />}</LoadState>;
}

function Days({ data, date, selected, onDate, onSelect }: { data: Availability; date: string | null; selected: string | null; onDate: (date: string) => void; onSelect: (slot: SlotView) => void }) {
  const { t, lang } = useI18n();
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
            onClick={() => onDate(d.date)}
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
