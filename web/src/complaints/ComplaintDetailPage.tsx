import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LoadStatus, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import type { BodyOf } from '../api/types';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { ACTION_LABEL, CLASS_LABEL, formatDateTime, pick, STATUS_LABEL, SUBJECT_LABEL } from './labels';
import type { ComplaintDetail } from './staff';
import './complaints.css';

type Action = ComplaintDetail['allowedActions'][number];

/** One complaint for a handler or the assigned tenant: facts, the steps allowed now, history. */
export function ComplaintDetailPage() {
  const { complaintId = '' } = useParams();
  const { mppId, mpp } = useCurrentMpp();
  const timezone = mpp?.timezone;
  const { t, lang } = useI18n();
  const [form, setForm] = useState({ track: 'simple' as 'simple' | 'dispute' | 'dispute_field_check', setAsideAs: 'not_ours' as 'not_ours' | 'duplicate' | 'archived', reason: '', duplicateOfCode: '', tenantId: '', answer: '', note: '' });

  const path = { mppId: mppId ?? '', complaintId };
  const detail = useApiQuery('/api/mpps/{mppId}/complaints/{complaintId}', mppId ? { params: { path } } : null);
  const c = detail.data;
  const tenants = useApiQuery('/api/complaints/options/{slug}', mppId ? { params: { path: { slug: mppId } } } : null).data?.tenants ?? [];
  // After a step or a note the page shows the complaint as the server now holds it (and the list its status).
  const invalidates = ['/api/mpps/{mppId}/complaints/{complaintId}', '/api/mpps/{mppId}/complaints'] as const;
  const step = useApiMutation('post', '/api/mpps/{mppId}/complaints/{complaintId}/actions/{action}', { invalidates: [...invalidates], onSuccess: () => setForm((f) => ({ ...f, answer: '', note: '', reason: '' })) });
  const note = useApiMutation('post', '/api/mpps/{mppId}/complaints/{complaintId}/notes', { invalidates: [...invalidates], onSuccess: () => setForm((f) => ({ ...f, note: '' })) });

  function act(action: Action) {
    note.reset();
    const bodies: Partial<Record<Action, BodyOf<'/api/mpps/{mppId}/complaints/{complaintId}/actions/{action}', 'post'>>> = {
      verify: { track: form.track, note: form.note || undefined },
      set_aside: { setAsideAs: form.setAsideAs, reason: form.reason, duplicateOfCode: form.duplicateOfCode || undefined },
      assign: { tenantId: form.tenantId || c?.subjectTenantId || undefined },
      start: {},
      answer: { answer: form.answer, note: form.note || undefined },
    };
    step.mutate({ params: { path: { ...path, action } }, body: bodies[action] ?? {} });
  }

  const addNote = () => note.mutate({ params: { path }, body: { note: form.note } });

  if (!c) return <section><LoadStatus queries={[detail]} /></section>;
  const can = (a: string) => c.allowedActions.includes(a as never);

  return (
    <section className="complaint-staff">
      <p><Link to="/staf/pengaduan">← {t('Daftar pengaduan', 'Complaint list')}</Link></p>
      <h1>{t('Pengaduan', 'Complaint')} <span className="mono">{c.trackingCode}</span></h1>
      <p><span className={`status status-${c.status}`}>{pick(STATUS_LABEL, c.status, t)}</span> {c.overdue && <span className="badge-overdue">{t('TERLAMBAT', 'OVERDUE')}</span>}</p>
      <WriteError error={step.error ?? note.error} />
      <dl>
        <dt>{t('Jenis', 'Kind')}</dt><dd>{pick(CLASS_LABEL, c.class, t)}</dd>
        <dt>{t('Tentang', 'About')}</dt><dd>{pick(SUBJECT_LABEL, c.subjectType, t)}{c.subjectDetail ? `: ${c.subjectDetail}` : ''}</dd>
        <dt>{t('Diterima', 'Received')}</dt><dd>{formatDateTime(c.receivedAt, lang, timezone)} ({c.channel})</dd>
        <dt>{t('Batas waktu', 'Due')}</dt><dd>{formatDateTime(c.dueAt, lang, timezone)}</dd>
        <dt>{t('Pelapor', 'Complainant')}</dt>
        <dd>{c.anonymous ? t('Anonim', 'Anonymous') : c.contact ? [c.contact.name, c.contact.email, c.contact.phone].filter(Boolean).join(' · ') : t('Disembunyikan (tanpa persetujuan pelapor)', 'Hidden (no consent from the complainant)')}</dd>
        <dt>{t('Uraian', 'Description')}</dt><dd className="pre">{c.description}</dd>
        {c.attachments.length > 0 && (
          <>
            <dt>{t('Lampiran', 'Attachments')}</dt>
            <dd>{c.attachments.map((a) => <div key={a.id}><a href={`/api/mpps/${mppId}/complaints/${complaintId}/attachments/${a.id}`}>{a.fileName}</a> ({Math.ceil(a.sizeBytes / 1024)} KB)</div>)}</dd>
          </>
        )}
        {c.publicAnswer && (<><dt>{t('Jawaban', 'Answer')}</dt><dd className="pre">{c.publicAnswer}</dd></>)}
      </dl>

      <h2>{t('Tindakan', 'Actions')}</h2>
      {c.allowedActions.length === 0 && <p className="muted">{t('Tidak ada tindakan pada status ini.', 'No action in this status.')}</p>}
      <div className="actions-panel">
        {can('verify') && (
          <div className="card">
            <label htmlFor="track">{t('Jalur penyelesaian', 'Resolution track')}</label>
            <select id="track" value={form.track} onChange={(e) => setForm({ ...form, track: e.target.value as typeof form.track })}>
              <option value="simple">{t('Sederhana (5 hari kerja)', 'Simple (5 working days)')}</option>
              <option value="dispute">{t('Sengketa tanpa cek lapangan (14)', 'Dispute, no field check (14)')}</option>
              <option value="dispute_field_check">{t('Sengketa dengan cek lapangan (60)', 'Dispute with field check (60)')}</option>
            </select>
            <button type="button" className="primary wide" onClick={() => act('verify')}>{pick(ACTION_LABEL, 'verify', t)}</button>
          </div>
        )}
        {can('set_aside') && (
          <div className="card">
            <label htmlFor="setAsideAs">{t('Kesampingkan sebagai', 'Set aside as')}</label>
            <select id="setAsideAs" value={form.setAsideAs} onChange={(e) => setForm({ ...form, setAsideAs: e.target.value as typeof form.setAsideAs })}>
              <option value="not_ours">{t('Bukan wewenang', 'Not our remit')}</option>
              <option value="duplicate">{t('Duplikat', 'Duplicate')}</option>
              <option value="archived">{t('Arsipkan', 'Archive')}</option>
            </select>
            {form.setAsideAs === 'duplicate' && <input aria-label={t('Kode lacak asal', 'Original tracking code')} placeholder={t('Kode lacak asal', 'Original tracking code')} value={form.duplicateOfCode} onChange={(e) => setForm({ ...form, duplicateOfCode: e.target.value })} />}
            <label htmlFor="reason">{t('Alasan (dilihat pelapor)', 'Reason (the citizen sees it)')}</label>
            <textarea id="reason" rows={2} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
            <button type="button" className="wide" onClick={() => act('set_aside')}>{pick(ACTION_LABEL, 'set_aside', t)}</button>
          </div>
        )}
        {can('assign') && (
          <div className="card">
            <label htmlFor="tenantId">{t('Instansi yang menindaklanjuti', 'Agency to handle it')}</label>
            <select id="tenantId" value={form.tenantId || c.subjectTenantId || ''} onChange={(e) => setForm({ ...form, tenantId: e.target.value })}>
              <option value="">–</option>
              {tenants.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
            </select>
            <button type="button" className="wide" onClick={() => act('assign')}>{pick(ACTION_LABEL, 'assign', t)}</button>
          </div>
        )}
        {can('start') && <div className="card"><button type="button" className="wide" onClick={() => act('start')}>{pick(ACTION_LABEL, 'start', t)}</button></div>}
        {can('answer') && (
          <div className="card">
            <label htmlFor="answer">{t('Jawaban untuk pelapor (publik)', 'Answer to the citizen (public)')}</label>
            <textarea id="answer" rows={4} value={form.answer} onChange={(e) => setForm({ ...form, answer: e.target.value })} />
            <button type="button" className="primary wide" onClick={() => act('answer')}>{pick(ACTION_LABEL, 'answer', t)}</button>
          </div>
        )}
      </div>
      <h2>{t('Catatan internal', 'Internal note')}</h2>
      <textarea aria-label={t('Catatan internal', 'Internal note')} rows={2} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
      <p className="muted small">{t('Catatan internal tidak pernah ditampilkan kepada pelapor.', 'Internal notes are never shown to the citizen.')}</p>
      <button type="button" onClick={addNote} disabled={!form.note.trim()}>{t('Simpan catatan', 'Save note')}</button>

      <h2>{t('Riwayat', 'History')}</h2>
      <ol className="timeline">
        {c.events.map((e, i) => (
          <li key={i} className={e.visibility === 'internal' ? 'internal' : ''}>
            <span className="when">{formatDateTime(e.at, lang, timezone)}</span>
            <span className="what">{e.action === 'note' ? t('Catatan internal', 'Internal note') : pick(STATUS_LABEL, e.toStatus, t)}</span>
            <span className="muted">{e.actorLabel ?? (e.actorType === 'citizen' ? t('pelapor', 'citizen') : e.actorType)}</span>
            {e.note && <span className="pre" style={{ flexBasis: '100%' }}>{e.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
