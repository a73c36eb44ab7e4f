import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../api/client';
import { useApiMutation } from '../api/hooks';
import { citizenCsrf } from '../citizen/browser';
import { useI18n } from '../i18n';
import { dateTimeWithZone } from '../time';
import { CONSULTATION_KIND, CONSULTATION_STATUS, label } from './labels';
import './consultation.css';

/** The citizen's consultations inside "Layanan saya": the question, where it stands, and the answer or meeting link. */
export function MyConsultationsList() {
  const { t, lang } = useI18n();
  const list = useQuery({ ...apiQuery('/api/citizen/me/consultations'), refetchOnMount: 'always' });
  const withdraw = useApiMutation('post', '/api/citizen/me/consultations/{consultationId}/withdraw', { invalidates: ['/api/citizen/me/consultations'] });
  if (!list.data?.length && !list.error) return null;
  return (
    <section aria-labelledby="my-consult-title" data-testid="my-consultations">
      <h2 id="my-consult-title">{t('Konsultasi saya', 'My consultations')}</h2>
      {(list.error ?? withdraw.error) && <p className="error" role="alert">{(list.error ?? withdraw.error)!.message}</p>}
      <ul className="my-items">
        {list.data?.map((c) => (
          <li key={c.id} className="card my-item" data-testid="my-consultation">
            <p className="my-kind">{label(CONSULTATION_KIND, c.kind, t)} · <strong className="mono">{c.trackingCode}</strong></p>
            <h3>{c.serviceName}</h3>
            <p className="muted">{c.tenantName} · {c.mppName}</p>
            <p className="consult-question">{c.question}</p>
            <p>{t('Status', 'Status')}: <strong>{label(CONSULTATION_STATUS, c.status, t)}</strong>
              {c.status === 'submitted' && <> · {t('dijawab paling lambat', 'answered by')} {dateTimeWithZone(c.dueAt, lang, c.timezone)}</>}
            </p>
            {c.slotStart && <p>{t('Jadwal', 'Time')}: {dateTimeWithZone(c.slotStart, lang, c.timezone)}</p>}
            {c.meetingUrl && c.status === 'scheduled' && <p><a href={c.meetingUrl} target="_blank" rel="noreferrer noopener">{t('Buka tautan pertemuan', 'Open the meeting link')}</a></p>}
            {(c.status === 'submitted' || c.status === 'scheduled') && (
              <button type="button" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ params: { path: { consultationId: c.id } }, headers: citizenCsrf() })}>
                {t('Batalkan konsultasi', 'Withdraw the consultation')}
              </button>
            )}
            {c.answer && (
              <div className="consult-answer">
                <p><strong>{t(`Jawaban ${c.tenantName}`, `Answer from ${c.tenantName}`)}</strong></p>
                <p data-testid="consult-answer">{c.answer}</p>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
