import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiQuery } from '../api/client';
import { LoadStatus, problemText, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import type { ResponseOf } from '../api/types';
import { LanguageSwitch, useI18n } from '../i18n';
import { SurveyQuestionnaire, ThankYou, type SurveyAnswersBody, type SurveyFormData } from './SurveyForm';

const DEVICE_KEY = 'layan.survey.deviceToken';

/** A kiosk or tablet keeps its device token in this browser; `?device=` sets it once. */
function deviceHeaders(): Record<string, string> {
  const fromUrl = new URLSearchParams(window.location.search).get('device');
  if (fromUrl) {
    localStorage.setItem(DEVICE_KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname);
  }
  const token = localStorage.getItem(DEVICE_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

function Frame({ children, kiosk }: { children: React.ReactNode; kiosk?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={`skm-page ${kiosk ? 'skm-kiosk' : ''}`}>
      <header className="public-header">
        {/* On a phone the way back home and past the header; a kiosk stays on its survey. */}
        {!kiosk && <a className="skip-link" href="#main">{t('Lompat ke isi', 'Skip to content')}</a>}
        {kiosk ? <span className="brand">Layan</span> : <Link to="/" className="brand">Layan</Link>}
        <span className="tagline">{t('Survei Kepuasan Masyarakat', 'Satisfaction survey')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="skm-main">{children}</main>
    </div>
  );
}

/**
 * /survei/:code from the QR or link on the ticket, and /kios/survei where a citizen types the
 * code at a kiosk (the kiosk's device token marks the channel; the kiosk then returns to the code).
 */
export function SurveyByCodePage({ kiosk = false }: { kiosk?: boolean }) {
  const { t } = useI18n();
  const params = useParams();
  const navigate = useNavigate();
  const [code, setCode] = useState(params.code ?? '');
  // The kiosk opens the typed code in place; a phone opens /survei/:code.
  const [opened, setOpened] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [headers] = useState(() => (kiosk ? deviceHeaders() : {}));
  const token = kiosk ? opened : (params.code ?? null);
  // A survey code answers once: the form is never refetched on its own, nor kept after it is left.
  const formQuery = useApiQuery('/api/survey/forms/{token}', token ? { params: { path: { token } } } : null, { staleTime: Infinity, gcTime: 0, refetchOnWindowFocus: false });
  const form: SurveyFormData | undefined = formQuery.data;

  useEffect(() => {
    if (!(done && kiosk)) return;
    const timer = setTimeout(() => {
      setDone(false);
      setOpened(null);
      setCode('');
    }, 8000);
    return () => clearTimeout(timer);
  }, [done, kiosk]);

  // A code answers once: nothing is reloaded after the answer (the form would now be refused).
  const respond = useApiMutation('post', '/api/survey/forms/{token}/responses', {
    invalidates: [],
    onSuccess: () => {
      setDone(true);
      window.scrollTo(0, 0);
    },
  });
  const submit = (body: SurveyAnswersBody) => respond.mutate({ params: { path: { token: code } }, body, headers });

  function enter(e: FormEvent) {
    e.preventDefault();
    if (kiosk) setOpened(code.trim());
    else navigate(`/survei/${encodeURIComponent(code.trim())}`);
  }

  if (done) return <Frame kiosk={kiosk}><ThankYou again={kiosk ? t('Layar kembali ke awal sebentar lagi.', 'The screen returns to the start shortly.') : undefined} /></Frame>;
  if (form && !done) return <Frame kiosk={kiosk}><SurveyQuestionnaire form={form} onSubmit={submit} sending={respond.isPending} error={respond.error} /></Frame>;
  return (
    <Frame kiosk={kiosk}>
      <form className="card skm-code" onSubmit={enter}>
        <h1>{t('Nilai layanan yang Anda terima', 'Rate the service you received')}</h1>
        <p>{t('Masukkan kode survei yang tercetak pada tiket antrean Anda.', 'Enter the survey code printed on your queue ticket.')}</p>
        <label>
          {t('Kode survei', 'Survey code')}
          <input value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} placeholder="XXXX-XXXX-XXXX" autoComplete="off" inputMode="text" className="skm-code-input" />
        </label>
        <LoadStatus queries={[formQuery]} />
        <button type="submit" className="primary" disabled={code.trim().length < 4}>{t('Buka survei', 'Open survey')}</button>
      </form>
    </Frame>
  );
}

type TabletState = ResponseOf<'/api/mpps/{mppId}/survey/tablet'>;

/**
 * /tablet/survei/:mppId: a kiosk device paired with a counter. It waits, and shows the questionnaire
 * of the ticket the officer has just finished at that counter.
 */
export function SurveyTabletPage() {
  const { t } = useI18n();
  const { mppId = '' } = useParams();
  const [headers] = useState(deviceHeaders);
  const [thanks, setThanks] = useState(false);
  const queryClient = useQueryClient();
  const init = { params: { path: { mppId } }, headers };
  const [waitingNow, setWaiting] = useState(true);
  // Polls only while waiting: the form on screen is never swapped for the next ticket's.
  const poll = useApiQuery('/api/mpps/{mppId}/survey/tablet', headers.authorization ? init : null, {
    enabled: waitingNow,
    refetchInterval: 3000,
    refetchOnWindowFocus: false,
  });
  const state: TabletState | undefined = poll.data;
  const waiting = !state?.pending && !thanks;
  if (waiting !== waitingNow) setWaiting(waiting);
  const answered = () => {
    if (state) queryClient.setQueryData(apiQuery('/api/mpps/{mppId}/survey/tablet', init).queryKey, { ...state, pending: null });
  };

  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(false), 6000);
    return () => clearTimeout(timer);
  }, [thanks]);

  // The poll is not reloaded after an answer: the answered form is taken off screen by `answered`.
  const respond = useApiMutation('post', '/api/mpps/{mppId}/survey/tablet/responses', {
    invalidates: [],
    onSuccess: () => {
      answered();
      setThanks(true);
      window.scrollTo(0, 0);
    },
  });
  // 409: this visit was answered already (or the officer moved on); the tablet goes back to waiting and says so.
  const alreadyAnswered = respond.error?.status === 409 ? respond.error : null;
  function submit(body: SurveyAnswersBody) {
    if (!state?.pending) return;
    respond.mutate({ params: { path: { mppId } }, body: { ...body, handoffId: state.pending.handoffId }, headers }, { onError: (err) => { if (err.status === 409) answered(); } });
  }

  if (!headers.authorization) return <Frame kiosk><p className="error">{t('Tablet ini belum memiliki token perangkat. Buka alamat ini dengan ?device=TOKEN.', 'This tablet has no device token yet. Open this address with ?device=TOKEN.')}</p></Frame>;
  if (thanks) return <Frame kiosk><ThankYou /></Frame>;
  if (state?.pending) return <Frame kiosk><SurveyQuestionnaire key={state.pending.handoffId} form={state.pending.form} onSubmit={submit} sending={respond.isPending} error={alreadyAnswered ? null : respond.error} /></Frame>;
  return (
    <Frame kiosk>
      <div className="skm-waiting card" aria-live="polite">
        {state && <p className="skm-counter">{t('Loket', 'Counter')} {state.counter.number} · {state.counter.name}</p>}
        <h1>{t('Bagaimana pelayanan kami hari ini?', 'How was our service today?')}</h1>
        <p className="muted">{t('Setelah petugas selesai melayani Anda, survei singkat akan muncul di layar ini.', 'When the officer has finished serving you, a short survey appears on this screen.')}</p>
        <WriteError error={alreadyAnswered} />
        {poll.error && <p className="error" role="alert">{problemText(poll.error)}</p>}
      </div>
    </Frame>
  );
}
