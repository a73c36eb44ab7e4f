import { Link } from 'react-router';
import { WEEKDAYS } from '../../catalog/format';
import { useCurrentMpp } from '../../current-mpp';
import { useI18n } from '../../i18n';
import { zoneAbbr } from '../../time';

/** The weekly hours the queue runs on (tickets are issued only while the MPP is open); edited in the catalog profile. */
export function HoursTab() {
  const { t } = useI18n();
  const { mpp } = useCurrentMpp();
  if (!mpp) return null;
  return (
    <>
      <p className="muted">
        {t('Kios dan antrean online hanya mengeluarkan nomor selama jam layanan ini.', 'The kiosk and the online queue issue numbers only within these hours.')}{' '}
        <Link to="/staf/katalog?tab=profil">{t('Ubah jam layanan', 'Change the hours')}</Link> · <Link to="/staf/kalender">{t('Libur dan penutupan', 'Holidays and closures')}</Link>
      </p>
      <table className="qs-table" aria-label={t('Jam layanan mingguan', 'Weekly hours')}>
        <thead>
          <tr>
            <th>{t('Hari', 'Day')}</th>
            <th>{t('Buka', 'Opens')} ({zoneAbbr(mpp.timezone)})</th>
            <th>{t('Tutup', 'Closes')}</th>
            <th>{t('Istirahat', 'Break')}</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((d, i) => {
            const h = mpp.weeklyHours[String(i + 1) as '1'];
            return (
              <tr key={d.id}>
                <td>{t(d)}</td>
                {h ? (
                  <>
                    <td>{h.opens}</td>
                    <td>{h.closes}</td>
                    <td>{h.breaks.map((b) => `${b.start}–${b.end} ${b.label}`).join(', ') || '—'}</td>
                  </>
                ) : (
                  <td colSpan={3} className="muted">{t('Tutup', 'Closed')}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
