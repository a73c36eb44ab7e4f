import { useI18n } from '../i18n';
import { longDay, zoneAbbr } from '../time';
import { STATUS_LABEL, type ManagedBooking } from './views';

/** The confirmation a citizen keeps: code, QR for the kiosk, time, calendar file and the manage link. */
export function BookingCard({ booking: b }: { booking: ManagedBooking }) {
  const { t, lang } = useI18n();
  const zone = zoneAbbr(b.timezone);
  const time = (iso: string) => new Date(iso).toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: b.timezone });
  return (
    <div className="card booking-card">
      <p className="label">{t('Kode booking', 'Booking code')}</p>
      <p className="code" data-testid="booking-code">{b.code}</p>
      <img className="qr" src={b.qrDataUrl} alt={t(`QR booking ${b.code}`, `QR of booking ${b.code}`)} width={200} height={200} />
      <p className={`status status-${b.status}`}>{t(STATUS_LABEL[b.status])}{b.ticketNumber ? ` · ${t('Nomor antrean', 'Ticket')} ${b.ticketNumber}` : ''}</p>
      <dl>
        <dt>{t('Layanan', 'Service')}</dt>
        <dd>{b.serviceName} <span className="muted">({b.tenantName})</span></dd>
        <dt>{t('Tempat', 'Place')}</dt>
        <dd>{b.mppName}</dd>
        <dt>{t('Jadwal', 'When')}</dt>
        <dd><strong>{longDay(b.localDate, lang)}, {b.localStart}–{b.localEnd} {zone}</strong></dd>
        <dt>{t('Check-in', 'Check-in')}</dt>
        <dd>{t(`Di kiosk, pukul ${time(b.checkInOpensAt)}–${time(b.checkInClosesAt)} ${zone}. Bawa KTP asli.`, `At the kiosk, ${time(b.checkInOpensAt)}–${time(b.checkInClosesAt)} ${zone}. Bring your KTP.`)}</dd>
        <dt>{t('Atas nama', 'Name')}</dt>
        <dd>{b.name} · NIK {b.nikMasked}</dd>
      </dl>
      {b.affected && b.status === 'booked' && <p className="notice">{t('Jam layanan berubah: jadwal ini tidak lagi tersedia. Silakan pilih jadwal lain.', 'The service hours changed: this time is no longer available. Please choose another.')}</p>}
      <div className="actions">
        <a className="button" href={b.icsUrl} download>{t('Simpan ke kalender (.ics)', 'Add to calendar (.ics)')}</a>
        <a className="button" href={b.manageUrl}>{t('Ubah atau batalkan', 'Change or cancel')}</a>
      </div>
      <p className="muted small">{t('Simpan kode ini. Konfirmasi juga dikirim ke', 'Keep this code. The confirmation was also sent to')} {b.contact}.</p>
    </div>
  );
}
