import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { client, unwrap } from '../api/client';
import type { ResponseOf } from '../api/types';
import { ApiError } from '../api/problem';
import { LanguageSwitch, useI18n } from '../i18n';
import { bearer, deviceToken } from './device';
import { useKioskPrinter } from './kiosk-print';
import { PrintedTicket } from './PrintedTicket';
import './queue.css';

type CheckInResult = ResponseOf<'/api/mpps/{mppId}/booking/check-in', 'post'>;

/** After the ticket is shown, the kiosk goes back to its start for the next person. */
export const CHECKIN_DONE_MS = 20_000;
/** Without a touch or a scan for this long, any state of the page goes back to the start. */
export const CHECKIN_IDLE_MS = 60_000;

/**
 * Booking check-in at the kiosk (1080x1920): scan the booking's QR (a scanner types it) or type the
 * code; the ticket prints with its status QR and survey code, as a walk-in ticket does, and the kiosk
 * returns to its start screen. Nothing of one person stays for the next: the page shows no name, and it
 * leaves after CHECKIN_DONE_MS with a ticket, or after CHECKIN_IDLE_MS of nobody touching it. A print the
 * browser saw fail is said on screen and reported in the heartbeat, like the ticket kiosk's.
 */
export function KioskCheckInPage() {
  const { t } = useI18n();
  const { mppId = '' } = useParams();
  const navigate = useNavigate();
  const [token] = useState(() => deviceToken('kiosk', mppId));
  const [code, setCode] = useState('');
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { printFailed, setPrintFailed, print } = useKioskPrinter(mppId, token, 'kios-booking');
  const input = useRef<HTMLInputElement>(null);
  const start = `/kios/${mppId}`;
  const paper = new URLSearchParams(window.location.search).get('kertas') === '58' ? 'paper-58' : 'paper-80';

  // Back to the start: soon after a ticket, or after a minute of nobody touching or scanning.
  useEffect(() => {
    const wait = result && !printFailed ? CHECKIN_DONE_MS : CHECKIN_IDLE_MS;
    let timer = setTimeout(() => navigate(start), wait);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(() => navigate(start), wait);
    };
    window.addEventListener('pointerdown', touched);
    window.addEventListener('keydown', touched);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', touched);
      window.removeEventListener('keydown', touched);
    };
  }, [result, printFailed, navigate, start]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    setPrintFailed(null);
    setBusy(true);
    try {
      setResult(await unwrap(client.POST('/api/mpps/{mppId}/booking/check-in', { params: { path: { mppId } }, body: { code }, headers: bearer(token) })));
      setTimeout(() => void print(), 300);
    } catch (err) {
      setError(err instanceof ApiError ? [err.message, ...err.errors.map((x) => x.message)].join(' ') : t('Tidak tersambung ke server. Coba lagi.', 'No connection to the server. Try again.'));
    } finally {
      setCode('');
      setBusy(false);
      input.current?.focus();
    }
  }

  if (!token) return <main className="kiosk kiosk-checkin"><p className="kiosk-error">{t('Kiosk ini belum didaftarkan. Minta admin membuka halaman ini dengan token perangkat.', 'This kiosk is not set up. Ask the admin to open this page with a device token.')}</p></main>;
  return (
    <div className={`kiosk kiosk-kiosk kiosk-checkin ${paper}`}>
      <header className="kiosk-header no-print">
        <div>
          <div className="kiosk-title">{t('Check-in booking', 'Booking check-in')}</div>
          <div className="kiosk-sub">{t('Nomor antrean untuk jadwal booking Anda', 'A queue number for your booking')}</div>
        </div>
        <div className="kiosk-header-tools">
          <LanguageSwitch />
        </div>
      </header>
      {result ? (
        <div className="kiosk-done">
          <PrintedTicket ticket={result.ticket} />
          <div className="kiosk-actions no-print">
            <p className="kiosk-done-text" role="status">{result.message}</p>
            {printFailed && (
              <div className="kiosk-error kiosk-print-failed" role="alert">
                {t(`Tiket gagal dicetak. Catat nomor Anda: ${result.ticket.number}. Petugas loket dapat mencetak ulang tiket ini.`, `The ticket did not print. Note your number: ${result.ticket.number}. A counter officer can reprint it.`)}
              </div>
            )}
            <button type="button" className="kiosk-button" onClick={() => void print()}>
              {t('Cetak ulang', 'Print again')}
            </button>
            <Link className="kiosk-button primary" to={start}>
              {t('Selesai', 'Done')}
            </Link>
          </div>
        </div>
      ) : (
        <div className="kiosk-step no-print">
          <form className="kiosk-checkin-form" onSubmit={submit}>
            <label htmlFor="kiosk-code">{t('Pindai QR atau ketik kode booking', 'Scan the QR or type the booking code')}</label>
            <input id="kiosk-code" ref={input} autoFocus autoCapitalize="characters" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
            <button className="kiosk-button primary" type="submit" disabled={busy || code.trim().length < 8}>
              {t('Check-in', 'Check in')}
            </button>
          </form>
          {error && <p className="kiosk-error" role="alert">{error}</p>}
          <Link className="kiosk-button back" to={start}>
            ← {t('Kembali ke awal', 'Back to the start')}
          </Link>
        </div>
      )}
    </div>
  );
}
