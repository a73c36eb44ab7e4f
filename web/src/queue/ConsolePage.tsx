import { useEffect, useRef, useState } from 'react';
import { problemText } from '../api/hooks';
import { useI18n } from '../i18n';
import './queue.css';
import { Action, CounterChooser, MyCountsPanel, ParkedPanel, WaitingPanel, type Why } from './ConsolePanels';
import { CurrentTicketPanel } from './CurrentTicketPanel';
import { PrintedTicket } from './PrintedTicket';
import { useConsole } from './use-console';

/** The officer console (loket): open/pause/close, call next, recall, serve, finish, no-show, transfer. */
export function ConsolePage() {
  const { t } = useI18n();
  const { mppId, counters, counterId, choose, view: viewQuery, now, act, reprint, error, clearErrors } = useConsole();
  const [pausing, setPausing] = useState<string | null>(null);
  const shortcuts = useRef<(key: string) => void>(() => {});
  const errorText = error ? problemText(error) : null;

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

  const printAgain = (ticketId: string) => {
    clearErrors();
    reprint.mutate(ticketId);
  };
  function printNow() {
    document.body.classList.add('print-ticket-only');
    window.print();
    document.body.classList.remove('print-ticket-only');
  }

  if (!mppId) return <p>{t('Akun Anda tidak terhubung ke MPP mana pun.', 'Your account is not linked to any MPP.')}</p>;
  const view = viewQuery.data;
  if (!counterId || !view) {
    const chooserError = counters.error ?? error;
    return <CounterChooser counters={counters.data ?? []} error={chooserError ? problemText(chooserError) : null} onPick={choose} />;
  }

  const c = view.counter;
  const cur = view.current;
  const can = (a: string) => !!cur?.allowedActions.includes(a);
  const busyWith = cur ? t(`Selesaikan, parkir, atau alihkan tiket ${cur.number} dulu`, `Finish, park or transfer ticket ${cur.number} first`) : null;
  const notOpen = c.status === 'paused' ? t('Loket sedang jeda: buka loket dulu', 'The counter is paused: open it first') : c.status === 'closed' ? t('Loket tutup: buka loket dulu', 'The counter is closed: open it first') : null;
  const noTicket = t('Belum ada tiket di loket', 'No ticket at the counter');
  const why: Why = {
    callNext: notOpen ?? busyWith ?? (view.waiting.total === 0 ? t('Tidak ada yang menunggu', 'Nobody is waiting') : null),
    recall: !cur ? noTicket : cur.status !== 'called' ? t('Tiket sudah dilayani', 'The ticket is already being served') : cur.recallCount >= view.maxRecalls ? t(`Batas panggil ulang (${view.maxRecalls}×) tercapai: mulai layani atau tandai tidak hadir`, `Recall limit (${view.maxRecalls}×) reached: start serving or mark no-show`) : null,
    start: !cur ? noTicket : can('start') ? null : t('Sudah dilayani', 'Already being served'),
    finish: !cur ? noTicket : can('finish') ? null : t('Mulai layani dulu', 'Start serving first'),
    noShow: !cur ? noTicket : can('no_show') ? null : t('Orangnya sudah dilayani', 'The person is being served'),
    park: !cur ? noTicket : can('park') ? null : t('Tiket ini tidak dapat diparkir', 'This ticket cannot be parked'),
    transfer: !cur ? noTicket : null,
    pause: c.status !== 'open' ? t('Loket tidak sedang buka', 'The counter is not open') : busyWith,
    close: c.status === 'closed' ? t('Loket sudah tutup', 'The counter is already closed') : busyWith,
    open: c.status === 'open' ? t('Loket sudah buka', 'The counter is already open') : null,
    unpark: notOpen ?? busyWith,
    callThis: notOpen ?? busyWith,
  };
  const doIt = {
    n: () => void act.callNext(),
    r: () => cur && void act.recall(cur.id),
    m: () => cur && void act.start(cur.id),
    s: () => cur && void act.finish(cur.id),
  };
  const keyOf: Record<string, string> = { n: 'callNext', r: 'recall', m: 'start', s: 'finish' };
  shortcuts.current = (key: string) => {
    const k = key.toLowerCase();
    if (k in doIt && !why[keyOf[k]!]) doIt[k as keyof typeof doIt]();
  };
  const undoLeft = view.undoableNoShow ? Math.max(0, Math.ceil((Date.parse(view.undoableNoShow.until) - now) / 1000)) : 0;

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
          {c.status !== 'open' && <Action why={why} id="open" label={t('Buka loket', 'Open counter')} onClick={() => void act.open()} />}
          {c.status === 'open' && <Action why={why} id="pause" label={t('Jeda', 'Pause')} onClick={() => setPausing(view.pauseReasons[0]?.id ?? '')} />}
          <Action why={why} id="close" label={t('Tutup loket', 'Close counter')} onClick={() => void act.close()} />
          <button type="button" onClick={() => choose(null)}>
            {t('Ganti loket', 'Switch counter')}
          </button>
        </div>
      </header>
      {pausing !== null && (
        <form
          className="console-pause card"
          onSubmit={(e) => {
            e.preventDefault();
            if (pausing) void act.pause(pausing).then(() => setPausing(null));
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
      {errorText && (
        <p className="error" role="alert">
          {errorText}
        </p>
      )}
      {view.undoableNoShow && undoLeft > 0 && (
        <div className="console-undo" role="status">
          {t(`Tiket ${view.undoableNoShow.number} ditandai tidak hadir.`, `Ticket ${view.undoableNoShow.number} marked no-show.`)}{' '}
          <button type="button" className="primary" onClick={() => void act.undoNoShow(view.undoableNoShow!.ticketId)}>
            {t('Urungkan', 'Undo')} ({undoLeft} {t('dtk', 's')})
          </button>
        </div>
      )}
      <div className="console-grid">
        <CurrentTicketPanel view={view} now={now} why={why} doIt={doIt} onNoShow={(id) => void act.noShow(id)} onPark={(id) => void act.park(id)} onTransfer={act.transfer} onReprint={printAgain} />
        <WaitingPanel view={view} now={now} why={why} onCall={act.call} onReprint={printAgain} />
        <ParkedPanel view={view} why={why} onUnpark={(id) => void act.unpark(id)} />
        <MyCountsPanel counts={view.myCounts} />
      </div>
      {reprint.data && (
        <div className="console-print card" role="dialog" aria-label={t('Cetak ulang tiket', 'Reprint ticket')}>
          <PrintedTicket ticket={reprint.data} />
          <div className="no-print">
            <button type="button" className="primary" onClick={() => printNow()}>
              {t('Cetak', 'Print')}
            </button>
            <button type="button" onClick={() => reprint.reset()}>
              {t('Tutup', 'Close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
