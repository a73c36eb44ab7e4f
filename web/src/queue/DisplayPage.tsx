import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { apiQuery, client, unwrap } from '../api/client';
import { problemText, useApiQuery } from '../api/hooks';
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
/** Calls older than this when they reach the board (after a reconnect) are shown but not spoken. */
const SPEAK_MAX_AGE_MS = 60_000;
/** Rows that fit the board at 1366x768 as well as 1920x1080 (sizes are in vh). */
const WAITING_ROWS = 6;
const SERVING_ROWS = 5;

export function DisplayPage() {
  const { mppId = '' } = useParams();
  const { t } = useI18n();
  const zone = new URLSearchParams(window.location.search).get('zona');
  const token = useMemo(() => deviceToken('display', mppId), [mppId]);
  useEffect(() => startHeartbeat(mppId, token, 'layar'), [mppId, token]);
  // The first snapshot comes through the query layer; from then on the event stream updates the
  // same cache entry (no refetch on focus: the stream is the source of truth, as in live-ticket.ts).
  const queryClient = useQueryClient();
  const init = { params: { path: { mppId }, query: zone ? { zone } : {} }, headers: bearer(token) };
  const snapKey = apiQuery('/api/mpps/{mppId}/queue/display', init).queryKey;
  const snapshot = useApiQuery('/api/mpps/{mppId}/queue/display', init, { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false });
  const snap: DisplaySnapshot | null = snapshot.data ?? null;
  const setSnap = (next: (cur: DisplaySnapshot | undefined) => DisplaySnapshot | undefined) => queryClient.setQueryData<DisplaySnapshot>(snapKey, next);
  const loaded = snapshot.data !== undefined;
  const [connected, setConnected] = useState(false);
  const [soundOn, setSoundOn] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const [speaking, setSpeaking] = useState<DisplayEvent | null>(null);
  // Calls queued behind the one being spoken (a burst): listed with "Berikutnya" until their turn.
  const [pending, setPending] = useState<number[]>([]);
  const [linePage, setLinePage] = useState(0);
  const [portrait, setPortrait] = useState(() => window.innerHeight > window.innerWidth);
  const [now, setNow] = useState(() => new Date());
  const announcer = useRef(new Announcer());
  window.layanAnnouncer = announcer.current;
  // Sound is a setting of this board (this browser, this MPP): once turned on it stays on across
  // reloads. The audio restarts by itself where the browser's autoplay policy allows it; where it does
  // not, the button stays until someone taps it (docs/floor.md).
  const soundKey = `layan.display.${mppId}.sound`;
  useEffect(() => {
    if (localStorage.getItem(soundKey) !== 'on') return;
    void announcer.current.unlock(setSoundOn).then(setSoundOn);
  }, [soundKey]);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);

  // A drive-thru lane board gets no shared waiting counts (they are the hall's): it reloads its own
  // into the same cache entry the stream updates.
  const lane = snap?.zoneInfo?.kind === 'drive_thru';
  useEffect(() => {
    if (!lane) return;
    const timer = setInterval(() => {
      void unwrap(client.GET('/api/mpps/{mppId}/queue/display', { params: { path: { mppId }, query: zone ? { zone } : {} }, headers: bearer(token) })).then(
        (s) => setSnap((cur) => (cur ? { ...cur, waiting: s.waiting } : cur)),
        () => undefined,
      );
    }, 15_000);
    return () => clearInterval(timer);
  }, [lane, mppId, zone, token]);

  // Once the snapshot is in, the stream resumes after its last event.
  useEffect(() => {
    if (!loaded) return undefined;
    const q = zone ? `?zone=${encodeURIComponent(zone)}` : '';
    return openEventStream(`/api/mpps/${mppId}/queue/display/events${q}`, {
      headers: bearer(token),
      lastEventId: String(queryClient.getQueryData<DisplaySnapshot>(snapKey)?.lastSeq ?? 0),
      onState: setConnected,
      onMessage: (m) => {
        const data = JSON.parse(m.data);
        if (m.event === 'counts') setSnap((cur) => (cur ? { ...cur, waiting: data } : cur));
        else apply(data as DisplayEvent);
      },
    });
    // snapKey and apply derive from mppId, zone and token
  }, [mppId, zone, token, loaded]);

  function apply(ev: DisplayEvent) {
    setSnap((cur) => {
      if (!cur || ev.seq <= cur.lastSeq) return cur;
      const p = ev.payload;
      let nowServing = cur.nowServing.filter((n) => n.ticketId !== p.ticketId && n.counterId !== p.counterId);
      if (ev.type !== 'done' && p.counterId) {
        nowServing = [...nowServing, { ticketId: p.ticketId, number: p.number, status: ev.type === 'serving' ? 'serving' : 'called', serviceName: p.serviceName, counterId: p.counterId, counterNumber: p.counterNumber!, counterName: p.counterName!, plate: p.plate ?? null, holderName: p.holderName ?? null }].sort(
          (a, b) => a.counterNumber - b.counterNumber,
        );
      }
      // A recall moves the call to the top; it is listed once.
      const recentCalls = ev.type === 'call' || ev.type === 'recall' ? [ev, ...cur.recentCalls.filter((c) => c.payload.ticketId !== p.ticketId)].slice(0, 8) : cur.recentCalls;
      return { ...cur, lastSeq: ev.seq, nowServing, recentCalls };
    });
    if (ev.type === 'call' || ev.type === 'recall') {
      // Calls missed while disconnected are shown, not spoken: their people have long been called.
      if (ev.payload.speech && Date.now() - Date.parse(ev.at) <= SPEAK_MAX_AGE_MS) {
        setPending((p) => [...p, ev.seq]);
        void announcer.current.say(ev.payload.speech, () => {
          setPending((p) => p.filter((seq) => seq !== ev.seq));
          setSpeaking(ev);
          setFlash(ev.payload.ticketId + ev.seq);
        });
      }
    }
  }

  // Waiting lines: only services with people waiting, rotated a page at a time when they do not fit.
  const lines = (snap?.waiting ?? []).filter((s) => s.waiting > 0);
  // Portrait stacks the call above the lists, leaving room for fewer rows.
  const rows = portrait ? 4 : WAITING_ROWS;
  const linePages = Math.max(1, Math.ceil(lines.length / rows));
  useEffect(() => {
    const timer = setInterval(() => setLinePage((p) => p + 1), 8_000);
    const resized = () => setPortrait(window.innerHeight > window.innerWidth);
    window.addEventListener('resize', resized);
    return () => {
      clearInterval(timer);
      window.removeEventListener('resize', resized);
    };
  }, []);

  if (snapshot.error) return <div className="board board-error" role="alert">{problemText(snapshot.error)}</div>;
  if (!snap) return <div className="board">{t('Memuat…', 'Loading…')}</div>;
  // The card shows the call being spoken; otherwise the newest call whose ticket is still at its
  // counter (a finished, transferred or no-show ticket leaves the card).
  const live = (c: DisplayEvent) => snap.nowServing.some((n) => n.ticketId === c.payload.ticketId);
  const latest = speaking && live(speaking) ? speaking : snap.recentCalls.find(live);
  const recent = snap.recentCalls.filter((c) => c !== latest && c.payload.ticketId !== latest?.payload.ticketId).slice(0, 4);
  const shownLines = lines.slice((linePage % linePages) * rows, (linePage % linePages) * rows + rows);
  const serving = snap.nowServing.slice(0, SERVING_ROWS);
  return (
    <div className={`board${lane ? ' board-lane' : ''}`}>
      <header className="board-header">
        <div className="board-title">
          {snap.mpp.name}
          {snap.zone && <span className="board-zone"> · {lane ? snap.zoneInfo!.name : `${t('Zona', 'Zone')} ${snap.zoneInfo?.name ?? snap.zone}`}</span>}
        </div>
        <div className="board-clock">{timeOf(now.toISOString(), snap.mpp.timezone)}</div>
        <span className={`board-conn ${connected ? 'on' : 'off'}`}>{connected ? t('Tersambung', 'Live') : t('Menyambung ulang…', 'Reconnecting…')}</span>
      </header>
      <p className="board-what">
        {lane
          ? t(`Layar ini menampilkan panggilan lajur ${snap.zoneInfo!.name}: tetap di kendaraan, maju ke jendela saat pelat Anda dipanggil`, `This board shows the calls of lane ${snap.zoneInfo!.name}: stay in your vehicle, drive to the window when your plate is called`)
          : snap.zone ? t(`Layar ini menampilkan panggilan loket zona ${snap.zoneInfo?.name ?? snap.zone}`, `This board shows the calls of the counters in zone ${snap.zoneInfo?.name ?? snap.zone}`) : t('Layar ini menampilkan panggilan semua loket', 'This board shows the calls of every counter')}
      </p>
      <main className="board-main">
        <section className="board-latest" aria-live="assertive">
          <h2>{t('Panggilan', 'Now calling')}</h2>
          {latest ? (
            <div key={flash ?? ''} className="board-call flash">
              <div className="bc-number">{latest.payload.number}</div>
              {(latest.payload.plate ?? latest.payload.holderName) && <div className="bc-plate">{latest.payload.plate ?? latest.payload.holderName}</div>}
              <div className="bc-counter">
                <span className="bc-arrow" aria-hidden="true">
                  →{' '}
                </span>
                {latest.payload.counterName}
              </div>
              <div className="bc-service">{latest.payload.serviceName}</div>
            </div>
          ) : (
            <div className="board-empty">{t('Belum ada panggilan', 'No calls yet')}</div>
          )}
          <h2>{t('Panggilan terakhir', 'Recent calls')}</h2>
          <ol className="board-recent">
            {recent.map((c) => (
              <li key={c.seq} className={pending.includes(c.seq) ? 'br-next' : undefined}>
                <span className="br-number">
                  {c.payload.number}
                  {(c.payload.plate ?? c.payload.holderName) && <span className="br-plate"> {c.payload.plate ?? c.payload.holderName}</span>}
                </span>
                <span className="br-counter">{c.payload.counterName}</span>
                {pending.includes(c.seq) && <span className="br-tag">{t('Berikutnya', 'Up next')}</span>}
              </li>
            ))}
          </ol>
        </section>
        <section className="board-serving">
          <h2>{t('Sedang dilayani', 'Being served')}</h2>
          <table>
            <tbody>
              {serving.map((n) => (
                <tr key={n.counterId}>
                  <td className="bs-counter">{n.counterName}</td>
                  <td className="bs-number">
                    {n.number}
                    {(n.plate ?? n.holderName) && <div className="bs-plate">{n.plate ?? n.holderName}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {snap.nowServing.length > serving.length && <p className="board-more">+{snap.nowServing.length - serving.length} {t('loket lain', 'more counters')}</p>}
          <h2>
            {t('Menunggu per layanan', 'Waiting per service')}
            {linePages > 1 && <span className="board-page"> {(linePage % linePages) + 1}/{linePages}</span>}
          </h2>
          {lines.length === 0 ? (
            <p className="board-more">{t('Tidak ada yang menunggu', 'Nobody is waiting')}</p>
          ) : (
            <ul className="board-waiting">
              {shownLines.map((x) => (
                <li key={x.serviceId}>
                  <span className="bw-prefix">{x.prefix}</span>
                  <span className="bw-name">{x.name}</span>
                  <span className="bw-count">{x.waiting}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
      {!soundOn && (
        <button
          type="button"
          className="board-sound"
          onClick={() => {
            localStorage.setItem(soundKey, 'on');
            void announcer.current.unlock(setSoundOn).then(setSoundOn);
          }}
        >
          <svg className="board-sound-icon" viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true">
            <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
          </svg>{' '}
          {localStorage.getItem(soundKey) === 'on' ? t('Ketuk untuk menyalakan suara lagi (browser ini meminta satu ketukan)', 'Tap to turn the sound back on (this browser asks for a tap)') : t('Aktifkan suara panggilan', 'Turn on call sound')}
        </button>
      )}
    </div>
  );
}
