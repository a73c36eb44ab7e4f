import { useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n';
import './consultation.css';

/**
 * On the public service page: the questions its agency answered and chose to publish (question and
 * answer only). Nothing shows while there are none or the list fails: the page itself still serves.
 */
export function ServiceFaq({ mppId, serviceId }: { mppId: string; serviceId: string }) {
  const { t } = useI18n();
  const faq = useApiQuery('/api/mpps/{mppId}/services/{serviceId}/faq', { params: { path: { mppId, serviceId } } });
  if (!faq.data?.length) return null;
  return (
    <section aria-labelledby="faq" data-testid="svc-faq">
      <h2 id="faq">{t('Tanya jawab (FAQ)', 'Questions and answers (FAQ)')}</h2>
      {faq.data.map((f) => (
        <details key={f.id} className="consult-faq">
          <summary>{f.question}</summary>
          <p className="consult-answer">{f.answer}</p>
          <p className="small muted">{t('Dijawab oleh', 'Answered by')} {f.tenantName}</p>
        </details>
      ))}
    </section>
  );
}
