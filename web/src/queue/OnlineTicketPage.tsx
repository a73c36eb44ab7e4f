import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { problemText, useApiQuery } from '../api/hooks';
import { serverRefused } from '../api/problem';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { ticketStatusQuery, useLiveTicket } from './live-ticket';
import './online-ticket.css';
import { closedReasonText, TICKET_STATUS_TEXT } from './labels';

interface Kept {
  number: string;
  statusToken: string;
  serviceName: string;
  day: string;
}

/** The number on top of the page with its live status (the status page's event stream). */
function LiveTicket({ token }: { token: string }) {
  const { t } = useI18n();
  const { data: tk } = useLiveTicket(token);
  if (!tk) return null;
  return (
    <section className={`ot-live st-${tk.status}`} aria-labelledby="ot-live-h" data-testid="live-ticket">
      <h2 id="ot-live-h" className="ot-live-label">{t('Nomor antrean Anda', 'Your queue number')}</h2>
      <p className="ot-live-number" data-testid="live-number">{tk.number}</p>
      <p className="ot-live-service">{tk.service.name}</p>
      <p className="ot-live-status" role="status" aria-live="polite">
        <strong>{t(TICKET_STATUS_TEXT[tk.status])}</strong>
        {tk.counter && (tk.status === 'called' || tk.status === 'serving') && <> · {tk.counter.name}</>}
        {tk.status === 'waiting' && tk.peopleAhead !== null && (
          <> · <span data-testid="live-ahead">{tk.peopleAhead}</span> {t('orang di depan', 'ahead')}{tk.estimatedWaitMinutes !== null && <> · ± {tk.estimatedWaitMinutes} {t('menit', 'min')}</>}</>
        )}
      </p>
      <Link to={`/antrean/${token}`}>{t('Buka halaman status (batal, survei)', 'Open the status page (cancel, survey)')}</Link>
    </section>
  );
}

const keptKey = (mppId: string) => `layan.online-ticket.${mppId}`;
const localDay = (tz: string, at = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(at);

/**
 * The same-day online ticket on a phone (issue 11 item 6): choose the agency, then the service, then
 * take the number; the status page (number on top, live status) follows. Opened from a service page,
 * the service is already chosen. Today's number is kept in this browser so it is never lost.
 */
export function OnlineTicketPage() {
  const { mppId = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const offerQuery = useApiQuery('/api/mpps/{mppId}/queue/offer', { params: { path: { mppId } } }, { retry: false });
  const offer = offerQuery.data ?? null;
  const missing = offerQuery.error?.status === 404 || offerQuery.error?.status === 400;
  const [tenant, setTenant] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(params.get('layanan'));
  const [taken, setTaken] = useState<string | null>(null);
  const idem = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Each step's heading takes the focus, so a screen reader announces where the citizen is.
  useEffect(() => {
    if (!taken) heading.current?.focus();
  }, [tenant, serviceId, offer, taken]);

  const kept: Kept | null = (() => {
    if (!offer) return null;
    try {
      const k = JSON.parse(localStorage.getItem(keptKey(mppId)) ?? 'null') as Kept | null;
      return k && k.day === localDay(offer.mpp.timezone) ? k : null;
    } catch {
      return null;
    }
  })();

  // One idempotency key per intended ticket: a retry after a lost answer gets the same ticket.
  const takeTicket = useMutation({
    mutationFn: (input: { serviceId: string; key: string }) =>
      unwrap(client.POST('/api/mpps/{mppId}/queue/online-tickets', { params: { path: { mppId } }, body: { serviceId: input.serviceId, priorityClassId: null }, headers: { 'idempotency-key': input.key } })),
    onSuccess: (tk) => {
      idem.current = null;
      queryClient.setQueryData(ticketStatusQuery(tk.statusToken).queryKey, tk);
      const keep: Kept = { number: tk.number, statusToken: tk.statusToken, serviceName: tk.service.name, day: localDay(offer!.mpp.timezone) };
      localStorage.setItem(keptKey(mppId), JSON.stringify(keep));
      setTaken(tk.statusToken);
      setServiceId(null);
      setTenant(null);
      window.scrollTo(0, 0);
      void offerQuery.refetch();
    },
    onError: (e) => {
      if (serverRefused(e)) idem.current = null;
    },
  });
  function take() {
    if (!serviceId || !offer) return;
    idem.current ??= `online-${crypto.randomUUID()}`;
    takeTicket.mutate({ serviceId, key: idem.current });
  }
  const busy = takeTicket.isPending;
  const loadError = offerQuery.error && !missing ? (offerQuery.error.status === 0 ? t('Tidak tersambung ke server. Coba lagi.', 'No connection to the server. Try again.') : problemText(offerQuery.error)) : null;
  const error = loadError ?? (takeTicket.error ? (takeTicket.error.status === 0 ? t('Tidak tersambung ke server. Coba lagi.', 'No connection to the server. Try again.') : problemText(takeTicket.error)) : null);

  if (missing) {
    return (
      <>
        <PublicHeader />
        <main id="main" className="public-main online-ticket not-found">
          <h1>{t('MPP tidak ditemukan', 'MPP not found')}</h1>
          <p>{t('Alamat antrean online ini tidak menunjuk ke MPP yang aktif.', 'This online-queue address does not point to an open MPP.')}</p>
          <p><Link to="/mpp">{t('Pilih MPP dari daftar', 'Choose an MPP from the directory')}</Link> · <Link to="/">{t('Kembali ke beranda', 'Back to the home page')}</Link></p>
        </main>
      </>
    );
  }

  // Opened with a service that takes no online number here today (unknown, closed, or walk-in only):
  // say so above the agency list instead of silently starting over.
  const wantedService = params.get('layanan');
  const wantedMissing = !!offer?.open && !!wantedService && !taken && !offer.services.some((s) => s.id === wantedService);
  const tenants = [...new Set((offer?.services ?? []).map((s) => s.tenantName))];
  const chosen = offer?.services.find((s) => s.id === serviceId);
  const inTenant = (offer?.services ?? []).filter((s) => s.tenantName === tenant);
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main online-ticket">
        <p className="muted ot-mpp">{offer?.mpp.name ?? ''}</p>
        {(taken ?? kept?.statusToken) && <LiveTicket key={taken ?? kept!.statusToken} token={(taken ?? kept!.statusToken)!} />}
        {error && <p className="error" role="alert">{error}</p>}
        {!offer && !error && <p className="loading">{t('Memuat…', 'Loading…')}</p>}
        {offer && !offer.open && (
          <div className="ot-closed" role="status">
            <h1 ref={heading} tabIndex={-1}>{t(closedReasonText(offer.closedReason))}</h1>
            <p>{t('Antrean online hanya untuk hari ini, saat MPP buka.', 'Online tickets are for today only, while the MPP is open.')}</p>
            {offer.nextOpening && (
              <p>
                {t('Buka kembali', 'Opens again')}:{' '}
                <strong>{new Intl.DateTimeFormat(t('id-ID', 'en-GB'), { timeZone: offer.mpp.timezone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(offer.nextOpening))}</strong>
              </p>
            )}
            <p><Link to={`/booking?mpp=${mppId}`}>{t('Booking jadwal untuk hari lain', 'Book a time on another day')}</Link></p>
          </div>
        )}
        {offer?.open && chosen && (
          <section className="ot-step" aria-labelledby="ot-h">
            <h1 id="ot-h" ref={heading} tabIndex={-1}>{t('Ambil nomor untuk', 'Take a number for')} {chosen.name}</h1>
            <p className="muted">{chosen.tenantName}</p>
            <dl className="ot-facts">
              <div><dt>{t('Sedang menunggu', 'Waiting now')}</dt><dd>{chosen.waiting} {t('orang', 'people')}</dd></div>
              <div><dt>{t('Loket buka', 'Counters open')}</dt><dd>{chosen.countersOpen}</dd></div>
              {chosen.quotaLeft !== null && <div><dt>{t('Sisa kuota', 'Quota left')}</dt><dd>{chosen.quotaLeft}</dd></div>}
            </dl>
            <button type="button" className="primary wide" disabled={busy || chosen.quotaLeft === 0} onClick={take} data-testid="take-ticket">
              {busy ? t('Memproses…', 'Taking…') : t('Ambil nomor antrean', 'Take a number')}
            </button>
            <button type="button" className="wide" onClick={() => { setTenant(chosen.tenantName); setServiceId(null); }}>← {t('Pilih layanan lain', 'Choose another service')}</button>
          </section>
        )}
        {offer?.open && !chosen && tenant && (
          <section className="ot-step" aria-labelledby="ot-h">
            <h1 id="ot-h" ref={heading} tabIndex={-1}>{tenant}</h1>
            <p className="muted">{t('Langkah 2 dari 2: pilih layanan', 'Step 2 of 2: choose the service')}</p>
            <ul className="ot-list">
              {inTenant.map((s) => (
                <li key={s.id}>
                  <button type="button" disabled={s.quotaLeft === 0} onClick={() => setServiceId(s.id)}>
                    <span className="ot-name">{s.name}</span>
                    <span className="ot-meta">{t('Menunggu', 'Waiting')}: {s.waiting}{s.quotaLeft !== null ? ` · ${t('sisa kuota', 'quota left')} ${s.quotaLeft}` : ''}</span>
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="wide" onClick={() => setTenant(null)}>← {t('Pilih instansi lain', 'Choose another agency')}</button>
          </section>
        )}
        {offer?.open && !chosen && !tenant && (
          <section className="ot-step" aria-labelledby="ot-h">
            {wantedMissing && (
              <p className="notice" role="status" data-testid="ot-wanted-missing">
                {t('Layanan dari tautan ini tidak membuka antrean online hari ini. Pilih layanan lain, atau', 'The service in this link takes no online numbers today. Choose another service, or')}{' '}
                <Link to={`/booking?mpp=${mppId}`}>{t('booking jadwal untuk hari lain', 'book a time on another day')}</Link>.
              </p>
            )}
            <h1 id="ot-h" ref={heading} tabIndex={-1}>{t('Antrean online hari ini', "Today's online queue")}</h1>
            <p className="muted">{t('Langkah 1 dari 2: pilih instansi', 'Step 1 of 2: choose the agency')}</p>
            {tenants.length === 0 && <p>{t('Belum ada layanan yang membuka antrean online.', 'No service takes online tickets yet.')}</p>}
            <ul className="ot-list">
              {tenants.map((name) => {
                const list = offer.services.filter((s) => s.tenantName === name);
                return (
                  <li key={name}>
                    <button type="button" onClick={() => setTenant(name)}>
                      <span className="ot-name">{name}</span>
                      <span className="ot-meta">{list.length} {t('layanan', 'services')} · {t('menunggu', 'waiting')} {list.reduce((n, s) => n + s.waiting, 0)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </main>
    </>
  );
}
