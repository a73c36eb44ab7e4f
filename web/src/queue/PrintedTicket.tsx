import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { timeOf, waitText, type TicketView } from './types';

export const statusUrl = (token: string) => `${window.location.origin}/antrean/${token}`;

/** The thermal-printer ticket (80 mm or 58 mm): also shown on screen after issue. */
export function PrintedTicket({ ticket }: { ticket: TicketView }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(statusUrl(ticket.statusToken), { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(setQr);
  }, [ticket.statusToken]);
  const day = new Intl.DateTimeFormat('id-ID', { timeZone: ticket.mpp.timezone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(ticket.issuedAt));
  return (
    <section className="printed-ticket" aria-label={t('Tiket antrean', 'Queue ticket')}>
      <div className="pt-mpp">{ticket.mpp.name}</div>
      <div className="pt-label">{t('Nomor antrean', 'Queue number')}</div>
      <div className="pt-number">{ticket.number}</div>
      {ticket.plate && <div className="pt-plate">{ticket.plate}</div>}
      {ticket.holderName && <div className="pt-plate pt-holder">{ticket.holderName}</div>}
      <div className="pt-service">{ticket.service.name}</div>
      <div className="pt-tenant">{ticket.tenantName}</div>
      {ticket.priorityClass && <div className="pt-priority">{t('Prioritas', 'Priority')}: {ticket.priorityClass}</div>}
      <dl className="pt-facts">
        <div>
          <dt>{t('Waktu', 'Time')}</dt>
          <dd>
            {day} {timeOf(ticket.issuedAt, ticket.mpp.timezone)}
          </dd>
        </div>
        <div>
          <dt>{t('Antrean di depan Anda', 'People ahead of you')}</dt>
          <dd>{ticket.peopleAhead ?? 0}</dd>
        </div>
        <div>
          <dt>{t('Perkiraan menunggu', 'Estimated wait')}</dt>
          <dd>{waitText(ticket, t)}</dd>
        </div>
      </dl>
      {qr && <img className="pt-qr" src={qr} alt={t('Kode QR status antrean', 'QR code of the queue status')} />}
      <div className="pt-hint">{t('Pindai untuk memantau antrean dari ponsel Anda', 'Scan to follow your queue on your phone')}</div>
      <div className="pt-hint pt-survey">
        {t('Setelah dilayani, pindai kode yang sama untuk menilai layanan kami (anonim), atau ketik kode survei di kios atau di', 'After being served, scan the same code to rate our service (anonymous), or type the survey code at the kiosk or at')}{' '}
        {window.location.host}/survei:
      </div>
      <div className="pt-code" aria-label={t('Kode survei', 'Survey code')}>
        {ticket.surveyCode}
      </div>
    </section>
  );
}
