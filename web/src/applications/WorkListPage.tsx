import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { apiQuery, client, unwrap } from '../api/client';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { dateTimeWithZone } from '../time';
import { pick, STATUS } from './labels';
import './applications.css';

const VIEWS = [
  ['open', 'Terbuka', 'Open'],
  ['due_soon', 'Segera jatuh tempo', 'Due soon'],
  ['overdue', 'Terlambat', 'Overdue'],
  ['waiting', 'Menunggu warga', 'Waiting for the citizen'],
  ['closed', 'Selesai', 'Closed'],
] as const;
type View = (typeof VIEWS)[number][0];

/** The agency's applications: what is due soon, overdue, or waiting for the citizen; and opening a new one. */
export function ApplicationsPage() {
  const { t, lang } = useI18n();
  const { mppId } = useCurrentMpp();
  const [view, setView] = useState<View>('open');
  const list = useQuery({ ...apiQuery('/api/mpps/{mppId}/applications', { params: { path: { mppId: mppId ?? '' }, query: { view } } }), enabled: !!mppId });
  if (!mppId) return <p>{t('Memuat…', 'Loading…')}</p>;
  return (
    <div className="app-staff">
      <h1>{t('Permohonan', 'Applications')}</h1>
      <div className="app-tabs" role="group" aria-label={t('Daftar kerja', 'Work list')}>
        {VIEWS.map(([v, id, en]) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>{t(id, en)}</button>
        ))}
      </div>
      {list.error && <p className="error" role="alert">{list.error.message}</p>}
      {list.data && list.data.length === 0 && <p className="muted">{t('Tidak ada permohonan di daftar ini.', 'No applications in this list.')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="app-table" data-testid="app-list">
          <thead>
            <tr><th>{t('Kode', 'Code')}</th><th>{t('Layanan', 'Service')}</th><th>{t('Pemohon', 'Applicant')}</th><th>{t('Status', 'Status')}</th><th>{t('Batas waktu', 'Due')}</th></tr>
          </thead>
          <tbody>
            {list.data.map((a) => (
              <tr key={a.id}>
                <td><Link to={`/staf/permohonan/${a.id}`} className="mono">{a.trackingCode}</Link></td>
                <td>{a.serviceName}</td>
                <td>{a.applicantName} <span className="muted">{a.nikMasked}</span></td>
                <td>{pick(STATUS, a.status, t)}</td>
                <td>
                  {dateTimeWithZone(a.dueAt, lang, a.timezone)}
                  {a.overdue && <span className="app-flag app-flag-overdue"> · {t('Terlambat', 'Overdue')}</span>}
                  {a.dueSoon && <span className="app-flag app-flag-soon"> · {t('Segera', 'Soon')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewApplication mppId={mppId} />
    </div>
  );
}

function NewApplication({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const services = useQuery(apiQuery('/api/catalog/mpps/{mppId}/services', { params: { path: { mppId } } }));
  const [form, setForm] = useState({ source: 'booking', bookingCode: '', serviceId: '', nik: '', name: '', phone: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const open = useMutation({
    mutationFn: () =>
      unwrap(client.POST('/api/mpps/{mppId}/applications', {
        params: { path: { mppId } },
        body: {
          nik: form.nik,
          ...(form.source === 'booking' ? { bookingCode: form.bookingCode } : { serviceId: form.serviceId }),
          ...(form.name ? { name: form.name } : {}),
          ...(form.phone ? { phone: form.phone } : {}),
        },
      })),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: ['/api/mpps/{mppId}/applications'] });
      navigate(`/staf/permohonan/${a.id}`);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    open.mutate();
  }
  return (
    <form className="card app-new app-staff" onSubmit={submit}>
      <h2>{t('Buka permohonan baru', 'Open a new application')}</h2>
      <div role="radiogroup" className="radio-row" aria-label={t('Dari', 'From')}>
        <label><input type="radio" name="source" value="booking" checked={form.source === 'booking'} onChange={set('source')} /> {t('Dari kode booking', 'From a booking code')}</label>
        <label><input type="radio" name="source" value="service" checked={form.source === 'service'} onChange={set('source')} /> {t('Langsung untuk layanan', 'Directly for a service')}</label>
      </div>
      {form.source === 'booking' ? (
        <>
          <label htmlFor="na-booking">{t('Kode booking', 'Booking code')}</label>
          <input id="na-booking" value={form.bookingCode} onChange={set('bookingCode')} autoComplete="off" />
        </>
      ) : (
        <>
          <label htmlFor="na-service">{t('Layanan', 'Service')}</label>
          <select id="na-service" value={form.serviceId} onChange={set('serviceId')}>
            <option value="">{t('Pilih layanan', 'Choose a service')}</option>
            {services.data?.map((s) => <option key={s.id} value={s.id}>{s.tenant.name} · {s.name}</option>)}
          </select>
          <label htmlFor="na-name">{t('Nama pemohon', "Applicant's name")}</label>
          <input id="na-name" value={form.name} onChange={set('name')} />
          <label htmlFor="na-phone">{t('Nomor ponsel (untuk kabar dan pengambilan di kios)', 'Mobile number (for messages and kiosk pickup)')}</label>
          <input id="na-phone" value={form.phone} onChange={set('phone')} inputMode="tel" />
        </>
      )}
      <label htmlFor="na-nik">{t('NIK pemohon (dari KTP-el)', "Applicant's NIK (from the KTP-el)")}</label>
      <input id="na-nik" value={form.nik} onChange={set('nik')} inputMode="numeric" autoComplete="off" />
      {open.error && <p className="error" role="alert">{[open.error.message, ...open.error.errors.map((x) => x.message)].join(' ')}</p>}
      <button type="submit" className="primary" disabled={open.isPending}>{t('Buka permohonan', 'Open the application')}</button>
    </form>
  );
}
