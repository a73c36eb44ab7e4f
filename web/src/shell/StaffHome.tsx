import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { apiQuery } from '../api/client';
import { CrewStopsCard } from '../crew/CrewStopsCard';
import { useCurrentMpp } from '../current-mpp';
import { useI18n, type Bilingual } from '../i18n';
import { STAFF_NAV } from '../nav';
import { hasRole, useSession, type Role } from '../session';
import { zoneAbbr } from '../time';
import './home.css';
import { ROLE_NAMES } from './roles';

/** What each screen is for, in one line: the home lists the screens this person can use. */
const SCREEN_HINTS: Record<string, Bilingual> = {
  '/staf/loket': { id: 'Panggil, layani dan alihkan antrean di loket Anda.', en: 'Call, serve and transfer at your counter.' },
  '/staf/antrean': { id: 'Layanan tiap loket, kuota, jam, kelas prioritas, aturan.', en: 'Services per counter, quotas, hours, priority, rules.' },
  '/staf/aturan-booking': { id: 'Buka booking per layanan, slot, kuota, check-in, tidak hadir.', en: 'Open booking per service, slots, quotas, check-in, no-shows.' },
  '/staf/booking': { id: 'Booking hari ini: pindahkan atau batalkan.', en: "Today's bookings: move or cancel." },
  '/staf/permohonan': { id: 'Permohonan instansi Anda: segera jatuh tempo, terlambat, menunggu warga.', en: "Your agency's applications: due soon, overdue, waiting for the citizen." },
  '/staf/konsultasi': { id: 'Pertanyaan dan konsultasi daring warga untuk instansi Anda: jawab sebelum batas waktu.', en: "Citizens' questions and online consultations for your agency: answer before the due time." },
  '/staf/pengaduan': { id: 'Verifikasi, tugaskan dan jawab pengaduan.', en: 'Verify, assign and answer complaints.' },
  '/staf/katalog': { id: 'Instansi, layanan dan Standar Pelayanan, profil MPP.', en: 'Agencies, services and their standards, MPP profile.' },
  '/staf/pengguna': { id: 'Akun petugas dan admin beserta perannya.', en: 'Staff and admin accounts and their roles.' },
  '/staf/perangkat': { id: 'Token kios dan layar antrean.', en: 'Kiosk and display board tokens.' },
  '/staf/keliling': { id: 'Unit keliling, awak, jadwal persinggahan dan bookingnya.', en: 'Mobile units, crew, the schedule of stops and their bookings.' },
  '/staf/kalender': { id: 'Libur nasional, cuti bersama, penutupan MPP.', en: 'Holidays, cuti bersama, MPP closures.' },
  '/staf/lantai': { id: 'Antrean tiap loket saat ini, siapa menunggu terlalu lama.', en: 'Every counter\'s line now, who has waited too long.' },
  '/staf/statistik': { id: 'Jumlah dilayani, waktu tunggu dan layan per hari.', en: 'People served, waiting and service times per day.' },
  '/staf/audit': { id: 'Siapa mengubah apa, kapan.', en: 'Who changed what, and when.' },
  '/staf/survei': { id: 'Hasil SKM dan IKM per periode.', en: 'SKM results and IKM per period.' },
  '/staf/pengaturan-survei': { id: 'Pertanyaan dan cara survei dibagikan.', en: 'Questions and how the survey is handed out.' },
  '/staf/mpp': { id: 'Semua MPP; tambah MPP baru.', en: 'Every MPP; add a new one.' },
  '/staf/nasional': { id: 'Jumlah MPP, instansi dan layanan per provinsi.', en: 'MPPs, agencies and services per province.' },
  '/staf/rapor': { id: 'Rapor bulanan MPP: IKM, waktu tunggu, janji waktu layanan.', en: "The MPP's monthly scorecard: IKM, waiting times, service-time promises." },
  '/staf/rapor-nasional': { id: 'Rapor semua MPP berdampingan.', en: "Every MPP's scorecard side by side." },
  '/staf/webhook': { id: 'Kirim peristiwa MPP ke sistem lain.', en: "Send the MPP's events to other systems." },
  '/staf/peluncuran': { id: 'Tahap peluncuran MPP per kabupaten/kota.', en: 'MPP rollout stage per kabupaten/kota.' },
  '/staf/kata-pencarian': { id: 'Sinonim dan kata yang dipakai warga untuk mencari layanan.', en: 'Synonyms and the words citizens search with.' },
};

/** The staff home: which MPP this person is working on, what needs them now, and the screens they can use. */
export function StaffHome() {
  const { t } = useI18n();
  const { user } = useSession();
  const { mppId, mpp, canSwitch } = useCurrentMpp();
  if (!user) return null;
  const roles = [...new Set(user.grants.filter((g) => !g.mppId || g.mppId === mppId).map((g) => g.role))];
  const wholeMpp = hasRole(user, 'national_admin') || user.grants.some((g) => g.role === 'mpp_admin' && g.mppId === mppId);
  const officerOnly = !wholeMpp && roles.every((r) => r === 'officer');
  const screens = STAFF_NAV.filter((item) => item.path !== '/staf' && item.roles.some((r) => roles.includes(r)));
  return (
    <section className="staff-home">
      <h1>{t('Selamat datang', 'Welcome')}, {user.name}</h1>
      <p className="home-where">
        {mpp ? (
          <>
            {t('Anda bekerja di', 'You are working on')} <strong>{mpp.name}</strong> ({zoneAbbr(mpp.timezone)})
            {roles.length > 0 && <> {t('sebagai', 'as')} {roles.map((r: Role) => t(ROLE_NAMES[r])).join(', ')}</>}.
            {canSwitch && <span className="muted"> {t('Ganti MPP lewat pilihan MPP di bilah atas.', 'Switch MPP with the MPP menu in the top bar.')}</span>}
          </>
        ) : (
          t('Belum ada MPP.', 'No MPP yet.')
        )}
      </p>
      {!mppId && hasRole(user, 'national_admin') && (
        <p className="notice">
          {t('Belum ada MPP.', 'No MPP yet.')} <Link to="/staf/mpp?tab=baru">{t('Tambah MPP', 'Add an MPP')}</Link>
        </p>
      )}
      <div className="home-grid">
        <CrewStopsCard />
        {mppId && <Today mppId={mppId} wholeMpp={wholeMpp} officerOnly={officerOnly} />}
        {mppId && !officerOnly && <Overdue mppId={mppId} wholeMpp={wholeMpp} />}
        {mppId && roles.some((r) => r !== 'national_admin') && <ApplicationsDue mppId={mppId} />}
      </div>
      <h2>{t('Layar Anda', 'Your screens')}</h2>
      <ul className="home-screens">
        {screens.map((s) => (
          <li key={s.path}>
            <Link to={s.path}>{t(s.label)}</Link>
            {SCREEN_HINTS[s.path] && <span className="muted">{t(SCREEN_HINTS[s.path]!)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

const statusName = (s: 'open' | 'paused' | 'closed', t: (id: string, en: string) => string) => (s === 'open' ? t('buka', 'open') : s === 'paused' ? t('jeda', 'paused') : t('tutup', 'closed'));

/** An officer's counters with their lines; an admin's counters and waiting people at a glance. */
function Today({ mppId, wholeMpp, officerOnly }: { mppId: string; wholeMpp: boolean; officerOnly: boolean }) {
  const { t } = useI18n();
  const { user } = useSession();
  const counters = useQuery(apiQuery('/api/mpps/{mppId}/queue/counters', { params: { path: { mppId } } }));
  const offer = useQuery({ ...apiQuery('/api/mpps/{mppId}/queue/offer', { params: { path: { mppId } } }), enabled: !officerOnly });
  const tenants = new Set(user?.grants.filter((g) => g.mppId === mppId && g.tenantId).map((g) => g.tenantId));
  const mine = (counters.data ?? []).filter((c) => wholeMpp || tenants.has(c.tenantId));
  // An officer's own agency has a handful of counters: their lines are worth one request each.
  const lines = useQueries({
    queries: (officerOnly ? mine.slice(0, 12) : []).map((c) => ({ ...apiQuery('/api/mpps/{mppId}/queue/counters/{counterId}/console', { params: { path: { mppId, counterId: c.id } } }), refetchInterval: 30_000 })),
  });
  if (counters.isPending) return <div className="card"><p className="loading">{t('Memuat…', 'Loading…')}</p></div>;
  if (counters.isError) return <div className="card"><p className="error" role="alert">{counters.error.message}</p></div>;
  const open = mine.filter((c) => c.status === 'open').length;
  const paused = mine.filter((c) => c.status === 'paused').length;
  if (officerOnly) {
    return (
      <div className="card">
        <h2>{t('Loket Anda', 'Your counters')}</h2>
        <ul className="home-counters">
          {mine.slice(0, 12).map((c, i) => (
            <li key={c.id}>
              <Link to="/staf/loket">{t('Loket', 'Counter')} {c.number} · {c.name}</Link>
              <span className="muted"> · {statusName(c.status, t)}</span>
              {lines[i]?.data && <strong> · {t(`${lines[i].data.waiting.total} menunggu`, `${lines[i].data.waiting.total} waiting`)}</strong>}
            </li>
          ))}
          {mine.length === 0 && <li className="muted">{t('Belum ada loket untuk instansi Anda.', 'Your agency has no counter yet.')}</li>}
        </ul>
        <p><Link to="/staf/loket" className="button-link">{t('Buka konsol loket', 'Open the counter console')}</Link></p>
      </div>
    );
  }
  const waiting = (offer.data?.services ?? []).filter((s) => wholeMpp || mine.some((c) => c.services.some((x) => x.serviceId === s.id)));
  const people = waiting.reduce((n, s) => n + s.waiting, 0);
  const busiest = [...waiting].sort((a, b) => b.waiting - a.waiting).filter((s) => s.waiting > 0).slice(0, 3);
  return (
    <div className="card">
      <h2>{t('Hari ini', 'Today')}</h2>
      <p>{t(`${open} loket buka, ${paused} jeda, ${mine.length - open - paused} tutup dari ${mine.length} loket.`, `${open} counters open, ${paused} paused, ${mine.length - open - paused} closed of ${mine.length}.`)}</p>
      {offer.data && <p>{t(`${people} orang menunggu.`, `${people} people waiting.`)}{busiest.length > 0 && <span className="muted"> {t('Terbanyak', 'Most')}: {busiest.map((s) => `${s.name} (${s.waiting})`).join(', ')}</span>}</p>}
    </div>
  );
}

/** What is past its time: complaints past their deadline; for MPP admins also MoU/PKS ended or ending soon. */
function Overdue({ mppId, wholeMpp }: { mppId: string; wholeMpp: boolean }) {
  const { t } = useI18n();
  const overdue = useQuery(apiQuery('/api/mpps/{mppId}/complaints', { params: { path: { mppId }, query: { overdue: 'true', limit: 1 } } }));
  const agreements = useQuery({ ...apiQuery('/api/catalog/mpps/{mppId}/agreements', { params: { path: { mppId } } }), enabled: wholeMpp });
  if (!overdue.data) return null;
  const expired = (agreements.data ?? []).filter((a) => a.expiry === 'expired').length;
  const expiring = (agreements.data ?? []).filter((a) => a.expiry === 'expiring').length;
  return (
    <div className="card">
      <h2>{t('Perlu tindakan', 'Needs action')}</h2>
      {overdue.data.total === 0 ? (
        <p>{t('Tidak ada pengaduan yang melewati batas waktu.', 'No complaint is past its deadline.')}</p>
      ) : (
        <p>
          <Link to="/staf/pengaduan">{t(`${overdue.data.total} pengaduan melewati batas waktu`, `${overdue.data.total} complaint(s) past their deadline`)}</Link>
        </p>
      )}
      {(expired > 0 || expiring > 0) && (
        <p>
          <Link to="/staf/katalog?tab=instansi">
            {expired > 0 && t(`${expired} MoU/PKS sudah berakhir`, `${expired} MoU/PKS ended`)}
            {expired > 0 && expiring > 0 && ', '}
            {expiring > 0 && t(`${expiring} MoU/PKS segera berakhir`, `${expiring} MoU/PKS ending soon`)}
          </Link>
        </p>
      )}
    </div>
  );
}

/** Applications of the person's agency (or the whole MPP) that are overdue or due within two days. */
function ApplicationsDue({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const overdue = useQuery(apiQuery('/api/mpps/{mppId}/applications', { params: { path: { mppId }, query: { view: 'overdue' } } }));
  const soon = useQuery(apiQuery('/api/mpps/{mppId}/applications', { params: { path: { mppId }, query: { view: 'due_soon' } } }));
  if (!overdue.data || !soon.data) return null;
  return (
    <div className="card" data-testid="home-applications">
      <h2>{t('Permohonan', 'Applications')}</h2>
      <p>
        <Link to="/staf/permohonan">
          {t(`${overdue.data.length} terlambat, ${soon.data.length} segera jatuh tempo`, `${overdue.data.length} overdue, ${soon.data.length} due soon`)}
        </Link>
      </p>
    </div>
  );
}
