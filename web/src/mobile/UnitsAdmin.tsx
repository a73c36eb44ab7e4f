import { useState, type FormEvent } from 'react';
import { useApiMutation, WriteError } from '../api/hooks';
import { useI18n } from '../i18n';
import type { MobileOptions, UnitView } from './views';

const blank = { name: '', vehicle: '', plate: '', active: true, serviceIds: [] as string[], crewUserIds: [] as string[] };

/** The MPP's units: vehicle, plate, crew (from the MPP's users) and the services each can offer. */
export function UnitsPanel({ mppId, units, options }: { mppId: string; units: UnitView[]; options: MobileOptions }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<UnitView | 'new' | null>(null);
  return (
    <>
      {editing === null && <button type="button" className="primary" onClick={() => setEditing('new')}>{t('Tambah unit', 'Add a unit')}</button>}
      {editing !== null && <UnitEditor key={editing === 'new' ? 'new' : editing.id} mppId={mppId} unit={editing === 'new' ? null : editing} options={options} onClose={() => setEditing(null)} />}
      {units.length === 0 ? (
        <p className="notice">{t('Belum ada unit layanan keliling.', 'No mobile units yet.')}</p>
      ) : (
        <table className="data">
          <thead><tr><th>{t('Unit', 'Unit')}</th><th>{t('Kendaraan', 'Vehicle')}</th><th>{t('Awak', 'Crew')}</th><th>{t('Layanan', 'Services')}</th><th /></tr></thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id}>
                <td>{u.name}{!u.active && <> <span className="muted">({t('tidak aktif', 'inactive')})</span></>}</td>
                <td>{u.vehicle}<br /><span className="muted small">{u.plate}</span></td>
                <td>{u.crew.map((c) => c.name).join(', ') || '—'}</td>
                <td className="small">{u.services.length} {t('layanan', 'services')}: {u.services.slice(0, 4).map((s) => s.name).join(', ')}{u.services.length > 4 ? '…' : ''}</td>
                <td><button type="button" onClick={() => setEditing(u)}>{t('Ubah', 'Edit')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function UnitEditor({ mppId, unit, options, onClose }: { mppId: string; unit: UnitView | null; options: MobileOptions; onClose: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(unit ? { name: unit.name, vehicle: unit.vehicle, plate: unit.plate, active: unit.active, serviceIds: unit.services.map((s) => s.id), crewUserIds: unit.crew.map((c) => c.id) } : blank);
  const create = useApiMutation('post', '/api/mpps/{mppId}/mobile/units', { onSuccess: onClose });
  const update = useApiMutation('put', '/api/mpps/{mppId}/mobile/units/{unitId}', { onSuccess: onClose });
  const error = create.error ?? update.error;
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (unit) update.mutate({ params: { path: { mppId, unitId: unit.id } }, body: form });
    else create.mutate({ params: { path: { mppId } }, body: form });
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="unit-editor-title">
      <h2 id="unit-editor-title">{unit ? t('Ubah unit', 'Edit unit') : t('Unit baru', 'New unit')}</h2>
      <div className="grid-form">
        <label>{t('Nama unit', 'Unit name')}<input required minLength={2} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>{t('Kendaraan', 'Vehicle')}<input required minLength={2} value={form.vehicle} onChange={(e) => setForm({ ...form, vehicle: e.target.value })} placeholder="Isuzu Elf" /></label>
        <label>{t('Nomor polisi', 'Plate')}<input required value={form.plate} onChange={(e) => setForm({ ...form, plate: e.target.value })} placeholder="R 1234 XY" /></label>
        <label className="check"><input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} /> {t('Aktif', 'Active')}</label>
      </div>
      <fieldset>
        <legend>{t('Awak (pengguna MPP ini)', 'Crew (users of this MPP)')}</legend>
        <div className="checks">
          {options.staff.map((s) => (
            <label key={s.id}><input type="checkbox" checked={form.crewUserIds.includes(s.id)} onChange={(e) => setForm({ ...form, crewUserIds: toggle(form.crewUserIds, s.id, e.target.checked) })} /> {s.name} <span className="muted small">{s.email}</span></label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('Layanan yang dapat dibawa', 'Services it can offer')}</legend>
        <div className="checks">
          {options.services.map((s) => (
            <label key={s.id}><input type="checkbox" checked={form.serviceIds.includes(s.id)} onChange={(e) => setForm({ ...form, serviceIds: toggle(form.serviceIds, s.id, e.target.checked) })} /> {s.name} <span className="muted small">{s.tenantName}</span></label>
          ))}
        </div>
      </fieldset>
      <WriteError error={error} />
      <div className="stop-row-actions">
        <button type="submit" className="primary" disabled={create.isPending || update.isPending}>{t('Simpan', 'Save')}</button>
        <button type="button" onClick={onClose}>{t('Tutup', 'Close')}</button>
      </div>
    </form>
  );
}
