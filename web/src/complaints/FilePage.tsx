import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { LoadStatus, useApiMutation, useApiQuery } from '../api/hooks';
import type { ResponseOf } from '../api/types';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { CLASS_LABEL, formatDateTime, pick, SUBJECT_LABEL } from './labels';
import './complaints.css';

type Filed = ResponseOf<'/api/mpps/{mppId}/complaints', 'post'>;

/** The public complaint form of one MPP: /pengaduan/:slug. Sends multipart so photos/PDFs go along. */
export function FileComplaintPage() {
  const { slug = '' } = useParams();
  const { t, lang } = useI18n();
  const [filed, setFiled] = useState<Filed | null>(null);
  const file = useApiMutation('post', '/api/mpps/{mppId}/complaints', {
    invalidates: [],
    onSuccess: (done) => {
      setFiled(done ?? null);
      window.scrollTo(0, 0);
    },
  });
  const busy = file.isPending;
  const fieldErrors = file.error?.errors ?? [];
  const error = !file.error ? null : file.error.status === 0 ? t('Tidak dapat mengirim. Periksa koneksi lalu coba lagi.', 'Could not send. Check the connection and try again.') : file.error.message;
  const [params] = useSearchParams();
  const [subjectType, setSubjectType] = useState('mpp');
  const [tenantId, setTenantId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const optionsQuery = useApiQuery('/api/complaints/options/{slug}', { params: { path: { slug } } });
  const options = optionsQuery.data;
  const notFound = !!optionsQuery.error && optionsQuery.error.status >= 400 && optionsQuery.error.status < 500;
  // Opened from a service page: the complaint is about that service, already chosen (once per MPP).
  const [presetFor, setPresetFor] = useState<string | null>(null);
  if (options && presetFor !== options.mpp.id) {
    setPresetFor(options.mpp.id);
    const pre = options.services.find((s) => s.id === params.get('layanan'));
    if (pre) {
      setSubjectType('service');
      setTenantId(pre.tenantId);
      setServiceId(pre.id);
    }
  }

  // After a refused submit, the first field with a problem gets the focus (its message is tied to it).
  useEffect(() => {
    if (!file.error) return;
    const first = file.error.errors[0]?.path.replace(/^body\./, '');
    if (first) document.getElementById(first)?.focus();
    else document.getElementById('complaint-error')?.focus();
  }, [file.error]);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!options) return;
    // Multipart, so photos and PDFs go along; the server reads the same fields as from JSON.
    file.mutate({ params: { path: { mppId: options.mpp.id } }, body: new FormData(e.currentTarget) as never });
  }

  const fieldError = (name: string) => fieldErrors.find((f) => f.path === `body.${name}`)?.message;

  if (filed) {
    return (
      <>
        <PublicHeader />
        <main id="main" className="public-main complaint-public">
          <section className="card filed" aria-live="polite">
            <h1>{t('Pengaduan Anda sudah kami terima', 'We have received your complaint')}</h1>
            <p>{t('Simpan kode lacak ini. Hanya dengan kode ini Anda dapat mengikuti pengaduan, terutama jika Anda tidak meninggalkan kontak.', 'Keep this tracking code. It is the only way to follow your complaint, especially if you left no contact.')}</p>
            <p className="tracking-code" data-testid="tracking-code">{filed.trackingCode}</p>
            <p>{t('Batas waktu verifikasi', 'Verification due by')}: <strong>{formatDateTime(filed.verificationDueAt, lang, filed.timezone)}</strong></p>
            {filed.attachments > 0 && <p>{t(`${filed.attachments} lampiran terkirim.`, `${filed.attachments} attachment(s) sent.`)}</p>}
            <Link className="button primary" to={`/lacak/${filed.trackingCode}`}>{t('Lacak pengaduan', 'Track the complaint')}</Link>
          </section>
        </main>
      </>
    );
  }

  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main complaint-public">
        <h1>{t('Sampaikan pengaduan', 'File a complaint')}</h1>
        {options && <p className="muted">{options.mpp.name}</p>}
        <p>{t('Sudah punya kode lacak?', 'Already have a tracking code?')} <Link to="/lacak">{t('Lacak pengaduan', 'Track a complaint')}</Link></p>
        {notFound ? (
          <section className="not-found">
            <p className="error" role="alert">{t('MPP ini tidak ditemukan atau belum dibuka untuk umum.', 'This MPP was not found or is not public yet.')}</p>
            <p><Link to="/mpp">{t('Pilih MPP dari daftar', 'Choose an MPP from the directory')}</Link> · <Link to="/">{t('Kembali ke beranda', 'Back to the home page')}</Link></p>
          </section>
        ) : (
          <LoadStatus queries={[optionsQuery]} />
        )}
        {options && params.get('layanan') && !options.services.some((s) => s.id === params.get('layanan')) && (
          <p className="notice" role="status" data-testid="complaint-wanted-missing">
            {t('Layanan dari tautan ini tidak ditemukan di MPP ini. Pilih layanannya di bawah, atau adukan MPP-nya.', 'The service in this link was not found at this MPP. Choose it below, or complain about the MPP.')}
          </p>
        )}
        {error && <p id="complaint-error" className="error" role="alert" tabIndex={-1}>{error}</p>}
        {options && (
          <form className="card complaint-form" onSubmit={submit} noValidate>
            <fieldset>
              <legend>{t('Jenis', 'Kind')}</legend>
              {(Object.keys(CLASS_LABEL) as (keyof typeof CLASS_LABEL)[]).map((c, i) => (
                <label key={c} className="choice"><input type="radio" name="class" value={c} defaultChecked={i === 0} /> {pick(CLASS_LABEL, c, t)}</label>
              ))}
            </fieldset>
            <label htmlFor="subjectType">{t('Tentang', 'About')}</label>
            <select id="subjectType" name="subjectType" value={subjectType} onChange={(e) => setSubjectType(e.target.value)}>
              {(Object.keys(SUBJECT_LABEL) as (keyof typeof SUBJECT_LABEL)[]).map((s) => <option key={s} value={s}>{pick(SUBJECT_LABEL, s, t)}</option>)}
            </select>
            {['tenant', 'service', 'officer', 'facility'].includes(subjectType) && (
              <>
                <label htmlFor="subjectTenantId">{t('Instansi', 'Agency')}{subjectType !== 'tenant' && ` (${t('opsional', 'optional')})`}</label>
                <select id="subjectTenantId" name={subjectType === 'service' ? '' : 'subjectTenantId'} value={tenantId} onChange={(e) => setTenantId(e.target.value)}>
                  <option value="">–</option>
                  {options.tenants.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
                </select>
              </>
            )}
            {subjectType === 'service' && (
              <>
                <label htmlFor="subjectServiceId">{t('Layanan', 'Service')}</label>
                <select id="subjectServiceId" name="subjectServiceId" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
                  <option value="">–</option>
                  {options.services.filter((s) => !tenantId || s.tenantId === tenantId).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                </select>
              </>
            )}
            {(subjectType === 'facility' || subjectType === 'officer') && (
              <>
                <label htmlFor="subjectDetail">{subjectType === 'facility' ? t('Fasilitas yang dimaksud', 'Which facility') : t('Nama atau nomor loket petugas', 'Officer name or counter number')}</label>
                <input id="subjectDetail" name="subjectDetail" maxLength={200} />
              </>
            )}
            <label htmlFor="description">{t('Uraian', 'Description')}</label>
            <textarea id="description" name="description" rows={6} minLength={10} maxLength={5000} required aria-invalid={!!fieldError('description')} aria-describedby="description-help" />
            <small id="description-help" className={fieldError('description') ? 'error' : 'muted'}>
              {fieldError('description') ?? t('Ceritakan apa yang terjadi, kapan dan di mana (10-5000 karakter).', 'Say what happened, when and where (10-5000 characters).')}
            </small>
            <label htmlFor="attachments">{t('Foto atau PDF (opsional, maks. 3 berkas, 5 MB per berkas)', 'Photos or PDF (optional, up to 3 files, 5 MB each)')}</label>
            <input id="attachments" name="attachments" type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" />

            <fieldset>
              <legend>{t('Kontak (opsional)', 'Contact (optional)')}</legend>
              <p className="muted small">{t('Boleh dikosongkan: pengaduan anonim hanya dapat diikuti dengan kode lacak.', 'You may leave this empty: an anonymous complaint can only be followed with its tracking code.')}</p>
              <label htmlFor="contactName">{t('Nama', 'Name')}</label>
              <input id="contactName" name="contactName" maxLength={200} autoComplete="name" />
              <label htmlFor="contactEmail">Email</label>
              <input id="contactEmail" name="contactEmail" type="email" maxLength={200} autoComplete="email" aria-invalid={!!fieldError('contactEmail')} aria-describedby={fieldError('contactEmail') ? 'contactEmail-error' : undefined} />
              {fieldError('contactEmail') && <small id="contactEmail-error" className="error">{fieldError('contactEmail')}</small>}
              <label htmlFor="contactPhone">{t('Nomor telepon', 'Phone number')}</label>
              <input id="contactPhone" name="contactPhone" inputMode="tel" maxLength={20} autoComplete="tel" />
              <label className="choice"><input type="checkbox" name="consentShareIdentity" value="true" /> {t('Saya setuju identitas saya diketahui instansi yang saya adukan.', 'I agree that the agency I complain about may see who I am.')}</label>
              <p className="muted small">{t('Tanpa persetujuan ini, identitas Anda hanya diketahui pengelola pengaduan MPP.', 'Without this consent, only the MPP\'s complaint handlers see who you are.')}</p>
            </fieldset>
            <button type="submit" className="primary wide" disabled={busy}>{busy ? t('Mengirim…', 'Sending…') : t('Kirim pengaduan', 'Send complaint')}</button>
          </form>
        )}
      </main>
    </>
  );
}
