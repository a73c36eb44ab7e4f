import { Link } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n';
import { longDay, zoneAbbr } from '../time';
import './mobile.css';

/**
 * The next stops of one MPP on its public page: one line each, linking to the booking page. Kept
 * apart from the schedule page's cards so the MPP page's first load stays within the phone budget.
 */
export function MppMobileSection({ mppId }: { mppId: string }) {
  const { t, lang } = useI18n();
  const stops = useApiQuery('/api/mobile/stops', { params: { query: { mppId, limit: 3 } } });
  if (!stops.data?.length) return null;
  return (
    <section aria-labelledby="keliling">
      <h2 id="keliling">{t('Layanan keliling', 'Mobile services')}</h2>
      <ul className="plain mobile-next">
        {stops.data.map((s) => (
          <li key={s.id}>
            <Link to={`/keliling/${s.mppId}/${s.id}`}>
              {longDay(s.localDate, lang)}, {s.localStart}–{s.localEnd} {zoneAbbr(s.timezone)}: Kec. {s.kecamatanName}
            </Link>{' '}
            <span className="muted small">({s.free > 0 ? t(`sisa ${s.free} tempat`, `${s.free} places left`) : t('penuh', 'full')})</span>
          </li>
        ))}
      </ul>
      <p><Link to={`/keliling?mpp=${mppId}`}>{t('Semua jadwal layanan keliling MPP ini', "All of this MPP's mobile service stops")}</Link></p>
    </section>
  );
}
