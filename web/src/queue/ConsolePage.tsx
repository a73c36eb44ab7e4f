import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import './queue.css';
import { timeOf, type ConsoleView, type CounterView } from './types';

const mmss = (s: number | null) => (s === null ? '–' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);
const since = (iso: string | null, now: number) => (iso ? Math.max(0, Math.round((now - Date.parse(iso)) / 1000)) : null);

/** The officer console (loket): open/pause/close, call next, recall, serve, finish, no-show, transfer. */
export function ConsolePage() {
  const { t } = useI18n();
  const mppId = useCurrentMpp().mppId ?? '';
  const [counters, setCounters] = useState<CounterView[]>([]);
  const [counterId, setCounterId] = useState<string | null>(() => localStorage.getItem('layan.console.counter'));
  const [view, setView] = useState<ConsoleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const [transfer, setTransfer] = useState<{ serviceId: string; counterId: string; note: string } | null>(null);
  const base = `/api/mpps/${mppId}/queue`;

  useEffect(() => {
    if (mppId) api<CounterView[]>(`${base}/counters`).then(setCounters, (e: ApiError) => setError(e.message));
  }, [mppId]);

  const load = useCallback(async () => {
    if (!counterId) return;
    try {
      setView(await api<ConsoleView>(`${base}/counters/${counterId}/console`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        localStorage.removeItem('layan.console.counter');
        setCounterId(null);
      }
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [counterId, base]);

  useEffect(() => {
    void load();
    const poll = setInterval(() => void load(), 5000);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(poll);
      clearInterval(tick);
    };
  }, [load]);

  async function act(path: string, body?: unknown) {
    setError(null);
    try {
      await api(`${base}${path}`, { method: 'POST', body });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
    await load();
  }

  if (!mppId) return <p>{t('Akun Anda tidak terhubung ke MPP mana pun.', 'Your account is not linked to any MPP.')}</p>;
  if (!counterId || !view) {
    return (
      <div className="console">
        <h1>{t('Pilih loket', 'Choose a counter')}</h1>
        {error && <p className="error">{error}</p>}
        <div className="console-counters">
          {counters.map((c) => (
            <button
              key={c.id}
              type="button"
              onClick={() => {
                localStorage.setItem('layan.console.counter', c.id);
                setCounterId(c.id);
              }}
            >
              <strong>{c.name}</strong> · {c.tenantName} · {c.services.map((s) => s.prefix).join(', ')}
            </button>
          ))}
        </div>
      </div>
    );
  }

  const c = view.counter;
  const cur = view.current;
  const can = (a: string) => !!cur?.allowedActions.includes(a);
  return (
    <div className="console">
      <header className="console-head">
        <h1>
          {c.name} <span className="muted">· {c.tenantName}</span>
        </h1>
        <span className={`counter-state cs-${c.status}`}>
          {c.status === 'open' ? t('Buka', 'Open') : c.status === 'paused' ? `${t('Jeda', 'Paused')}: ${c.pauseReason ?? ''}` : t('Tutup', 'Closed')}
        </span>
        <div className="console-counter-actions">
          {c.status !== 'open' && (
            <button type="button" onClick={() => void act(`/counters/${c.id}/open`)}>
              {t('Buka loket', 'Open counter')}
            </button>
          )}
          {c.status === 'open' && (
            <button
              type="button"
              onClick={() => {
                const reason = window.prompt(t('Alasan jeda (mis. istirahat salat)', 'Reason for the pause (e.g. prayer break)'));
                if (reason) void act(`/counters/${c.id}/pause`, { reason });
              }}
            >
              {t('Jeda', 'Pause')}
            </button>
          )}
          {c.status !== 'closed' && (
            <button type="button" onClick={() => void act(`/counters/${c.id}/close`)}>
              {t('Tutup loket', 'Close counter')}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              localStorage.removeItem('layan.console.counter');
              setCounterId(null);
              setView(null);
            }}
          >
            {t('Ganti loket', 'Switch counter')}
          </button>
        </div>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="console-grid">
        <section className="console-current card">
          <h2>{t('Tiket saat ini', 'Current ticket')}</h2>
          {cur ? (
            <>
              <div className="cc-number">{cur.number}</div>
              <div className="cc-service">
                {cur.serviceName}
                {cur.priorityClass && <span className="cc-priority"> · {cur.priorityClass}</span>}
              </div>
              <div className="cc-status">
                {cur.status === 'called' ? t('Dipanggil', 'Called') : t('Sedang dilayani', 'Being served')}
                {cur.recallCount > 0 && ` · ${t('dipanggil ulang', 'recalled')} ${cur.recallCount}×`}
              </div>
              <dl className="cc-times">
                <div>
                  <dt>{t('Menunggu', 'Waited')}</dt>
                  <dd>{mmss(cur.times.waitingSeconds)}</dd>
                </div>
                <div>
                  <dt>{t('Sejak dipanggil', 'Since called')}</dt>
                  <dd>{mmss(since(cur.calledAt, now))}</dd>
                </div>
              </dl>
              <div className="cc-actions">
                {can('recall') && (
                  <button type="button" onClick={() => void act(`/tickets/${cur.id}/recall`)}>
                    {t('Panggil ulang', 'Recall')}
                  </button>
                )}
                {can('start') && (
                  <button type="button" className="primary" onClick={() => void act(`/tickets/${cur.id}/start`)}>
                    {t('Mulai layani', 'Start serving')}
                  </button>
                )}
                {can('finish') && (
                  <button type="button" className="primary" onClick={() => void act(`/tickets/${cur.id}/finish`)}>
                    {t('Selesai', 'Finish')}
                  </button>
                )}
                {can('no_show') && (
                  <button type="button" onClick={() => void act(`/tickets/${cur.id}/no-show`)}>
                    {t('Tidak hadir', 'No-show')}
                  </button>
                )}
                {can('transfer') && (
                  <button type="button" onClick={() => setTransfer({ serviceId: '', counterId: '', note: '' })}>
                    {t('Alihkan', 'Transfer')}
                  </button>
                )}
              </div>
              {transfer && (
                <form
                  className="cc-transfer"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void act(`/tickets/${cur.id}/transfer`, {
                      ...(transfer.serviceId ? { serviceId: transfer.serviceId } : {}),
                      ...(transfer.counterId ? { counterId: transfer.counterId } : {}),
                      note: transfer.note || undefined,
                    }).then(() => setTransfer(null));
                  }}
                >
                  <label>
                    {t('Ke layanan', 'To service')}
                    <select value={transfer.serviceId} onChange={(e) => setTransfer({ ...transfer, serviceId: e.target.value })}>
                      <option value="">{t('(layanan sama)', '(same service)')}</option>
                      {view.transferTargets.services.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.tenantName} — {s.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('Ke loket', 'To counter')}
                    <select value={transfer.counterId} onChange={(e) => setTransfer({ ...transfer, counterId: e.target.value })}>
                      <option value="">{t('(loket mana saja)', '(any counter)')}</option>
                      {view.transferTargets.counters.map((x) => (
                        <option key={x.id} value={x.id}>
                          {x.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('Catatan', 'Note')}
                    <input value={transfer.note} maxLength={300} onChange={(e) => setTransfer({ ...transfer, note: e.target.value })} />
                  </label>
                  <button type="submit" className="primary">
                    {t('Alihkan', 'Transfer')}
                  </button>
                  <button type="button" onClick={() => setTransfer(null)}>
                    {t('Batal', 'Cancel')}
                  </button>
                </form>
              )}
            </>
          ) : (
            <>
              <p className="muted">{t('Tidak ada tiket di loket ini.', 'No ticket at this counter.')}</p>
              <button type="button" className="primary cc-call" disabled={c.status !== 'open'} onClick={() => void act(`/counters/${c.id}/call-next`)}>
                {t('Panggil berikutnya', 'Call next')}
              </button>
            </>
          )}
        </section>
        <section className="console-line card">
          <h2>
            {t('Antrean menunggu', 'Waiting line')} ({view.waiting.total})
          </h2>
          <ol>
            {view.waiting.tickets.map((w) => (
              <li key={w.id}>
                <span className="cl-number">{w.number}</span>
                <span className="cl-service">
                  {w.serviceName}
                  {w.priorityName && <em> · {w.priorityName}</em>}
                  {w.transferred && <em> · {t('dialihkan', 'transferred')}</em>}
                  {w.bookedFor && <em> · {t('booking', 'booked')} {timeOf(w.bookedFor, view.timezone)}</em>}
                </span>
                <span className="cl-wait">{mmss(since(w.issuedAt, now))}</span>
                {!cur && c.status === 'open' && (
                  <button
                    type="button"
                    onClick={() => {
                      const reason = window.prompt(t('Alasan memanggil di luar urutan', 'Reason for calling out of order'));
                      if (reason) void act(`/counters/${c.id}/call`, { ticketId: w.id, reason });
                    }}
                  >
                    {t('Panggil', 'Call')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </section>
        <section className="console-stats card">
          <h2>{t('Hitungan saya hari ini', 'My counts today')}</h2>
          <dl>
            <div>
              <dt>{t('Dipanggil', 'Called')}</dt>
              <dd>{view.myCounts.called}</dd>
            </div>
            <div>
              <dt>{t('Selesai', 'Served')}</dt>
              <dd>{view.myCounts.served}</dd>
            </div>
            <div>
              <dt>{t('Tidak hadir', 'No-show')}</dt>
              <dd>{view.myCounts.noShow}</dd>
            </div>
            <div>
              <dt>{t('Dialihkan', 'Transferred')}</dt>
              <dd>{view.myCounts.transferred}</dd>
            </div>
          </dl>
        </section>
      </div>
    </div>
  );
}
