import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { useI18n, type Translate } from '../i18n';
import { MppMobileSection } from '../mobile/MppMobileSection';
import { CitizenActions } from '../shell/CitizenActions';
import { saveChosenMpp } from '../shell/chosenMpp';
import { IkmBadge, TenantIkmChip, usePublicIkm, type PublicIkm } from '../survey/IkmBadge';
import { zoneAbbr } from '../time';
import { KIND_NAMES, localTime, rupiah, WEEKDAYS } from './format';
import { PublicLoad, SearchBox, Shell } from './PublicParts';
import type { PublicMppPage } from './views';

function statusText(s: PublicMppPage['status'], t: Translate): string {
  const next = s.nextOpening ? localTime(s.nextOpening, s.timezone, s.localDate, t) : null;
  if (s.open) return t(`Buka sekarang · tutup/istirahat pukul ${localTime(s.closesAt!, s.timezone, s.localDate, t)}`, `Open now · closes/breaks at ${localTime(s.closesAt!, s.timezone, s.localDate, t)}`);
  const why =
    s.reason === 'on_break' ? t(`Sedang ${s.currentBreak?.label ?? 'istirahat'}`, `On ${s.currentBreak?.label ?? 'break'}`) :
    s.today.closedBy ? t(`Tutup hari ini: ${s.today.closedBy.name}`, `Closed today: ${s.today.closedBy.name}`) : t('Tutup', 'Closed');
  return next ? `${why} · ${t('buka lagi', 'opens')} ${next}` : why;
}

/** /mpp/:slug: today's hours, open now, agencies and services, facilities, Maklumat. */
export function MppPage() {
  const { slug = '' } = useParams();
  const page = useApiQuery('/api/public/mpps/{slug}', { params: { path: { slug } } });
  const ikm = usePublicIkm(slug);
  // The MPP a citizen opens becomes "their" MPP: search ranks it first, actions go to it.
  const mpp = page.data?.mpp;
  useEffect(() => {
    if (mpp) saveChosenMpp({ id: mpp.id, slug: mpp.slug, name: mpp.name, province: mpp.province?.code ?? null });
  }, [mpp]);
  return <PublicLoad query={page} notFound={{ what: 'mpp' }}>{(data) => <MppView data={data} ikm={ikm} />}</PublicLoad>;
}

function MppView({ data, ikm }: { data: PublicMppPage; ikm: PublicIkm | null }) {
  const { t } = useI18n();
  const { mpp, status } = data;
  return (
    <Shell>
      <h1>{mpp.name}</h1>
      <p className="muted">{mpp.address}{mpp.region ? `, ${mpp.region.name}` : ''}</p>
      <div className={`open-status ${status.open ? 'is-open' : 'is-closed'}`} role="status">
        <strong>{statusText(status, t)}</strong>
      </div>
      <CitizenActions mpp={mpp} searchTarget={`/cari?mpp=${mpp.slug}`} />
      <IkmBadge data={ikm} showTenants={false} />
      <HoursPanel data={data} />
      <SearchBox mpp={mpp.slug} />
      <TenantsPanel data={data} ikm={ikm} />
      <MppMobileSection mppId={mpp.id} />
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

/** Today's hours in the MPP's zone, and the week's behind a disclosure. */
function HoursPanel({ data: { mpp, status } }: { data: PublicMppPage }) {
  const { t } = useI18n();
  const zone = zoneAbbr(mpp.timezone);
  const h = status.today.hours;
  return (
    <section aria-labelledby="jam-hari-ini">
      <h2 id="jam-hari-ini">{t('Jam layanan hari ini', "Today's hours")} ({t(WEEKDAYS[status.today.weekday - 1]!)}, {zone})</h2>
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
                <tr key={d.id}>
                  <th scope="row">{t(d)}</th>
                  <td>{w ? `${w.opens}–${w.closes}${w.breaks.length ? ` (${w.breaks.map((b) => `${b.label} ${b.start}–${b.end}`).join(', ')})` : ''}` : t('Tutup', 'Closed')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** The agencies of the MPP, each opening to its services. */
function TenantsPanel({ data, ikm }: { data: PublicMppPage; ikm: PublicIkm | null }) {
  const { t } = useI18n();
  return (
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
                <span className="muted small">{t(KIND_NAMES[tn.kind])} · {tn.services.length} {t('layanan', 'services')}</span>
              </summary>
              <ul>
                {tn.services.map((s) => (
                  <li key={s.code}><Link to={`/mpp/${data.mpp.slug}/layanan/${s.code}`}>{s.name}</Link> <span className="muted small">{rupiah(s.feeRupiah, t)}</span></li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
