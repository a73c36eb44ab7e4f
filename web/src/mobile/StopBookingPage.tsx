import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useApiMutation, useApiQuery, LoadState, WriteError } from '../api/hooks';
import type { ResponseOf } from '../api/types';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { longDay, zoneAbbr } from '../time';
import { StopCard } from './StopCard';
import type { StopView } from './views';
import './mobile.css';

type Result = ResponseOf<'/api/mobile/mpps/{mppId}/stops/{stopId}/bookings', 'post'>;

/** /keliling/:mppId/:stopId: a stop and the form to book a place at it (NIK, name, phone or email). */
export function StopBookingPage() {
  const { t } = useI18n();
  const { mppId = '', stopId = '' } = useParams();
  const stop = useApiQuery('/api/mobile/mpps/{mppId}/stops/{stopId}', { params: { path: { mppId, stopId } } });
  const [done, setDone] = useState<Result | null>(null);
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main mobile-public">
        {done ? <Booked result={done} /> : (
          <>
            <h1>{t('Booking layanan keliling', 'Book a mobile service stop')}</h1>
            <LoadState query={stop}>{(s) => <><StopCard stop={s} bookable={false} /><BookingForm stop={s} onDone={setDone} /></>}</LoadState>
            <p className="small"><Link to="/keliling">{t('Kembali ke jadwal', 'Back to the schedule')}</Link></p>
          </>
        )}
      </main>
    </>
  );
}

function BookingForm({ stop, onDone }: { stop: StopView; onDone: (r: Result) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ serviceId: stop.services.length === 1 ? stop.services[0]!.id : '', nik: '', name: '', phone: '', email: '' });
  const book = useApiMutation('post', '/api/mobile/mpps/{mppId}/stops/{stopId}/bookings', { invalidates: ['/api/mobile/stops', '/api/mobile/mpps/{mppId}/stops/{stopId}'] });
  const fields = Object.fromEntries((book.error?.errors ?? []).map((x) => [x.path.replace(/^body\./, ''), x.message]));
  if (stop.status !== 'scheduled' || stop.free <= 0) return <p className="notice">{t('Persinggahan ini tidak dapat dibooking lagi.', 'This stop can no longer be booked.')}</p>;
  function submit(e: FormEvent) {
    e.preventDefault();
    const body = { serviceId: form.serviceId, nik: form.nik.replace(/\s/g, ''), name: form.name, ...(form.phone ? { phone: form.phone } : {}), ...(form.email ? { email: form.email } : {}) };
    book.mutate({ params: { path: { mppId: stop.mppId, stopId: stop.id } }, body }, {
      onSuccess: (result) => {
        if (result) onDone(result);
        window.scrollTo(0, 0);
      },
    });
  }
  const err = (name: string) => (fields[name] ? <p id={`${name}-error`} className="error">{fields[name]}</p> : null);
  return (
    <form className="card booking-form" onSubmit={submit} noValidate>
      <h2>{t('Data pemohon', 'Who is coming')}</h2>
      <label htmlFor="serviceId">{t('Layanan', 'Service')}</label>
      <select id="serviceId" value={form.serviceId} onChange={(e) => setForm({ ...form, serviceId: e.target.value })} aria-invalid={!!fields.serviceId}>
        <option value="">{t('— Pilih layanan —', '— Choose a service —')}</option>
        {stop.services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
      {err('serviceId')}
      <label htmlFor="nik">NIK</label>
      <input id="nik" inputMode="numeric" autoComplete="off" maxLength={20} value={form.nik} onChange={(e) => setForm({ ...form, nik: e.target.value })} aria-invalid={!!fields.nik} aria-describedby="nik-help" />
      <small id="nik-help" className="muted">{t('16 digit sesuai KTP. NIK disimpan tersamar.', '16 digits as on the KTP. Stored masked.')}</small>
      {err('nik')}
      <label htmlFor="name">{t('Nama lengkap', 'Full name')}</label>
      <input id="name" autoComplete="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-invalid={!!fields.name} />
      {err('name')}
      <label htmlFor="phone">{t('Nomor ponsel (SMS/WhatsApp)', 'Mobile number (SMS/WhatsApp)')}</label>
      <input id="phone" inputMode="tel" autoComplete="tel" placeholder="0812…" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} aria-invalid={!!fields.phone} />
      {err('phone')}
      <label htmlFor="email">{t('Email (opsional jika ada ponsel)', 'Email (optional with a phone)')}</label>
      <input id="email" type="email" autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} aria-invalid={!!fields.email} />
      {err('email')}
      {Object.keys(fields).length === 0 && <WriteError error={book.error} />}
      {book.error && Object.keys(fields).length > 0 && <p className="error" role="alert">{t('Periksa isian yang ditandai.', 'Check the marked fields.')}</p>}
      <button className="primary wide" type="submit" disabled={book.isPending}>{book.isPending ? t('Memproses…', 'Booking…') : t('Booking sekarang', 'Book now')}</button>
    </form>
  );
}

function Booked({ result }: { result: Result }) {
  const { t, lang } = useI18n();
  const s = result.stop;
  return (
    <>
      <h1>{t('Booking berhasil', 'Booking confirmed')}</h1>
      {result.warnings.map((w) => <p key={w.code} className="notice">{w.message}</p>)}
      <div className="card booked-card" role="status">
        <p>{t('Kode booking', 'Booking code')}</p>
        <p className="booked-code">{result.code}</p>
        <p><strong>{result.serviceName}</strong> · {result.name} ({result.nikMasked})</p>
        <p>{longDay(s.localDate, lang)}, {s.localStart}–{s.localEnd} {zoneAbbr(s.timezone)}</p>
        <p>{s.villageName ? `${s.villageName}, ` : ''}Kec. {s.kecamatanName}: {s.address}</p>
        <p className="small muted">{t('Tunjukkan kode ini dan bawa KTP asli ke petugas di mobil layanan. Konfirmasi juga dikirim ke ponsel/email Anda.', 'Show this code and bring your original KTP to the officers at the vehicle. The confirmation was also sent to your phone/email.')}</p>
      </div>
      <p><Link to="/keliling">{t('Lihat jadwal lain', 'See other stops')}</Link></p>
    </>
  );
}
