import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiQuery, client, unwrap, type ApiData } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { useCurrentMpp } from '../current-mpp';
import { useSession } from '../session';
import { useI18n } from '../i18n';
import { dateTimeWithZone } from '../time';
import { CONSULTATION_KIND, CONSULTATION_STATUS, label } from './labels';
import './consultation.css';

type Item = ApiData<'/api/mpps/{mppId}/consultations'>[number];
const VIEWS = [
  ['open', 'Perlu dijawab', 'To answer'],
  ['answered', 'Selesai', 'Done'],
] as const;

/**
 * /staf/konsultasi: the agency's consultations, the open ones by due date; the officer opens one,
 * reads the question (and its attachment), answers it or confirms an online consultation with the
 * meeting link. The citizen is told by SMS/email and reads it in "Layanan saya".
 */
export function ConsultationsPage() {
  const { t, lang } = useI18n();
  const { mppId } = useCurrentMpp();
  const [view, setView] = useState<'open' | 'answered'>('open');
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({ ...apiQuery('/api/mpps/{mppId}/consultations', { params: { path: { mppId: mppId ?? '' }, query: { view } } }), enabled: !!mppId });
  const current = list.data?.find((c) => c.id === selected);
  return (
    <div className="app-staff">
      <h1>{t('Konsultasi', 'Consultations')}</h1>
      {mppId && <AnswerLimits mppId={mppId} />}
      <div className="app-tabs" role="group" aria-label={t('Daftar konsultasi', 'Consultation list')}>
        {VIEWS.map(([v, id, en]) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => { setView(v); setSelected(null); }}>{t(id, en)}</button>
        ))}
      </div>
      {list.error && <p className="error" role="alert">{list.error.message}</p>}
      {list.isPending && <p>{t('Memuat…', 'Loading…')}</p>}
      <div className="consult-staff">
        <ul className="consult-list" data-testid="consult-list">
          {list.data?.length === 0 && <li className="muted">{t('Tidak ada konsultasi di sini.', 'No consultations here.')}</li>}
          {list.data?.map((c) => (
            <li key={c.id}>
              <button type="button" aria-pressed={c.id === selected} onClick={() => setSelected(c.id)}>
                <strong>{c.serviceName}</strong> <span className="mono">{c.trackingCode}</span><br />
                <span className="muted">{label(CONSULTATION_KIND, c.kind, t)} · {label(CONSULTATION_STATUS, c.status, t)}</span><br />
                <span className={c.overdue ? 'app-flag app-flag-overdue' : 'muted'}>{t('Batas', 'Due')} {dateTimeWithZone(c.dueAt, lang, c.timezone)}{c.overdue ? ` · ${t('Terlambat', 'Overdue')}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
        {current ? <Detail key={current.id} mppId={mppId!} c={current} /> : <p className="muted">{t('Pilih konsultasi di daftar untuk membaca dan menjawabnya.', 'Choose a consultation in the list to read and answer it.')}</p>}
      </div>
    </div>
  );
}

function Detail({ mppId, c }: { mppId: string; c: Item }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [meetingUrl, setMeetingUrl] = useState('');
  const act = useMutation({
    mutationFn: (input: { action: 'answer' | 'schedule'; body: { answer?: string; meetingUrl?: string } }) =>
      unwrap(client.POST('/api/mpps/{mppId}/consultations/{consultationId}/actions/{action}', { params: { path: { mppId, consultationId: c.id, action: input.action } }, body: input.body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['/api/mpps/{mppId}/consultations'] }),
  });
  const can = (a: 'answer' | 'schedule') => c.allowedActions.includes(a);
  return (
    <section className="card" aria-labelledby="consult-detail-title" data-testid="consult-detail">
      <h2 id="consult-detail-title">{c.serviceName} <span className="mono">{c.trackingCode}</span></h2>
      <p className="muted">{label(CONSULTATION_KIND, c.kind, t)} · {t('diajukan', 'asked')} {dateTimeWithZone(c.submittedAt, lang, c.timezone)} · <strong>{label(CONSULTATION_STATUS, c.status, t)}</strong></p>
      <p className="consult-question" data-testid="consult-question">{c.question}</p>
      {c.slotStart && <p>{t('Jadwal yang diminta', 'Time asked for')}: <strong>{dateTimeWithZone(c.slotStart, lang, c.timezone)}</strong></p>}
      {c.meetingUrl && <p>{t('Tautan pertemuan', 'Meeting link')}: <a href={c.meetingUrl} target="_blank" rel="noreferrer noopener">{c.meetingUrl}</a></p>}
      {c.attachment && (
        <p>{t('Lampiran', 'Attachment')}: <a href={`/api/mpps/${mppId}/consultations/${c.id}/attachment`} target="_blank" rel="noreferrer">{c.attachment.fileName}</a> <span className="muted">({Math.ceil(c.attachment.sizeBytes / 1024)} KB)</span></p>
      )}
      {c.answer && <div className="consult-answer"><p><strong>{t('Jawaban', 'Answer')}</strong></p><p>{c.answer}</p></div>}
      {can('schedule') && (
        <form onSubmit={(e) => { e.preventDefault(); act.mutate({ action: 'schedule', body: { meetingUrl } }); }}>
          <label htmlFor="consult-url">{t('Tautan pertemuan video (https://)', 'Video meeting link (https://)')}</label>
          <input id="consult-url" type="url" value={meetingUrl} onChange={(e) => setMeetingUrl(e.target.value)} placeholder="https://" />
          <button type="submit" disabled={act.isPending}>{t('Konfirmasi jadwal', 'Confirm the time')}</button>
        </form>
      )}
      {can('answer') && (
        <form onSubmit={(e) => { e.preventDefault(); act.mutate({ action: 'answer', body: { answer } }); }}>
          <label htmlFor="consult-answer">{c.kind === 'meeting' ? t('Ringkasan / jawaban untuk warga', 'Summary / answer for the citizen') : t('Jawaban untuk warga', 'Answer for the citizen')}</label>
          <textarea id="consult-answer" rows={5} maxLength={4000} value={answer} onChange={(e) => setAnswer(e.target.value)} />
          <button type="submit" className="primary" disabled={act.isPending}>{t('Kirim jawaban', 'Send the answer')}</button>
        </form>
      )}
      {act.error && <p className="error" role="alert">{[act.error.message, ...act.error.errors.map((x) => x.message)].join(' ')}</p>}
      {c.status === 'answered' && c.kind === 'question' && <FaqControl mppId={mppId} c={c} />}
      <h3>{t('Riwayat', 'History')}</h3>
      <ol className="timeline">
        {c.steps.map((s, i) => <li key={i}>{dateTimeWithZone(s.at, lang, c.timezone)} · {label(CONSULTATION_STATUS, s.status, t)}{s.actor ? ` · ${s.actor}` : ` · ${t('warga', 'citizen')}`}</li>)}
      </ol>
    </section>
  );
}

/**
 * The answer limit (3 working days until set): one form per agency a tenant admin administers; an MPP
 * (or national) admin chooses the agency of this MPP from a list.
 */
function AnswerLimits({ mppId }: { mppId: string }) {
  const { user } = useSession();
  const tenants = [...new Set(user?.grants.filter((g) => g.role === 'tenant_admin' && g.mppId === mppId && g.tenantId).map((g) => g.tenantId!) ?? [])];
  const wholeMpp = !!user?.grants.some((g) => g.role === 'national_admin' || (g.role === 'mpp_admin' && g.mppId === mppId));
  if (wholeMpp) return <AgencyAnswerLimit mppId={mppId} />;
  return <>{tenants.map((tenantId) => <AnswerLimit key={tenantId} mppId={mppId} tenantId={tenantId} />)}</>;
}

function AgencyAnswerLimit({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const tenants = useApiQuery('/api/catalog/mpps/{mppId}/tenants', { params: { path: { mppId } } });
  const [tenantId, setTenantId] = useState('');
  return (
    <div className="consult-settings-mpp">
      <label htmlFor="consult-tenant">{t('Instansi (atur batas menjawab)', 'Agency (set its answer limit)')}</label>
      <select id="consult-tenant" value={tenantId} onChange={(e) => setTenantId(e.target.value)}>
        <option value="">{t('— pilih instansi —', '— choose an agency —')}</option>
        {tenants.data?.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
      </select>
      {tenantId && <AnswerLimit key={tenantId} mppId={mppId} tenantId={tenantId} />}
    </div>
  );
}

function AnswerLimit({ mppId, tenantId }: { mppId: string; tenantId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const path = { params: { path: { mppId, tenantId } } };
  const settings = useQuery(apiQuery('/api/mpps/{mppId}/tenants/{tenantId}/consultation-settings', path));
  const [days, setDays] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (answerWorkingDays: number) => unwrap(client.PUT('/api/mpps/{mppId}/tenants/{tenantId}/consultation-settings', { ...path, body: { answerWorkingDays } })),
    onSuccess: () => { setDays(null); return queryClient.invalidateQueries({ queryKey: ['/api/mpps/{mppId}/tenants/{tenantId}/consultation-settings'] }); },
  });
  if (!settings.data) return null;
  const id = `consult-days-${tenantId}`;
  return (
    <form className="consult-settings" data-testid="consult-settings" onSubmit={(e) => { e.preventDefault(); save.mutate(Number(days ?? settings.data.answerWorkingDays)); }}>
      <label htmlFor={id}>{t('Batas menjawab (hari kerja)', 'Answer limit (working days)')}</label>
      <input id={id} type="number" min={1} max={30} value={days ?? settings.data.answerWorkingDays} onChange={(e) => setDays(e.target.value)} />
      <button type="submit" disabled={save.isPending || days === null}>{t('Simpan batas', 'Save the limit')}</button>
      <span className="small muted" role="status">{save.isSuccess ? t('Tersimpan; berlaku untuk konsultasi baru.', 'Saved; applies to new consultations.') : ''}</span>
      {save.error && <p className="error" role="alert">{[save.error.message, ...save.error.errors.map((x) => x.message)].join(' ')}</p>}
    </form>
  );
}

/** Publish the answer as the service's FAQ (the question may be reworded to drop personal details), or take it off. */
function FaqControl({ mppId, c }: { mppId: string; c: Item }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [question, setQuestion] = useState(c.faq?.question ?? c.question);
  const path = { params: { path: { mppId, consultationId: c.id } } };
  const done = () => queryClient.invalidateQueries({ queryKey: ['/api/mpps/{mppId}/consultations'] });
  const publish = useMutation({ mutationFn: () => unwrap(client.PUT('/api/mpps/{mppId}/consultations/{consultationId}/faq', { ...path, body: { question } })), onSuccess: done });
  const unpublish = useMutation({ mutationFn: () => unwrap(client.DELETE('/api/mpps/{mppId}/consultations/{consultationId}/faq', path)), onSuccess: done });
  const error = publish.error ?? unpublish.error;
  return (
    <form className="consult-faq-form" data-testid="consult-faq" onSubmit={(e) => { e.preventDefault(); publish.mutate(); }}>
      <h3>{t('FAQ di halaman layanan', 'FAQ on the service page')}</h3>
      <p className="small muted">{c.faq ? t('Diterbitkan: pertanyaan dan jawaban tampil di halaman publik layanan (tanpa nama, kontak atau lampiran warga).', "Published: the question and answer show on the service's public page (never the citizen's name, contact or attachment).") : t('Terbitkan jawaban yang baik sebagai FAQ. Hapus nama atau data pribadi dari pertanyaan.', 'Publish a good answer as FAQ. Remove names or personal details from the question.')}</p>
      <label htmlFor="consult-faq-q">{t('Pertanyaan yang diterbitkan', 'Question as published')}</label>
      <input id="consult-faq-q" type="text" maxLength={2000} value={question} onChange={(e) => setQuestion(e.target.value)} />
      <button type="submit" disabled={publish.isPending}>{c.faq ? t('Perbarui FAQ', 'Update the FAQ') : t('Terbitkan sebagai FAQ', 'Publish as FAQ')}</button>
      {c.faq && <button type="button" className="secondary" disabled={unpublish.isPending} onClick={() => unpublish.mutate()}>{t('Tarik dari FAQ', 'Take off the FAQ')}</button>}
      {error && <p className="error" role="alert">{[error.message, ...error.errors.map((x) => x.message)].join(' ')}</p>}
    </form>
  );
}
