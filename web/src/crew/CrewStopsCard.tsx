import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { apiQuery } from '../api/client';
import { useI18n } from '../i18n';
import { longDay } from '../time';
import './crew.css';

/** On the staff home of a crew member: the stops of their mobile unit, each opening its offline queue. */
export function CrewStopsCard() {
  const { t, lang } = useI18n();
  const stops = useQuery(apiQuery('/api/crew/stops'));
  if (!stops.data?.length) return null;
  return (
    <div className="card">
      <h2>{t('Layanan keliling Anda', 'Your mobile service')}</h2>
      <ul className="crew-stops">
        {stops.data.map((s) => (
          <li key={s.id}>
            <Link to={`/kru/${s.mppId}/${s.id}`}>
              {t('Antrean', 'Queue')} {s.villageName ?? s.kecamatanName}
            </Link>
            <span className="muted"> · {s.unitName} · {longDay(s.localDay, lang)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
