import { useEffect, useRef, useState } from 'react';
import { sendHeartbeat, startHeartbeat, type HeartbeatAnswer } from './device';

/**
 * Printing a ticket from the kiosk browser, and what the browser can tell about it.
 *
 * A browser never learns whether paper came out: window.print() hands the page to the print system.
 * What it can see is a print that did not happen at all: print() throwing (printing disabled by policy,
 * a sandboxed frame) or the print never finishing (no `afterprint` within PRINT_DEADLINE_MS: the kiosk
 * browser runs with --kiosk-printing, where a silent print fires afterprint at once, so a missing one
 * means the print path is stuck). Paper out, a jam or an offline printer are only known to a native print
 * bridge, which reports them through the device heartbeat's printerError (docs/floor.md).
 */
export const PRINT_DEADLINE_MS = 10_000;

export type PrintOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Prints the page. `onLateFinish` runs if a print reported as not finished does finish later (a print
 * dialog someone left open on a kiosk set up without --kiosk-printing), so the error can be withdrawn.
 */
export function printTicket(deadlineMs = PRINT_DEADLINE_MS, onLateFinish?: () => void): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let late = false;
    const settle = (outcome: PrintOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!late) window.removeEventListener('afterprint', onAfter);
      resolve(outcome);
    };
    const onAfter = () => {
      if (late) {
        window.removeEventListener('afterprint', onAfter);
        onLateFinish?.();
      } else settle({ ok: true });
    };
    window.addEventListener('afterprint', onAfter);
    const timer = setTimeout(() => {
      late = true;
      settle({ ok: false, reason: `Cetak tidak selesai dalam ${Math.round(deadlineMs / 1000)} detik (printer tidak menjawab)` });
    }, deadlineMs);
    try {
      window.print();
    } catch (e) {
      late = false;
      settle({ ok: false, reason: `Cetak gagal: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
}

/**
 * A kiosk page's printer: its heartbeat (every 30 s, with the last print's error) and `print`, which
 * prints, shows a failure (`printFailed`) and reports a change of it at once in a heartbeat, withdrawing
 * it when a late print finishes. `page` names the page in the heartbeat; a null token (the online ticket
 * page on a phone) sends nothing.
 */
export function useKioskPrinter(mppId: string, token: string | null, page: string, onAnswer?: (answer: HeartbeatAnswer) => void) {
  const [printFailed, setPrintFailed] = useState<string | null>(null);
  // What the heartbeat reports: undefined until this kiosk has printed, then the last print's error or null.
  const printerError = useRef<string | null | undefined>(undefined);
  const answered = useRef(onAnswer);
  answered.current = onAnswer;
  useEffect(() => startHeartbeat(mppId, token, page, () => printerError.current, (a) => answered.current?.(a)), [mppId, token, page]);
  async function print() {
    const report = (next: string | null) => {
      setPrintFailed(next);
      if (printerError.current !== next && !(printerError.current === undefined && next === null)) sendHeartbeat(mppId, token, page, next);
      printerError.current = next;
    };
    const outcome = await printTicket(undefined, () => report(null));
    report(outcome.ok ? null : outcome.reason);
  }
  return { printFailed, setPrintFailed, print };
}
