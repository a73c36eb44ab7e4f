import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api';
import { LanguageSwitch, useI18n } from '../i18n';
import { bearer, deviceToken, startHeartbeat } from './device';
import { PrintedTicket } from './PrintedTicket';
import './queue.css';
import type { QueueOffer, TicketView } from './types';

const REASONS: Record<string, [string, string]> = {
  before_opening: ['MPP belum buka', 'The MPP is not open yet'],
  on_break: ['Sedang istirahat', 'On a break'],
  after_closing: ['MPP sudah tutup', 'The MPP has closed'],
  closed_today: ['MPP libur hari ini', 'The MPP is closed today'],
};

/** Services per page on the kiosk: two columns of nine fit 1080x1920 with room for the header. */
const KIOSK_PAGE = 18;
const KIOSK_IDLE_MS = 60_000;

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
  const [tenant, setTenant] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [visitToken, setVisitToken] = useState<string | null>(null);
  const idem = useRef<string | null>(null);
  const paper = new URLSearchParams(window.location.search).get('kertas') === '58' ? 'paper-58' : 'paper-80';

  useEffect(() => (mode === 'kiosk' ? startHeartbeat(mppId, token, 'kios') : undefined), [mode, mppId, token]);

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

  // Any screen returns to the start after a minute without a touch, so the next person starts fresh.
  useEffect(() => {
    if (mode !== 'kiosk' || ticket || (!tenant && !serviceId)) return;
    let timer = setTimeout(() => reset(), KIOSK_IDLE_MS);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reset(), KIOSK_IDLE_MS);
    };
    window.addEventListener('pointerdown', touched);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', touched);
    };
  }, [mode, ticket, tenant, serviceId]);

  function reset() {
    setTicket(null);
    setServiceId(null);
    setTenant(null);
    setPage(0);
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
  // The kiosk pages an agency's services so a 1080x1920 screen never scrolls; a phone lists them all.
  const perPage = mode === 'kiosk' ? KIOSK_PAGE : 1000;
  const agencyServices = tenant ? (byTenant.get(tenant) ?? []) : [];
  const pages = Math.max(1, Math.ceil(agencyServices.length / perPage));
  const pageServices = agencyServices.slice(page * perPage, (page + 1) * perPage);
  function choose(name: string | null) {
    setTenant(name);
    setPage(0);
  }

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
          {mode === 'kiosk' && !visitToken && !tenant && (
            <Link className="kiosk-booking-link" to={`/kios/${mppId}/booking`}>
              <span className="kbl-main">{t('Sudah punya booking? Check-in', 'Already booked? Check in')}</span>
              <span className="kbl-sub">{t('Pindai kode QR atau ketik kode booking Anda', 'Scan your QR code or type your booking code')}</span>
            </Link>
          )}
          {mode === 'kiosk' && !visitToken && !tenant && (
            <Link className="kiosk-booking-link kiosk-pickup-link" to={`/kios/${mppId}/ambil`} data-testid="kiosk-pickup-link">
              <span className="kbl-main">{t('Ambil dokumen yang sudah jadi', 'Collect a finished document')}</span>
            </Link>
          )}
          {!tenant ? (
            <>
              <h1 className="kiosk-h1">{t('Pilih instansi', 'Choose an agency')}</h1>
              <div className="kiosk-tenants">
                {[...byTenant.entries()].map(([name, services]) => (
                  <button key={name} type="button" className="kiosk-tenant-button" onClick={() => choose(name)}>
                    <span className="kt-name">{name}</span>
                    <span className="kt-meta">
                      {services.length} {t('layanan', 'services')} · {t('menunggu', 'waiting')} {services.reduce((n, x) => n + x.waiting, 0)}
                    </span>
                  </button>
                ))}
              </div>
            </>
          ) : (
            <>
              <h1 className="kiosk-h1">{tenant}</h1>
              <p className="kiosk-lead">{t('Pilih layanan', 'Choose a service')}</p>
              <div className="kiosk-grid kiosk-services">
                {pageServices.map((s) => (
                  <button key={s.id} type="button" className="kiosk-service" disabled={!offer?.open || s.quotaLeft === 0} onClick={() => setServiceId(s.id)}>
                    <span className="ks-name">{s.name}</span>
                    <span className="ks-meta">
                      {s.quotaLeft === 0 ? t('Kuota hari ini habis', "Today's quota is used up") : `${t('Menunggu', 'Waiting')}: ${s.waiting}`}
                      {s.quotaLeft !== null && s.quotaLeft > 0 && ` · ${t('Sisa kuota', 'Quota left')}: ${s.quotaLeft}`}
                    </span>
                  </button>
                ))}
              </div>
              <div className="kiosk-pager">
                <button type="button" className="kiosk-button back" onClick={() => choose(null)}>
                  ← {t('Instansi lain', 'Other agencies')}
                </button>
                {pages > 1 && (
                  <>
                    <button type="button" className="kiosk-button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                      {t('Sebelumnya', 'Previous')}
                    </button>
                    <span className="kiosk-page">
                      {page + 1}/{pages}
                    </span>
                    <button type="button" className="kiosk-button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
                      {t('Berikutnya', 'Next')}
                    </button>
                  </>
                )}
              </div>
            </>
          )}
          {offer && offer.services.length === 0 && <p>{t('Belum ada layanan yang dibuka untuk antrean.', 'No service takes tickets yet.')}</p>}
        </div>
      )}
    </div>
  );
}
