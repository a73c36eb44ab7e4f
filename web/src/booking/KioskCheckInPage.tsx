import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { LanguageSwitch, useI18n } from '../i18n';
import { deviceToken } from '../queue/device';
import './booking.css';
import type { CheckInResult } from './views';

/** Check-in at the kiosk: scan the QR (a scanner types it) or type the booking code. */
export function KioskCheckInPage() {
  const { t } = useI18n();
  const { mppId = '' } = useParams();
  const [token] = useState(() => deviceToken('kiosk', mppId));
  const [code, setCode] = useState('');
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    try {
      setResult(await unwrap(client.POST('/api/mpps/{mppId}/booking/check-in', { params: { path: { mppId } }, body: { code }, headers: token ? { authorization: `Bearer ${token}` } : {} })));
    } catch (err) {
      setError(err instanceof ApiError ? [err.message, ...err.errors.map((x) => x.message)].join(' ') : String(err));
    } finally {
      setCode('');
      input.current?.focus();
    }
  }

  if (!token) return <main className="kiosk-checkin"><p className="error">{t('Kiosk ini belum didaftarkan. Minta admin membuka halaman ini dengan token perangkat.', 'This kiosk is not set up. Ask the admin to open this page with a device token.')}</p></main>;
  return (
    <main className="kiosk-checkin">
      <header><h1>{t('Check-in booking', 'Booking check-in')}</h1><LanguageSwitch /></header>
      <form onSubmit={submit}>
        <label htmlFor="kiosk-code">{t('Pindai QR atau ketik kode booking', 'Scan the QR or type the booking code')}</label>
        <input id="kiosk-code" ref={input} autoFocus autoCapitalize="characters" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
        <button className="primary" type="submit" disabled={code.trim().length < 8}>{t('Check-in', 'Check in')}</button>
      </form>
      {result && (
        <div className="kiosk-result" role="status">
          <p>{result.message}</p>
          <p className="ticket-number" data-testid="ticket-number">{result.ticket.number}</p>
          <p>{result.booking.serviceName} · {result.booking.name}</p>
        </div>
      )}
      {error && <p className="kiosk-error" role="alert">{error}</p>}
    </main>
  );
}
