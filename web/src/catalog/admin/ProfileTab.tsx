import { useState, type FormEvent } from 'react';
import { client, unwrap } from '../../api/client';
import { LoadState, useApiMutation, useApiQuery } from '../../api/hooks';
import type { StaffMpp } from '../../current-mpp';
import { useI18n } from '../../i18n';
import { WEEKDAYS } from '../format';
import { RegionPicker } from '../mpps/RegionPicker';
import type { DayHours, Mpp, WeeklyHours } from '../views';
import { attempt, errText } from './use-catalog-admin';

const SPECIAL_DAYS = ['/api/catalog/mpps/{mppId}/special-days' as const];

/** Only the fields the admin changed: an edit must not rewrite what someone else changed meanwhile. */
function changedProfile(mpp: StaffMpp, next: Record<string, unknown>): Record<string, unknown> {
  const before = mpp as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k] ?? (k === 'regionCode' ? '' : null))));
}

export function ProfileTab({ mpp, canEdit, onSaved }: { mpp: StaffMpp; canEdit: boolean; onSaved: (m: Mpp) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({ name: mpp.name, address: mpp.address, regionCode: mpp.regionCode ?? '', maklumat: mpp.maklumat, facilities: mpp.facilities.join('\n'), waitingCapacity: String(mpp.waitingCapacity ?? ''), weeklyHours: mpp.weeklyHours });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const setDay = (d: string, v: DayHours | undefined) => {
    const next: WeeklyHours = { ...draft.weeklyHours };
    if (v) next[d as '1'] = v;
    else delete next[d as '1'];
    setDraft({ ...draft, weeklyHours: next });
  };
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      const saved = await unwrap(client.PATCH('/api/catalog/mpps/{mppId}', {
        params: { path: { mppId: mpp.id } },
        body: changedProfile(mpp, { name: draft.name, address: draft.address, regionCode: draft.regionCode, maklumat: draft.maklumat, facilities: draft.facilities.split('\n').map((x) => x.trim()).filter(Boolean), waitingCapacity: draft.waitingCapacity ? Number(draft.waitingCapacity) : null, weeklyHours: draft.weeklyHours }),
      }));
      onSaved(saved);
      // The answer holds the whole profile as stored, another admin's changes included: show them, so the next save cannot undo them.
      setDraft({ name: saved.name, address: saved.address, regionCode: saved.regionCode ?? '', maklumat: saved.maklumat, facilities: saved.facilities.join('\n'), waitingCapacity: String(saved.waitingCapacity ?? ''), weeklyHours: saved.weeklyHours });
      setMsg({ ok: true, text: t('Tersimpan.', 'Saved.') });
    } catch (err) {
      setMsg({ ok: false, text: errText(err) });
    }
  }
  return (
    <>
    <form onSubmit={save}>
      <fieldset disabled={!canEdit}>
        <legend>{t('Profil MPP', 'MPP profile')}</legend>
        <div className="grid-form">
          <label>{t('Nama', 'Name')}<input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></label>
          <label>{t('Kapasitas ruang tunggu', 'Waiting room capacity')}<input inputMode="numeric" value={draft.waitingCapacity} onChange={(e) => setDraft({ ...draft, waitingCapacity: e.target.value })} /></label>
        </div>
        <RegionPicker value={draft.regionCode} onChange={(r) => setDraft({ ...draft, regionCode: r?.code ?? '' })} disabled={!canEdit} />
        <label>{t('Alamat', 'Address')}<input value={draft.address} onChange={(e) => setDraft({ ...draft, address: e.target.value })} /></label>
        <label>{t('Fasilitas (satu per baris)', 'Facilities (one per line)')}<textarea value={draft.facilities} onChange={(e) => setDraft({ ...draft, facilities: e.target.value })} /></label>
        <label>{t('Maklumat Pelayanan', 'Service pledge (Maklumat)')}<textarea rows={5} value={draft.maklumat} onChange={(e) => setDraft({ ...draft, maklumat: e.target.value })} /></label>
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>{t('Jam layanan mingguan', 'Weekly hours')} ({mpp.timezone})</legend>
        {WEEKDAYS.map((d, i) => {
          const key = String(i + 1);
          const h = draft.weeklyHours[key as '1'];
          const br = h?.breaks[0];
          return (
            <div className="hours-row" key={key}>
              <label className="inline"><input type="checkbox" checked={!!h} onChange={(e) => setDay(key, e.target.checked ? { opens: '08:00', closes: '15:00', breaks: [] } : undefined)} /> {t(d)}</label>
              {h ? (
                <>
                  <input aria-label={`${t(d)} ${t('buka', 'opens')}`} type="time" value={h.opens} onChange={(e) => setDay(key, { ...h, opens: e.target.value })} />
                  <input aria-label={`${t(d)} ${t('tutup', 'closes')}`} type="time" value={h.closes} onChange={(e) => setDay(key, { ...h, closes: e.target.value })} />
                  <span>
                    {t('Istirahat', 'Break')}{' '}
                    <input aria-label={`${t(d)} ${t('istirahat mulai', 'break starts')}`} type="time" style={{ width: '8.5rem' }} value={br?.start ?? ''} onChange={(e) => setDay(key, { ...h, breaks: e.target.value ? [{ start: e.target.value, end: br?.end ?? e.target.value, label: br?.label ?? 'Istirahat' }] : [] })} />
                    –
                    <input aria-label={`${t(d)} ${t('istirahat selesai', 'break ends')}`} type="time" style={{ width: '8.5rem' }} value={br?.end ?? ''} onChange={(e) => br && setDay(key, { ...h, breaks: [{ ...br, end: e.target.value }] })} />
                  </span>
                </>
              ) : <span className="muted">{t('Tutup', 'Closed')}</span>}
            </div>
          );
        })}
      </fieldset>
      {msg && <p className={msg.ok ? 'notice' : 'error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      {canEdit && <div className="form-actions"><button type="submit" className="primary">{t('Simpan', 'Save')}</button></div>}
    </form>
    <SpecialDays mppId={mpp.id} canEdit={canEdit} />
    </>
  );
}

/** Days with changed (e.g. shortened) hours; closures and holidays are kept in the calendar. */
function SpecialDays({ mppId, canEdit }: { mppId: string; canEdit: boolean }) {
  const { t } = useI18n();
  const days = useApiQuery('/api/catalog/mpps/{mppId}/special-days', { params: { path: { mppId } } });
  const list = days.data ?? [];
  const create = useApiMutation('post', '/api/catalog/mpps/{mppId}/special-days', { invalidates: SPECIAL_DAYS });
  const drop = useApiMutation('delete', '/api/catalog/mpps/{mppId}/special-days/{specialDayId}', { invalidates: SPECIAL_DAYS });
  const [form, setForm] = useState({ day: '', opens: '08:00', closes: '12:00', note: '' });
  const [error, setError] = useState<string | null>(null);
  async function add() {
    setError(null);
    const refused = await attempt(() => create.mutateAsync({ params: { path: { mppId } }, body: { ...form, breaks: [] } }));
    if (refused) setError(refused);
    else setForm({ ...form, day: '', note: '' });
  }
  async function remove(id: string) {
    setError(await attempt(() => drop.mutateAsync({ params: { path: { mppId, specialDayId: id } } })));
  }
  return (
    <fieldset>
      <legend>{t('Hari dengan jam khusus (mis. jam dipersingkat)', 'Days with special hours (e.g. shortened)')}</legend>
      <p className="muted small">{t('Libur nasional, cuti bersama dan penutupan MPP diatur di menu Kalender.', 'National holidays, cuti bersama and closures are set in the Calendar menu.')}</p>
      <LoadState query={days}>{() => null}</LoadState>
      <ul className="plain">
        {list.map((d) => (
          <li key={d.id}>
            {d.day}: {d.opens}–{d.closes} {d.note && `(${d.note})`}{' '}
            {canEdit && <button type="button" onClick={() => void remove(d.id)}>{t('Hapus', 'Remove')}</button>}
          </li>
        ))}
        {list.length === 0 && <li className="muted">{t('Belum ada.', 'None yet.')}</li>}
      </ul>
      {canEdit && (
        <div className="grid-form">
          <label>{t('Tanggal', 'Date')}<input type="date" value={form.day} onChange={(e) => setForm({ ...form, day: e.target.value })} /></label>
          <label>{t('Buka', 'Opens')}<input type="time" value={form.opens} onChange={(e) => setForm({ ...form, opens: e.target.value })} /></label>
          <label>{t('Tutup', 'Closes')}<input type="time" value={form.closes} onChange={(e) => setForm({ ...form, closes: e.target.value })} /></label>
          <label>{t('Keterangan', 'Note')}<input value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} /></label>
          <button type="button" className="primary" onClick={() => void add()}>{t('Tambah', 'Add')}</button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </fieldset>
  );
}
