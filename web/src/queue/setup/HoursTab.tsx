import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client';
import { WEEKDAYS } from '../../catalog/format';
import type { DayHours, WeeklyHours } from '../../catalog/views';
import { useCurrentMpp, useRefreshStaffMpps, type StaffMpp } from '../../current-mpp';
import { useI18n } from '../../i18n';
import { zoneAbbr } from '../../time';
import type { SetupPanelProps } from './QueueSetupPage';
import { errorText } from './data';

type Day = '1' | '2' | '3' | '4' | '5' | '6' | '7';
const DAYS: Day[] = ['1', '2', '3', '4', '5', '6', '7'];

/**
 * The weekly hours the queue runs on (tickets are issued only while the MPP is open). MPP admins edit
 * them here, where they set up the queue; agency admins read them. The same hours show in the catalog
 * profile.
 */
export function HoursTab({ setup }: SetupPanelProps) {
  const { t } = useI18n();
  const { mpp } = useCurrentMpp();
  if (!mpp) return null;
  return (
    <>
      <p className="muted">
        {t('Kios dan antrean online hanya mengeluarkan nomor selama jam layanan ini.', 'The kiosk and the online queue issue numbers only within these hours.')}{' '}
        <Link to="/staf/kalender">{t('Libur dan penutupan', 'Holidays and closures')}</Link> · <Link to="/staf/katalog?tab=profil">{t('Hari dengan jam khusus', 'Days with special hours')}</Link>
      </p>
      {setup.mppWide ? <HoursForm key={mpp.id} mpp={mpp} /> : <HoursTable mpp={mpp} />}
    </>
  );
}

/** One row per weekday: open or closed, opening and closing time, one break (further breaks are kept as they are). */
function HoursForm({ mpp }: { mpp: StaffMpp }) {
  const { t } = useI18n();
  const refresh = useRefreshStaffMpps();
  const [saved, setSaved] = useState<WeeklyHours>(mpp.weeklyHours);
  const [hours, setHours] = useState<WeeklyHours>(mpp.weeklyHours);
  const setDay = (d: Day, v: DayHours | undefined) => {
    const next: WeeklyHours = { ...hours };
    if (v) next[d] = v;
    else delete next[d];
    setHours(next);
  };
  const changed = JSON.stringify(hours) !== JSON.stringify(saved);
  // Only the hours are sent: the rest of the MPP's profile stays as whoever last saved it.
  const save = useMutation({
    mutationFn: () => unwrap(client.PATCH('/api/catalog/mpps/{mppId}', { params: { path: { mppId: mpp.id } }, body: { weeklyHours: hours } })),
    onSuccess: (m) => {
      setSaved(m.weeklyHours);
      setHours(m.weeklyHours);
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('Jam layanan mingguan', 'Weekly hours')}>
      <table className="qs-table qs-hours">
        <thead>
          <tr>
            <th>{t('Hari', 'Day')}</th>
            <th>{t('Buka', 'Opens')} ({zoneAbbr(mpp.timezone)})</th>
            <th>{t('Tutup', 'Closes')}</th>
            <th>{t('Istirahat', 'Break')}</th>
          </tr>
        </thead>
        <tbody>
          {DAYS.map((d, i) => {
            const day = t(WEEKDAYS[i]!);
            const h = hours[d];
            const br = h?.breaks[0];
            const setBreak = (start: string, end: string) => h && setDay(d, { ...h, breaks: start || end ? [{ start, end, label: br?.label ?? 'Istirahat' }, ...h.breaks.slice(1)] : h.breaks.slice(1) });
            return (
              <tr key={d}>
                <td>
                  <label className="qs-check">
                    <input type="checkbox" checked={!!h} onChange={(e) => setDay(d, e.target.checked ? (mpp.weeklyHours[d] ?? { opens: '08:00', closes: '15:00', breaks: [] }) : undefined)} /> {day}
                  </label>
                </td>
                {h ? (
                  <>
                    <td><input type="time" aria-label={t(`${day} buka`, `${day} opens`)} required value={h.opens} onChange={(e) => setDay(d, { ...h, opens: e.target.value })} /></td>
                    <td><input type="time" aria-label={t(`${day} tutup`, `${day} closes`)} required value={h.closes} onChange={(e) => setDay(d, { ...h, closes: e.target.value })} /></td>
                    <td className="qs-break">
                      <input type="time" aria-label={t(`${day} istirahat mulai`, `${day} break starts`)} value={br?.start ?? ''} onChange={(e) => setBreak(e.target.value, br?.end ?? '')} />
                      <span aria-hidden="true">–</span>
                      <input type="time" aria-label={t(`${day} istirahat selesai`, `${day} break ends`)} value={br?.end ?? ''} onChange={(e) => setBreak(br?.start ?? '', e.target.value)} />
                      {h.breaks.length > 1 && <span className="muted small"> +{h.breaks.length - 1}</span>}
                    </td>
                  </>
                ) : (
                  <td colSpan={3} className="muted">{t('Tutup', 'Closed')}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="qs-actions" aria-live="polite">
        <button type="submit" className="primary" disabled={save.isPending || !changed}>{t('Simpan jam layanan', 'Save the hours')}</button>
        {save.isSuccess && !changed && <span className="notice">{t('Tersimpan', 'Saved')}: {t('Jam layanan', 'Opening hours')}</span>}
        {save.isError && <span className="error" role="alert">{errorText(save.error)}</span>}
      </div>
    </form>
  );
}

/** The hours as an agency admin reads them: the MPP admin sets them. */
function HoursTable({ mpp }: { mpp: StaffMpp }) {
  const { t } = useI18n();
  return (
    <>
      <table className="qs-table" aria-label={t('Jam layanan mingguan', 'Weekly hours')}>
        <thead>
          <tr>
            <th>{t('Hari', 'Day')}</th>
            <th>{t('Buka', 'Opens')} ({zoneAbbr(mpp.timezone)})</th>
            <th>{t('Tutup', 'Closes')}</th>
            <th>{t('Istirahat', 'Break')}</th>
          </tr>
        </thead>
        <tbody>
          {DAYS.map((d, i) => {
            const h = mpp.weeklyHours[d];
            return (
              <tr key={d}>
                <td>{t(WEEKDAYS[i]!)}</td>
                {h ? (
                  <>
                    <td>{h.opens}</td>
                    <td>{h.closes}</td>
                    <td>{h.breaks.map((b) => `${b.start}–${b.end} ${b.label}`).join(', ') || '—'}</td>
                  </>
                ) : (
                  <td colSpan={3} className="muted">{t('Tutup', 'Closed')}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('Jam layanan diatur oleh admin MPP.', 'The MPP admin sets the hours.')}</p>
    </>
  );
}
