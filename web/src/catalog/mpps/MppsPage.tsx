import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { client, unwrap } from '../../api/client';
import { useCurrentMpp } from '../../current-mpp';
import { useI18n } from '../../i18n';
import { hasRole, useSession } from '../../session';
import { zoneAbbr } from '../../time';
import { Tabs } from '../../ui/Tabs';
import '../../ui/ui.css';
import './mpps.css';
import { RegionPicker, type Region } from './RegionPicker';

const ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;
type Zone = (typeof ZONES)[number];
const slugOf = (name: string) =>
  name.toLocaleLowerCase('id').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
const WEEKDAY = { opens: '08:00', closes: '15:00', breaks: [{ start: '12:00', end: '13:00', label: 'Istirahat' }] };
const FIRST_HOURS = { '1': WEEKDAY, '2': WEEKDAY, '3': WEEKDAY, '4': WEEKDAY, '5': { opens: '08:00', closes: '15:30', breaks: [{ start: '11:30', end: '13:00', label: 'Salat Jumat' }] } };

/** /staf/mpp: every MPP (national admins), which one to work on, and adding a new one. */
export function MppsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!hasRole(user, 'national_admin')) return <p>{t('Halaman ini untuk admin nasional.', 'This page is for national admins.')}</p>;
  return (
    <section className="mpps-page">
      <h1>{t('Daftar MPP', 'MPPs')}</h1>
      <Tabs tabs={[{ key: 'daftar', label: { id: 'Semua MPP', en: 'All MPPs' } }, { key: 'baru', label: { id: 'Tambah MPP', en: 'Add an MPP' } }]} label={t('Bagian daftar MPP', 'MPP sections')}>
        {(key) => (key === 'baru' ? <CreateMpp /> : <MppList />)}
      </Tabs>
    </section>
  );
}

const PAGE = 15;

function MppList() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { choices, mppId, setMppId, loading } = useCurrentMpp();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const q = query.trim().toLocaleLowerCase('id');
  const shown = choices.filter((m) => !q || `${m.name} ${m.region?.name ?? ''} ${m.province?.name ?? ''}`.toLocaleLowerCase('id').includes(q));
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const at = Math.min(page, pages - 1);
  if (loading) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  return (
    <>
      <label>
        {t('Cari MPP, kabupaten/kota atau provinsi', 'Search MPP, regency or province')}
        <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); setPage(0); }} />
      </label>
      <p className="muted small">{t(`${shown.length} dari ${choices.length} MPP`, `${shown.length} of ${choices.length} MPPs`)}</p>
      <table className="data">
        <thead>
          <tr>
            <th>{t('MPP', 'MPP')}</th>
            <th>{t('Kabupaten/kota', 'Regency/city')}</th>
            <th>{t('Provinsi', 'Province')}</th>
            <th>{t('Zona', 'Zone')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.slice(at * PAGE, at * PAGE + PAGE).map((m) => (
            <tr key={m.id} aria-current={m.id === mppId}>
              <td>
                {m.name}
                {!m.published && <span className="muted"> ({t('belum terbit', 'not published')})</span>}
              </td>
              <td>{m.region?.name ?? '—'}</td>
              <td>{m.province?.name ?? '—'}</td>
              <td>{zoneAbbr(m.timezone)}</td>
              <td>
                <span className="mpp-row-actions">
                  {m.id === mppId ? (
                    <strong>{t('Sedang dikerjakan', 'Working on it')}</strong>
                  ) : (
                    <button type="button" onClick={() => { setMppId(m.id); void navigate('/staf'); }}>{t('Kerjakan MPP ini', 'Work on this MPP')}</button>
                  )}
                  <button type="button" onClick={() => { setMppId(m.id); void navigate('/staf/katalog?tab=profil'); }}>{t('Ubah profil', 'Edit profile')}</button>
                </span>
              </td>
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

function CreateMpp() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { choices, setMppId, mppId } = useCurrentMpp();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [region, setRegion] = useState<Region | null>(null);
  const [timezone, setTimezone] = useState<Zone>('Asia/Jakarta');
  const [address, setAddress] = useState('');
  const [withHours, setWithHours] = useState(true);
  const [published, setPublished] = useState(false);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/catalog/mpps', {
          body: { name, slug: slugTouched ? slug : slugOf(name), regionCode: region!.code, timezone, address, published, weeklyHours: withHours ? FIRST_HOURS : {} },
        }),
      ),
    onSuccess: async (mpp) => {
      await queryClient.invalidateQueries({ queryKey: ['/api/catalog/mpps'] });
      setCreatedId(mpp.id);
    },
  });
  // Once the shared list holds the new MPP, it becomes the one every staff page works on.
  useEffect(() => {
    if (createdId && createdId !== mppId && choices.some((m) => m.id === createdId)) setMppId(createdId);
  }, [createdId, choices, mppId, setMppId]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (region) create.mutate();
  };
  if (create.isSuccess) {
    return (
      <div className="card" role="status">
        <h2>{t('MPP dibuat', 'MPP created')}: {create.data.name}</h2>
        <p>{t('MPP ini sekarang dipilih di pengalih MPP. Langkah berikutnya:', 'This MPP is now chosen in the MPP switcher. Next steps:')}</p>
        <ul>
          <li><Link to="/staf/katalog?tab=instansi">{t('Tambah instansi', 'Add agencies')}</Link></li>
          <li><Link to="/staf/katalog?tab=layanan">{t('Tambah layanan', 'Add services')}</Link></li>
          <li><Link to="/staf/antrean?tab=loket">{t('Tambah loket dan atur jam layanan', 'Add counters and set the hours')}</Link></li>
          <li><Link to="/staf/aturan-booking">{t('Buka booking per layanan', 'Open booking per service')}</Link></li>
          <li><Link to="/staf/katalog?tab=profil">{t('Periksa profil MPP', "Check the MPP's profile")}</Link></li>
          <li><Link to="/staf/pengguna">{t('Buat akun admin MPP', 'Create an MPP admin account')}</Link></li>
        </ul>
        <button type="button" onClick={() => { create.reset(); setName(''); setSlug(''); setSlugTouched(false); setRegion(null); setAddress(''); setCreatedId(null); }}>{t('Tambah MPP lain', 'Add another MPP')}</button>
      </div>
    );
  }
  return (
    <form className="mpp-create" onSubmit={submit} aria-label={t('Tambah MPP', 'Add an MPP')}>
      <div className="grid-form">
        <label>
          {t('Nama MPP', 'MPP name')}
          <input required minLength={2} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} placeholder="MPP Kabupaten …" />
        </label>
        <label>
          {t('Alamat halaman (slug)', 'Page address (slug)')}
          <input required pattern="[a-z0-9]+(-[a-z0-9]+)*" minLength={3} maxLength={80} value={slugTouched ? slug : slugOf(name)} onChange={(e) => { setSlugTouched(true); setSlug(e.target.value); }} />
          <span className="field-hint">/mpp/{slugTouched ? slug : slugOf(name) || '…'}</span>
        </label>
      </div>
      <RegionPicker value={region?.code ?? ''} onChange={(r) => { setRegion(r); if (r) setTimezone(r.timezone); }} />
      <label>
        {t('Zona waktu (mengikuti wilayah)', 'Time zone (follows the region)')}
        <select value={timezone} onChange={(e) => setTimezone(e.target.value as Zone)}>
          {ZONES.map((z) => (
            <option key={z} value={z}>{zoneAbbr(z)} ({z})</option>
          ))}
        </select>
      </label>
      <label>
        {t('Alamat', 'Address')}
        <input maxLength={500} value={address} onChange={(e) => setAddress(e.target.value)} />
      </label>
      <label className="inline-check">
        <input type="checkbox" checked={withHours} onChange={(e) => setWithHours(e.target.checked)} /> {t('Isi jam layanan awal: Senin–Kamis 08.00–15.00, Jumat 08.00–15.30 (bisa diubah di Katalog)', 'Start with hours Mon–Thu 08:00–15:00, Fri 08:00–15:30 (editable in the Catalog)')}
      </label>
      <label className="inline-check">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} /> {t('Langsung tampil di direktori publik', 'Show in the public directory right away')}
      </label>
      <div className="mpp-actions" aria-live="polite">
        <button type="submit" className="primary" disabled={create.isPending || !region || region.code.length <= 2}>{t('Buat MPP', 'Create MPP')}</button>
        {create.isError && <p className="error" role="alert">{[create.error.message, ...(create.error.errors ?? []).map((x) => x.message)].join(' · ')}</p>}
      </div>
    </form>
  );
}
