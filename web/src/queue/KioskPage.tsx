import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api';
import { LanguageSwitch, useI18n } from '../i18n';
import { bearer, deviceToken } from './device';
import { PrintedTicket } from './PrintedTicket';
import './queue.css';
import type { QueueOffer, TicketView } from './types';

const REASONS: Record<string, [string, string]> = {
  before_opening: ['MPP belum buka', 'The MPP is not open yet'],
  on_break: ['Sedang istirahat', 'On a break'],
  after_closing: ['MPP sudah tutup', 'The MPP has closed'],
  closed_today: ['MPP libur hari ini', 'The MPP is closed today'],
};

/**
 * The ticket kiosk (portrait touch screen) and, with mode="online", the public same-day virtual ticket
 * page for phones. After a ticket is issued the kiosk prints it (print CSS for thermal paper).
 */
export function KioskPage({ mode = 'kiosk' }: { mode?: 'kiosk' | 'online' }) {
  const { mppId = '' } = useParams();
  const { t } = useI18n();
  const token = useMemo(() => (mode === 'kiosk' ? deviceToken('kiosk', mppId) : null), [mppId, mode]);
  const [offer, setOffer] = useState<QueueOffer | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [visitToken, setVisitToken] = useState<string | null>(null);
  const idem = useRef<string | null>(null);
  const paper = new URLSearchParams(window.location.search).get('kertas') === '58' ? 'paper-58' : 'paper-80';

  const load = useCallback(() => api<QueueOffer>(`/api/mpps/${mppId}/queue/offer`).then(setOffer, (e: ApiError) => setError(e.message)), [mppId]);
  useEffect(() => {
    void load();
    const timer = setInterval(load, 15_000);
    return () => clearInterval(timer);
  }, [load]);

  // Back to the start screen after a while, so the next person does not see this ticket.
  useEffect(() => {
    if (!ticket || mode !== 'kiosk') return;
    const timer = setTimeout(() => reset(), 45_000);
    return () => clearTimeout(timer);
  }, [ticket]);

  function reset() {
    setTicket(null);
    setServiceId(null);
    setError(null);
    setVisitToken(null);
    void load();
  }

  async function take(priorityClassId: string | null) {
    if (!serviceId) return;
    setBusy(true);
    setError(null);
    // One key per press: a network retry of the same press returns the same ticket.
    idem.current ??= `${mode}-${crypto.randomUUID()}`;
    try {
      const path = mode === 'kiosk' ? 'tickets' : 'online-tickets';
      const tk = await api<TicketView>(`/api/mpps/${mppId}/queue/${path}`, {
        body: { serviceId, priorityClassId, ...(visitToken ? { visitToken } : {}) },
        headers: { ...bearer(token), 'idempotency-key': idem.current },
      });
      idem.current = null;
      setTicket(tk);
      if (mode === 'kiosk') setTimeout(() => window.print(), 300);
    } catch (e) {
      idem.current = e instanceof ApiError ? null : idem.current;
      setError(e instanceof ApiError ? e.message : t('Tidak tersambung ke server. Coba lagi.', 'No connection to the server. Try again.'));
    } finally {
      setBusy(false);
    }
  }

  const byTenant = new Map<string, QueueOffer['services']>();
  for (const s of offer?.services ?? []) byTenant.set(s.tenantName, [...(byTenant.get(s.tenantName) ?? []), s]);
  const chosen = offer?.services.find((s) => s.id === serviceId);

  return (
    <div className={`kiosk kiosk-${mode} ${paper}`}>
      <header className="kiosk-header no-print">
        <div>
          <div className="kiosk-title">{offer?.mpp.name ?? 'Layan'}</div>
          <div className="kiosk-sub">{mode === 'kiosk' ? t('Ambil nomor antrean', 'Take a queue number') : t('Antrean online hari ini', "Today's online queue")}</div>
        </div>
        <LanguageSwitch />
      </header>

      {mode === 'kiosk' && !token && <p className="kiosk-error no-print">{t('Kios ini belum diaktifkan. Minta admin membuka halaman ini dengan token kios.', 'This kiosk is not set up. Ask an admin to open this page with a kiosk token.')}</p>}
      {error && (
        <div className="kiosk-error no-print" role="alert">
          {error}
        </div>
      )}
      {offer && !offer.open && !ticket && (
        <div className="kiosk-closed no-print" role="status">
          <strong>{t(...(REASONS[offer.closedReason ?? ''] ?? ['MPP tutup', 'The MPP is closed']))}</strong>
          {offer.nextOpening && (
            <span>
              {' '}
              {t('Buka kembali', 'Opens again')}:{' '}
              {new Intl.DateTimeFormat('id-ID', { timeZone: offer.mpp.timezone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(offer.nextOpening))}
            </span>
          )}
        </div>
      )}

      {ticket ? (
        <div className="kiosk-done">
          <PrintedTicket ticket={ticket} />
          <div className="kiosk-actions no-print">
            <p className="kiosk-done-text">{mode === 'kiosk' ? t('Silakan ambil tiket Anda.', 'Please take your ticket.') : t('Simpan halaman status ini.', 'Keep this status page.')}</p>
            {mode === 'online' && (
              <a className="kiosk-button primary" href={`/antrean/${ticket.statusToken}`}>
                {t('Buka status antrean', 'Open queue status')}
              </a>
            )}
            <button type="button" className="kiosk-button" onClick={() => window.print()}>
              {t('Cetak ulang', 'Print again')}
            </button>
            <button
              type="button"
              className="kiosk-button"
              onClick={() => {
                const v = ticket.visitToken;
                reset();
                setVisitToken(v);
              }}
            >
              {t('Tambah layanan lain (kunjungan yang sama)', 'Add another service (same visit)')}
            </button>
            <button type="button" className="kiosk-button primary" onClick={reset}>
              {t('Selesai', 'Done')}
            </button>
          </div>
        </div>
      ) : chosen ? (
        <div className="kiosk-step no-print">
          <h1>{chosen.name}</h1>
          <p className="kiosk-lead">{t('Apakah Anda termasuk prioritas?', 'Do you have priority?')}</p>
          <div className="kiosk-grid">
            <button type="button" className="kiosk-button primary" disabled={busy} onClick={() => void take(null)}>
              {t('Tidak, antrean biasa', 'No, regular queue')}
            </button>
            {offer?.priorityClasses.map((c) => (
              <button key={c.id} type="button" className="kiosk-button priority" disabled={busy} onClick={() => void take(c.id)}>
                {c.name}
              </button>
            ))}
          </div>
          <button type="button" className="kiosk-button back" onClick={() => setServiceId(null)}>
            ← {t('Kembali', 'Back')}
          </button>
        </div>
      ) : (
        <div className="kiosk-step no-print">
          {visitToken && <p className="kiosk-lead">{t('Pilih layanan berikutnya untuk kunjungan yang sama.', 'Choose the next service for the same visit.')}</p>}
          {mode === 'kiosk' && !visitToken && (
            <Link className="kiosk-booking-link" to={`/kios/${mppId}/booking`}>
              <span className="kbl-main">{t('Sudah punya booking? Check-in', 'Already booked? Check in')}</span>
              <span className="kbl-sub">{t('Pindai kode QR atau ketik kode booking Anda', 'Scan your QR code or type your booking code')}</span>
            </Link>
          )}
          {[...byTenant.entries()].map(([tenant, services]) => (
            <section key={tenant} className="kiosk-tenant">
              <h2>{tenant}</h2>
              <div className="kiosk-grid">
                {services.map((s) => (
                  <button key={s.id} type="button" className="kiosk-service" disabled={!offer?.open || s.quotaLeft === 0} onClick={() => setServiceId(s.id)}>
                    <span className="ks-name">{s.name}</span>
                    <span className="ks-meta">
                      {t('Menunggu', 'Waiting')}: {s.waiting}
                      {s.quotaLeft !== null && ` · ${t('Sisa kuota', 'Quota left')}: ${s.quotaLeft}`}
                    </span>
                  </button>
                ))}
              </div>
            </section>
          ))}
          {offer && offer.services.length === 0 && <p>{t('Belum ada layanan yang dibuka untuk antrean.', 'No service takes tickets yet.')}</p>}
        </div>
      )}
    </div>
  );
}
