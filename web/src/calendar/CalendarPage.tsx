import { useState, type FormEvent } from 'react';
import { LoadState, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import type { ResponseOf } from '../api/types';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { hasRole, useSession } from '../session';
import { weekdayName } from '../time';
import './calendar.css';

type CalendarDay = ResponseOf<'/api/calendar/national'>[number];

const KIND_LABEL = {
  holiday: { id: 'Libur nasional', en: 'National holiday' },
  cuti_bersama: { id: 'Cuti bersama', en: 'Collective leave' },
  closure: { id: 'Tutup (MPP)', en: 'MPP closure' },
} as const;

/** Holidays and cuti bersama (national admin) and an MPP's own closures (MPP admin). */
export function CalendarPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const isNational = hasRole(user, 'national_admin');
  const mppId = useCurrentMpp().mppId;
  const [year, setYear] = useState(new Date().getFullYear());
  const [message, setMessage] = useState<string | null>(null);
  const [form, setForm] = useState({ day: '', kind: 'holiday' as 'holiday' | 'cuti_bersama', name: '' });

  const mppDays = useApiQuery('/api/mpps/{mppId}/calendar', mppId ? { params: { path: { mppId }, query: { year } } } : null);
  const nationalDays = useApiQuery('/api/calendar/national', mppId ? null : { params: { query: { year } } });
  const days = mppId ? mppDays : nationalDays;
  const addNational = useApiMutation('post', '/api/calendar/national');
  const addClosure = useApiMutation('post', '/api/mpps/{mppId}/calendar/closures');
  const removeNational = useApiMutation('delete', '/api/calendar/national/{dayId}');
  const removeClosure = useApiMutation('delete', '/api/mpps/{mppId}/calendar/closures/{dayId}');
  const writeError = addNational.error ?? addClosure.error ?? removeNational.error ?? removeClosure.error;
  const [closureKind, setClosureKind] = useState(false);

  function add(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const added = {
      onSuccess: () => {
        setMessage(t('Tanggal ditambahkan.', 'Date added.'));
        setForm({ ...form, day: '', name: '' });
      },
    };
    if (isNational && !closureKind) addNational.mutate({ body: form }, added);
    else if (mppId) addClosure.mutate({ params: { path: { mppId } }, body: { day: form.day, name: form.name } }, added);
  }

  function remove(d: CalendarDay) {
    if (!window.confirm(t(`Hapus ${d.day} (${d.name})?`, `Remove ${d.day} (${d.name})?`))) return;
    if (d.mppId) removeClosure.mutate({ params: { path: { mppId: d.mppId, dayId: d.id } } });
    else removeNational.mutate({ params: { path: { dayId: d.id } } });
  }

  const canEdit = (d: CalendarDay) => (d.mppId ? d.mppId === mppId : isNational);

  return (
    <section className="calendar-page">
      <h1>{t('Kalender hari kerja', 'Working-day calendar')}</h1>
      <p className="muted">
        {t(
          'Hari libur nasional dan cuti bersama ditetapkan tiap tahun oleh SKB 3 Menteri. Data bawaan diketik ulang dari SKB: admin nasional wajib mencocokkannya dengan SKB yang ditandatangani. Admin MPP menambahkan hari tutup setempat. Tenggat SLA pengaduan dihitung dari kalender ini.',
          'National holidays and cuti bersama are set yearly by the joint decree of three ministers. The shipped data was typed in from the decree: the national admin must check it against the signed decree. MPP admins add local closures. Complaint SLA due dates are computed from this calendar.',
        )}
      </p>
      {message && <p className="notice" role="status">{message}</p>}
      <WriteError error={writeError} />
      <label className="year-pick">{t('Tahun', 'Year')}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[year - 1, year, year + 1, year + 2].filter((y, i, a) => a.indexOf(y) === i).map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      <LoadState query={days}>
        {(list) => (
          <>
            {list.length === 0 && <p className="notice">{t('Belum ada data untuk tahun ini. Tenggat akan dihitung tanpa hari libur.', 'No data for this year yet. Due dates will be computed without holidays.')}</p>}
            <table className="data">
              <thead><tr><th>{t('Tanggal', 'Date')}</th><th>{t('Hari', 'Weekday')}</th><th>{t('Jenis', 'Kind')}</th><th>{t('Keterangan', 'Name')}</th><th /></tr></thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.id} className={`kind-${d.kind}`}>
                    <td>{d.day}</td>
                    <td>{weekdayName(d.day, lang)}</td>
                    <td>{t(KIND_LABEL[d.kind])}</td>
                    <td>{d.name}</td>
                    <td>{canEdit(d) && <button type="button" onClick={() => remove(d)}>{t('Hapus', 'Remove')}</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </LoadState>
      {(isNational || mppId) && (
        <>
          <h2>{t('Tambah tanggal', 'Add a date')}</h2>
          <form className="grid-form" onSubmit={add}>
            <label>{t('Tanggal', 'Date')}<input type="date" required value={form.day} onChange={(e) => setForm({ ...form, day: e.target.value })} /></label>
            <label>{t('Jenis', 'Kind')}
              <select value={isNational && !closureKind ? form.kind : 'closure'} disabled={!isNational} onChange={(e) => {
                const kind = e.target.value;
                setClosureKind(kind === 'closure');
                if (kind !== 'closure') setForm({ ...form, kind: kind as 'holiday' | 'cuti_bersama' });
              }}>
                {isNational && <option value="holiday">{t(KIND_LABEL.holiday)}</option>}
                {isNational && <option value="cuti_bersama">{t(KIND_LABEL.cuti_bersama)}</option>}
                {mppId && <option value="closure">{t(KIND_LABEL.closure)}</option>}
              </select>
            </label>
            <label>{t('Keterangan', 'Name')}<input required minLength={2} maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
            <button type="submit" className="primary">{t('Tambah', 'Add')}</button>
          </form>
        </>
      )}
    </section>
  );
}
