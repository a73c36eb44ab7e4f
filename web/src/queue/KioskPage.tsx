import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { ApiError } from '../api/problem';
import { LanguageSwitch, useI18n } from '../i18n';
import { bearer, deviceToken, sendHeartbeat, startHeartbeat } from './device';
import { printTicket } from './kiosk-print';
import { KioskSearch, mostUsed } from './KioskSearch';
import { PrintedTicket } from './PrintedTicket';
import './queue.css';
import type { TicketView } from './types';
import { closedReasonText } from './labels';

/**
 * What fits one 1080x1920 screen without scrolling (e2e/kiosk.e2e.ts checks both modes): services per
 * page (two columns), agencies per page on the start screen (three columns; two in large text) and
 * the most used services shown above them.
 */
const FIT = {
  normal: { services: 18, agencies: 27, popular: 6, results: 8 },
  large: { services: 8, agencies: 10, popular: 2, results: 4 },
};
const KIOSK_IDLE_MS = 60_000;

/**
 * The ticket kiosk (portrait touch screen) and, with mode="online", the public same-day virtual ticket
 * page for phones. After a ticket is issued the kiosk prints it (print CSS for thermal paper).
 */
export function KioskPage({ mode = 'kiosk' }: { mode?: 'kiosk' | 'online' }) {
  const { mppId = '' } = useParams();
  const { t } = useI18n();
  const token = useMemo(() => (mode === 'kiosk' ? deviceToken('kiosk', mppId) : null), [mppId, mode]);
  const offerQuery = useApiQuery('/api/mpps/{mppId}/queue/offer', { params: { path: { mppId } } }, { refetchInterval: 15_000 });
  const offer = offerQuery.data;
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [tenant, setTenant] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [visitToken, setVisitToken] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const [agencyPage, setAgencyPage] = useState(0);
  const [large, setLarge] = useState(false);
  const [printFailed, setPrintFailed] = useState<string | null>(null);
  // What the heartbeat reports: undefined until this kiosk has printed, then the last print's error or null.
  const printerError = useRef<string | null | undefined>(undefined);
  const idem = useRef<string | null>(null);
  const paper = new URLSearchParams(window.location.search).get('kertas') === '58' ? 'paper-58' : 'paper-80';
  const fit = FIT[large ? 'large' : 'normal'];

  useEffect(() => (mode === 'kiosk' ? startHeartbeat(mppId, token, 'kios', () => printerError.current) : undefined), [mode, mppId, token]);

  // Back to the start screen after a while, so the next person does not see this ticket.
  useEffect(() => {
    if (!ticket || mode !== 'kiosk') return;
    const timer = setTimeout(() => reset(), 45_000);
    return () => clearTimeout(timer);
  }, [ticket]);

  // Any screen returns to the start after a minute without a touch, so the next person starts fresh.
  useEffect(() => {
    if (mode !== 'kiosk' || ticket || (!tenant && !serviceId && !searching && !large && agencyPage === 0)) return;
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
  }, [mode, ticket, tenant, serviceId, searching, large, agencyPage]);

  function reset() {
    setTicket(null);
    setServiceId(null);
    setTenant(null);
    setPage(0);
    setError(null);
    setVisitToken(null);
    setSearching(false);
    setQuery('');
    setAgencyPage(0);
    setLarge(false);
    setPrintFailed(null);
    void offerQuery.refetch();
  }

  /** Prints, and tells the officer's side when the browser saw the print fail (kiosk-print.ts). */
  async function print() {
    const report = (next: string | null) => {
      setPrintFailed(next);
      if (printerError.current !== next && !(printerError.current === undefined && next === null)) sendHeartbeat(mppId, token, 'kios', next);
      printerError.current = next;
    };
    const outcome = await printTicket(undefined, () => report(null));
    report(outcome.ok ? null : outcome.reason);
  }

  async function take(priorityClassId: string | null) {
    if (!serviceId) return;
    setBusy(true);
    setError(null);
    // One key per press: a network retry of the same press returns the same ticket.
    idem.current ??= `${mode}-${crypto.randomUUID()}`;
    try {
      const init = {
        params: { path: { mppId } },
        body: { serviceId, priorityClassId, ...(visitToken ? { visitToken } : {}) },
        headers: { ...bearer(token), 'idempotency-key': idem.current },
      };
      const tk: TicketView = await unwrap(mode === 'kiosk' ? client.POST('/api/mpps/{mppId}/queue/tickets', init) : client.POST('/api/mpps/{mppId}/queue/online-tickets', init));
      idem.current = null;
      setTicket(tk);
      if (mode === 'kiosk') setTimeout(() => void print(), 300);
    } catch (e) {
      idem.current = e instanceof ApiError ? null : idem.current;
      setError(e instanceof ApiError ? e.message : t('Tidak tersambung ke server. Coba lagi.', 'No connection to the server. Try again.'));
    } finally {
      setBusy(false);
    }
  }

  const byTenant = new Map<string, NonNullable<typeof offer>['services']>();
  for (const s of offer?.services ?? []) byTenant.set(s.tenantName, [...(byTenant.get(s.tenantName) ?? []), s]);
  const chosen = offer?.services.find((s) => s.id === serviceId);
  // The kiosk pages an agency's services so a 1080x1920 screen never scrolls; a phone lists them all.
  const perPage = mode === 'kiosk' ? fit.services : 1000;
  const agencyServices = tenant ? (byTenant.get(tenant) ?? []) : [];
  const pages = Math.max(1, Math.ceil(agencyServices.length / perPage));
  const pageServices = agencyServices.slice(page * perPage, (page + 1) * perPage);
  function choose(name: string | null) {
    setTenant(name);
    setPage(0);
  }
  const agencies = [...byTenant.entries()];
  const agencyPerPage = mode === 'kiosk' ? fit.agencies : 1000;
  const agencyPages = Math.max(1, Math.ceil(agencies.length / agencyPerPage));
  const pageAgencies = agencies.slice(agencyPage * agencyPerPage, (agencyPage + 1) * agencyPerPage);
  const popular = mostUsed(offer?.services ?? [], mode === 'kiosk' ? fit.popular : 4);

  return (
    <div className={`kiosk kiosk-${mode} ${paper}${large ? ' kiosk-large' : ''}`}>
      <header className="kiosk-header no-print">
        <div>
          <div className="kiosk-title">{offer?.mpp.name ?? 'Layan'}</div>
          <div className="kiosk-sub">{mode === 'kiosk' ? t('Ambil nomor antrean', 'Take a queue number') : t('Antrean online hari ini', "Today's online queue")}</div>
        </div>
        <div className="kiosk-header-tools">
          {mode === 'kiosk' && (
            <button type="button" className="kiosk-large-toggle" aria-pressed={large} onClick={() => setLarge(!large)}>
              <span aria-hidden="true">Aa</span> {t('Teks besar', 'Large text')}
            </button>
          )}
          <LanguageSwitch />
        </div>
      </header>

      {mode === 'kiosk' && !token && <p className="kiosk-error no-print">{t('Kios ini belum diaktifkan. Minta admin membuka halaman ini dengan token kios.', 'This kiosk is not set up. Ask an admin to open this page with a kiosk token.')}</p>}
      {(error ?? offerQuery.error) && (
        <div className="kiosk-error no-print" role="alert">
          {error ?? offerQuery.error?.message}
        </div>
      )}
      {offer && !offer.open && !ticket && (
        <div className="kiosk-closed no-print" role="status">
          <strong>{t(closedReasonText(offer.closedReason))}</strong>
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
            {printFailed ? (
              <div className="kiosk-error kiosk-print-failed" role="alert">
                {t(`Tiket gagal dicetak. Catat nomor Anda: ${ticket.number}. Petugas loket dapat mencetak ulang tiket ini.`, `The ticket did not print. Note your number: ${ticket.number}. A counter officer can reprint it.`)}
              </div>
            ) : (
              <p className="kiosk-done-text">{mode === 'kiosk' ? t('Silakan ambil tiket Anda.', 'Please take your ticket.') : t('Simpan halaman status ini.', 'Keep this status page.')}</p>
            )}
            {mode === 'online' && (
              <a className="kiosk-button primary" href={`/antrean/${ticket.statusToken}`}>
                {t('Buka status antrean', 'Open queue status')}
              </a>
            )}
            <button type="button" className="kiosk-button" onClick={() => void (mode === 'kiosk' ? print() : window.print())}>
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
      ) : searching ? (
        <div className="kiosk-step no-print">
          <KioskSearch
            services={(offer?.services ?? []).map((s) => ({ ...s, quotaLeft: offer?.open ? s.quotaLeft : 0 }))}
            query={query}
            onQuery={setQuery}
            onChoose={setServiceId}
            onBack={() => {
              setSearching(false);
              setQuery('');
            }}
            keyboard={mode === 'kiosk'}
            limit={mode === 'kiosk' ? fit.results : 12}
          />
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
              <button type="button" className="kiosk-search-open" onClick={() => setSearching(true)}>
                <span aria-hidden="true">⌕</span> {t('Cari layanan…', 'Search a service…')}
              </button>
              {popular.length > 0 && (
                <section className="kiosk-popular" aria-labelledby="kiosk-popular-h">
                  <h2 id="kiosk-popular-h">{t('Paling sering dipilih', 'Most used')}</h2>
                  <div className="kiosk-popular-grid">
                    {popular.map((s) => (
                      <button key={s.id} type="button" className="kiosk-service" disabled={!offer?.open || s.quotaLeft === 0} onClick={() => setServiceId(s.id)}>
                        <span className="ks-name">{s.name}</span>
                        <span className="ks-meta">{s.tenantName}</span>
                      </button>
                    ))}
                  </div>
                </section>
              )}
              <h1 className="kiosk-h1">{t('Pilih instansi', 'Choose an agency')}</h1>
              <div className="kiosk-tenants">
                {pageAgencies.map(([name, services]) => (
                  <button key={name} type="button" className="kiosk-tenant-button" onClick={() => choose(name)}>
                    <span className="kt-name">{name}</span>
                    <span className="kt-meta">
                      {services.length} {t('layanan', 'services')} · {t('menunggu', 'waiting')} {services.reduce((n, x) => n + x.waiting, 0)}
                    </span>
                  </button>
                ))}
              </div>
              {agencyPages > 1 && (
                <div className="kiosk-pager">
                  <button type="button" className="kiosk-button" disabled={agencyPage === 0} onClick={() => setAgencyPage(agencyPage - 1)}>
                    {t('Sebelumnya', 'Previous')}
                  </button>
                  <span className="kiosk-page">
                    {agencyPage + 1}/{agencyPages}
                  </span>
                  <button type="button" className="kiosk-button" disabled={agencyPage >= agencyPages - 1} onClick={() => setAgencyPage(agencyPage + 1)}>
                    {t('Berikutnya', 'Next')}
                  </button>
                </div>
              )}
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
