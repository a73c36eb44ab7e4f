import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiQuery, client, unwrap } from '../../api/client';
import { useI18n } from '../../i18n';
import type { SetupPanelProps } from './QueueSetupPage';
import { counterLabel, errorText } from './data';

const ZONES = '/api/mpps/{mppId}/queue/zones';

/**
 * Zones and drive-thru lanes: which counters and which kiosks/boards belong to each. A lane's counters
 * call only the lane's tickets; its kiosk issues by plate and its board shows only its calls
 * (docs/floor.md, "Drive-thru").
 */
export function ZonesTab({ mppId, setup }: SetupPanelProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const zones = useQuery(apiQuery(ZONES, { params: { path: { mppId } } }));
  const devices = useQuery(apiQuery('/api/mpps/{mppId}/queue/devices/health', { params: { path: { mppId } } }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: [ZONES] });
  const [draft, setDraft] = useState({ code: '', name: '', kind: 'drive_thru' as 'hall' | 'drive_thru' });
  const create = useMutation({
    mutationFn: () => unwrap(client.POST(ZONES, { params: { path: { mppId } }, body: draft })),
    onSuccess: () => {
      setDraft({ code: '', name: '', kind: 'drive_thru' });
      void refresh();
    },
  });
  const counterZone = useMutation({
    mutationFn: (p: { counterId: string; zoneId: string | null }) =>
      unwrap(client.PUT('/api/mpps/{mppId}/queue/counters/{counterId}/zone', { params: { path: { mppId, counterId: p.counterId } }, body: { zoneId: p.zoneId } })),
    onSuccess: () => void refresh(),
  });
  const deviceZone = useMutation({
    mutationFn: (p: { deviceId: string; zoneId: string | null }) =>
      unwrap(client.PUT('/api/mpps/{mppId}/queue/devices/{deviceId}/zone', { params: { path: { mppId, deviceId: p.deviceId } }, body: { zoneId: p.zoneId } })),
    onSuccess: () => void refresh(),
  });
  if (zones.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (zones.isError) return <p className="error" role="alert">{zones.error.message}</p>;
  const error = create.error ?? counterZone.error ?? deviceZone.error;
  const placed = new Set(zones.data.flatMap((z) => z.counters.map((c) => c.id)));
  const free = setup.counters.filter((c) => !placed.has(c.id));
  const activeDevices = (devices.data ?? []).filter((d) => !d.revoked);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section className="zones-tab">
      <p className="muted">
        {t(
          'Lajur drive-thru punya antrean sendiri: jendelanya hanya memanggil tiket lajur itu, kiosnya mencetak tiket dengan nomor pelat, layarnya hanya menampilkan panggilan lajur itu.',
          "A drive-thru lane has its own line: its windows call only the lane's tickets, its kiosk prints tickets with the plate number, its board shows only the lane's calls.",
        )}
      </p>
      {error && (
        <p className="error" role="alert">
          {errorText(error)}
        </p>
      )}
      <ul className="zone-list">
        {zones.data.map((z) => (
          <li key={z.id} className="card zone-card">
            <h3>
              {z.name} <span className="muted">({z.code} · {z.kind === 'drive_thru' ? t('lajur drive-thru', 'drive-thru lane') : t('zona ruang tunggu', 'hall zone')})</span>
            </h3>
            <p className="zone-links">
              {z.kind === 'drive_thru' && (
                <a href={`/kios/${mppId}/lajur/${z.id}`} target="_blank" rel="noreferrer">
                  {t('Buka kios lajur', 'Open the lane kiosk')}
                </a>
              )}
              <a href={`/layar/${mppId}?zona=${z.code}`} target="_blank" rel="noreferrer">
                {t('Buka layar zona', 'Open the zone board')}
              </a>
            </p>
            <div className="zone-row">
              <strong>{t('Loket/jendela', 'Counters/windows')}:</strong>
              {z.counters.length === 0 && <span className="muted">{t('belum ada', 'none yet')}</span>}
              {z.counters.map((c) => (
                <span key={c.id} className="zone-chip">
                  {counterLabel(c, t)}
                  <button type="button" aria-label={t(`Keluarkan ${c.name} dari zona`, `Remove ${c.name} from the zone`)} onClick={() => counterZone.mutate({ counterId: c.id, zoneId: null })}>
                    ✕
                  </button>
                </span>
              ))}
              <select aria-label={t(`Tambah loket ke ${z.name}`, `Add a counter to ${z.name}`)} value="" onChange={(e) => e.target.value && counterZone.mutate({ counterId: e.target.value, zoneId: z.id })}>
                <option value="">+ {t('Tambah loket', 'Add a counter')}</option>
                {free.map((c) => (
                  <option key={c.id} value={c.id}>
                    {counterLabel(c, t)} · {c.tenantName}
                  </option>
                ))}
              </select>
            </div>
            <div className="zone-row">
              <strong>{t('Perangkat', 'Devices')}:</strong>
              {activeDevices.filter((d) => z.deviceIds.includes(d.deviceId)).map((d) => (
                <span key={d.deviceId} className="zone-chip">
                  {d.name} ({d.kind === 'kiosk' ? t('kios', 'kiosk') : t('layar', 'board')})
                  <button type="button" aria-label={t(`Lepaskan ${d.name}`, `Unbind ${d.name}`)} onClick={() => deviceZone.mutate({ deviceId: d.deviceId, zoneId: null })}>
                    ✕
                  </button>
                </span>
              ))}
              <select aria-label={t(`Pasang perangkat di ${z.name}`, `Bind a device to ${z.name}`)} value="" onChange={(e) => e.target.value && deviceZone.mutate({ deviceId: e.target.value, zoneId: z.id })}>
                <option value="">+ {t('Pasang perangkat', 'Bind a device')}</option>
                {activeDevices.filter((d) => !z.deviceIds.includes(d.deviceId)).map((d) => (
                  <option key={d.deviceId} value={d.deviceId}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          </li>
        ))}
      </ul>
      <form className="card zone-form" onSubmit={submit}>
        <h3>{t('Zona atau lajur baru', 'New zone or lane')}</h3>
        <label>
          {t('Nama', 'Name')}
          <input value={draft.name} required minLength={2} maxLength={80} placeholder="Drive-thru SIM" onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <label>
          {t('Kode (untuk alamat layar)', 'Code (for the board address)')}
          <input value={draft.code} required pattern="[a-z0-9-]{1,30}" placeholder="sim-dt" onChange={(e) => setDraft({ ...draft, code: e.target.value })} />
        </label>
        <label>
          {t('Jenis', 'Kind')}
          <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as 'hall' | 'drive_thru' })}>
            <option value="drive_thru">{t('Lajur drive-thru', 'Drive-thru lane')}</option>
            <option value="hall">{t('Zona ruang tunggu', 'Hall zone')}</option>
          </select>
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('Tambah', 'Add')}
        </button>
      </form>
    </section>
  );
}
