import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadStatus, useApiMutation, useApiQuery } from '../api/hooks';
import { WalletPrecheck } from '../applications/WalletPrecheck';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { BookingCard } from './BookingCard';
import { SlotPicker } from './SlotPicker';
import type { ManagedBooking, SlotView } from './views';
import './booking.css';

type Fields = Record<string, string>;

/** What can be checked before sending, so the first submit already names every missing field. */
function checkForm(form: { nik: string; name: string; phone: string; email: string }, t: (id: string, en: string) => string): Fields {
  const f: Fields = {};
  const nik = form.nik.replace(/\s/g, '');
  if (!nik) f.nik = t('NIK wajib diisi.', 'NIK is required.');
  else if (!/^\d{16}$/.test(nik)) f.nik = t('NIK harus 16 digit angka.', 'NIK must be 16 digits.');
  if (form.name.trim().length < 2) f.name = t('Nama lengkap wajib diisi.', 'Full name is required.');
  if (!form.phone.trim() && !form.email.trim()) f.phone = t('Isi nomor ponsel atau email untuk menerima konfirmasi.', 'Give a mobile number or an email to receive the confirmation.');
  return f;
}

const FIELD_ORDER = ['nik', 'name', 'phone', 'email'];

/** Citizen booking, phone first: MPP, service, day and slot (with free places), then who is coming. */
export function BookingPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  // Opened from an MPP or service page: that MPP and service are already chosen until the person picks.
  const wanted = useRef({ mpp: params.get('mpp') ?? '', service: params.get('layanan') ?? '' });
  const [pickedMpp, setPickedMpp] = useState<string | null>(null);
  const [pickedService, setServiceId] = useState<string | null>(null);
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [form, setForm] = useState({ nik: '', name: '', phone: '', email: '' });
  const [checked, setChecked] = useState<Fields | null>(null);
  const [done, setDone] = useState<ManagedBooking | null>(null);
  const book = useApiMutation('post', '/api/mpps/{mppId}/bookings', {
    invalidates: [],
    onSuccess: (booking) => {
      setDone(booking ?? null);
      window.scrollTo(0, 0);
    },
  });
  const busy = book.isPending;
  // The form's own check first; otherwise the server's refusal, its field errors by field name.
  const error = useMemo(() => {
    if (checked) return { message: t('Periksa isian yang ditandai.', 'Check the marked fields.'), fields: checked };
    if (book.error) return { message: book.error.message, fields: Object.fromEntries(book.error.errors.map((x) => [x.path.replace(/^body\./, ''), x.message])) as Fields };
    return null;
  }, [checked, book.error, t]);

  const mppList = useApiQuery('/api/booking/mpps');
  const mpps = mppList.data ?? [];
  const mppId = pickedMpp ?? mpps.find((m) => m.id === wanted.current.mpp)?.id ?? (mpps.length === 1 ? mpps[0]!.id : '');
  const serviceList = useApiQuery('/api/mpps/{mppId}/booking/services', mppId ? { params: { path: { mppId } } } : null);
  const services = serviceList.data;
  const serviceId = pickedService ?? (services?.some((s) => s.id === wanted.current.service) ? wanted.current.service : '');
  const setMppId = (id: string) => {
    setPickedMpp(id);
    setServiceId('');
    setSlot(null);
  };

  // Move the focus to the first field with an error, so a screen reader reads it at once.
  useEffect(() => {
    const first = FIELD_ORDER.find((f) => error?.fields[f]);
    if (first) document.getElementById(first)?.focus();
    else if (error) document.getElementById('booking-error')?.focus();
  }, [error]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!slot) return;
    const local = checkForm(form, t);
    setChecked(Object.keys(local).length ? local : null);
    if (Object.keys(local).length) return;
    const body = { serviceId, startsAt: slot.startsAt, nik: form.nik.replace(/\s/g, ''), name: form.name, ...(form.phone ? { phone: form.phone } : {}), ...(form.email ? { email: form.email } : {}) };
    book.mutate({ params: { path: { mppId } }, body }, { onError: (err) => err.code === 'slot_full' && setSlot(null) });
  }

  const service = services?.find((s) => s.id === serviceId);
  // A deep link naming an MPP or a service that takes no bookings (unknown, closed, not bookable):
  // say so once the lists are in, and let the citizen choose from them.
  const mppMissing = !pickedMpp && !!wanted.current.mpp && mppList.isSuccess && !mpps.some((m) => m.id === wanted.current.mpp);
  const serviceMissing = !pickedService && !!wanted.current.service && !mppMissing && serviceList.isSuccess && !services?.some((s) => s.id === wanted.current.service);
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main booking-page">
        {done ? (
          <>
            <h1>{t('Booking berhasil', 'Booking confirmed')}</h1>
            {done.warnings.map((w) => (
              <p key={w.code} className="notice">{w.message}</p>
            ))}
            <BookingCard booking={done} />
          </>
        ) : (
          <>
            <h1>{t('Booking antrean online', 'Book an appointment')}</h1>
            <p className="muted">
              {t('Pilih jadwal, datang tepat waktu, lalu check-in di kiosk dengan kode atau QR.', 'Pick a time, come on time and check in at the kiosk with your code or QR.')}{' '}
              <Link to="/booking/cari">{t('Sudah punya booking?', 'Already booked?')}</Link>
            </p>
            <LoadStatus queries={[mppList]} />
            {(mppMissing || serviceMissing) && (
              <p className="notice" role="status" data-testid="booking-wanted-missing">
                {mppMissing
                  ? t('MPP dari tautan ini tidak ditemukan atau belum menerima booking. Pilih MPP dari daftar.', 'The MPP in this link was not found or takes no bookings yet. Choose an MPP from the list.')
                  : t('Layanan dari tautan ini tidak bisa dibooking di MPP ini. Pilih layanan lain.', 'The service in this link cannot be booked at this MPP. Choose another service.')}{' '}
                <Link to="/">{t('Kembali ke beranda', 'Back to the home page')}</Link>
              </p>
            )}
            <label htmlFor="mpp">{t('MPP', 'MPP')}</label>
            <select id="mpp" value={mppId} onChange={(e) => setMppId(e.target.value)}>
              <option value="">{t('— Pilih MPP —', '— Choose an MPP —')}</option>
              {mpps.map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </select>
            {mppId && (
              <>
                <label htmlFor="service">{t('Layanan', 'Service')}</label>
                <LoadStatus queries={[serviceList]} />
                {services && services.length === 0 ? (
                  <p className="muted">{t('Belum ada layanan yang bisa dibooking di MPP ini.', 'No service of this MPP can be booked yet.')}</p>
                ) : (
                  <select id="service" value={serviceId} onChange={(e) => { setServiceId(e.target.value); setSlot(null); }}>
                    <option value="">{t('— Pilih layanan —', '— Choose a service —')}</option>
                    {services?.map((s) => (
                      <option key={s.id} value={s.id}>{s.tenantName}: {s.name}</option>
                    ))}
                  </select>
                )}
              </>
            )}
            {/* Before booking: which requirements are already in the citizen's wallet (issue 15, item 3). */}
            {service && <WalletPrecheck mppId={mppId} serviceId={service.id} />}
            {service && <SlotPicker mppId={mppId} serviceId={service.id} selected={slot?.startsAt ?? null} onSelect={setSlot} />}
            {slot && (
              <form onSubmit={submit} className="card booking-form" noValidate>
                <h2>{t(`Data pemohon untuk pukul ${slot.localStart}`, `Who is coming at ${slot.localStart}`)}</h2>
                <label htmlFor="nik">NIK</label>
                <input id="nik" inputMode="numeric" autoComplete="off" maxLength={20} value={form.nik} onChange={(e) => setForm({ ...form, nik: e.target.value })} aria-describedby={error?.fields.nik ? 'nik-error nik-help' : 'nik-help'} aria-invalid={!!error?.fields.nik} aria-required="true" />
                <small id="nik-help" className="muted">{t('16 digit sesuai KTP. NIK disimpan tersamar.', '16 digits as on the KTP. Stored masked.')}</small>
                {error?.fields.nik && <p id="nik-error" className="error">{error.fields.nik}</p>}
                <label htmlFor="name">{t('Nama lengkap', 'Full name')}</label>
                <input id="name" autoComplete="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-invalid={!!error?.fields.name} aria-describedby={error?.fields.name ? 'name-error' : undefined} aria-required="true" />
                {error?.fields.name && <p id="name-error" className="error">{error.fields.name}</p>}
                <label htmlFor="phone">{t('Nomor ponsel (SMS/WhatsApp)', 'Mobile number (SMS/WhatsApp)')}</label>
                <input id="phone" inputMode="tel" autoComplete="tel" placeholder="0812…" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} aria-invalid={!!error?.fields.phone} aria-describedby={error?.fields.phone ? 'phone-error' : undefined} />
                {error?.fields.phone && <p id="phone-error" className="error">{error.fields.phone}</p>}
                <label htmlFor="email">{t('Email (opsional jika ada ponsel)', 'Email (optional with a phone)')}</label>
                <input id="email" type="email" autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} aria-invalid={!!error?.fields.email} aria-describedby={error?.fields.email ? 'email-error' : undefined} />
                {error?.fields.email && <p id="email-error" className="error">{error.fields.email}</p>}
                {error && Object.keys(error.fields).length === 0 && <p id="booking-error" className="error" role="alert" tabIndex={-1}>{error.message}</p>}
                <button className="primary wide" type="submit" disabled={busy}>{busy ? t('Memproses…', 'Booking…') : t('Booking sekarang', 'Book now')}</button>
              </form>
            )}
          </>
        )}
      </main>
    </>
  );
}
