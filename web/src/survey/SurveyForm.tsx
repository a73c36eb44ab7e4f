import { useState, type FormEvent } from 'react';
import { WriteError } from '../api/hooks';
import type { ApiError } from '../api/problem';
import type { BodyOf, ResponseOf } from '../api/types';
import { useI18n, type Bilingual } from '../i18n';
import './survey.css';

/** A text in both languages (the one Bilingual shape). */
export type Text = Bilingual;
/** The questionnaire of one served visit (the contract's shape). */
export type SurveyFormData = ResponseOf<'/api/survey/forms/{token}'>;
/** What the respondent sends back. */
export type SurveyAnswersBody = BodyOf<'/api/survey/forms/{token}/responses', 'post'>;

const PROFILE_KEYS = ['gender', 'ageGroup', 'education', 'occupation'] as const;

/**
 * The nine-unsur questionnaire with the respondent profile and a suggestion; large touch targets.
 * `onSubmit` starts the page's write; `sending` and `error` are that write's state.
 */
export function SurveyQuestionnaire({ form, onSubmit, sending, error }: { form: SurveyFormData; onSubmit(body: SurveyAnswersBody): void; sending: boolean; error: ApiError | null }) {
  const { t } = useI18n();
  const tx = (x: Text) => t(x);
  const [answers, setAnswers] = useState<Record<string, number | null>>({});
  const [profile, setProfile] = useState<Record<string, string | null>>({});
  const [suggestion, setSuggestion] = useState('');
  const answered = Object.values(answers).filter((v) => v != null).length;

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit({ answers, profile, suggestion: suggestion.trim() || null });
  }

  return (
    <form className="skm-form" onSubmit={submit}>
      <header className="skm-head">
        <p className="muted">{form.mppName}</p>
        <h1>{t('Survei Kepuasan Masyarakat', 'Public Satisfaction Survey')}</h1>
        <p>
          <strong>{form.serviceName}</strong> · {form.tenantName}
        </p>
        <p className="muted">{t('Jawaban Anda anonim: petugas tidak dapat mengetahui siapa yang mengisi.', 'Your answers are anonymous: staff cannot tell who answered.')}</p>
      </header>
      {form.questions.map((q, i) => (
        <fieldset key={q.key} className="skm-q">
          <legend>
            <span className="skm-num">{i + 1}</span> {tx(q.question)}
            <span className="skm-unsur">{q.code} · {tx(q.name)}</span>
          </legend>
          <div className="skm-scale" role="radiogroup">
            {q.answers.map((a) => (
              <label key={a.score} className={`skm-choice s${a.score} ${answers[q.key] === a.score ? 'on' : ''}`}>
                <input type="radio" name={q.key} value={a.score} checked={answers[q.key] === a.score} onChange={() => setAnswers({ ...answers, [q.key]: a.score })} />
                <span className="skm-score">{a.score}</span>
                <span>{tx(a.label)}</span>
              </label>
            ))}
          </div>
          {answers[q.key] != null && (
            <button type="button" className="skm-skip" onClick={() => setAnswers({ ...answers, [q.key]: null })}>{t('Kosongkan jawaban', 'Clear answer')}</button>
          )}
        </fieldset>
      ))}
      <fieldset className="skm-q">
        <legend>{t('Tentang Anda (boleh dilewati)', 'About you (optional)')}</legend>
        <div className="grid-form">
          {PROFILE_KEYS.map((k) => {
            const p = form.profileOptions[k];
            if (!p) return null;
            return (
              <label key={k}>
                {tx(p.title)}
                <select value={profile[k] ?? ''} onChange={(e) => setProfile({ ...profile, [k]: e.target.value || null })}>
                  <option value="">–</option>
                  {Object.entries(p.options).map(([v, l]) => <option key={v} value={v}>{tx(l)}</option>)}
                </select>
              </label>
            );
          })}
        </div>
        <label>
          {t('Saran dan masukan', 'Suggestions')}
          <textarea rows={3} maxLength={2000} value={suggestion} onChange={(e) => setSuggestion(e.target.value)} />
        </label>
      </fieldset>
      <WriteError error={error} />
      <div className="skm-submit">
        <span className="muted">{t(`${answered} dari 9 unsur dijawab`, `${answered} of 9 elements answered`)}</span>
        <button type="submit" className="primary" disabled={sending || answered === 0}>{t('Kirim penilaian', 'Send rating')}</button>
      </div>
    </form>
  );
}

export function ThankYou({ again }: { again?: string }) {
  const { t } = useI18n();
  return (
    <div className="skm-thanks card" role="status">
      <h1>{t('Terima kasih!', 'Thank you!')}</h1>
      <p>{t('Penilaian Anda membantu kami memperbaiki layanan.', 'Your rating helps us improve our services.')}</p>
      {again && <p className="muted">{again}</p>}
    </div>
  );
}
