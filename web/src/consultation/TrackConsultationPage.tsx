import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { LoadStatus, useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { dateTimeWithZone } from '../time';
import { CONSULTATION_KIND, CONSULTATION_STATUS, label } from './labels';
import './consultation.css';

/**
 * Follow a consultation by its code, like a complaint (/lacak-konsultasi and /lacak-konsultasi/:code):
 * state, agency, dates and the answer. The attachment and the meeting link stay in "Layanan saya".
 */
export function TrackConsultationPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { t, lang } = useI18n();
  const [input, setInput] = useState(code);
  const tracking = useApiQuery('/api/consultations/track/{code}', code ? { params: { path: { code } } } : null);
  const data = tracking.data;

  function lookUp(e: FormEvent) {
    e.preventDefault();
    navigate(`/lacak-konsultasi/${encodeURIComponent(input.trim())}`);
  }

  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main consult">
        <h1>{t('Lacak konsultasi', 'Track a consultation')}</h1>
        <form className="consult-track-form" onSubmit={lookUp}>
          <label htmlFor="consult-code">{t('Kode konsultasi', 'Consultation code')}</label>
          <div className="inline">
            <input id="consult-code" value={input} onChange={(e) => setInput(e.target.value)} placeholder="XXXX-XXXX-XXXX" autoCapitalize="characters" autoComplete="off" spellCheck={false} />
            <button type="submit" className="primary">{t('Lacak', 'Track')}</button>
          </div>
        </form>
        <LoadStatus queries={[tracking]} />
        {data && (
          <section className="card consult-tracking" aria-labelledby="consult-status" data-testid="consult-tracking">
            <p className="muted">{data.mppName} · {data.tenantName} · <span className="mono">{data.trackingCode}</span></p>
            <h2>{data.serviceName}</h2>
            <p className="muted">{label(CONSULTATION_KIND, data.kind, t)}</p>
            <p id="consult-status"><strong>{t('Status', 'Status')}: {label(CONSULTATION_STATUS, data.status, t)}</strong></p>
            {data.overdue && <p className="notice" role="status">{t('Melewati batas waktu jawaban.', 'Past the answer limit.')}</p>}
            <h3>{t('Pertanyaan', 'Question')}</h3>
            <p className="consult-question">{data.question}</p>
            {data.answer && (
              <>
                <h3>{t('Jawaban', 'Answer')}</h3>
                <p className="consult-answer" data-testid="consult-answer">{data.answer}</p>
              </>
            )}
            <dl className="consult-dates">
              <dt>{t('Diajukan', 'Asked')}</dt><dd>{dateTimeWithZone(data.submittedAt, lang, data.timezone)}</dd>
              <dt>{t('Dijawab paling lambat (hari kerja)', 'Answer due (working days)')}</dt><dd>{dateTimeWithZone(data.dueAt, lang, data.timezone)}</dd>
              {data.answeredAt && <><dt>{t('Dijawab', 'Answered')}</dt><dd>{dateTimeWithZone(data.answeredAt, lang, data.timezone)}</dd></>}
            </dl>
            {data.kind === 'meeting' && <p className="muted">{t('Tautan pertemuan hanya tampil di Layanan saya.', 'The meeting link shows only in My services.')}</p>}
          </section>
        )}
      </main>
    </>
  );
}
