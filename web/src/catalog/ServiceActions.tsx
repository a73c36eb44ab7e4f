import { useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n';
import type { PublicService } from './views';

/**
 * What a citizen can do with this service now, each opening its page with the MPP and service chosen.
 * The online ticket shows only while the MPP is open and the service is offered with quota left today;
 * booking only when the service takes bookings; applying online only when its channels include online. A complaint about it and where it is served always apply.
 */
export function ServiceActions({ service }: { service: PublicService }) {
  const { t } = useI18n();
  const onMpp = { params: { path: { mppId: service.mppId } } };
  // Either answer failing only hides its action: the page itself still serves.
  const offerQuery = useApiQuery('/api/mpps/{mppId}/queue/offer', onMpp);
  const bookingQuery = useApiQuery('/api/mpps/{mppId}/booking/services', onMpp);
  const offer = offerQuery.isError ? { open: false, services: [] } : (offerQuery.data ?? null);
  const bookable = bookingQuery.isError ? false : bookingQuery.data ? bookingQuery.data.some((s) => s.id === service.id) : null;
  const offered = offer?.services.find((s) => s.id === service.id);
  const ticketNow = !!offer?.open && !!offered && offered.quotaLeft !== 0;
  const loading = offer === null || bookable === null;
  return (
    <nav className="service-actions" aria-label={t('Yang dapat Anda lakukan', 'What you can do')} aria-busy={loading}>
      <ul>
        {ticketNow && (
          <li><Link className="button-link" data-testid="svc-ticket" to={`/antrean-online/${service.mppId}?layanan=${service.id}`}>{t('Ambil antrean online hari ini', 'Take a number for today')}</Link></li>
        )}
        {bookable && (
          <li><Link className="button-link" data-testid="svc-book" to={`/booking?mpp=${service.mppId}&layanan=${service.id}`}>{t('Booking jadwal', 'Book a time')}</Link></li>
        )}
        {service.channels.includes('online') && (
          <li><Link className="button-link" data-testid="svc-apply" to={`/permohonan-daring/${service.mpp.slug}/${service.code}`}>{t('Ajukan permohonan daring', 'Apply online')}</Link></li>
        )}
        <li><Link className="button-link secondary" data-testid="svc-consult" to={`/konsultasi/${service.mpp.slug}/${service.code}`}>{t('Tanya instansi (konsultasi)', 'Ask the agency (consultation)')}</Link></li>
        <li><Link className="button-link secondary" data-testid="svc-complain" to={`/pengaduan/${service.mpp.slug}?layanan=${service.id}`}>{t('Adukan layanan ini', 'Complain about this service')}</Link></li>
        <li><a className="button-link secondary" href="#tempat">{t('Tempat layanan', 'Where it is served')}</a></li>
      </ul>
      {!loading && !ticketNow && offered === undefined && offer?.open && <p className="muted small">{t('Layanan ini tidak melayani antrean online.', 'This service takes no online tickets.')}</p>}
      {!loading && !offer?.open && <p className="muted small">{t('Antrean online dibuka saat MPP buka.', 'Online tickets open while the MPP is open.')}</p>}
      {!loading && offered?.quotaLeft === 0 && <p className="muted small">{t('Kuota antrean hari ini sudah habis.', "Today's ticket quota is used up.")}</p>}
    </nav>
  );
}

/** Requirements as a checklist to tick at home and print or carry; ticks stay in this browser. */
export function RequirementChecklist({ service }: { service: PublicService }) {
  const { t } = useI18n();
  const key = `layan.checklist.${service.mppId}.${service.id}`;
  const [ticked, setTicked] = useState<string[]>(() => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? '[]') as string[];
    } catch {
      return [];
    }
  });
  const toggle = (code: string) => {
    const next = ticked.includes(code) ? ticked.filter((c) => c !== code) : [...ticked, code];
    setTicked(next);
    localStorage.setItem(key, JSON.stringify(next));
  };
  if (!service.requirements.length) return <p>{t('Tidak ada persyaratan khusus.', 'No particular requirements.')}</p>;
  const done = service.requirements.filter((r) => ticked.includes(r.typeCode)).length;
  return (
    <>
      <p className="muted small" aria-live="polite">{t(`${done} dari ${service.requirements.length} sudah siap`, `${done} of ${service.requirements.length} ready`)}</p>
      <ul className="req-checklist">
        {service.requirements.map((r) => (
          <li key={r.typeCode}>
            <label>
              <input type="checkbox" checked={ticked.includes(r.typeCode)} onChange={() => toggle(r.typeCode)} />
              <span>{r.name}{r.note ? ` (${r.note})` : ''}</span>
            </label>
          </li>
        ))}
      </ul>
      <button type="button" className="no-print" onClick={() => window.print()}>{t('Cetak daftar persyaratan', 'Print the checklist')}</button>
    </>
  );
}
