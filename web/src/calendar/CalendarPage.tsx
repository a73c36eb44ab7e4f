import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { hasRole, useSession } from '../session';
import './calendar.css';

interface CalendarDay {
  id: string;
  mppId: string | null;
  day: string;
  kind: 'holiday' | 'cuti_bersama' | 'closure';
  name: string;
}

const KIND_LABEL = {
  holiday: ['Libur nasional', 'National holiday'],
  cuti_bersama: ['Cuti bersama', 'Collective leave'],
  closure: ['Tutup (MPP)', 'MPP closure'],
} as const;

/** Holidays and cuti bersama (national admin) and an MPP's own closures (MPP admin). */
export function CalendarPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const isNational = hasRole(user, 'national_admin');
  const mppId = useCurrentMpp().mppId;
  const [year, setYear] = useState(new Date().getFullYear());
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [form, setForm] = useState({ day: '', kind: 'holiday', name: '' });

  const load = () =>
    api<CalendarDay[]>(mppId ? `/api/mpps/${mppId}/calendar?year=${year}` : `/api/calendar/national?year=${year}`).then(setDays, (e: ApiError) => setError(e.message));
  useEffect(() => {
    void load();
  }, [year, mppId]);

  const show = (err: unknown) => setError(err instanceof ApiError ? [err.message, ...err.errors.map((x) => x.message)].join(' ') : String(err));

  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      if (isNational && form.kind !== 'closure') await api('/api/calendar/national', { body: form });
      else if (mppId) await api(`/api/mpps/${mppId}/calendar/closures`, { body: { day: form.day, name: form.name } });
      setMessage(t('Tanggal ditambahkan.', 'Date added.'));
      setForm({ ...form, day: '', name: '' });
      await load();
    } catch (err) {
      show(err);
    }
  }

  async function remove(d: CalendarDay) {
    if (!window.confirm(t(`Hapus ${d.day} (${d.name})?`, `Remove ${d.day} (${d.name})?`))) return;
    try {
      await api(d.mppId ? `/api/mpps/${d.mppId}/calendar/closures/${d.id}` : `/api/calendar/national/${d.id}`, { method: 'DELETE' });
      await load();
    } catch (err) {
      show(err);
    }
  }

  const canEdit = (d: CalendarDay) => (d.mppId ? d.mppId === mppId : isNational);
  const weekday = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'id-ID', { weekday: 'long', timeZone: 'UTC' });

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
      {error && <p className="error" role="alert">{error}</p>}
      <label className="year-pick">{t('Tahun', 'Year')}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[year - 1, year, year + 1, year + 2].filter((y, i, a) => a.indexOf(y) === i).map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      {days.length === 0 && <p className="notice">{t('Belum ada data untuk tahun ini. Tenggat akan dihitung tanpa hari libur.', 'No data for this year yet. Due dates will be computed without holidays.')}</p>}
      <table className="data">
        <thead><tr><th>{t('Tanggal', 'Date')}</th><th>{t('Hari', 'Weekday')}</th><th>{t('Jenis', 'Kind')}</th><th>{t('Keterangan', 'Name')}</th><th /></tr></thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.id} className={`kind-${d.kind}`}>
              <td>{d.day}</td>
              <td>{weekday(d.day)}</td>
              <td>{t(KIND_LABEL[d.kind][0], KIND_LABEL[d.kind][1])}</td>
              <td>{d.name}</td>
              <td>{canEdit(d) && <button type="button" onClick={() => void remove(d)}>{t('Hapus', 'Remove')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(isNational || mppId) && (
        <>
          <h2>{t('Tambah tanggal', 'Add a date')}</h2>
          <form className="grid-form" onSubmit={add}>
            <label>{t('Tanggal', 'Date')}<input type="date" required value={form.day} onChange={(e) => setForm({ ...form, day: e.target.value })} /></label>
            <label>{t('Jenis', 'Kind')}
              <select value={isNational ? form.kind : 'closure'} disabled={!isNational} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
                {isNational && <option value="holiday">{t(...KIND_LABEL.holiday)}</option>}
                {isNational && <option value="cuti_bersama">{t(...KIND_LABEL.cuti_bersama)}</option>}
                {mppId && <option value="closure">{t(...KIND_LABEL.closure)}</option>}
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
