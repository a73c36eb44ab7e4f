import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api';
import { FollowTicket } from '../citizen/FollowTicket';
import { LanguageSwitch, useI18n } from '../i18n';
import './queue.css';
import { timeOf, waitText, type TicketStatus, type TicketView } from './types';

const STATUS_TEXT: Record<TicketStatus, [string, string]> = {
  waiting: ['Menunggu', 'Waiting'],
  called: ['Dipanggil! Segera menuju loket', 'Called! Go to the counter now'],
  serving: ['Sedang dilayani', 'Being served'],
  parked: ['Diparkir: lengkapi berkas Anda, petugas akan memanggil kembali', 'Parked: complete your papers, the officer will call you back'],
  served: ['Selesai dilayani', 'Served'],
  no_show: ['Tidak hadir saat dipanggil', 'Missed the call'],
  cancelled: ['Dibatalkan', 'Cancelled'],
};

/** The holder's live status page (phone-sized), reached by the secret token on the ticket's QR code. */
export function StatusPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [surveyBusy, setSurveyBusy] = useState(false);
  const navigate = useNavigate();

  useEffect(() => {
    api<TicketView>(`/api/queue/status/${token}`).then(setTicket, (e: ApiError) => setError(e.message));
    const source = new EventSource(`/api/queue/status/${token}/events`);
    source.addEventListener('status', (e) => setTicket(JSON.parse((e as MessageEvent).data)));
    return () => source.close();
  }, [token]);

  async function cancel() {
    try {
      setTicket(await api<TicketView>(`/api/queue/status/${token}/cancel`, { method: 'POST' }));
      setConfirming(false);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  /** The ticket's one survey code comes from the server (same code on every press until answered). */
  async function rate() {
    setSurveyBusy(true);
    try {
      const issued = await api<{ surveyPath: string }>(`/api/survey/ticket-status/${token}/code`, { method: 'POST' });
      void navigate(issued.surveyPath);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setSurveyBusy(false);
    }
  }

  if (error && !ticket) return <div className="status-page"><p className="error">{error}</p></div>;
  if (!ticket) return <div className="status-page">{t('Memuat…', 'Loading…')}</div>;
  return (
    <div className="status-page">
      <header className="status-header">
        <Link to="/" className="st-home">Layan</Link>
        <span>{ticket.mpp.name}</span>
        <LanguageSwitch />
      </header>
      <main>
        <div className="st-number">{ticket.number}</div>
        <div className="st-service">
          {ticket.service.name} · {ticket.tenantName}
        </div>
        <div className={`st-status st-${ticket.status}`} role="status" aria-live="polite">
          {t(...STATUS_TEXT[ticket.status])}
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
        {ticket.visitTickets.length > 0 && (
          <section>
            <h2>{t('Tiket lain dalam kunjungan ini', 'Other tickets of this visit')}</h2>
            <ul>
              {ticket.visitTickets.map((v) => (
                <li key={v.number}>
                  {v.number} — {v.serviceName} ({t(...STATUS_TEXT[v.status])})
                </li>
              ))}
            </ul>
          </section>
        )}
        {ticket.status === 'served' && (
          <section className="st-survey">
            <p>{t('Terima kasih telah berkunjung. Bagaimana layanan kami? Penilaian Anda anonim.', 'Thank you for visiting. How was our service? Your rating is anonymous.')}</p>
            <button type="button" className="primary" disabled={surveyBusy} onClick={() => void rate()}>
              {t('Nilai layanan kami', 'Rate our service')}
            </button>
          </section>
        )}
        <FollowTicket statusToken={token} status={ticket.status} peopleAhead={ticket.peopleAhead} />
        {error && <p className="error">{error}</p>}
        {(ticket.status === 'waiting' || ticket.status === 'called') &&
          (confirming ? (
            <div className="st-confirm">
              <p>{t('Yakin membatalkan antrean ini? Nomor tidak dapat dipakai lagi.', 'Cancel this ticket? The number cannot be used again.')}</p>
              <button type="button" className="danger" onClick={() => void cancel()}>
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
      </main>
    </div>
  );
}
