import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { ApiError } from '../api/problem';
import { useCitizenSignedIn } from '../applications/WalletPage';
import { citizenCsrf } from '../citizen/browser';
import { SignInForm } from '../citizen/SignInForm';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { dateTimeWithZone, todayIn } from '../time';
import './consultation.css';

const TIMES = ['09:00', '10:00', '11:00', '13:00', '14:00'] as const;
const MAX_BYTES = 2 * 1024 * 1024;

/** Reads a file as base64 (without the data: prefix). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * /konsultasi/:slug/:code, reached from a service page: a signed-in citizen asks the agency a written
 * question (optionally with a file) or asks for an online consultation at a day and hour. The answer
 * arrives by SMS/email and in "Layanan saya".
 */
export function AskConsultationPage() {
  const { t } = useI18n();
  const { slug = '', code = '' } = useParams();
  const service = useApiQuery('/api/public/mpps/{slug}/services/{code}', { params: { path: { slug, code } } });
  const citizen = useCitizenSignedIn();
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main consult">
        <h1>{t('Tanya instansi', 'Ask the agency')}</h1>
        {service.data && (
          <p className="muted">
            <Link to={`/mpp/${slug}/layanan/${code}`}>{service.data.name}</Link> · {service.data.tenant.name} · {service.data.mpp.name}
          </p>
        )}
        {(service.error ?? citizen.error) && <p className="error" role="alert">{(service.error ?? citizen.error)!.message}</p>}
        {citizen.data === null && (
          <>
            <p>{t('Masuk dengan kode sekali pakai agar jawaban instansi sampai ke ponsel atau email Anda.', "Sign in with a one-time code so the agency's answer reaches your phone or email.")}</p>
            <section className="card"><SignInForm /></section>
          </>
        )}
        {citizen.data && service.data && <AskForm mppId={service.data.mppId} serviceId={service.data.id} timezone={service.data.mpp.timezone} tenantName={service.data.tenant.name} />}
      </main>
    </>
  );
}

function AskForm({ mppId, serviceId, timezone, tenantName }: { mppId: string; serviceId: string; timezone: string; tenantName: string }) {
  const { t, lang } = useI18n();
  const tomorrow = addDays(todayIn(timezone), 1);
  const [kind, setKind] = useState<'question' | 'meeting'>('question');
  const [question, setQuestion] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [slotDate, setSlotDate] = useState(tomorrow);
  const [slotTime, setSlotTime] = useState<(typeof TIMES)[number]>('10:00');
  const ask = useMutation({
    mutationFn: async () => {
      if (file && file.size > MAX_BYTES) throw new ApiError(413, 'too_large', t('Lampiran terlalu besar (maksimal 2 MB).', 'Attachment too large (at most 2 MB).'));
      const attachment = file ? { fileName: file.name.slice(0, 200), contentBase64: await base64Of(file) } : undefined;
      return unwrap(client.POST('/api/citizen/me/consultations', {
        body: { mppId, serviceId, kind, question, ...(kind === 'meeting' ? { slotDate, slotTime } : {}), ...(attachment ? { attachment } : {}) },
        headers: citizenCsrf(),
      }));
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    ask.mutate();
  }
  if (ask.data) {
    const c = ask.data;
    return (
      <section className="consult-done" role="status" data-testid="consult-sent">
        <h2>{t('Pertanyaan terkirim', 'Question sent')}</h2>
        <p>{t(`Kode konsultasi: ${c.trackingCode}. ${c.tenantName} menjawab paling lambat ${dateTimeWithZone(c.dueAt, lang, c.timezone)}.`, `Consultation code: ${c.trackingCode}. ${c.tenantName} answers by ${dateTimeWithZone(c.dueAt, lang, c.timezone)}.`)}</p>
        <p>{t('Kami kirim jawabannya lewat SMS/WhatsApp atau email; jawaban juga tampil di Layanan saya.', 'We send the answer by SMS/WhatsApp or email; it also shows in My services.')}</p>
        <p><Link to={`/lacak-konsultasi/${encodeURIComponent(c.trackingCode)}`} data-testid="consult-track-link">{t('Lacak konsultasi dengan kode ini', 'Track the consultation with this code')}</Link></p>
        <Link to="/layanan-saya" className="button-link">{t('Ke Layanan saya', 'To My services')}</Link>
      </section>
    );
  }
  const fieldErrors = ask.error?.errors ?? [];
  return (
    <form className="card" onSubmit={submit} noValidate>
      <fieldset className="radio-row">
        <legend>{t('Jenis konsultasi', 'Kind of consultation')}</legend>
        <label><input type="radio" name="kind" checked={kind === 'question'} onChange={() => setKind('question')} /> {t('Pertanyaan tertulis', 'Written question')}</label>
        <label><input type="radio" name="kind" checked={kind === 'meeting'} onChange={() => setKind('meeting')} /> {t('Konsultasi daring (video)', 'Online consultation (video)')}</label>
      </fieldset>
      <label htmlFor="consult-question">{kind === 'meeting' ? t('Apa yang ingin dibahas?', 'What would you like to discuss?') : t('Pertanyaan Anda', 'Your question')}</label>
      <textarea id="consult-question" rows={5} maxLength={2000} value={question} onChange={(e) => { setQuestion(e.target.value); if (ask.error) ask.reset(); }} />
      {kind === 'meeting' && (
        <>
          <label htmlFor="consult-date">{t('Tanggal', 'Date')}</label>
          <input id="consult-date" type="date" min={tomorrow} max={addDays(tomorrow, 29)} value={slotDate} onChange={(e) => setSlotDate(e.target.value)} />
          <label htmlFor="consult-time">{t('Jam', 'Time')}</label>
          <select id="consult-time" value={slotTime} onChange={(e) => setSlotTime(e.target.value as (typeof TIMES)[number])}>
            {TIMES.map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
          <p className="muted small">{t(`${tenantName} mengonfirmasi jadwal dan mengirim tautan pertemuan video.`, `${tenantName} confirms the time and sends the video meeting link.`)}</p>
        </>
      )}
      <label htmlFor="consult-file">{t('Lampiran (opsional; PDF, JPEG atau PNG, maks. 2 MB)', 'Attachment (optional; PDF, JPEG or PNG, max. 2 MB)')}</label>
      <input id="consult-file" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      {ask.error && (
        <div className="error" role="alert">
          <p>{ask.error.message}</p>
          {fieldErrors.map((f, i) => <p key={i}>{f.message}</p>)}
        </div>
      )}
      <button type="submit" className="primary" disabled={ask.isPending}>{kind === 'meeting' ? t('Minta konsultasi daring', 'Request the online consultation') : t('Kirim pertanyaan', 'Send the question')}</button>
    </form>
  );
}
