import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';

interface Entry {
  id: number;
  at: string;
  actorLabel: string | null;
  actorType: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const mppId = user?.grants.find((g) => g.mppId)?.mppId;
  const [action, setAction] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const qs = new URLSearchParams();
    if (mppId && !user?.grants.some((g) => g.role === 'national_admin')) qs.set('mppId', mppId);
    if (action) qs.set('action', action);
    api<{ entries: Entry[] }>(`/api/audit?${qs}`).then((r) => setEntries(r.entries), (e: ApiError) => setError(e.message));
  }, [action, mppId, user]);

  return (
    <section>
      <h1>{t('Log audit', 'Audit log')}</h1>
      <p className="muted">{t('Catatan setiap perubahan: siapa, kapan, apa, sebelum dan sesudah. Tidak dapat diubah.', 'Every change: who, when, what, before and after. It cannot be edited.')}</p>
      <label>{t('Saring tindakan', 'Filter by action')} <input value={action} placeholder="user." onChange={(e) => setAction(e.target.value)} /></label>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="data">
        <thead><tr><th>{t('Waktu', 'Time')}</th><th>{t('Pelaku', 'Actor')}</th><th>{t('Tindakan', 'Action')}</th><th>{t('Sasaran', 'Target')}</th><th>{t('Perubahan', 'Change')}</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')}</td>
              <td>{e.actorLabel ?? e.actorType}</td>
              <td><code>{e.action}</code></td>
              <td>{e.targetType} {e.targetId?.slice(0, 8)}</td>
              <td><details><summary>{t('Lihat', 'View')}</summary><pre>{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre></details></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
