import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { citizenCsrf } from '../citizen/browser';
import { SignInForm } from '../citizen/SignInForm';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { dateTimeWithZone } from '../time';
import { pick, STATUS } from './labels';
import { useCitizenSignedIn } from './WalletPage';
import './applications.css';

const GRANT_DAYS = [7, 14, 30, 90] as const;
type Field = 'nik' | 'name' | 'consent';

/**
 * /permohonan-daring/:slug/:code, reached from a service page that takes online applications
 * ("Ajukan permohonan daring"): the signed-in citizen sees which requirements are already in
 * "Dokumen saya", chooses which of them the handling agency may open and for how long (consent), and
 * applies; the answer is the tracking code, the state and the due date. Without a session the page
 * signs the citizen in first and stays here.
 */
export function ApplyOnlinePage() {
  const { t } = useI18n();
  const { slug = '', code = '' } = useParams();
  const service = useApiQuery('/api/public/mpps/{slug}/services/{code}', { params: { path: { slug, code } } });
  const citizen = useCitizenSignedIn();
  const s = service.data;
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main app-public">
        <h1>{t('Ajukan permohonan daring', 'Apply online')}</h1>
        {s && <p className="muted"><Link to={`/mpp/${slug}/layanan/${code}`}>{s.name}</Link> · {s.tenant.name} · {s.mpp.name}</p>}
        {(service.error ?? citizen.error) && <p className="error" role="alert">{(service.error ?? citizen.error)!.message}</p>}
        {s && !s.channels.includes('online') && (
          <p role="alert">{t('Layanan ini tidak menerima permohonan daring. Ajukan langsung di loket.', 'This service takes no online applications. Apply at the counter.')}</p>
        )}
        {s?.channels.includes('online') && citizen.data === null && (
          <>
            <p>{t('Masuk dengan kode sekali pakai. Setelah masuk Anda kembali ke formulir ini, dan kabar permohonan dikirim ke ponsel atau email Anda.', 'Sign in with a one-time code. You come back to this form, and news of the application goes to your phone or email.')}</p>
            <section className="card"><SignInForm /></section>
          </>
        )}
        {s?.channels.includes('online') && citizen.data && <ApplyForm mppId={s.mppId} serviceId={s.id} tenantName={s.tenant.name} />}
      </main>
    </>
  );
}

function ApplyForm({ mppId, serviceId, tenantName }: { mppId: string; serviceId: string; tenantName: string }) {
  const { t, lang } = useI18n();
  // Back from "Dokumen saya" with a document added, the pre-check must show it.
  const precheck = useApiQuery('/api/citizen/me/precheck/{mppId}/{serviceId}', { params: { path: { mppId, serviceId } } }, { refetchOnMount: 'always' });
  const docs = useApiQuery('/api/citizen/me/documents', undefined, { refetchOnMount: 'always' });
  const [nik, setNik] = useState('');
  const [name, setName] = useState('');
  // Requirement types the citizen chose to share; every one in the wallet is offered, none forced.
  const [shared, setShared] = useState<string[] | null>(null);
  const [days, setDays] = useState<number>(30);
  const [consent, setConsent] = useState(false);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [focusTick, setFocusTick] = useState(0);
  const formError = useRef<HTMLParagraphElement>(null);
  const apply = useApiMutation('post', '/api/citizen/me/applications', { invalidates: ['/api/citizen/me/applications', '/api/citizen/me/documents', '/api/citizen/me/precheck/{mppId}/{serviceId}'] });

  const inWallet = (precheck.data?.requirements ?? []).filter((r) => r.inWallet);
  const chosen = shared ?? inWallet.map((r) => r.typeCode);
  // The newest document of each chosen type (the wallet lists newest first).
  const documentIds = chosen.map((type) => docs.data?.find((d) => d.typeCode === type)?.id).filter((id): id is string => !!id);

  const server: Partial<Record<Field, string>> = {};
  for (const e of apply.error?.errors ?? []) {
    const f = e.path.replace(/^body\./, '');
    if (f === 'nik' || f === 'name') server[f] ??= e.message;
  }
  const errors = { ...server, ...local };
  const formMessage = apply.error && !Object.keys(server).length ? apply.error.message : null;

  // After a refused submit the first field with a problem takes the focus, else the form's message.
  useEffect(() => {
    if (!focusTick) return;
    const first = (['nik', 'name', 'consent'] as const).find((f) => errors[f]);
    if (first) document.getElementById(`apply-${first}`)?.focus();
    else if (formMessage) formError.current?.focus();
  }, [focusTick, apply.error]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!/^\d{16}$/.test(nik.trim())) found.nik = t('NIK harus 16 digit angka (tertera di KTP/KK).', 'A NIK has exactly 16 digits (printed on the KTP/KK).');
    if (name.trim().length < 2) found.name = t('Tulis nama lengkap sesuai KTP-el.', 'Write your full name as on the KTP-el.');
    if (documentIds.length && !consent) found.consent = t(`Centang persetujuan agar ${tenantName} dapat membuka dokumen yang dipilih, atau jangan pilih dokumen.`, `Tick the consent so ${tenantName} may open the chosen documents, or choose none.`);
    setLocal(found);
    setFocusTick((n) => n + 1);
    if (Object.keys(found).length) return;
    apply.mutate({
      body: { mppId, serviceId, nik: nik.trim(), name: name.trim(), ...(documentIds.length ? { grant: { documentIds, days } } : {}) },
      headers: citizenCsrf(),
    });
  }

  if (apply.data) {
    const a = apply.data;
    return (
      <section className="card" role="status" data-testid="apply-done">
        <h2>{t('Permohonan terkirim', 'Application sent')}</h2>
        <p>{t('Kode pelacakan', 'Tracking code')}: <strong className="mono" data-testid="apply-code">{a.trackingCode}</strong></p>
        <p>{t('Status', 'Status')}: <strong>{pick(STATUS, a.status, t)}</strong> · {t('batas waktu', 'due')} {dateTimeWithZone(a.dueAt, lang, a.timezone)}</p>
        <p>{documentIds.length
          ? t(`${tenantName} dapat membuka ${chosen.length} dokumen pilihan Anda selama ${days} hari; setiap kali dibuka tercatat di Dokumen saya.`, `${tenantName} may open the ${chosen.length} documents you chose for ${days} days; every opening is listed in My documents.`)
          : t('Anda tidak membagikan dokumen; bawa persyaratan saat diminta.', 'You shared no documents; bring the requirements when asked.')}</p>
        <p>{t('Setiap perubahan status dikirim lewat SMS/WhatsApp atau email.', 'Every change of status is sent by SMS/WhatsApp or email.')}</p>
        <div className="button-row">
          <Link to="/layanan-saya" className="button-link" data-testid="apply-to-mine">{t('Lihat di Layanan saya', 'See it in My services')}</Link>{' '}
          <Link to={`/permohonan/${a.trackingCode}`} className="button-link secondary">{t('Lacak permohonan', 'Track the application')}</Link>
        </div>
      </section>
    );
  }

  const describe = (f: Field) => (errors[f] ? `apply-${f}-error` : undefined);
  const requirements = precheck.data?.requirements ?? [];
  return (
    <form className="card apply-online" onSubmit={submit} noValidate>
      <h2>{t('Persyaratan', 'Requirements')}</h2>
      {precheck.data && (
        <p data-testid="apply-summary">{precheck.data.missing === 0
          ? t('Semua persyaratan sudah ada di Dokumen saya.', 'Every requirement is in My documents.')
          : t(`${requirements.length - precheck.data.missing} dari ${requirements.length} persyaratan sudah ada di Dokumen saya.`, `${requirements.length - precheck.data.missing} of ${requirements.length} requirements are in My documents.`)}</p>
      )}
      {requirements.length > 0 && (
        <fieldset className="apply-reqs">
          <legend>{t(`Pilih dokumen yang boleh dibuka ${tenantName}`, `Choose the documents ${tenantName} may open`)}</legend>
          <ul>
            {requirements.map((r) => (
              <li key={r.typeCode} data-testid={`apply-req-${r.typeCode}`}>
                {r.inWallet ? (
                  <label>
                    <input type="checkbox" checked={chosen.includes(r.typeCode)} onChange={(e) => setShared(e.target.checked ? [...chosen, r.typeCode] : chosen.filter((c) => c !== r.typeCode))} />
                    {' '}{r.name} <span className="ok">({t('ada di dompet', 'in the wallet')})</span>
                  </label>
                ) : (
                  <span>✗ {r.name} <span className="no">({t('belum ada', 'missing')})</span></span>
                )}
              </li>
            ))}
          </ul>
          {precheck.data && precheck.data.missing > 0 && (
            <p className="small">{t('Yang belum ada dapat ditambahkan di ', 'What is missing can be added in ')}<Link to="/dokumen-saya">{t('Dokumen saya', 'My documents')}</Link>{t(' lalu dibagikan nanti, atau dibawa ke loket.', ' and shared later, or brought to the counter.')}</p>
          )}
        </fieldset>
      )}
      {documentIds.length > 0 && (
        <>
          <label htmlFor="apply-days">{t('Izin berlaku selama', 'Access lasts')}</label>
          <select id="apply-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {GRANT_DAYS.map((d) => <option key={d} value={d}>{t(`${d} hari`, `${d} days`)}</option>)}
          </select>
          <label className="apply-consent">
            <input id="apply-consent" type="checkbox" checked={consent} aria-invalid={!!errors.consent} aria-describedby={describe('consent')} onChange={(e) => { setConsent(e.target.checked); setLocal((l) => ({ ...l, consent: undefined })); }} />
            {' '}{t(
              `Saya mengizinkan ${tenantName} membuka dokumen yang saya pilih hanya untuk permohonan ini, selama ${days} hari. Setiap pembukaan dicatat dan tampil di Dokumen saya; izin dapat saya cabut kapan saja (UU 27/2022 tentang Pelindungan Data Pribadi).`,
              `I allow ${tenantName} to open the documents I chose, only for this application, for ${days} days. Every opening is logged and shown in My documents; I can revoke it at any time (Law 27/2022 on Personal Data Protection).`,
            )}
          </label>
          {errors.consent && <small id="apply-consent-error" className="error">{errors.consent}</small>}
        </>
      )}
      <h2>{t('Data pemohon', 'Applicant')}</h2>
      <label htmlFor="apply-nik">{t('NIK (16 digit, dari KTP-el)', 'NIK (16 digits, from the KTP-el)')}</label>
      <input id="apply-nik" value={nik} onChange={(e) => { setNik(e.target.value); setLocal((l) => ({ ...l, nik: undefined })); }} inputMode="numeric" maxLength={16} autoComplete="off" aria-invalid={!!errors.nik} aria-describedby={describe('nik')} />
      {errors.nik && <small id="apply-nik-error" className="error">{errors.nik}</small>}
      <label htmlFor="apply-name">{t('Nama lengkap', 'Full name')}</label>
      <input id="apply-name" value={name} onChange={(e) => { setName(e.target.value); setLocal((l) => ({ ...l, name: undefined })); }} autoComplete="name" maxLength={200} aria-invalid={!!errors.name} aria-describedby={describe('name')} />
      {errors.name && <small id="apply-name-error" className="error">{errors.name}</small>}
      {formMessage && <p className="error" role="alert" tabIndex={-1} ref={formError}>{formMessage}</p>}
      <button type="submit" className="primary" disabled={apply.isPending}>{t('Kirim permohonan', 'Send the application')}</button>
    </form>
  );
}
