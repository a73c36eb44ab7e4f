import { useState } from 'react';
import { LoadState, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import { useCurrentMpp } from '../current-mpp';
import { useI18n, type Bilingual } from '../i18n';
import { clockTimeWithZone } from '../time';
import './operations.css';

type Kind = 'ticket' | 'booking' | 'complaint' | 'survey';
const KINDS: { kind: Kind; label: Bilingual }[] = [
  { kind: 'ticket', label: { id: 'Tiket antrean', en: 'Queue tickets' } },
  { kind: 'booking', label: { id: 'Booking', en: 'Bookings' } },
  { kind: 'complaint', label: { id: 'Pengaduan', en: 'Complaints' } },
  { kind: 'survey', label: { id: 'Survei kepuasan', en: 'Satisfaction survey' } },
];

/** Webhooks for integrators: subscriptions, the signing secret shown once, the delivery log with replay. */
export function WebhooksPage() {
  const { t } = useI18n();
  const { mppId, mpp } = useCurrentMpp();
  const zone = mpp?.timezone ?? 'Asia/Jakarta';
  const hooks = useApiQuery('/api/mpps/{mppId}/webhooks', mppId ? { params: { path: { mppId } } } : null);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [kinds, setKinds] = useState<Kind[]>(['ticket']);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const create = useApiMutation('post', '/api/mpps/{mppId}/webhooks', { onSuccess: (d) => d && setSecret({ url: d.url, secret: d.secret }) });
  const remove = useApiMutation('delete', '/api/mpps/{mppId}/webhooks/{webhookId}');
  const replay = useApiMutation('post', '/api/mpps/{mppId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay');
  const deliveries = useApiQuery('/api/mpps/{mppId}/webhooks/{webhookId}/deliveries', mppId && open ? { params: { path: { mppId, webhookId: open } } } : null, { refetchInterval: 5000 });
  if (!mppId) return <p className="notice">{t('Pilih MPP terlebih dahulu.', 'Choose an MPP first.')}</p>;
  const statusLabel = { pending: t('menunggu', 'pending'), delivered: t('terkirim', 'delivered'), failed: t('gagal', 'failed') };
  return (
    <section className="ops-stats ops-webhooks">
      <h1>{t('Webhook', 'Webhooks')}</h1>
      <p className="muted">
        {t(
          'Layan mengirim peristiwa MPP ke sistem Anda (POST JSON). Setiap kiriman ditandatangani: X-Layan-Signature = "t=<detik>,v1=<HMAC-SHA256 hex dari `<t>.<isi>`>" dengan rahasia langganan. Kiriman yang gagal diulang dengan jeda yang makin panjang.',
          'Layan sends the MPP’s events to your system (POST JSON). Every delivery is signed: X-Layan-Signature = "t=<seconds>,v1=<hex HMAC-SHA256 of `<t>.<body>`>" with the subscription’s secret. Failed deliveries are retried with growing delays.',
        )}
      </p>
      <section className="card">
        <h2>{t('Langganan baru', 'New subscription')}</h2>
        <form
          className="ops-filters"
          onSubmit={(e) => {
            e.preventDefault();
            setSecret(null);
            create.mutate({ params: { path: { mppId } }, body: { url, description, events: kinds } });
          }}
        >
          <label>
            {t('Alamat (URL)', 'Address (URL)')}
            <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" size={40} />
          </label>
          <label>
            {t('Keterangan', 'Description')}
            <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} />
          </label>
          <fieldset className="ops-kinds">
            <legend>{t('Peristiwa', 'Events')}</legend>
            {KINDS.map((k) => (
              <label key={k.kind} className="ops-check">
                <input type="checkbox" checked={kinds.includes(k.kind)} onChange={(e) => setKinds((cur) => (e.target.checked ? [...cur, k.kind] : cur.filter((x) => x !== k.kind)))} /> {t(k.label)}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={create.isPending}>
            {t('Tambah', 'Add')}
          </button>
        </form>
        <WriteError error={create.error ?? remove.error ?? replay.error} />
        {secret && (
          <div className="notice" role="status">
            <strong>{t('Rahasia penandatangan (hanya ditampilkan sekali):', 'Signing secret (shown only once):')}</strong> <code data-testid="webhook-secret">{secret.secret}</code>
            <br />
            <span className="muted">{secret.url}</span>
          </div>
        )}
      </section>
      <section className="card">
        <h2>{t('Langganan', 'Subscriptions')}</h2>
        <LoadState query={hooks} empty={(d) => d.length === 0}>
          {(list) => (
            <table className="ops-table ops-hooks">
              <thead>
                <tr>
                  <th>{t('Alamat', 'Address')}</th>
                  <th>{t('Peristiwa', 'Events')}</th>
                  <th className="num">{t('Terkirim', 'Delivered')}</th>
                  <th className="num">{t('Menunggu', 'Pending')}</th>
                  <th className="num">{t('Gagal', 'Failed')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((h) => (
                  <tr key={h.id} className={open === h.id ? 'ops-selected' : undefined}>
                    <td className="ops-name">
                      <span>{h.url}</span>
                      {h.description && <span className="muted ops-sub">{h.description}</span>}
                    </td>
                    <td>{h.events.map((e) => t(KINDS.find((k) => k.kind === e)!.label)).join(', ')}</td>
                    <td className="num">{h.delivered}</td>
                    <td className="num">{h.pending}</td>
                    <td className="num">{h.failed}</td>
                    <td className="num">
                      <button type="button" className="link" onClick={() => setOpen(open === h.id ? null : h.id)}>
                        {t('Log kiriman', 'Delivery log')}
                      </button>{' '}
                      <button type="button" className="link danger" onClick={() => window.confirm(t('Hentikan langganan ini?', 'Stop this subscription?')) && remove.mutate({ params: { path: { mppId, webhookId: h.id } } })}>
                        {t('Hentikan', 'Stop')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </LoadState>
      </section>
      {open && (
        <section className="card">
          <h2>{t('Log kiriman', 'Delivery log')}</h2>
          <LoadState query={deliveries} empty={(d) => d.length === 0}>
            {(log) => (
              <table className="ops-table ops-deliveries">
                <thead>
                  <tr>
                    <th>{t('Peristiwa', 'Event')}</th>
                    <th>{t('Status', 'Status')}</th>
                    <th className="num">{t('Percobaan', 'Attempts')}</th>
                    <th>{t('Jawaban terakhir', 'Last answer')}</th>
                    <th>{t('Waktu', 'Time')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {log.map((d) => (
                    <tr key={d.id} className={d.status === 'failed' ? 'ops-risk' : undefined}>
                      <td className="ops-name">
                        <span>{d.eventType}</span>
                        <span className="muted ops-sub">
                          {d.eventId}
                          {d.replayOf ? ` · ${t('kirim ulang', 'replay')}` : ''}
                        </span>
                      </td>
                      <td>{statusLabel[d.status]}</td>
                      <td className="num">{d.attempts}</td>
                      <td>{d.lastStatusCode ?? d.lastError ?? '–'}</td>
                      <td>{clockTimeWithZone(d.lastAttemptAt ?? d.createdAt, zone)}</td>
                      <td className="num">
                        <button type="button" className="link" onClick={() => replay.mutate({ params: { path: { mppId, webhookId: open, deliveryId: d.id } } })}>
                          {t('Kirim ulang', 'Replay')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </LoadState>
        </section>
      )}
    </section>
  );
}
