import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { client, unwrap } from '../api/client';
import type { ResponseOf } from '../api/types';
import { ApiError } from '../api/problem';
import { useCurrentMpp, useRefreshStaffMpps, type StaffMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { hasRole, useSession } from '../session';
import { Tabs } from '../ui/Tabs';
import '../ui/ui.css';
import './catalog.css';
import { AgenciesTab } from './AgenciesTab';
import { RegionPicker } from './mpps/RegionPicker';
import { KIND_NAMES, rupiah, WEEKDAYS, completionText } from './format';
import type { Counter, DayHours, Mpp, Service, Tenant, TenantKind, WeeklyHours } from './views';

type Tab = 'profil' | 'instansi' | 'loket' | 'layanan' | 'impor';
const errText = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.errors.map((x) => `${x.path.replace(/^body\./, '')}: ${x.message}`)].join(' · ') : String(e));

/** /staf/katalog: an MPP's profile and hours, agencies, counters, services, import and export. */
export function CatalogAdminPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { mppId, mpp } = useCurrentMpp();
  const refreshStaffMpps = useRefreshStaffMpps();
  const isMppAdmin = hasRole(user, 'national_admin') || !!user?.grants.some((g) => g.role === 'mpp_admin' && g.mppId === mppId);
  const tabs: { key: Tab; label: [string, string] }[] = [
    { key: 'layanan', label: ['Layanan', 'Services'] },
    { key: 'instansi', label: ['Instansi', 'Agencies'] },
    { key: 'loket', label: ['Loket', 'Counters'] },
    { key: 'profil', label: ['Profil & jam layanan', 'Profile & hours'] },
    { key: 'impor', label: ['Impor/ekspor', 'Import/export'] },
  ];
  return (
    <section className="catalog-admin">
      <h1>{t('Katalog layanan', 'Service catalog')}</h1>
      <Tabs tabs={tabs} label={t('Bagian katalog', 'Catalog sections')}>
        {(tab) => (
          <>
            {mppId && tab === 'layanan' && <ServicesTab mppId={mppId} />}
            {mppId && tab === 'instansi' && <AgenciesTab mppId={mppId} isMppAdmin={isMppAdmin} />}
            {mppId && tab === 'loket' && <CountersTab mppId={mppId} />}
            {mpp && tab === 'profil' && <ProfileTab key={mpp.id} mpp={mpp} canEdit={isMppAdmin} onSaved={refreshStaffMpps} />}
            {mppId && tab === 'impor' && <ImportTab mppId={mppId} />}
          </>
        )}
      </Tabs>
    </section>
  );
}

function ServicesTab({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const [list, setList] = useState<Service[]>([]);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    void unwrap(client.GET('/api/catalog/mpps/{mppId}/services', { params: { path: { mppId } } })).then(setList);
  }, [mppId]);
  const [page, setPage] = useState(0);
  const matching = list.filter((s) => `${s.name} ${s.code} ${s.tenant.name}`.toLowerCase().includes(filter.toLowerCase()));
  // 25 rows a page keeps 159 services within a few screens.
  const pages = Math.max(1, Math.ceil(matching.length / SERVICES_PAGE));
  const at = Math.min(page, pages - 1);
  const shown = matching.slice(at * SERVICES_PAGE, at * SERVICES_PAGE + SERVICES_PAGE);
  return (
    <>
      <div className="search-box">
        <input aria-label={t('Saring layanan', 'Filter services')} placeholder={t('Saring nama, kode, instansi', 'Filter by name, code, agency')} value={filter} onChange={(e) => { setFilter(e.target.value); setPage(0); }} />
        <Link to={`/staf/katalog/${mppId}/layanan/baru`} className="button-link">+ {t('Layanan baru', 'New service')}</Link>
      </div>
      <p className="muted">{matching.length} / {list.length} {t('layanan', 'services')}</p>
      <table className="data">
        <thead><tr><th>{t('Kode', 'Code')}</th><th>{t('Layanan', 'Service')}</th><th>{t('Instansi', 'Agency')}</th><th>{t('Biaya', 'Fee')}</th><th>{t('Waktu', 'Time')}</th><th>v</th></tr></thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.id}>
              <td>{s.code}</td>
              <td><Link to={`/staf/katalog/${mppId}/layanan/${s.id}`}>{s.name}</Link>{!s.active && <span className="muted"> ({t('nonaktif', 'inactive')})</span>}</td>
              <td>{s.tenant.code}</td>
              <td>{rupiah(s.feeRupiah, t)}</td>
              <td>{completionText(s.completion, t)}</td>
              <td>{s.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="pager">
          <button type="button" disabled={at === 0} onClick={() => setPage(at - 1)}>{t('Sebelumnya', 'Previous')}</button>
          <span>{t(`Halaman ${at + 1} dari ${pages}`, `Page ${at + 1} of ${pages}`)}</span>
          <button type="button" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>{t('Berikutnya', 'Next')}</button>
        </div>
      )}
    </>
  );
}

const SERVICES_PAGE = 25;

function CountersTab({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const [list, setList] = useState<Counter[]>([]);
  const [tenants, setTenants] = useState<Tenant[]>([]);
  const [form, setForm] = useState({ number: '', name: '', tenantId: '' });
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    void unwrap(client.GET('/api/catalog/mpps/{mppId}/counters', { params: { path: { mppId } } })).then(setList);
    void unwrap(client.GET('/api/catalog/mpps/{mppId}/tenants', { params: { path: { mppId } } })).then(setTenants);
  };
  useEffect(load, [mppId]);
  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await unwrap(client.POST('/api/catalog/mpps/{mppId}/counters', { params: { path: { mppId } }, body: { number: Number(form.number), name: form.name, tenantId: form.tenantId || tenants[0]?.id || '' } }));
      setForm({ ...form, number: '', name: '' });
      load();
    } catch (err) {
      setError(errText(err));
    }
  }
  return (
    <>
      <table className="data">
        <thead><tr><th>{t('Nomor', 'Number')}</th><th>{t('Nama', 'Name')}</th><th>{t('Instansi', 'Agency')}</th></tr></thead>
        <tbody>{list.map((c) => <tr key={c.id}><td>{c.number}</td><td>{c.name}</td><td>{c.tenantCode}</td></tr>)}</tbody>
      </table>
      <h2>{t('Tambah loket', 'Add a counter')}</h2>
      <form className="grid-form" onSubmit={create}>
        <label>{t('Nomor', 'Number')}<input required inputMode="numeric" value={form.number} onChange={(e) => setForm({ ...form, number: e.target.value })} /></label>
        <label>{t('Nama', 'Name')}<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>{t('Instansi', 'Agency')}
          <select value={form.tenantId} onChange={(e) => setForm({ ...form, tenantId: e.target.value })}>
            {tenants.map((tn) => <option key={tn.id} value={tn.id}>{tn.name}</option>)}
          </select>
        </label>
        <button type="submit" className="primary">{t('Tambah', 'Add')}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
    </>
  );
}

/** Only the fields the admin changed: an edit must not rewrite what someone else changed meanwhile. */
function changedProfile(mpp: StaffMpp, next: Record<string, unknown>): Record<string, unknown> {
  const before = mpp as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k] ?? (k === 'regionCode' ? '' : null))));
}

function ProfileTab({ mpp, canEdit, onSaved }: { mpp: StaffMpp; canEdit: boolean; onSaved: (m: Mpp) => void }) {
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
              <label className="inline"><input type="checkbox" checked={!!h} onChange={(e) => setDay(key, e.target.checked ? { opens: '08:00', closes: '15:00', breaks: [] } : undefined)} /> {t(...d)}</label>
              {h ? (
                <>
                  <input aria-label={`${t(...d)} ${t('buka', 'opens')}`} type="time" value={h.opens} onChange={(e) => setDay(key, { ...h, opens: e.target.value })} />
                  <input aria-label={`${t(...d)} ${t('tutup', 'closes')}`} type="time" value={h.closes} onChange={(e) => setDay(key, { ...h, closes: e.target.value })} />
                  <span>
                    {t('Istirahat', 'Break')}{' '}
                    <input aria-label={`${t(...d)} ${t('istirahat mulai', 'break starts')}`} type="time" style={{ width: '8.5rem' }} value={br?.start ?? ''} onChange={(e) => setDay(key, { ...h, breaks: e.target.value ? [{ start: e.target.value, end: br?.end ?? e.target.value, label: br?.label ?? 'Istirahat' }] : [] })} />
                    –
                    <input aria-label={`${t(...d)} ${t('istirahat selesai', 'break ends')}`} type="time" style={{ width: '8.5rem' }} value={br?.end ?? ''} onChange={(e) => br && setDay(key, { ...h, breaks: [{ ...br, end: e.target.value }] })} />
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

type SpecialDay = ResponseOf<'/api/catalog/mpps/{mppId}/special-days'>[number];

/** Days with changed (e.g. shortened) hours; closures and holidays are kept in the calendar. */
function SpecialDays({ mppId, canEdit }: { mppId: string; canEdit: boolean }) {
  const { t } = useI18n();
  const [list, setList] = useState<SpecialDay[]>([]);
  const [form, setForm] = useState({ day: '', opens: '08:00', closes: '12:00', note: '' });
  const [error, setError] = useState<string | null>(null);
  const load = () => void unwrap(client.GET('/api/catalog/mpps/{mppId}/special-days', { params: { path: { mppId } } })).then(setList);
  useEffect(load, [mppId]);
  async function add() {
    setError(null);
    try {
      await unwrap(client.POST('/api/catalog/mpps/{mppId}/special-days', { params: { path: { mppId } }, body: { ...form, breaks: [] } }));
      setForm({ ...form, day: '', note: '' });
      load();
    } catch (err) {
      setError(errText(err));
    }
  }
  async function remove(id: string) {
    await unwrap(client.DELETE('/api/catalog/mpps/{mppId}/special-days/{specialDayId}', { params: { path: { mppId, specialDayId: id } } })).catch((e: unknown) => setError(errText(e)));
    load();
  }
  return (
    <fieldset>
      <legend>{t('Hari dengan jam khusus (mis. jam dipersingkat)', 'Days with special hours (e.g. shortened)')}</legend>
      <p className="muted small">{t('Libur nasional, cuti bersama dan penutupan MPP diatur di menu Kalender.', 'National holidays, cuti bersama and closures are set in the Calendar menu.')}</p>
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

type Report = ResponseOf<'/api/catalog/mpps/{mppId}/import', 'post'>;

function ImportTab({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const [entity, setEntity] = useState<'services' | 'tenants' | 'counters'>('services');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function upload(file: File) {
    setReport(null);
    setError(null);
    const xlsx = file.name.toLowerCase().endsWith('.xlsx');
    const content = xlsx ? btoa(Array.from(new Uint8Array(await file.arrayBuffer()), (b) => String.fromCharCode(b)).join('')) : await file.text();
    try {
      setReport(await unwrap(client.POST('/api/catalog/mpps/{mppId}/import', { params: { path: { mppId } }, body: { entity, format: xlsx ? 'xlsx' : 'csv', content } })));
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setReport(err.body as unknown as Report);
      else setError(errText(err));
    }
  }
  return (
    <>
      <label htmlFor="entity">{t('Data', 'Data')}</label>
      <select id="entity" value={entity} onChange={(e) => setEntity(e.target.value as typeof entity)}>
        <option value="services">{t('Layanan', 'Services')}</option>
        <option value="tenants">{t('Instansi', 'Agencies')}</option>
        <option value="counters">{t('Loket', 'Counters')}</option>
      </select>
      <p>
        {t('Ekspor', 'Export')}: <a href={`/api/catalog/mpps/${mppId}/export?entity=${entity}&format=csv`}>CSV</a> · <a href={`/api/catalog/mpps/${mppId}/export?entity=${entity}&format=xlsx`}>XLSX</a>
      </p>
      <label htmlFor="berkas">{t('Impor berkas CSV atau XLSX (semua baris atau tidak sama sekali)', 'Import a CSV or XLSX file (all rows or none)')}</label>
      <input id="berkas" type="file" accept=".csv,.xlsx" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      {error && <p className="error" role="alert">{error}</p>}
      {report && (
        <div role="status">
          {report.applied
            ? <p className="notice">{t(`Berhasil: ${report.created} baru, ${report.updated} diperbarui.`, `Done: ${report.created} created, ${report.updated} updated.`)}</p>
            : <p className="error">{t(`Tidak ada yang disimpan. ${report.errors.length} masalah:`, `Nothing was saved. ${report.errors.length} problems:`)}</p>}
          <ul className="import-report">{report.errors.map((e, i) => <li key={i}>{t('Baris', 'Row')} {e.row}{e.column ? `, ${t('kolom', 'column')} ${e.column}` : ''}: {e.reason}</li>)}</ul>
        </div>
      )}
    </>
  );
}

/** /staf/nasional: counts of MPPs, tenants and services by province and tenant kind. */
export function NationalSummaryPage() {
  const { t } = useI18n();
  const [rows, setRows] = useState<ResponseOf<'/api/catalog/national/summary'>>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void unwrap(client.GET('/api/catalog/national/summary')).then(setRows, (e: unknown) => setError(errText(e)));
  }, []);
  return (
    <section className="catalog-admin">
      <h1>{t('Ringkasan nasional', 'National summary')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="data">
        <thead><tr><th>{t('Provinsi', 'Province')}</th><th>{t('Jenis instansi', 'Agency kind')}</th><th>MPP</th><th>{t('Instansi', 'Agencies')}</th><th>{t('Layanan', 'Services')}</th></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} style={r.level !== 'kind' ? { fontWeight: 700 } : undefined}>
              <td>{r.level === 'national' ? t('Seluruh Indonesia', 'All of Indonesia') : r.level === 'province' ? (r.provinceName ?? '-') : ''}</td>
              <td>{r.tenantKind ? t(...(KIND_NAMES[r.tenantKind as TenantKind] ?? [r.tenantKind, r.tenantKind])) : r.level === 'kind' ? '-' : t('Semua', 'All')}</td>
              <td>{r.mpps}</td>
              <td>{r.tenants}</td>
              <td>{r.services}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
