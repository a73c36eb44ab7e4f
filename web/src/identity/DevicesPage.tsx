import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { useCurrentMpp } from '../current-mpp';
import { DeviceHealthCell } from '../queue/DeviceHealthCell';
import { dateTimeWithZone } from '../time';

interface Device {
  id: string;
  kind: 'kiosk' | 'display';
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** MPP admins issue and revoke the tokens of kiosks and display boards. */
export function DevicesPage() {
  const { t, lang } = useI18n();
  const { mppId: current, mpp } = useCurrentMpp();
  const mppId = current ?? '';
  const [devices, setDevices] = useState<Device[]>([]);
  const [kind, setKind] = useState<'kiosk' | 'display'>('kiosk');
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // In the MPP's zone, like the health cell beside it (not the browser's zone).
  const fmt = (iso: string | null) => dateTimeWithZone(iso, lang, mpp?.timezone ?? 'Asia/Jakarta');

  const load = () => {
    if (!mppId) return;
    api<Device[]>(`/api/mpps/${mppId}/devices`).then(setDevices, (e: ApiError) => setError(e.message));
  };
  useEffect(load, [mppId]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const d = await api<Device & { token: string }>(`/api/mpps/${mppId}/devices`, { body: { kind, name } });
      setIssued({ name: d.name, token: d.token });
      setName('');
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }

  async function revoke(d: Device) {
    if (!window.confirm(t(`Cabut token "${d.name}"? Perangkat itu langsung berhenti bekerja.`, `Revoke "${d.name}"? The device stops working at once.`))) return;
    await api(`/api/mpps/${mppId}/devices/${d.id}`, { method: 'DELETE' }).catch((e: ApiError) => setError(e.message));
    load();
  }

  return (
    <section>
      <h1>{t('Perangkat kios dan layar', 'Kiosks and display boards')}</h1>
      <p className="muted">{t('Setiap kios dan layar antrean memakai token sendiri yang hanya berlaku di MPP ini. Token ditampilkan sekali.', 'Each kiosk and queue display uses its own token, valid only at this MPP. A token is shown once.')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {issued && (
        <div className="notice" role="status">
          <strong>{t('Token untuk', 'Token for')} {issued.name}:</strong> <code className="token">{issued.token}</code>
          <p>{t('Salin sekarang dan masukkan di perangkat; token ini tidak akan ditampilkan lagi.', 'Copy it now and enter it on the device; it will not be shown again.')}</p>
        </div>
      )}
      <table className="data">
        <thead><tr><th>{t('Nama', 'Name')}</th><th>{t('Jenis', 'Kind')}</th><th>{t('Dibuat', 'Created')}</th><th>{t('Terakhir dipakai', 'Last used')}</th><th>{t('Status', 'Status')}</th><th>{t('Kondisi', 'Health')}</th><th /></tr></thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id}>
              <td>{d.name}</td>
              <td>{d.kind === 'kiosk' ? t('Kios', 'Kiosk') : t('Layar', 'Display')}</td>
              <td>{fmt(d.createdAt)}</td>
              <td>{fmt(d.lastUsedAt)}</td>
              <td>{d.revokedAt ? t('Dicabut', 'Revoked') : t('Aktif', 'Active')}</td>
              <td>{d.revokedAt ? '–' : <DeviceHealthCell mppId={mppId} deviceId={d.id} timeZone={mpp?.timezone ?? 'Asia/Jakarta'} />}</td>
              <td>{!d.revokedAt && <button type="button" onClick={() => void revoke(d)}>{t('Cabut', 'Revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
