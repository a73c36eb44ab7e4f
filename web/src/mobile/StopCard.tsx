import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { longDay, zoneAbbr } from '../time';
import type { StopView } from './views';

/** Services shown before "and N more": a phone screen holds a card's first lines. */
const SHOWN = 5;

/** One stop as citizens see it: when, where, which unit, what it offers, places left, and the way to book. */
export function StopCard({ stop, showMpp = true, bookable = true }: { stop: StopView; showMpp?: boolean; bookable?: boolean }) {
  const { t, lang } = useI18n();
  const map = stop.lat !== null && stop.lng !== null ? `https://www.openstreetmap.org/?mlat=${stop.lat}&mlon=${stop.lng}#map=17/${stop.lat}/${stop.lng}` : null;
  return (
    <article className="stop-card" aria-labelledby={`stop-${stop.id}`}>
      <h3 id={`stop-${stop.id}`}>
        {longDay(stop.localDate, lang)}, {stop.localStart}–{stop.localEnd} {zoneAbbr(stop.timezone)}
      </h3>
      <p className="stop-place">
        <strong>{stop.villageName ? `${stop.villageName}, ` : ''}{t('Kec.', 'Kec.')} {stop.kecamatanName}</strong>
        {stop.regencyName && <span className="muted"> · {stop.regencyName}</span>}
        <br />
        {stop.address}
        {map && <> · <a href={map} target="_blank" rel="noreferrer">{t('Peta', 'Map')}</a></>}
      </p>
      <p className="muted small">
        {stop.unitName} ({stop.vehicle}, {stop.plate}){showMpp && <> · {stop.mppName}</>}
      </p>
      <ul className="stop-services">{stop.services.slice(0, SHOWN).map((s) => <li key={s.id}>{s.name}</li>)}</ul>
      {stop.services.length > SHOWN && (
        <details className="stop-more">
          <summary>{t(`dan ${stop.services.length - SHOWN} layanan lain`, `and ${stop.services.length - SHOWN} more services`)}</summary>
          <ul className="stop-services">{stop.services.slice(SHOWN).map((s) => <li key={s.id}>{s.name}</li>)}</ul>
        </details>
      )}
      {stop.note && <p className="small">{stop.note}</p>}
      <div className="stop-actions">
        <span className={stop.free > 0 ? 'stop-free' : 'stop-full'}>
          {stop.free > 0 ? t(`Sisa ${stop.free} dari ${stop.capacity} tempat`, `${stop.free} of ${stop.capacity} places left`) : t('Penuh', 'Full')}
        </span>
        {bookable && stop.free > 0 && (
          <Link className="stop-book" to={`/keliling/${stop.mppId}/${stop.id}`} aria-label={t(`Booking persinggahan ${stop.localDate} di Kec. ${stop.kecamatanName}`, `Book the stop of ${stop.localDate} in Kec. ${stop.kecamatanName}`)}>
            {t('Booking', 'Book')}
          </Link>
        )}
      </div>
    </article>
  );
}
