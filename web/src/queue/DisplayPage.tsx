import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { Announcer } from './announcer';
import { bearer, deviceToken, startHeartbeat } from './device';
import { openEventStream } from './sse-client';
import './queue.css';
import { timeOf, type DisplayEvent, type DisplaySnapshot } from './types';

declare global {
  interface Window {
    layanAnnouncer?: Announcer;
  }
}

/** The TV board of an MPP (or of one zone with ?zona=): latest calls, now serving, waiting per service. */
export function DisplayPage() {
  const { mppId = '' } = useParams();
  const { t } = useI18n();
  const zone = new URLSearchParams(window.location.search).get('zona');
  const token = useMemo(() => deviceToken('display', mppId), [mppId]);
  useEffect(() => startHeartbeat(mppId, token, 'layar'), [mppId, token]);
  const [snap, setSnap] = useState<DisplaySnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);
  const [soundOn, setSoundOn] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  const announcer = useRef(new Announcer());
  window.layanAnnouncer = announcer.current;

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    let stop: (() => void) | undefined;
    const q = zone ? `?zone=${encodeURIComponent(zone)}` : '';
    api<DisplaySnapshot>(`/api/mpps/${mppId}/queue/display${q}`, { headers: bearer(token) }).then(
      (s) => {
        setSnap(s);
        stop = openEventStream(`/api/mpps/${mppId}/queue/display/events${q}`, {
          headers: bearer(token),
          lastEventId: String(s.lastSeq),
          onState: setConnected,
          onMessage: (m) => {
            const data = JSON.parse(m.data);
            if (m.event === 'counts') setSnap((cur) => (cur ? { ...cur, waiting: data } : cur));
            else apply(data as DisplayEvent);
          },
        });
      },
      (e: ApiError) => setError(e.message),
    );
    return () => stop?.();
  }, [mppId, zone, token]);

  function apply(ev: DisplayEvent) {
    setSnap((cur) => {
      if (!cur || ev.seq <= cur.lastSeq) return cur;
      const p = ev.payload;
      let nowServing = cur.nowServing.filter((n) => n.ticketId !== p.ticketId && n.counterId !== p.counterId);
      if (ev.type !== 'done' && p.counterId) {
        nowServing = [...nowServing, { ticketId: p.ticketId, number: p.number, status: ev.type === 'serving' ? 'serving' : 'called', serviceName: p.serviceName, counterId: p.counterId, counterNumber: p.counterNumber!, counterName: p.counterName! }].sort(
          (a, b) => a.counterNumber - b.counterNumber,
        );
      }
      const recentCalls = ev.type === 'call' || ev.type === 'recall' ? [ev, ...cur.recentCalls].slice(0, 8) : cur.recentCalls;
      return { ...cur, lastSeq: ev.seq, nowServing, recentCalls };
    });
    if ((ev.type === 'call' || ev.type === 'recall') && ev.payload.speech) {
      setFlash(ev.payload.ticketId + ev.seq);
      void announcer.current.say(ev.payload.speech);
    }
  }

  if (error) return <div className="board board-error">{error}</div>;
  if (!snap) return <div className="board">{t('Memuat…', 'Loading…')}</div>;
  const latest = snap.recentCalls[0];
  return (
    <div className="board">
      <header className="board-header">
        <div className="board-title">
          {snap.mpp.name}
          {snap.zone && <span className="board-zone"> · {t('Zona', 'Zone')} {snap.zone}</span>}
        </div>
        <div className="board-clock">{timeOf(now.toISOString(), snap.mpp.timezone)}</div>
        <span className={`board-conn ${connected ? 'on' : 'off'}`}>{connected ? t('Tersambung', 'Live') : t('Menyambung ulang…', 'Reconnecting…')}</span>
      </header>
      <main className="board-main">
        <section className="board-latest" aria-live="assertive">
          <h2>{t('Panggilan', 'Now calling')}</h2>
          {latest ? (
            <div key={flash ?? ''} className="board-call flash">
              <div className="bc-number">{latest.payload.number}</div>
              <div className="bc-arrow">→</div>
              <div className="bc-counter">{latest.payload.counterName}</div>
              <div className="bc-service">{latest.payload.serviceName}</div>
            </div>
          ) : (
            <div className="board-empty">{t('Belum ada panggilan', 'No calls yet')}</div>
          )}
          <h2>{t('Panggilan terakhir', 'Recent calls')}</h2>
          <ol className="board-recent">
            {snap.recentCalls.slice(1, 7).map((c) => (
              <li key={c.seq}>
                <span className="br-number">{c.payload.number}</span>
                <span className="br-counter">{c.payload.counterName}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="board-serving">
          <h2>{t('Sedang dilayani', 'Being served')}</h2>
          <table>
            <tbody>
              {snap.nowServing.map((n) => (
                <tr key={n.counterId}>
                  <td className="bs-counter">{n.counterName}</td>
                  <td className="bs-number">{n.number}</td>
                  <td className="bs-service">{n.serviceName}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('Menunggu per layanan', 'Waiting per service')}</h2>
          <ul className="board-waiting">
            {snap.waiting.map((s) => (
              <li key={s.serviceId}>
                <span className="bw-prefix">{s.prefix}</span>
                <span className="bw-name">{s.name}</span>
                <span className="bw-count">{s.waiting}</span>
              </li>
            ))}
          </ul>
        </section>
      </main>
      {!soundOn && (
        <button
          type="button"
          className="board-sound"
          onClick={() => {
            announcer.current.unlock();
            setSoundOn(true);
          }}
        >
          🔊 {t('Aktifkan suara panggilan', 'Turn on call sound')}
        </button>
      )}
    </div>
  );
}
