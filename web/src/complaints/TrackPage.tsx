import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { apiQuery } from '../api/client';
import { LoadStatus, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { CLASS_LABEL, formatDateTime, pick, STATUS_LABEL } from './labels';
import './complaints.css';

/** Follow a complaint by its tracking code: /lacak and /lacak/:code. */
export function TrackComplaintPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { t, lang } = useI18n();
  const [input, setInput] = useState(code);
  const [reason, setReason] = useState('');
  const [showReopen, setShowReopen] = useState(false);
  const queryClient = useQueryClient();
  const init = { params: { path: { code } } };
  const tracking = useApiQuery('/api/complaints/track/{code}', code ? init : null);
  const data = tracking.data;

  function lookUp(e: FormEvent) {
    e.preventDefault();
    navigate(`/lacak/${encodeURIComponent(input.trim())}`);
  }

  // The answer is the complaint as it now stands: show it without loading it again.
  const show = (now: typeof data) => {
    queryClient.setQueryData(apiQuery('/api/complaints/track/{code}', init).queryKey, now);
    setShowReopen(false);
  };
  const solved = useApiMutation('post', '/api/complaints/track/{code}/confirm', { invalidates: [], onSuccess: show });
  const reopen = useApiMutation('post', '/api/complaints/track/{code}/reopen', { invalidates: [], onSuccess: show });
  function respond(action: 'confirm' | 'reopen') {
    (action === 'reopen' ? solved : reopen).reset();
    if (action === 'reopen') reopen.mutate({ params: { path: { code } }, body: { reason } });
    else solved.mutate({ params: { path: { code } } });
  }

  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main complaint-public">
        <h1>{t('Lacak pengaduan', 'Track a complaint')}</h1>
        <form className="track-form" onSubmit={lookUp}>
          <label htmlFor="code">{t('Kode lacak', 'Tracking code')}</label>
          <div className="inline">
            <input id="code" value={input} onChange={(e) => setInput(e.target.value)} placeholder="XXXX-XXXX-XXXX" autoCapitalize="characters" autoComplete="off" spellCheck={false} />
            <button type="submit" className="primary">{t('Lacak', 'Track')}</button>
          </div>
        </form>
        <WriteError error={solved.error ?? reopen.error} />
        <LoadStatus queries={[tracking]} />
        {data && (
          <section className="card tracking" aria-labelledby="status-heading">
            <p className="muted">{data.mppName} · {pick(CLASS_LABEL, data.class, t)} · <span className="mono">{data.trackingCode}</span></p>
            <h2 id="status-heading">{t('Status', 'Status')}: <span className={`status status-${data.status}`}>{pick(STATUS_LABEL, data.status, t)}</span></h2>
            {data.dueAt && <p>{t('Batas waktu tahap ini', 'Due for this stage')}: <strong>{formatDateTime(data.dueAt, lang, data.timezone)}</strong></p>}
            {data.statusReason && <p className="notice">{t('Alasan', 'Reason')}: {data.statusReason}</p>}
            {data.publicAnswer && (
              <div className="answer">
                <h3>{t('Jawaban', 'Answer')}</h3>
                <p className="pre">{data.publicAnswer}</p>
                <p className="muted small">{formatDateTime(data.answeredAt, lang, data.timezone)}</p>
              </div>
            )}
            {data.canRespond && (
              <div className="respond">
                <p>{t('Apakah jawaban ini menyelesaikan masalah Anda? Anda dapat menanggapi sampai', 'Did this answer solve your problem? You can respond until')} <strong>{formatDateTime(data.reopenUntil, lang, data.timezone)}</strong>.</p>
                <div className="inline">
                  <button type="button" className="primary" onClick={() => respond('confirm')}>{t('Ya, selesai', 'Yes, solved')}</button>
                  <button type="button" onClick={() => setShowReopen(true)}>{t('Belum, buka kembali', 'No, reopen')}</button>
                </div>
                {showReopen && (
                  <div>
                    <label htmlFor="reason">{t('Mengapa belum selesai?', 'Why is it not solved?')}</label>
                    <textarea id="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
                    <button type="button" className="primary" onClick={() => respond('reopen')}>{t('Kirim', 'Send')}</button>
                  </div>
                )}
              </div>
            )}
            <h3>{t('Riwayat', 'History')}</h3>
            <ol className="timeline">
              {data.history.map((h, i) => (
                <li key={i}>
                  <span className="when">{formatDateTime(h.at, lang, data.timezone)}</span>
                  <span className="what">{pick(STATUS_LABEL, h.toStatus, t)}</span>
                </li>
              ))}
            </ol>
            <details>
              <summary>{t('Isi pengaduan Anda', 'Your complaint')}</summary>
              <p className="pre">{data.description}</p>
            </details>
          </section>
        )}
      </main>
    </>
  );
}
