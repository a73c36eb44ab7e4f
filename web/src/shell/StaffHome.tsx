import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { hasRole, useSession } from '../session';

interface CounterRow {
  id: string;
  number: number;
  name: string;
  tenantId: string;
  tenantName: string;
  status: 'open' | 'paused' | 'closed';
  officerName: string | null;
}
interface ConsoleLine { waiting: { total: number } }
interface ComplaintRow { id: string; trackingCode: string; overdue: boolean; status: string }

/** What needs this person now: an officer's counters and their lines; an admin's day at a glance and what is overdue. */
export function StaffHome() {
  const { t } = useI18n();
  const { user } = useSession();
  const { mppId, mpp } = useCurrentMpp();
  const isAdmin = hasRole(user, 'national_admin', 'mpp_admin', 'tenant_admin');
  return (
    <section className="staff-home">
      <h1>{t('Selamat datang', 'Welcome')}, {user?.name}</h1>
      {mpp && <p className="muted">{mpp.name}</p>}
      {!mppId && <p className="notice">{t('Belum ada MPP. Tambahkan MPP di Katalog layanan.', 'No MPP yet. Add one in the Service catalog.')}</p>}
      {mppId && <MyCounters mppId={mppId} />}
      {mppId && isAdmin && <Overdue mppId={mppId} />}
    </section>
  );
}

function MyCounters({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [counters, setCounters] = useState<CounterRow[] | null>(null);
  const [lines, setLines] = useState<Record<string, number>>({});
  const tenants = new Set(user?.grants.filter((g) => g.mppId === mppId && g.tenantId).map((g) => g.tenantId));
  const wholeMpp = hasRole(user, 'national_admin') || !!user?.grants.some((g) => g.role === 'mpp_admin' && g.mppId === mppId);
  useEffect(() => {
    setCounters(null);
    setLines({});
    api<CounterRow[]>(`/api/mpps/${mppId}/queue/counters`).then(setCounters, () => setCounters([]));
  }, [mppId]);
  const mine = (counters ?? []).filter((c) => wholeMpp || tenants.has(c.tenantId));
  const officer = !wholeMpp && user?.grants.some((g) => g.role === 'officer');
  useEffect(() => {
    // An officer's own agency has a handful of counters: their lines are worth one request each.
    if (!officer) return;
    for (const c of mine.slice(0, 12)) {
      api<ConsoleLine>(`/api/mpps/${mppId}/queue/counters/${c.id}/console`).then((v) => setLines((l) => ({ ...l, [c.id]: v.waiting.total })), () => undefined);
    }
  }, [counters, officer, mppId]);
  if (!counters) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  const open = mine.filter((c) => c.status === 'open').length;
  const paused = mine.filter((c) => c.status === 'paused').length;
  return (
    <div className="card">
      <h2>{officer ? t('Loket Anda', 'Your counters') : t('Hari ini', 'Today')}</h2>
      {!officer && (
        <p>
          {t(`${open} loket buka, ${paused} jeda, ${mine.length - open - paused} tutup dari ${mine.length} loket.`, `${open} counters open, ${paused} paused, ${mine.length - open - paused} closed of ${mine.length}.`)}
        </p>
      )}
      {officer && (
        <ul className="home-counters">
          {mine.map((c) => (
            <li key={c.id}>
              <Link to="/staf/loket">{t('Loket', 'Counter')} {c.number} · {c.name}</Link>
              <span className="muted"> · {c.tenantName} · {statusName(c.status, t)}</span>
              {lines[c.id] !== undefined && <strong> · {t(`${lines[c.id]} menunggu`, `${lines[c.id]} waiting`)}</strong>}
            </li>
          ))}
          {mine.length === 0 && <li className="muted">{t('Belum ada loket untuk instansi Anda.', 'Your agency has no counter yet.')}</li>}
        </ul>
      )}
      <p><Link to="/staf/loket">{t('Buka konsol loket', 'Open the counter console')}</Link></p>
    </div>
  );
}

const statusName = (s: CounterRow['status'], t: (id: string, en: string) => string) =>
  s === 'open' ? t('buka', 'open') : s === 'paused' ? t('jeda', 'paused') : t('tutup', 'closed');

function Overdue({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const [overdue, setOverdue] = useState<ComplaintRow[] | null>(null);
  useEffect(() => {
    setOverdue(null);
    api<ComplaintRow[]>(`/api/mpps/${mppId}/complaints?overdue=true&limit=200`).then(setOverdue, () => setOverdue([]));
  }, [mppId]);
  if (!overdue) return null;
  return (
    <div className="card">
      <h2>{t('Perlu tindakan', 'Needs action')}</h2>
      {overdue.length === 0 ? (
        <p>{t('Tidak ada pengaduan yang melewati batas waktu.', 'No complaint is past its deadline.')}</p>
      ) : (
        <p>
          <Link to="/staf/pengaduan">{t(`${overdue.length} pengaduan melewati batas waktu`, `${overdue.length} complaint(s) past their deadline`)}</Link>
        </p>
      )}
    </div>
  );
}
