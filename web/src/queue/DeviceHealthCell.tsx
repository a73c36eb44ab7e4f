import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../api/client';
import { useI18n } from '../i18n';
import './queue.css';

/**
 * One device's health for a table cell (the staff Devices page): online or offline with when it was
 * last seen, its app version and the printer's last error. All cells of a page share one request
 * (same query key), refreshed every 30 s. For MPP admins.
 */
export function DeviceHealthCell({ mppId, deviceId, timeZone }: { mppId: string; deviceId: string; timeZone?: string }) {
  const { t } = useI18n();
  const health = useQuery({ ...apiQuery('/api/mpps/{mppId}/queue/devices/health', { params: { path: { mppId } } }), refetchInterval: 30_000 });
  if (health.isPending) return <span className="muted">…</span>;
  if (health.isError) return <span className="muted">{t('Status tidak tersedia', 'Status unavailable')}</span>;
  const d = health.data.find((x) => x.deviceId === deviceId);
  if (!d) return <span className="muted">–</span>;
  const seen = d.lastSeenAt
    ? new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(d.lastSeenAt))
    : null;
  return (
    <span className="device-health">
      <span className={`dh-state ${d.online ? 'dh-online' : 'dh-offline'}`}>{d.online ? t('Terhubung', 'Online') : t('Tidak terhubung', 'Offline')}</span>
      <span className="dh-meta">
        {seen ? `${t('terakhir', 'last seen')} ${seen}` : t('belum pernah terhubung', 'never connected')}
        {d.appVersion && ` · v${d.appVersion}`}
      </span>
      {d.printerError && (
        <span className="dh-printer" role="status">
          {t('Printer', 'Printer')}: {d.printerError}
        </span>
      )}
    </span>
  );
}
