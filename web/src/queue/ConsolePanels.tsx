import { useState } from 'react';
import { useI18n } from '../i18n';
import { timeOf } from './types';
import { since, type ConsoleView, type CounterView } from './use-console';

export const mmss = (s: number | null) => (s === null ? '–' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);

/** Why each console action is not possible now (null: it is), by action id. */
export type Why = Record<string, string | null>;

/** A button that stays visible when not allowed and says why (title and text read by screen readers). */
export function Action({ why, ...p }: { why: Why; id: string; label: string; onClick: () => void; className?: string; shortcut?: string }) {
  return (
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
}

/** The counters of the MPP grouped by agency, with a search box once there are many. */
export function CounterChooser({ counters, error, onPick }: { counters: CounterView[]; error: string | null; onPick: (id: string) => void }) {
  const { t } = useI18n();
  const [find, setFind] = useState('');
  const q = find.trim().toLowerCase();
  const shown = counters.filter((c) => !q || `${c.name} ${c.tenantName}`.toLowerCase().includes(q));
  // One group per agency, agencies by name: an MPP admin sees every counter of the hall (45 in the demo).
  const groups = [...new Set(shown.map((c) => c.tenantName))].sort((a, b) => a.localeCompare(b, 'id'));
  return (
    <div className="console">
      <h1>{t('Pilih loket', 'Choose a counter')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
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
                <button key={c.id} type="button" onClick={() => onPick(c.id)}>
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

/** The waiting line: call one out of order (with a reason) or reprint its ticket. */
export function WaitingPanel({ view, now, why, onCall, onReprint }: {
  view: ConsoleView;
  now: number;
  why: Why;
  onCall: (ticketId: string, reason: string) => Promise<unknown>;
  onReprint: (ticketId: string) => void;
}) {
  const { t } = useI18n();
  const [callThis, setCallThis] = useState<{ id: string; number: string; reason: string } | null>(null);
  return (
    <section className="console-line card">
      <h2>
        {t('Antrean menunggu', 'Waiting line')} ({view.waiting.total})
      </h2>
      <ol>
        {view.waiting.tickets.map((w) => (
          <li key={w.id}>
            <span className="cl-number">{w.number}</span>
            <span className="cl-service">
              {(w.plate ?? w.holderName) && <strong className="cl-plate">{w.plate ?? w.holderName} · </strong>}
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
              <button type="button" onClick={() => onReprint(w.id)} aria-label={t(`Cetak ulang ${w.number}`, `Reprint ${w.number}`)}>
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
            void onCall(callThis.id, callThis.reason).then(() => setCallThis(null));
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
  );
}

/** Parked tickets, each callable back to this counter. */
export function ParkedPanel({ view, why, onUnpark }: { view: ConsoleView; why: Why; onUnpark: (ticketId: string) => void }) {
  const { t } = useI18n();
  return (
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
              <button type="button" disabled={!!why.unpark} title={why.unpark ?? undefined} aria-describedby={why.unpark ? 'why-callNext' : undefined} onClick={() => onUnpark(p.id)}>
                {t('Panggil kembali', 'Call back')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** This officer's counts today. */
export function MyCountsPanel({ counts }: { counts: ConsoleView['myCounts'] }) {
  const { t } = useI18n();
  const rows: [string, number][] = [
    [t('Dipanggil', 'Called'), counts.called],
    [t('Selesai', 'Served'), counts.served],
    [t('Tidak hadir', 'No-show'), counts.noShow],
    [t('Dialihkan', 'Transferred'), counts.transferred],
  ];
  return (
    <section className="console-stats card">
      <h2>{t('Hitungan saya hari ini', 'My counts today')}</h2>
      <dl>
        {rows.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
