import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import { serverRefused } from '../api/problem';
import { LanguageSwitch, useI18n } from '../i18n';
import { bearer, deviceToken, sendHeartbeat, startHeartbeat } from './device';
import './drivethru.css';
import { printTicket } from './kiosk-print';
import { closedReasonText } from './labels';
import { PrintedTicket } from './PrintedTicket';
import './queue.css';
import type { TicketView } from './types';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const DIGITS = '1234567890'.split('');
const IDLE_MS = 60_000;
const DONE_MS = 45_000;

/**
 * The drive-thru kiosk of one lane (/kios/:mppId/lajur/:zoneId): a screen at the car window, portrait
 * 1080x1920 or a 800x1280 tablet. The driver picks one of the lane's services, types the plate on big
 * keys (or, without a plate, a name) and gets a ticket naming the plate; nobody leaves the car. Sizes
 * follow the screen (drivethru.css), so both screens show every key without scrolling.
 */
export function DriveThruKioskPage() {
  const { mppId = '', zoneId = '' } = useParams();
  const { t } = useI18n();
  const token = useMemo(() => deviceToken('kiosk', mppId), [mppId]);
  const offerQuery = useApiQuery('/api/mpps/{mppId}/queue/zones/{zoneId}/offer', { params: { path: { mppId, zoneId } } }, { refetchInterval: 15_000 });
  const offer = offerQuery.data;
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [byName, setByName] = useState(false);
  const [text, setText] = useState('');
  const [ticket, setTicket] = useState<TicketView | null>(null);
  // A ticket changes nothing this screen has loaded: no reload after it.
  const taking = useApiMutation('post', '/api/mpps/{mppId}/queue/zones/{zoneId}/tickets', { invalidates: [] });
  const [printFailed, setPrintFailed] = useState(false);
  const idem = useRef<string | null>(null);
  const printerError = useRef<string | null | undefined>(undefined);

  useEffect(() => startHeartbeat(mppId, token, 'kios-lajur', () => printerError.current), [mppId, token]);
  // Back to the start after a while, so the next car does not see this one's plate.
  useEffect(() => {
    if (!ticket && !serviceId) return;
    let timer = setTimeout(reset, ticket ? DONE_MS : IDLE_MS);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(reset, ticket ? DONE_MS : IDLE_MS);
    };
    window.addEventListener('pointerdown', touched);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', touched);
    };
  }, [ticket, serviceId]);

  function reset() {
    setTicket(null);
    setServiceId(null);
    setByName(false);
    setText('');
    taking.reset();
    setPrintFailed(false);
    void offerQuery.refetch();
  }

  async function print() {
    const outcome = await printTicket(undefined, () => setPrintFailed(false));
    const next = outcome.ok ? null : outcome.reason;
    if (printerError.current !== next && !(printerError.current === undefined && next === null)) sendHeartbeat(mppId, token, 'kios-lajur', next);
    printerError.current = next;
    setPrintFailed(!outcome.ok);
  }

  function take() {
    if (!serviceId) return;
    idem.current ??= `lane-${crypto.randomUUID()}`;
    taking.mutate(
      {
        params: { path: { mppId, zoneId } },
        body: { serviceId, ...(byName ? { name: text.trim() } : { plate: text.trim() }) },
        headers: { ...bearer(token), 'idempotency-key': idem.current },
      },
      {
        onSuccess: (tk) => {
          idem.current = null;
          if (tk) setTicket(tk);
          setTimeout(() => void print(), 300);
        },
        onError: (e) => {
          if (serverRefused(e)) idem.current = null;
        },
      },
    );
  }

  const press = (key: string) => {
    taking.reset();
    setText((cur) => (cur.length >= (byName ? 40 : 12) ? cur : cur + key));
  };
  const chosen = offer?.services.find((s) => s.id === serviceId);

  return (
    <div className="drivethru">
      <header className="dt-header no-print">
        <div>
          <div className="dt-title">{offer?.zone.name ?? 'Drive-thru'}</div>
          <div className="dt-sub">{offer ? `${offer.mpp.name} · ` : ''}{t('Tetap di kendaraan Anda', 'Stay in your vehicle')}</div>
        </div>
        <LanguageSwitch />
      </header>
      {!token && <p className="dt-alert no-print">{t('Kios ini belum diaktifkan. Minta admin membuka halaman ini dengan token kios.', 'This kiosk is not set up. Ask an admin to open this page with a kiosk token.')}</p>}
      {taking.error ? (
        <WriteError error={taking.error} className="dt-alert no-print" />
      ) : (
        offerQuery.error && (
          <p className="dt-alert no-print" role="alert">
            {offerQuery.error.message}
          </p>
        )
      )}
      {offer && !offer.open && !ticket && <p className="dt-alert dt-closed no-print" role="status">{t(closedReasonText(offer.closedReason))}</p>}

      {ticket ? (
        <main className="dt-done">
          <div className="dt-card no-print" aria-label={t('Tiket Anda', 'Your ticket')}>
            <div className="dt-label">{t('Nomor antrean', 'Queue number')}</div>
            <div className="dt-number">{ticket.number}</div>
            <div className="dt-plate">{ticket.plate ?? ticket.holderName}</div>
            <div className="dt-service">{ticket.service.name}</div>
            <p className="dt-hint">
              {ticket.peopleAhead ? t(`${ticket.peopleAhead} kendaraan di depan Anda.`, `${ticket.peopleAhead} vehicles ahead of you.`) : t('Anda berikutnya.', 'You are next.')}{' '}
              {t('Maju ke jendela saat nomor dan pelat Anda dipanggil di layar.', 'Drive to the window when your number and plate are called on the screen.')}
            </p>
          </div>
          {printFailed && (
            <p className="dt-alert no-print" role="alert">
              {t(`Tiket gagal dicetak. Ingat nomor Anda: ${ticket.number}. Petugas jendela dapat mencetak ulang.`, `The ticket did not print. Remember your number: ${ticket.number}. The window officer can reprint it.`)}
            </p>
          )}
          <div className="dt-print">
            <PrintedTicket ticket={ticket} />
          </div>
          <button type="button" className="dt-button primary no-print" onClick={reset}>
            {t('Selesai', 'Done')}
          </button>
        </main>
      ) : !chosen ? (
        <main className="dt-step no-print">
          <h1>{t('Pilih layanan', 'Choose a service')}</h1>
          <div className="dt-services">
            {offerQuery.isPending && <p className="loading">{t('Memuat…', 'Loading…')}</p>}
            {(offer?.services ?? []).map((s) => (
              <button key={s.id} type="button" className="dt-button dt-service-button" disabled={!offer?.open} onClick={() => setServiceId(s.id)}>
                <span className="dt-service-name">{s.name}</span>
                <span className="dt-meta">
                  {t(`${s.waiting} kendaraan menunggu`, `${s.waiting} vehicles waiting`)}
                  {s.countersOpen === 0 && ` · ${t('jendela belum buka', 'window not open yet')}`}
                </span>
              </button>
            ))}
            {offer && offer.services.length === 0 && <p className="dt-alert">{t('Lajur ini belum punya jendela yang melayani.', 'This lane has no window serving yet.')}</p>}
          </div>
        </main>
      ) : (
        <main className="dt-step no-print">
          <div className="dt-chosen">{chosen.name}</div>
          <h1>{byName ? t('Nama Anda', 'Your name') : t('Nomor pelat kendaraan', 'Vehicle plate number')}</h1>
          <output className={`dt-field${byName ? ' dt-field-name' : ''}`} aria-live="polite" aria-label={byName ? t('Nama', 'Name') : t('Nomor pelat', 'Plate number')}>
            {text || <span className="dt-placeholder">{byName ? t('mis. Budi', 'e.g. Budi') : 'R 1234 AB'}</span>}
          </output>
          <div className="dt-keys" role="group" aria-label={t('Papan ketik', 'Keyboard')}>
            {[...(byName ? [] : DIGITS), ...LETTERS].map((k) => (
              <button key={k} type="button" className="dt-key" onClick={() => press(k)}>
                {k}
              </button>
            ))}
            <button type="button" className="dt-key dt-key-wide" onClick={() => press(' ')}>
              {t('Spasi', 'Space')}
            </button>
            <button type="button" className="dt-key dt-key-wide" onClick={() => setText((cur) => cur.slice(0, -1))}>
              ⌫ {t('Hapus', 'Delete')}
            </button>
          </div>
          <button type="button" className="dt-button primary" disabled={taking.isPending || text.trim().length < 2} onClick={take}>
            {taking.isPending ? t('Memproses…', 'Working…') : t('Ambil nomor antrean', 'Take a queue number')}
          </button>
          <div className="dt-row">
            <button
              type="button"
              className="dt-button"
              onClick={() => {
                setByName(!byName);
                setText('');
                taking.reset();
              }}
            >
              {byName ? t('Pakai nomor pelat', 'Use the plate number') : t('Tanpa pelat? Pakai nama', 'No plate? Use a name')}
            </button>
            <button type="button" className="dt-button" onClick={() => { setServiceId(null); setText(''); taking.reset(); }}>
              ← {t('Kembali', 'Back')}
            </button>
          </div>
        </main>
      )}
    </div>
  );
}
