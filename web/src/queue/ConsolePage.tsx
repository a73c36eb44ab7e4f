import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import './queue.css';
import { PrintedTicket } from './PrintedTicket';
import { timeOf, type ConsoleView, type CounterView, type TicketView } from './types';

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
  const [find, setFind] = useState('');
  const [now, setNow] = useState(Date.now());
  const [transfer, setTransfer] = useState<{ serviceId: string; counterId: string; note: string } | null>(null);
  const [pausing, setPausing] = useState<string | null>(null);
  const [confirmNoShow, setConfirmNoShow] = useState(false);
  const [callThis, setCallThis] = useState<{ id: string; number: string; reason: string } | null>(null);
  const [printing, setPrinting] = useState<TicketView | null>(null);
  const shortcuts = useRef<(key: string) => void>(() => {});
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

  // Keyboard shortcuts (N, R, M, S), ignored while typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || (el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA'))) return;
      shortcuts.current(e.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function reprint(ticketId: string) {
    setError(null);
    try {
      setPrinting(await api<TicketView>(`${base}/tickets/${ticketId}/reprint`, { method: 'POST' }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  function printNow() {
    document.body.classList.add('print-ticket-only');
    window.print();
    document.body.classList.remove('print-ticket-only');
  }

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
    const q = find.trim().toLowerCase();
    const shown = counters.filter((c) => !q || `${c.name} ${c.tenantName}`.toLowerCase().includes(q));
    // One group per agency, agencies by name: an MPP admin sees every counter of the hall (45 in the demo).
    const groups = [...new Set(shown.map((c) => c.tenantName))].sort((a, b) => a.localeCompare(b, 'id'));
    const pick = (id: string) => {
      localStorage.setItem('layan.console.counter', id);
      setCounterId(id);
    };
    return (
      <div className="console">
        <h1>{t('Pilih loket', 'Choose a counter')}</h1>
        {error && <p className="error">{error}</p>}
        {counters.length > 8 && (
          <label className="console-find">
            {t('Cari loket atau instansi', 'Find a counter or agency')}
            <input type="search" value={find} onChange={(e) => setFind(e.target.value)} placeholder={t('mis. Dukcapil', 'e.g. Dukcapil')} />
          </label>
        )}
        {shown.length === 0 && <p className="muted">{t('Tidak ada loket yang cocok.', 'No counter matches.')}</p>}
        <div className="console-counter-groups">
          {groups.map((g) => (
            <section key={g} className="console-counter-group" aria-label={g}>
              <h2>{g}</h2>
              <div className="console-counters">
                {shown.filter((c) => c.tenantName === g).map((c) => (
                  <button key={c.id} type="button" onClick={() => pick(c.id)}>
                    <strong>{c.name}</strong>
                    <span className="muted"> · {c.services.length} {t('layanan', 'services')}</span>
                  </button>
                ))}
              </div>
            </section>
          ))}
        </div>
      </div>
    );
  }

  const c = view.counter;
  const cur = view.current;
  const can = (a: string) => !!cur?.allowedActions.includes(a);
  const busyWith = cur ? t(`Selesaikan, parkir, atau alihkan tiket ${cur.number} dulu`, `Finish, park or transfer ticket ${cur.number} first`) : null;
  const notOpen = c.status === 'paused' ? t('Loket sedang jeda: buka loket dulu', 'The counter is paused: open it first') : c.status === 'closed' ? t('Loket tutup: buka loket dulu', 'The counter is closed: open it first') : null;
  /** Why each action is not possible now (null: it is). */
  const why: Record<string, string | null> = {
    callNext: notOpen ?? busyWith ?? (view.waiting.total === 0 ? t('Tidak ada yang menunggu', 'Nobody is waiting') : null),
    recall: !cur ? t('Belum ada tiket di loket', 'No ticket at the counter') : cur.status !== 'called' ? t('Tiket sudah dilayani', 'The ticket is already being served') : cur.recallCount >= view.maxRecalls ? t(`Batas panggil ulang (${view.maxRecalls}×) tercapai: mulai layani atau tandai tidak hadir`, `Recall limit (${view.maxRecalls}×) reached: start serving or mark no-show`) : null,
    start: !cur ? t('Belum ada tiket di loket', 'No ticket at the counter') : can('start') ? null : t('Sudah dilayani', 'Already being served'),
    finish: !cur ? t('Belum ada tiket di loket', 'No ticket at the counter') : can('finish') ? null : t('Mulai layani dulu', 'Start serving first'),
    noShow: !cur ? t('Belum ada tiket di loket', 'No ticket at the counter') : can('no_show') ? null : t('Orangnya sudah dilayani', 'The person is being served'),
    park: !cur ? t('Belum ada tiket di loket', 'No ticket at the counter') : can('park') ? null : t('Tiket ini tidak dapat diparkir', 'This ticket cannot be parked'),
    transfer: !cur ? t('Belum ada tiket di loket', 'No ticket at the counter') : null,
    pause: c.status !== 'open' ? t('Loket tidak sedang buka', 'The counter is not open') : busyWith,
    close: c.status === 'closed' ? t('Loket sudah tutup', 'The counter is already closed') : busyWith,
    open: c.status === 'open' ? t('Loket sudah buka', 'The counter is already open') : null,
    unpark: notOpen ?? busyWith,
    callThis: notOpen ?? busyWith,
  };
  const doIt: Record<string, () => void> = {
    n: () => void act(`/counters/${c.id}/call-next`),
    r: () => cur && void act(`/tickets/${cur.id}/recall`),
    m: () => cur && void act(`/tickets/${cur.id}/start`),
    s: () => cur && void act(`/tickets/${cur.id}/finish`),
  };
  const keyOf: Record<string, string> = { n: 'callNext', r: 'recall', m: 'start', s: 'finish' };
  shortcuts.current = (key: string) => {
    const k = key.toLowerCase();
    if (doIt[k] && !why[keyOf[k]!]) doIt[k]!();
  };
  const undoLeft = view.undoableNoShow ? Math.max(0, Math.ceil((Date.parse(view.undoableNoShow.until) - now) / 1000)) : 0;

  /** A button that stays visible when not allowed and says why (title and text read by screen readers). */
  const Action = (p: { id: string; label: string; onClick: () => void; className?: string; shortcut?: string }) => (
    <span className="ca">
      <button type="button" className={p.className} disabled={!!why[p.id]} aria-describedby={why[p.id] ? `why-${p.id}` : undefined} title={why[p.id] ?? undefined} aria-keyshortcuts={p.shortcut} onClick={p.onClick}>
        {p.label}
        {p.shortcut && <kbd aria-hidden="true">{p.shortcut}</kbd>}
      </button>
      {why[p.id] && (
        <span className="ca-why" id={`why-${p.id}`}>
          {why[p.id]}
        </span>
      )}
    </span>
  );

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
          {c.status !== 'open' && <Action id="open" label={t('Buka loket', 'Open counter')} onClick={() => void act(`/counters/${c.id}/open`)} />}
          {c.status === 'open' && <Action id="pause" label={t('Jeda', 'Pause')} onClick={() => setPausing(view.pauseReasons[0]?.id ?? '')} />}
          <Action id="close" label={t('Tutup loket', 'Close counter')} onClick={() => void act(`/counters/${c.id}/close`)} />
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
      {pausing !== null && (
        <form
          className="console-pause card"
          onSubmit={(e) => {
            e.preventDefault();
            if (pausing) void act(`/counters/${c.id}/pause`, { reasonId: pausing }).then(() => setPausing(null));
          }}
        >
          <label>
            {t('Alasan jeda', 'Reason for the pause')}
            <select value={pausing} onChange={(e) => setPausing(e.target.value)} required>
              {view.pauseReasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={!pausing}>
            {t('Jeda sekarang', 'Pause now')}
          </button>
          <button type="button" onClick={() => setPausing(null)}>
            {t('Batal', 'Cancel')}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {view.undoableNoShow && undoLeft > 0 && (
        <div className="console-undo" role="status">
          {t(`Tiket ${view.undoableNoShow.number} ditandai tidak hadir.`, `Ticket ${view.undoableNoShow.number} marked no-show.`)}{' '}
          <button type="button" className="primary" onClick={() => void act(`/tickets/${view.undoableNoShow!.ticketId}/undo-no-show`)}>
            {t('Urungkan', 'Undo')} ({undoLeft} {t('dtk', 's')})
          </button>
        </div>
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
                {cur.recallCount > 0 && ` · ${t('dipanggil ulang', 'recalled')} ${cur.recallCount}/${view.maxRecalls}×`}
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
            </>
          ) : (
            <p className="muted">{t('Tidak ada tiket di loket ini.', 'No ticket at this counter.')}</p>
          )}
          <div className="cc-actions">
            <Action id="callNext" className="primary" label={t('Panggil berikutnya', 'Call next')} shortcut="N" onClick={doIt.n!} />
            <Action id="recall" label={t('Panggil ulang', 'Recall')} shortcut="R" onClick={doIt.r!} />
            <Action id="start" className="primary" label={t('Mulai layani', 'Start serving')} shortcut="M" onClick={doIt.m!} />
            <Action id="finish" className="primary" label={t('Selesai', 'Finish')} shortcut="S" onClick={doIt.s!} />
            <Action id="noShow" label={t('Tidak hadir', 'No-show')} onClick={() => setConfirmNoShow(true)} />
            <Action id="park" label={t('Parkir', 'Park')} onClick={() => cur && void act(`/tickets/${cur.id}/park`)} />
            <Action id="transfer" label={t('Alihkan', 'Transfer')} onClick={() => setTransfer({ serviceId: '', counterId: '', note: '' })} />
            {cur && (
              <button type="button" onClick={() => void reprint(cur.id)}>
                {t('Cetak ulang tiket', 'Reprint ticket')}
              </button>
            )}
          </div>
          {confirmNoShow && cur && (
            <div className="cc-confirm" role="alertdialog" aria-label={t('Konfirmasi tidak hadir', 'Confirm no-show')}>
              <p>{t(`Tandai ${cur.number} tidak hadir? Dapat diurungkan dalam 60 detik.`, `Mark ${cur.number} as no-show? You can undo it within 60 seconds.`)}</p>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setConfirmNoShow(false);
                  void act(`/tickets/${cur.id}/no-show`);
                }}
              >
                {t('Ya, tidak hadir', 'Yes, no-show')}
              </button>
              <button type="button" onClick={() => setConfirmNoShow(false)}>
                {t('Batal', 'Cancel')}
              </button>
            </div>
          )}
          {transfer && cur && (
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
                  {view.transferTargets.services.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.tenantName} — {x.name}
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
              <button type="submit" className="primary" disabled={!transfer.serviceId && !transfer.counterId}>
                {t('Alihkan', 'Transfer')}
              </button>
              <button type="button" onClick={() => setTransfer(null)}>
                {t('Batal', 'Cancel')}
              </button>
            </form>
          )}
          <p className="cc-keys muted">{t('Pintasan: N panggil, R panggil ulang, M mulai, S selesai', 'Shortcuts: N call, R recall, M start, S finish')}</p>
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
                <span className="cl-acts">
                  <button type="button" disabled={!!why.callThis} title={why.callThis ?? undefined} aria-describedby={why.callThis ? 'why-callNext' : undefined} onClick={() => setCallThis({ id: w.id, number: w.number, reason: '' })}>
                    {t('Panggil', 'Call')}
                  </button>
                  <button type="button" onClick={() => void reprint(w.id)} aria-label={t(`Cetak ulang ${w.number}`, `Reprint ${w.number}`)}>
                    {t('Cetak', 'Print')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
          {callThis && (
            <form
              className="cc-transfer"
              onSubmit={(e) => {
                e.preventDefault();
                void act(`/counters/${c.id}/call`, { ticketId: callThis.id, reason: callThis.reason }).then(() => setCallThis(null));
              }}
            >
              <label>
                {t(`Alasan memanggil ${callThis.number} di luar urutan`, `Reason for calling ${callThis.number} out of order`)}
                <input value={callThis.reason} minLength={3} maxLength={200} required onChange={(e) => setCallThis({ ...callThis, reason: e.target.value })} />
              </label>
              <button type="submit" className="primary">
                {t('Panggil', 'Call')}
              </button>
              <button type="button" onClick={() => setCallThis(null)}>
                {t('Batal', 'Cancel')}
              </button>
            </form>
          )}
        </section>
        <section className="console-parked card">
          <h2>
            {t('Diparkir', 'Parked')} ({view.parked.length})
          </h2>
          {view.parked.length === 0 ? (
            <p className="muted">{t('Tidak ada tiket yang diparkir.', 'No parked tickets.')}</p>
          ) : (
            <ul>
              {view.parked.map((p) => (
                <li key={p.id}>
                  <span className="cl-number">{p.number}</span>
                  <span className="cl-service">
                    {p.serviceName}
                    {p.parkedByCounter && <em> · {p.parkedByCounter}</em>} · {timeOf(p.parkedAt, view.timezone)}
                  </span>
                  <button type="button" disabled={!!why.unpark} title={why.unpark ?? undefined} aria-describedby={why.unpark ? 'why-callNext' : undefined} onClick={() => void act(`/counters/${c.id}/unpark`, { ticketId: p.id })}>
                    {t('Panggil kembali', 'Call back')}
                  </button>
                </li>
              ))}
            </ul>
          )}
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
      {printing && (
        <div className="console-print card" role="dialog" aria-label={t('Cetak ulang tiket', 'Reprint ticket')}>
          <PrintedTicket ticket={printing} />
          <div className="no-print">
            <button type="button" className="primary" onClick={() => printNow()}>
              {t('Cetak', 'Print')}
            </button>
            <button type="button" onClick={() => setPrinting(null)}>
              {t('Tutup', 'Close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
