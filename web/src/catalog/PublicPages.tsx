import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { CitizenActions } from '../shell/CitizenActions';
import { readChosenMpp, saveChosenMpp } from '../shell/chosenMpp';
import { PublicHeader, searchUrl } from '../shell/Home';
import { WalletPrecheck } from '../applications/WalletPrecheck';
import { RequirementChecklist, ServiceActions } from './ServiceActions';
import './catalog.css';
import { CHANNEL_NAMES, completionText, KIND_NAMES, localTime, rupiah, WEEKDAYS } from './format';
import { zoneAbbr } from '../time';
import { IkmBadge, TenantIkmChip, usePublicIkm } from '../survey/IkmBadge';
import type { Mpp, PublicMppPage, PublicService, Region, SearchHit } from './views';

function useLoad<T>(path: string | null): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!path) return;
    const ctrl = new AbortController();
    setError(null);
    api<T>(path, { signal: ctrl.signal }).then(setData, (e: unknown) => {
      if (e instanceof ApiError) setError(e.status === 404 ? '404' : e.message);
    });
    return () => ctrl.abort();
  }, [path]);
  return { data, error };
}

function SearchBox({ mpp, initial = '' }: { mpp?: string; initial?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial);
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim().length < 2) return;
    // On an MPP page the search stays in that MPP; elsewhere the citizen's MPP is ranked first.
    void navigate(mpp ? `/cari?${new URLSearchParams({ q: q.trim(), mpp })}` : searchUrl(q.trim(), readChosenMpp()));
  };
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <label htmlFor="cari-layanan" className="visually-hidden">{t('Cari layanan', 'Search services')}</label>
      <input id="cari-layanan" name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('Contoh: perpanjang sim, ktp hilang', 'E.g. perpanjang sim, ktp hilang')} />
      <button type="submit" className="primary">{t('Cari', 'Search')}</button>
    </form>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main catalog-public">{children}</main>
    </>
  );
}

/** A deep link to an MPP or service that does not exist (or is closed): say so and offer the way back. */
function NotFound({ what, mppSlug }: { what: 'mpp' | 'service'; mppSlug?: string }) {
  const { t } = useI18n();
  return (
    <Shell>
      <section className="not-found" aria-labelledby="nf-title">
        <h1 id="nf-title">{what === 'mpp' ? t('MPP tidak ditemukan', 'MPP not found') : t('Layanan tidak ditemukan', 'Service not found')}</h1>
        <p>
          {what === 'mpp'
            ? t('Alamat ini tidak menunjuk ke MPP yang aktif. Mungkin MPP belum dibuka untuk umum atau alamatnya salah ketik.', 'This address does not point to an open MPP. It may not be public yet, or the address is mistyped.')
            : t('Layanan ini tidak ada atau sudah tidak dilayani di MPP ini.', 'This service does not exist or is no longer offered at this MPP.')}
        </p>
        <ul>
          {mppSlug && <li><Link to={`/mpp/${mppSlug}`}>{t('Lihat semua layanan MPP ini', 'See all services of this MPP')}</Link></li>}
          <li><Link to="/cari">{t('Cari layanan lain', 'Search another service')}</Link></li>
          <li><Link to="/mpp">{t('Daftar MPP', 'MPP directory')}</Link></li>
          <li><Link to="/">{t('Kembali ke beranda', 'Back to the home page')}</Link></li>
        </ul>
      </section>
    </Shell>
  );
}

/** /mpp: search box and the MPPs by province. */
export function DirectoryPage() {
  const { t } = useI18n();
  const [province, setProvince] = useState('');
  const provinces = useLoad<Region[]>('/api/public/regions?level=province');
  const mpps = useLoad<(Pick<Mpp, 'slug' | 'name' | 'address' | 'timezone' | 'region' | 'province'>)[]>(`/api/public/mpps${province ? `?province=${province}` : ''}`);
  const groups = new Map<string, NonNullable<typeof mpps.data>>();
  for (const m of mpps.data ?? []) {
    const key = m.province?.name ?? '-';
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return (
    <Shell>
      <h1>{t('Cari layanan di Mal Pelayanan Publik', 'Find a service at a Public Service Mall')}</h1>
      <SearchBox />
      <h2>{t('Daftar MPP', 'MPP directory')}</h2>
      <label htmlFor="provinsi">{t('Provinsi', 'Province')}</label>
      <select id="provinsi" value={province} onChange={(e) => setProvince(e.target.value)}>
        <option value="">{t('Semua provinsi', 'All provinces')}</option>
        {(provinces.data ?? []).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
      </select>
      {mpps.data?.length === 0 && <p className="muted">{t('Belum ada MPP di provinsi ini.', 'No MPP in this province yet.')}</p>}
      {[...groups.entries()].map(([name, list]) => (
        <section key={name} className="province-group">
          <h3>{name}</h3>
          <ul className="card-list">
            {list.map((m) => (
              <li key={m.slug}>
                <Link to={`/mpp/${m.slug}`}>{m.name}</Link>
                <span className="muted small">{m.region?.name} · {zoneAbbr(m.timezone)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Shell>
  );
}

/** /cari?q=...: search results over all MPPs (or one). */
export function SearchPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const mpp = params.get('mpp') ?? undefined;
  const navigate = useNavigate();
  const chosen = readChosenMpp();
  const query = new URLSearchParams();
  for (const k of ['q', 'mpp', 'province', 'preferMpp', 'preferProvince']) if (params.get(k)) query.set(k, params.get(k)!);
  const { data, error } = useLoad<SearchHit[]>(q.length >= 2 ? `/api/public/search?${query}` : null);
  return (
    <Shell>
      <h1>{q ? t('Hasil pencarian', 'Search results') : t('Cari layanan', 'Find a service')}</h1>
      <SearchBox key={q} initial={q} mpp={mpp} />
      {chosen && q && (
        <label className="inline only-mine">
          <input
            type="checkbox"
            checked={mpp === chosen.slug}
            onChange={(e) => void navigate(e.target.checked ? `/cari?${new URLSearchParams({ q, mpp: chosen.slug })}` : searchUrl(q, chosen))}
          />
          {t(`Hanya di ${chosen.name}`, `Only at ${chosen.name}`)}
        </label>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {data && data.length === 0 && <p>{t(`Tidak ada layanan yang cocok dengan "${q}". Coba kata lain.`, `No service matches "${q}". Try other words.`)}</p>}
      <ol className="card-list results">
        {(data ?? []).map((h) => (
          <li key={`${h.mppSlug}/${h.serviceCode}`}>
            <Link to={`/mpp/${h.mppSlug}/layanan/${h.serviceCode}`}>{h.serviceName}</Link>
            <span className="small">{h.tenantName}</span>
            <span className="muted small">{h.mppName}{h.regionName ? ` · ${h.regionName}` : ''} · {rupiah(h.feeRupiah, t)}</span>
          </li>
        ))}
      </ol>
    </Shell>
  );
}

function statusText(s: PublicMppPage['status'], t: (id: string, en: string) => string): string {
  const next = s.nextOpening ? localTime(s.nextOpening, s.timezone, s.localDate, t) : null;
  if (s.open) return t(`Buka sekarang · tutup/istirahat pukul ${localTime(s.closesAt!, s.timezone, s.localDate, t)}`, `Open now · closes/breaks at ${localTime(s.closesAt!, s.timezone, s.localDate, t)}`);
  const why =
    s.reason === 'on_break' ? t(`Sedang ${s.currentBreak?.label ?? 'istirahat'}`, `On ${s.currentBreak?.label ?? 'break'}`) :
    s.today.closedBy ? t(`Tutup hari ini: ${s.today.closedBy.name}`, `Closed today: ${s.today.closedBy.name}`) : t('Tutup', 'Closed');
  return next ? `${why} · ${t('buka lagi', 'opens')} ${next}` : why;
}

/** /mpp/:slug: today's hours, open now, agencies and services, facilities, Maklumat. */
export function MppPage() {
  const { t } = useI18n();
  const { slug } = useParams();
  const { data, error } = useLoad<PublicMppPage>(`/api/public/mpps/${slug}`);
  const ikm = usePublicIkm(slug);
  // The MPP a citizen opens becomes "their" MPP: search ranks it first, actions go to it.
  useEffect(() => {
    if (data) saveChosenMpp({ id: data.mpp.id, slug: data.mpp.slug, name: data.mpp.name, province: data.mpp.province?.code ?? null });
  }, [data]);
  if (error === '404') return <NotFound what="mpp" />;
  if (error) return <Shell><p className="error" role="alert">{error}</p></Shell>;
  if (!data) return <Shell><p className="loading">{t('Memuat…', 'Loading…')}</p></Shell>;
  const { mpp, status } = data;
  const zone = zoneAbbr(mpp.timezone);
  const h = status.today.hours;
  return (
    <Shell>
      <h1>{mpp.name}</h1>
      <p className="muted">{mpp.address}{mpp.region ? `, ${mpp.region.name}` : ''}</p>
      <div className={`open-status ${status.open ? 'is-open' : 'is-closed'}`} role="status">
        <strong>{statusText(status, t)}</strong>
      </div>
      <CitizenActions mpp={mpp} searchTarget={`/cari?mpp=${mpp.slug}`} />
      <IkmBadge data={ikm} showTenants={false} />
      <section aria-labelledby="jam-hari-ini">
        <h2 id="jam-hari-ini">{t('Jam layanan hari ini', "Today's hours")} ({t(...WEEKDAYS[status.today.weekday - 1]!)}, {zone})</h2>
        {h ? (
          <p className="today-hours">
            {h.opens}–{h.closes} {zone}
            {h.breaks.map((b) => <span key={b.start} className="break-chip">{b.label} {b.start}–{b.end}</span>)}
          </p>
        ) : <p>{t('Tutup', 'Closed')}</p>}
        {status.today.note && <p className="notice">{status.today.note}</p>}
        <details>
          <summary>{t('Jam layanan sepekan', 'Weekly hours')}</summary>
          <table className="data hours-table">
            <tbody>
              {WEEKDAYS.map((d, i) => {
                const w = mpp.weeklyHours[String(i + 1) as '1'];
                return (
                  <tr key={d[0]}>
                    <th scope="row">{t(...d)}</th>
                    <td>{w ? `${w.opens}–${w.closes}${w.breaks.length ? ` (${w.breaks.map((b) => `${b.label} ${b.start}–${b.end}`).join(', ')})` : ''}` : t('Tutup', 'Closed')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      </section>
      <SearchBox mpp={mpp.slug} />
      <section aria-labelledby="instansi">
        <h2 id="instansi">{t('Instansi dan layanan', 'Agencies and services')} ({data.tenants.length})</h2>
        <ul className="tenant-list">
          {data.tenants.map((tn) => (
            <li key={tn.code}>
              <details>
                <summary>
                  {tn.logo && <img src={tn.logo} alt="" className="tenant-logo" />}
                  <span className="tenant-name">{tn.name}</span>
                  <TenantIkmChip data={ikm} tenantName={tn.name} />
                  <span className="muted small">{t(...KIND_NAMES[tn.kind])} · {tn.services.length} {t('layanan', 'services')}</span>
                </summary>
                <ul>
                  {tn.services.map((s) => (
                    <li key={s.code}><Link to={`/mpp/${mpp.slug}/layanan/${s.code}`}>{s.name}</Link> <span className="muted small">{rupiah(s.feeRupiah, t)}</span></li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      </section>
      {mpp.facilities.length > 0 && (
        <section aria-labelledby="fasilitas">
          <h2 id="fasilitas">{t('Fasilitas', 'Facilities')}</h2>
          <ul className="chips">{mpp.facilities.map((f) => <li key={f}>{f}</li>)}</ul>
        </section>
      )}
      {mpp.maklumat && (
        <section aria-labelledby="maklumat">
          <h2 id="maklumat">{t('Maklumat Pelayanan', 'Service pledge (Maklumat)')}</h2>
          <blockquote className="maklumat">{mpp.maklumat}</blockquote>
        </section>
      )}
      <section aria-labelledby="kontak">
        <h2 id="kontak">{t('Kontak', 'Contact')}</h2>
        <ul className="plain">
          {mpp.contacts.phone && <li>{t('Telepon', 'Phone')}: <a href={`tel:${mpp.contacts.phone}`}>{mpp.contacts.phone}</a></li>}
          {mpp.contacts.whatsapp && <li>WhatsApp: {mpp.contacts.whatsapp}</li>}
          {mpp.contacts.email && <li>Email: <a href={`mailto:${mpp.contacts.email}`}>{mpp.contacts.email}</a></li>}
          {mpp.waitingCapacity !== null && <li>{t('Kapasitas ruang tunggu', 'Waiting room capacity')}: {mpp.waitingCapacity} {t('orang', 'people')}</li>}
        </ul>
      </section>
    </Shell>
  );
}

/** /mpp/:slug/layanan/:code: the six published components of the Standar Pelayanan. */
export function ServicePage() {
  const { t } = useI18n();
  const { slug, code } = useParams();
  const { data, error } = useLoad<PublicService>(`/api/public/mpps/${slug}/services/${code}`);
  if (error === '404') return <NotFound what="service" mppSlug={slug} />;
  if (error) return <Shell><p className="error" role="alert">{error}</p></Shell>;
  if (!data) return <Shell><p className="loading">{t('Memuat…', 'Loading…')}</p></Shell>;
  return (
    <Shell>
      <p className="small no-print"><Link to={`/mpp/${data.mpp.slug}`}>← {data.mpp.name}</Link></p>
      <h1>{data.name}</h1>
      <p className="muted">{data.tenant.name} · {data.mpp.name}</p>
      <ServiceActions service={data} />
      <dl className="facts">
        <div><dt>{t('Biaya', 'Fee')}</dt><dd className="fee">{rupiah(data.feeRupiah, t)}</dd></div>
        <div><dt>{t('Waktu penyelesaian', 'Completion time')}</dt><dd>{completionText(data.completion, t)}</dd></div>
        <div><dt>{t('Produk', 'Product')}</dt><dd>{data.product || '-'}</dd></div>
      </dl>
      {data.feeLegalBasis && <p className="small muted">{t('Dasar biaya', 'Fee basis')}: {data.feeLegalBasis}</p>}
      <section aria-labelledby="persyaratan">
        <h2 id="persyaratan">{t('Persyaratan', 'Requirements')}</h2>
        <RequirementChecklist service={data} />
        <WalletPrecheck mppId={data.mppId} serviceId={data.id} />
      </section>
      <section aria-labelledby="prosedur">
        <h2 id="prosedur">{t('Sistem, mekanisme dan prosedur', 'Procedure')}</h2>
        <ol className="steps">{data.procedureSteps.map((s, i) => <li key={i}>{s}</li>)}</ol>
      </section>
      <section aria-labelledby="tempat">
        <h2 id="tempat">{t('Tempat dan cara pelayanan', 'Where and how')}</h2>
        <p>{data.tenant.name}{data.counters.length ? ` · ${t('Loket', 'Counter')} ${data.counters.map((c) => c.number).join(', ')}` : ''}</p>
        <ul className="chips">{data.channels.map((c) => <li key={c}>{t(...CHANNEL_NAMES[c])}</li>)}</ul>
      </section>
      <section aria-labelledby="pengaduan">
        <h2 id="pengaduan">{t('Penanganan pengaduan, saran dan masukan', 'Complaints and suggestions')}</h2>
        <p>{data.complaintChannels || '-'}</p>
      </section>
      {data.validFrom && <p className="small muted">{t('Standar pelayanan versi', 'Service standard version')} {data.version}, {t('berlaku sejak', 'in force since')} {new Date(data.validFrom).toLocaleDateString(t('id-ID', 'en-GB'), { timeZone: data.mpp.timezone, day: 'numeric', month: 'long', year: 'numeric' })}</p>}
    </Shell>
  );
}
