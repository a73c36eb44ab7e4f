import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n';
import { clockTime, longDay, zoneAbbr } from '../time';
import './crew.css';
import { outcomeText } from './labels';
import { ticketLabel, type LocalTicket } from './local-queue';
import { keepShellOffline } from './pwa';
import { useStopSync } from './use-stop-sync';

/**
 * The queue at a mobile-service stop, on the crew's phone or tablet. Works with no network: the stop
 * pack and every tap are kept on the device and sent when the network returns (docs/mobile-crew.md).
 */
export function CrewStopPage() {
  const { mppId = '', stopId = '' } = useParams();
  const { t, lang } = useI18n();
  const s = useStopSync(mppId, stopId);
  const [shellReady, setShellReady] = useState(false);
  const [lastIssued, setLastIssued] = useState<number | null>(null);

  useEffect(() => {
    let link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (!link) {
      link = document.createElement('link');
      link.rel = 'manifest';
      link.href = '/crew.webmanifest';
      document.head.appendChild(link);
    }
    void keepShellOffline().then(setShellReady, () => setShellReady(false));
  }, []);

  if (!s.pack) {
    return (
      <main className="crew-page">
        <p className={s.error ? 'error' : 'loading'} role={s.error ? 'alert' : 'status'}>
          {s.error ?? (s.online ? t('Mengunduh paket pemberhentian…', 'Downloading the stop pack…') : t('Paket pemberhentian belum ada di perangkat ini. Sambungkan ke internet sekali untuk mengunduhnya.', 'This device has no stop pack yet. Connect once to download it.'))}
        </p>
        <p><Link to="/staf">{t('Kembali ke beranda staf', 'Back to the staff home')}</Link></p>
      </main>
    );
  }
  const { pack, queue } = s;
  const tz = pack.mpp.timezone;
  const serviceName = (id: string) => pack.services.find((x) => x.id === id)?.name ?? '';
  const bookingOf = (id: string | null) => (id ? pack.bookings.find((b) => b.id === id) : undefined);
  const called = queue!.tickets.filter((x) => x.status === 'called');
  const waitingTickets = queue!.tickets.filter((x) => x.status === 'waiting');
  const done = queue!.tickets.filter((x) => x.status === 'served' || x.status === 'no_show');
  const connected = s.online && !s.unreachable;

  const issue = async (serviceId: string) => {
    if (queue!.nextNumber === null) return;
    const number = queue!.nextNumber;
    await s.record({ type: 'ticket_issued', number, serviceId });
    setLastIssued(number);
  };
  const checkIn = async (bookingId: string) => {
    if (queue!.nextNumber === null) return;
    const number = queue!.nextNumber;
    await s.record({ type: 'booking_checked_in', number, bookingId });
    setLastIssued(number);
  };

  const ticketRow = (x: LocalTicket) => {
    const booking = bookingOf(x.bookingId);
    return (
      <li key={x.number} className="crew-ticket">
        <span className="crew-number">{ticketLabel(x.number)}</span>
        <span className="crew-who">
          {booking ? <strong>{booking.name}</strong> : <strong>{t('Walk-in', 'Walk-in')}</strong>}
          <span className="muted">{serviceName(x.serviceId)}</span>
        </span>
        <span className="crew-actions">
          {x.status === 'waiting' && (
            <button type="button" className="primary" onClick={() => void s.record({ type: 'called', number: x.number })}>
              {t('Panggil', 'Call')}
            </button>
          )}
          {x.status === 'called' && (
            <button type="button" className="primary" onClick={() => void s.record({ type: 'served', number: x.number })}>
              {t('Selesai dilayani', 'Served')}
            </button>
          )}
          <button type="button" onClick={() => void s.record({ type: 'no_show', number: x.number })}>
            {t('Tidak hadir', 'No-show')}
          </button>
        </span>
      </li>
    );
  };

  return (
    <main className="crew-page" data-shell-ready={shellReady ? 'true' : 'false'}>
      <header className="crew-head">
        <div>
          <h1>{pack.stop.villageName ?? pack.stop.kecamatanName}</h1>
          <p className="muted">
            {pack.stop.unitName} · {t('Kec.', 'Kec.')} {pack.stop.kecamatanName} · {longDay(pack.stop.localDay, lang)} {clockTime(pack.stop.startsAt, tz)}–{clockTime(pack.stop.endsAt, tz)} {zoneAbbr(tz)}
          </p>
        </div>
        <Link to="/staf" className="crew-home">{t('Beranda staf', 'Staff home')}</Link>
      </header>

      <section className={`crew-net ${connected ? 'is-online' : 'is-offline'}`} role="status" aria-live="polite">
        <strong>
          {connected
            ? s.waiting > 0
              ? t(`Daring — ${s.waiting} kejadian menunggu dikirim`, `Online — ${s.waiting} events waiting`)
              : t('Daring — semua tersinkron', 'Online — all synced')
            : t(`Luring — ${s.waiting} kejadian menunggu`, `Offline — ${s.waiting} events waiting`)}
        </strong>
        <span className="muted">
          {t(`Sisa nomor di perangkat ini: ${queue!.numbersLeft}`, `Numbers left on this device: ${queue!.numbersLeft}`)}
          {shellReady && <> · {t('siap dipakai tanpa sinyal', 'ready to work offline')}</>}
        </span>
        <button type="button" onClick={() => void s.syncNow()} disabled={!s.online || s.syncing}>
          {s.syncing ? t('Menyinkronkan…', 'Syncing…') : t('Sinkronkan sekarang', 'Sync now')}
        </button>
        {s.error && <p className="error" role="alert">{s.error}</p>}
      </section>

      {lastIssued !== null && (
        <p className="crew-issued" role="status">
          {t('Nomor antrean', 'Queue number')} <span className="crew-number big">{ticketLabel(lastIssued)}</span>
        </p>
      )}

      <div className="crew-grid">
        <section className="card">
          <h2>{t('Sedang dipanggil', 'Called')}</h2>
          {called.length === 0 ? <p className="muted">{t('Belum ada yang dipanggil.', 'Nobody called yet.')}</p> : <ul className="crew-list">{called.map(ticketRow)}</ul>}
          <h2>{t(`Menunggu (${waitingTickets.length})`, `Waiting (${waitingTickets.length})`)}</h2>
          {waitingTickets.length === 0 ? <p className="muted">{t('Tidak ada yang menunggu.', 'Nobody waiting.')}</p> : <ul className="crew-list">{waitingTickets.map(ticketRow)}</ul>}
        </section>

        <section className="card">
          <h2>{t('Tiket walk-in', 'Walk-in ticket')}</h2>
          {queue!.nextNumber === null && <p className="error">{t('Nomor perangkat ini habis. Sinkronkan saat ada sinyal untuk blok baru.', 'This device is out of numbers. Sync when online for a new block.')}</p>}
          <div className="crew-services">
            {pack.services.map((svc) => (
              <button key={svc.id} type="button" onClick={() => void issue(svc.id)} disabled={queue!.nextNumber === null}>
                {t('Ambil nomor', 'New ticket')}: {svc.name}
              </button>
            ))}
          </div>
          <Bookings pack={pack} status={queue!.bookingStatus} serviceName={serviceName} onCheckIn={(id) => void checkIn(id)} disabled={queue!.nextNumber === null} />
        </section>

        <section className="card">
          <h2>{t(`Selesai (${done.length})`, `Done (${done.length})`)}</h2>
          <ul className="crew-done">
            {done.map((x) => (
              <li key={x.number}>
                {ticketLabel(x.number)} · {bookingOf(x.bookingId)?.name ?? t('Walk-in', 'Walk-in')} · {x.status === 'served' ? t('dilayani', 'served') : t('tidak hadir', 'no-show')}
                {x.surveyCode && (
                  <span className="crew-survey">
                    {t('Kode survei', 'Survey code')} <strong>{x.surveyCode}</strong> ({t('isi di', 'fill in at')} /survei)
                  </span>
                )}
              </li>
            ))}
          </ul>
          {s.report.length > 0 && (
            <>
              <h2>{t('Laporan sinkronisasi', 'Sync report')}</h2>
              <ul className="crew-report">
                {s.report.map((o) => (
                  <li key={`${o.eventId}-${o.result}`} className={`result-${o.result}`}>
                    {t(outcomeText(o))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </main>
  );
}

function Bookings(props: {
  pack: NonNullable<ReturnType<typeof useStopSync>['pack']>;
  status: Map<string, string>;
  serviceName: (id: string) => string;
  onCheckIn: (id: string) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const [find, setFind] = useState('');
  const list = useMemo(() => {
    const q = find.trim().toLowerCase();
    return props.pack.bookings.filter((b) => !q || b.code.toLowerCase().includes(q) || b.name.toLowerCase().includes(q));
  }, [find, props.pack.bookings]);
  const statusName: Record<string, [string, string]> = {
    booked: ['belum datang', 'not arrived'],
    checked_in: ['sudah check-in', 'checked in'],
    served: ['dilayani', 'served'],
    no_show: ['tidak hadir', 'no-show'],
    cancelled: ['dibatalkan', 'cancelled'],
  };
  return (
    <>
      <h2>{t(`Booking (${props.pack.bookings.length})`, `Bookings (${props.pack.bookings.length})`)}</h2>
      <label htmlFor="crew-find">{t('Cari kode booking atau nama', 'Find a booking code or name')}</label>
      <input id="crew-find" value={find} onChange={(e) => setFind(e.target.value)} autoComplete="off" />
      <ul className="crew-bookings">
        {list.map((b) => {
          const st = props.status.get(b.id) ?? b.status;
          return (
            <li key={b.id}>
              <span className="crew-who">
                <strong>{b.name}</strong>
                <span className="muted">
                  {b.code} · NIK {b.nikMasked} · {props.serviceName(b.serviceId)} · {t(statusName[st]![0], statusName[st]![1])}
                </span>
              </span>
              {st === 'booked' && (
                <button type="button" className="primary" onClick={() => props.onCheckIn(b.id)} disabled={props.disabled}>
                  {t('Check-in', 'Check in')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
