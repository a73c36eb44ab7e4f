import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiQuery, client, unwrap, type ApiData } from '../../api/client';
import { useI18n } from '../../i18n';
import { errorText } from './data';
import { TargetWaitForm } from './TargetWaitForm';

type QueueRules = ApiData<'/api/mpps/{mppId}/queue/settings'>;
const numOrNull = (s: string) => (s.trim() === '' ? null : Number(s));
/** Only the rules the admin changed: another admin's change to a different rule stays. */
const changedRules = (stored: QueueRules, next: QueueRules): Partial<QueueRules> =>
  Object.fromEntries(Object.entries(next).filter(([k, v]) => stored[k as keyof QueueRules] !== v));

/** The MPP's queue rules and its target wait (MPP admins). */
export function RulesTab({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const rules = useQuery(apiQuery('/api/mpps/{mppId}/queue/settings', { params: { path: { mppId } } }));
  if (rules.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (rules.isError) return <p className="error" role="alert">{rules.error.message}</p>;
  return (
    <>
      <RulesForm mppId={mppId} rules={rules.data} />
      <TargetWaitForm mppId={mppId} />
    </>
  );
}

function RulesForm({ mppId, rules }: { mppId: string; rules: QueueRules }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [maxRecalls, setMaxRecalls] = useState(String(rules.maxRecalls));
  const [capacity, setCapacity] = useState(rules.waitingRoomCapacity === null ? '' : String(rules.waitingRoomCapacity));
  const [minutes, setMinutes] = useState(String(rules.defaultServiceMinutes));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT('/api/mpps/{mppId}/queue/settings', {
          params: { path: { mppId } },
          body: changedRules(rules, { maxRecalls: Number(maxRecalls), waitingRoomCapacity: numOrNull(capacity), defaultServiceMinutes: Number(minutes) }),
        }),
      ),
    // The answer holds every rule as now stored, another admin's changes included: the form shows them.
    onSuccess: (saved) => {
      setMaxRecalls(String(saved.maxRecalls));
      setCapacity(saved.waitingRoomCapacity === null ? '' : String(saved.waitingRoomCapacity));
      setMinutes(String(saved.defaultServiceMinutes));
      return queryClient.invalidateQueries({ queryKey: ['/api/mpps/{mppId}/queue/settings'] });
    },
  });
  return (
    <form
      className="qs-rules"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="grid-form">
        <label>
          {t('Panggil ulang paling banyak', 'Most recalls')}
          <input type="number" min={0} max={10} value={maxRecalls} onChange={(e) => setMaxRecalls(e.target.value)} />
        </label>
        <label>
          {t('Kapasitas ruang tunggu (kosong = tanpa batas)', 'Waiting-room capacity (empty = no limit)')}
          <input type="number" min={1} max={100000} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        </label>
        <label>
          {t('Lama layanan awal untuk perkiraan (menit)', 'Initial service minutes for estimates')}
          <input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
      </div>
      <p className="muted small">{t('Kapasitas di profil MPP (Katalog) didahulukan bila diisi.', "The capacity in the MPP's profile (Catalog) comes first when set.")}</p>
      <div className="qs-actions" aria-live="polite">
        <button type="submit" className="primary" disabled={save.isPending}>{t('Simpan aturan', 'Save rules')}</button>
        {save.isSuccess && <span className="notice">{t('Tersimpan', 'Saved')}: {t('Aturan antrean', 'Queue rules')}</span>}
        {save.isError && <span className="error" role="alert">{errorText(save.error)}</span>}
      </div>
    </form>
  );
}
