import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { LoadState, useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n';
import { readChosenMpp } from '../shell/chosenMpp';
import { searchUrl } from '../shell/Home';
import { WalletPrecheck } from '../applications/WalletPrecheck';
import { zoneAbbr } from '../time';
import { CHANNEL_NAMES, completionText, rupiah } from './format';
import { PublicLoad, SearchBox, Shell } from './PublicParts';
import { ServiceFaq } from '../consultation/ServiceFaq';
import { RequirementChecklist, ServiceActions } from './ServiceActions';


const SEARCH_KEYS = ['mpp', 'province', 'preferMpp', 'preferProvince'] as const;

/** /mpp: search box and the MPPs by province. */
export function DirectoryPage() {
  const { t } = useI18n();
  const [province, setProvince] = useState('');
  const provinces = useApiQuery('/api/public/regions', { params: { query: { level: 'province' } } });
  const mpps = useApiQuery('/api/public/mpps', { params: { query: province ? { province } : {} } });
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
      <LoadState query={mpps}>{() => null}</LoadState>
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
  // The box answers the tap at once; the address (and the results) follow when the navigation lands.
  const [onlyMine, setOnlyMine] = useState(mpp !== undefined && mpp === chosen?.slug);
  useEffect(() => setOnlyMine(mpp !== undefined && mpp === chosen?.slug), [mpp, chosen?.slug]);
  const query = Object.fromEntries(SEARCH_KEYS.filter((k) => params.get(k)).map((k) => [k, params.get(k)!]));
  const hits = useApiQuery('/api/public/search', q.length >= 2 ? { params: { query: { ...query, q } } } : null);
  const data = hits.data;
  return (
    <Shell>
      <h1>{q ? t('Hasil pencarian', 'Search results') : t('Cari layanan', 'Find a service')}</h1>
      <SearchBox key={q} initial={q} mpp={mpp} />
      {chosen && q && (
        <label className="inline only-mine">
          <input
            type="checkbox"
            checked={onlyMine}
            onChange={(e) => {
              setOnlyMine(e.target.checked);
              void navigate(e.target.checked ? `/cari?${new URLSearchParams({ q, mpp: chosen.slug })}` : searchUrl(q, chosen));
            }}
          />
          {t(`Hanya di ${chosen.name}`, `Only at ${chosen.name}`)}
        </label>
      )}
      {hits.isError && <LoadState query={hits}>{() => null}</LoadState>}
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

/** /mpp/:slug/layanan/:code: the six published components of the Standar Pelayanan. */
export function ServicePage() {
  const { t } = useI18n();
  const { slug = '', code = '' } = useParams();
  const service = useApiQuery('/api/public/mpps/{slug}/services/{code}', { params: { path: { slug, code } } });
  return (
    <PublicLoad query={service} notFound={{ what: 'service', mppSlug: slug }}>
      {(data) => (
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
      <ServiceFaq mppId={data.mppId} serviceId={data.id} />
      <section aria-labelledby="tempat">
        <h2 id="tempat">{t('Tempat dan cara pelayanan', 'Where and how')}</h2>
        {/* Counters by name, as the board, the status page and the messages name them. */}
        <p data-testid="svc-counters">{data.tenant.name}{data.counters.length ? ` · ${data.counters.map((c) => c.name).join(', ')}` : ''}</p>
        <ul className="chips">{data.channels.map((c) => <li key={c}>{t(CHANNEL_NAMES[c])}</li>)}</ul>
      </section>
      <section aria-labelledby="pengaduan">
        <h2 id="pengaduan">{t('Penanganan pengaduan, saran dan masukan', 'Complaints and suggestions')}</h2>
        <p>{data.complaintChannels || '-'}</p>
      </section>
      {data.validFrom && <p className="small muted">{t('Standar pelayanan versi', 'Service standard version')} {data.version}, {t('berlaku sejak', 'in force since')} {new Date(data.validFrom).toLocaleDateString(t('id-ID', 'en-GB'), { timeZone: data.mpp.timezone, day: 'numeric', month: 'long', year: 'numeric' })}</p>}
    </Shell>
      )}
    </PublicLoad>
  );
}
