import { Link, useSearchParams } from 'react-router';
import { LoadState, useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { StopCard } from './StopCard';
import './mobile.css';

/** /keliling: the stops to come, by kecamatan (or of one MPP), with a calendar feed to subscribe to. */
export function MobilePublicPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kecamatan = params.get('kecamatan') ?? '';
  const mppId = params.get('mpp') ?? '';
  const list = useApiQuery('/api/mobile/kecamatan', { params: { query: mppId ? { mppId } : {} } });
  const query = { ...(kecamatan ? { kecamatan } : {}), ...(mppId ? { mppId } : {}) };
  const stops = useApiQuery('/api/mobile/stops', { params: { query: { ...query, limit: 20 } } });
  const chosen = list.data?.find((k) => k.code === kecamatan);
  const feed = `/api/mobile/stops.ics${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;
  const choose = (code: string) =>
    setParams((p) => {
      if (code) p.set('kecamatan', code);
      else p.delete('kecamatan');
      return p;
    });
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main mobile-public">
        <h1>{t('Layanan keliling', 'Mobile services')}</h1>
        <p className="muted">
          {t('Jadwal mobil layanan MPP di kecamatan dan desa. Booking tempat dengan NIK agar tidak perlu menunggu lama; kuota tiap persinggahan terbatas.', 'Where the MPP service vehicles stop, by kecamatan and village. Book a place with your NIK so you do not wait long; each stop has limited places.')}
        </p>
        <label htmlFor="kecamatan">{t('Kecamatan', 'Kecamatan')}</label>
        <select id="kecamatan" value={kecamatan} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('Semua kecamatan', 'All kecamatan')}</option>
          {(list.data ?? []).map((k) => (
            <option key={k.code} value={k.code}>{k.name}{k.regencyName ? ` (${k.regencyName})` : ''}</option>
          ))}
        </select>
        <h2>{chosen ? t(`Berikutnya di Kec. ${chosen.name}`, `Next in Kec. ${chosen.name}`) : t('Persinggahan berikutnya', 'Next stops')}</h2>
        <LoadState query={stops}>
          {(data) =>
            data.length === 0 ? (
              <p className="notice">{t('Belum ada jadwal layanan keliling di sini. Coba kecamatan lain atau datang ke gedung MPP.', 'No mobile service is scheduled here yet. Try another kecamatan or visit the MPP building.')}</p>
            ) : (
              <div className="stop-list">{data.map((s) => <StopCard key={s.id} stop={s} />)}</div>
            )
          }
        </LoadState>
        <p className="small">
          <a href={feed}>{t('Langganan jadwal ini di kalender ponsel (iCalendar)', 'Subscribe to this schedule in your phone calendar (iCalendar)')}</a>
          {' · '}
          <Link to="/">{t('Beranda', 'Home')}</Link>
        </p>
      </main>
    </>
  );
}
