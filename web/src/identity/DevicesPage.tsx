import { useState, type FormEvent } from 'react';
import { LoadState, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import type { ResponseOf } from '../api/types';
import { useI18n } from '../i18n';
import { useCurrentMpp } from '../current-mpp';
import { DeviceHealthCell } from '../queue/DeviceHealthCell';
import { dateTimeWithZone } from '../time';

type Device = ResponseOf<'/api/mpps/{mppId}/devices'>[number];

/** MPP admins issue and revoke the tokens of kiosks and display boards. */
export function DevicesPage() {
  const { t, lang } = useI18n();
  const { mppId: current, mpp } = useCurrentMpp();
  const mppId = current ?? '';
  const devices = useApiQuery('/api/mpps/{mppId}/devices', current ? { params: { path: { mppId: current } } } : null);
  const issue = useApiMutation('post', '/api/mpps/{mppId}/devices', { invalidates: ['/api/mpps/{mppId}/devices', '/api/mpps/{mppId}/queue/devices/health'] });
  const revokeToken = useApiMutation('delete', '/api/mpps/{mppId}/devices/{deviceId}', { invalidates: ['/api/mpps/{mppId}/devices', '/api/mpps/{mppId}/queue/devices/health'] });
  const [kind, setKind] = useState<'kiosk' | 'display'>('kiosk');
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  // In the MPP's zone, like the health cell beside it (not the browser's zone).
  const fmt = (iso: string | null) => dateTimeWithZone(iso, lang, mpp?.timezone ?? 'Asia/Jakarta');

  function create(e: FormEvent) {
    e.preventDefault();
    revokeToken.reset();
    issue.mutate({ params: { path: { mppId } }, body: { kind, name } }, {
      onSuccess: (d) => {
        if (d) setIssued({ name: d.name, token: d.token });
        setName('');
      },
    });
  }

  function revoke(d: Device) {
    if (!window.confirm(t(`Cabut token "${d.name}"? Perangkat itu langsung berhenti bekerja.`, `Revoke "${d.name}"? The device stops working at once.`))) return;
    issue.reset();
    revokeToken.mutate({ params: { path: { mppId, deviceId: d.id } } });
  }

  return (
    <section>
      <h1>{t('Perangkat kios dan layar', 'Kiosks and display boards')}</h1>
      <p className="muted">{t('Setiap kios dan layar antrean memakai token sendiri yang hanya berlaku di MPP ini. Token ditampilkan sekali.', 'Each kiosk and queue display uses its own token, valid only at this MPP. A token is shown once.')}</p>
      <WriteError error={issue.error ?? revokeToken.error} />
      {issued && (
        <div className="notice" role="status">
          <strong>{t('Token untuk', 'Token for')} {issued.name}:</strong> <code className="token">{issued.token}</code>
          <p>{t('Salin sekarang dan masukkan di perangkat; token ini tidak akan ditampilkan lagi.', 'Copy it now and enter it on the device; it will not be shown again.')}</p>
        </div>
      )}
      <LoadState query={devices}>
        {(list) => (
      <table className="data">
        <thead><tr><th>{t('Nama', 'Name')}</th><th>{t('Jenis', 'Kind')}</th><th>{t('Dibuat', 'Created')}</th><th>{t('Terakhir dipakai', 'Last used')}</th><th>{t('Status', 'Status')}</th><th>{t('Kondisi', 'Health')}</th><th /></tr></thead>
        <tbody>
          {list.map((d) => (
            <tr key={d.id}>
              <td>{d.name}</td>
              <td>{d.kind === 'kiosk' ? t('Kios', 'Kiosk') : t('Layar', 'Display')}</td>
              <td>{fmt(d.createdAt)}</td>
              <td>{fmt(d.lastUsedAt)}</td>
              <td>{d.revokedAt ? t('Dicabut', 'Revoked') : t('Aktif', 'Active')}</td>
              <td>{d.revokedAt ? '–' : <DeviceHealthCell mppId={mppId} deviceId={d.id} timeZone={mpp?.timezone ?? 'Asia/Jakarta'} />}</td>
              <td>{!d.revokedAt && <button type="button" onClick={() => revoke(d)}>{t('Cabut', 'Revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
        )}
      </LoadState>
      <h2>{t('Terbitkan token baru', 'Issue a new token')}</h2>
      <form className="grid-form" onSubmit={create}>
        <label>{t('Jenis', 'Kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as 'kiosk' | 'display')}>
            <option value="kiosk">{t('Kios ambil antrean', 'Ticket kiosk')}</option>
            <option value="display">{t('Layar antrean', 'Queue display')}</option>
          </select>
        </label>
        <label>{t('Nama perangkat', 'Device name')}<input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder={t('mis. Kios Lobi Utara', 'e.g. North lobby kiosk')} /></label>
        <button type="submit" className="primary">{t('Terbitkan', 'Issue')}</button>
      </form>
    </section>
  );
}
