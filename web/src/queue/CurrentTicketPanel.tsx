import { useState } from 'react';
import { useI18n } from '../i18n';
import { Action, mmss, type Why } from './ConsolePanels';
import { since, type ConsoleView, type TransferBody } from './use-console';

/** The ticket at the counter, its times and actions, the no-show confirmation and the transfer form. */
export function CurrentTicketPanel({ view, now, why, doIt, onNoShow, onPark, onTransfer, onReprint }: {
  view: ConsoleView;
  now: number;
  why: Why;
  doIt: Record<'n' | 'r' | 'm' | 's', () => void>;
  onNoShow: (ticketId: string) => void;
  onPark: (ticketId: string) => void;
  onTransfer: (ticketId: string, body: TransferBody) => Promise<unknown>;
  onReprint: (ticketId: string) => void;
}) {
  const { t } = useI18n();
  const cur = view.current;
  const [confirmNoShow, setConfirmNoShow] = useState(false);
  const [transfer, setTransfer] = useState<{ serviceId: string; counterId: string; note: string } | null>(null);
  return (
    <section className="console-current card">
      <h2>{t('Tiket saat ini', 'Current ticket')}</h2>
      {cur ? (
        <>
          <div className="cc-number">{cur.number}</div>
          {(cur.plate ?? cur.holderName) && <div className="cc-plate">{cur.plate ?? cur.holderName}</div>}
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
        <Action why={why} id="callNext" className="primary" label={t('Panggil berikutnya', 'Call next')} shortcut="N" onClick={doIt.n} />
        <Action why={why} id="recall" label={t('Panggil ulang', 'Recall')} shortcut="R" onClick={doIt.r} />
        <Action why={why} id="start" className="primary" label={t('Mulai layani', 'Start serving')} shortcut="M" onClick={doIt.m} />
        <Action why={why} id="finish" className="primary" label={t('Selesai', 'Finish')} shortcut="S" onClick={doIt.s} />
        <Action why={why} id="noShow" label={t('Tidak hadir', 'No-show')} onClick={() => setConfirmNoShow(true)} />
        <Action why={why} id="park" label={t('Parkir', 'Park')} onClick={() => cur && onPark(cur.id)} />
        <Action why={why} id="transfer" label={t('Alihkan', 'Transfer')} onClick={() => setTransfer({ serviceId: '', counterId: '', note: '' })} />
        {cur && (
          <button type="button" onClick={() => onReprint(cur.id)}>
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
              onNoShow(cur.id);
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
            void onTransfer(cur.id, {
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
  );
}
