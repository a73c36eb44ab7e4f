import './queue.css';
import { KioskDone, KioskHeader, KioskNotices, KioskPriority, KioskSearchStep, KioskStart } from './KioskPanels';
import { useKiosk, type KioskMode } from './use-kiosk';

/**
 * The ticket kiosk (portrait touch screen) and, with mode="online", the public same-day virtual ticket
 * page for phones. After a ticket is issued the kiosk prints it (print CSS for thermal paper). State and
 * data live in use-kiosk.ts, each screen in KioskPanels.tsx.
 */
export function KioskPage({ mode = 'kiosk' }: { mode?: KioskMode }) {
  const kiosk = useKiosk(mode);
  const { paper, large, ticket, chosen, searching } = kiosk;
  return (
    <div className={`kiosk kiosk-${mode} ${paper}${large ? ' kiosk-large' : ''}`}>
      <KioskHeader kiosk={kiosk} />
      <KioskNotices kiosk={kiosk} />
      {ticket ? <KioskDone kiosk={kiosk} /> : chosen ? <KioskPriority kiosk={kiosk} /> : searching ? <KioskSearchStep kiosk={kiosk} /> : <KioskStart kiosk={kiosk} />}
    </div>
  );
}
