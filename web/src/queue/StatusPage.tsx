import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { problemText } from '../api/hooks';
import { FollowTicket } from '../citizen/FollowTicket';
import { LanguageSwitch, useI18n } from '../i18n';
import './queue.css';
import { ticketStatusQuery, useLiveTicket } from './live-ticket';
import { timeOf, waitText } from './types';
import { TICKET_STATUS_TEXT } from './labels';

/**
 * The holder's live status page (phone-sized), reached by the secret token on the ticket's QR code.
 * The first load and every Server-Sent Event land in one query cache entry: a live update changes the
 * numbers and nothing else, so a cancel confirmation the holder opened stays open (and in place: it
 * sits above the parts that grow or appear later, such as the wait estimate and the follow card).
 */
export function StatusPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useLiveTicket(token);
  const [confirming, setConfirming] = useState(false);

  const cancel = useMutation({
    mutationFn: () => unwrap(client.POST('/api/queue/status/{token}/cancel', { params: { path: { token } } })),
    onSuccess: (view) => {
      queryClient.setQueryData(ticketStatusQuery(token).queryKey, view);
      setConfirming(false);
    },
  });
  /** The ticket's one survey code comes from the server (same code on every press until answered). */
  const rate = useMutation({
    mutationFn: () => unwrap(client.POST('/api/survey/ticket-status/{token}/code', { params: { path: { token } } })),
    onSuccess: (issued) => void navigate(issued.surveyPath),
  });

  const ticket = query.data;
  // A stale or mistyped link (a ticket of another day, a cut-off QR): say so and offer the way on.
  if (query.error && !ticket) {
    return (
      <div className="status-page">
        <header className="status-header">
          <a className="skip-link" href="#main">{t('Lompat ke isi', 'Skip to content')}</a>
          <Link to="/" className="st-home">Layan</Link>
          <LanguageSwitch />
        </header>
        <main id="main" className="st-missing">
          {query.error.status === 404 || query.error.status === 400 ? (
            <>
              <h1>{t('Tiket tidak ditemukan', 'Ticket not found')}</h1>
              <p role="alert">{t('Tautan ini tidak menunjuk ke tiket yang ada. Periksa tautan atau QR pada tiket Anda; nomor antrean berlaku pada harinya saja.', 'This link does not lead to a ticket. Check the link or the QR on your ticket; a queue number is valid on its day only.')}</p>
            </>
          ) : (
            <>
              <h1>{t('Status tiket tidak dapat dimuat', 'The ticket status could not be loaded')}</h1>
              <p className="error" role="alert">{problemText(query.error)}</p>
            </>
          )}
          <ul>
            <li><Link to="/mpp">{t('Ambil nomor baru (pilih MPP)', 'Take a new number (choose an MPP)')}</Link></li>
            <li><Link to="/layanan-saya">{t('Tiket saya di Layanan saya', 'My tickets in Layanan saya')}</Link></li>
            <li><Link to="/">{t('Kembali ke beranda', 'Back to the home page')}</Link></li>
          </ul>
        </main>
      </div>
    );
  }
  if (!ticket) return <div className="status-page" role="status">{t('Memuat…', 'Loading…')}</div>;
  const failed = cancel.error ?? rate.error;
  const cancellable = ticket.status === 'waiting' || ticket.status === 'called';
  return (
    <div className="status-page">
      <header className="status-header">
        <a className="skip-link" href="#main">{t('Lompat ke isi', 'Skip to content')}</a>
        <Link to="/" className="st-home">Layan</Link>
        <span>{ticket.mpp.name}</span>
        <LanguageSwitch />
      </header>
      <main id="main">
        <div className="st-number">{ticket.number}</div>
        <div className="st-service">
          {ticket.service.name} · {ticket.tenantName}
        </div>
        <div className={`st-status st-${ticket.status}`} role="status" aria-live="polite">
          {t(TICKET_STATUS_TEXT[ticket.status])}
          {ticket.counter && (ticket.status === 'called' || ticket.status === 'serving') && <strong> — {ticket.counter.name}</strong>}
        </div>
        {ticket.status === 'waiting' && (
          <dl className="st-facts">
            <div>
              <dt>{t('Orang di depan Anda', 'People ahead of you')}</dt>
              <dd>{ticket.peopleAhead}</dd>
            </div>
            <div>
              <dt>{t('Perkiraan menunggu', 'Estimated wait')}</dt>
              <dd>{waitText(ticket, t)}</dd>
            </div>
          </dl>
        )}
        <p className="muted">
          {t('Diambil pukul', 'Taken at')} {timeOf(ticket.issuedAt, ticket.mpp.timezone)}
        </p>
        {failed && <p className="error" role="alert">{problemText(failed)}</p>}
        {cancellable &&
          (confirming ? (
            <div className="st-confirm" role="group" aria-labelledby="st-confirm-text">
              <p id="st-confirm-text">{t('Yakin membatalkan antrean ini? Nomor tidak dapat dipakai lagi.', 'Cancel this ticket? The number cannot be used again.')}</p>
              <button type="button" className="danger" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
                {t('Ya, batalkan', 'Yes, cancel')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('Tidak', 'No')}
              </button>
            </div>
          ) : (
            <button type="button" className="st-cancel" onClick={() => setConfirming(true)}>
              {t('Batalkan antrean', 'Cancel my ticket')}
            </button>
          ))}
        {ticket.visitTickets.length > 0 && (
          <section>
            <h2>{t('Tiket lain dalam kunjungan ini', 'Other tickets of this visit')}</h2>
            <ul>
              {ticket.visitTickets.map((v) => (
                <li key={v.number}>
                  {v.number} — {v.serviceName} ({t(TICKET_STATUS_TEXT[v.status])})
                </li>
              ))}
            </ul>
          </section>
        )}
        {ticket.status === 'served' && (
          <section className="st-survey">
            <p>{t('Terima kasih telah berkunjung. Bagaimana layanan kami? Penilaian Anda anonim.', 'Thank you for visiting. How was our service? Your rating is anonymous.')}</p>
            <button type="button" className="primary" disabled={rate.isPending || rate.isSuccess} onClick={() => rate.mutate()}>
              {t('Nilai layanan kami', 'Rate our service')}
            </button>
          </section>
        )}
        <FollowTicket statusToken={token} status={ticket.status} peopleAhead={ticket.peopleAhead} />
      </main>
    </div>
  );
}
