import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { apiQuery } from '../api/client';
import { useI18n } from '../i18n';
import { dateTimeWithZone } from '../time';
import { pick, STATUS } from './labels';
import './applications.css';

/**
 * The citizen's applications inside "Layanan saya": what was applied for, where it stands, its due
 * date, each leading to its tracking page. Sharing documents happens in "Dokumen saya".
 */
export function MyApplicationsList() {
  const { t, lang } = useI18n();
  const apps = useQuery({ ...apiQuery('/api/citizen/me/applications'), refetchOnMount: 'always' });
  return (
    <section aria-labelledby="my-apps-title" data-testid="my-applications">
      <h2 id="my-apps-title">{t('Permohonan saya', 'My applications')}</h2>
      {apps.isPending && <p>{t('Memuat…', 'Loading…')}</p>}
      {apps.error && <p className="error" role="alert">{apps.error.message}</p>}
      {apps.data?.length === 0 && <p className="muted">{t('Belum ada permohonan dengan nomor atau email ini.', 'No applications under this number or email yet.')}</p>}
      {!!apps.data?.length && (
        <ul className="my-items">
          {apps.data.map((a) => (
            <li key={a.id} className="card my-item" data-testid="my-application-item">
              <p className="my-kind">{t('Permohonan', 'Application')} · <strong className="mono">{a.trackingCode}</strong></p>
              <h3>{a.serviceName}</h3>
              <p className="muted">{a.tenantName} · {a.mppName}</p>
              <p>
                {t('Status', 'Status')}: <span className={`app-status app-status-${a.status}`}>{pick(STATUS, a.status, t)}</span>
              </p>
              <p>
                {t('Batas waktu', 'Due')}: {dateTimeWithZone(a.dueAt, lang, a.timezone)}
                {a.overdue && <strong className="app-flag app-flag-overdue"> · {t('Terlambat', 'Overdue')}</strong>}
                {a.dueSoon && <strong className="app-flag app-flag-soon"> · {t('Segera jatuh tempo', 'Due soon')}</strong>}
              </p>
              {a.waitingForCitizen && (
                <p className="my-next">{a.status === 'ready' ? t('Dokumen Anda siap diambil.', 'Your document is ready to collect.') : t('Lengkapi persyaratan yang kurang.', 'Bring the missing requirements.')}</p>
              )}
              <Link to={`/permohonan/${a.trackingCode}`} className="button-link">{t('Lacak permohonan', 'Track the application')}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
