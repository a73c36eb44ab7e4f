import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiQuery, client, unwrap, type ApiData } from '../../api/client';
import { useI18n } from '../../i18n';
import { errorText } from './data';

type PriorityClass = ApiData<'/api/mpps/{mppId}/queue/priority-classes'>[number];
const KEY = '/api/mpps/{mppId}/queue/priority-classes';

/** Priority classes offered at the kiosk (MPP admins). */
export function PriorityTab({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const classes = useQuery(apiQuery('/api/mpps/{mppId}/queue/priority-classes', { params: { path: { mppId } } }));
  if (classes.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (classes.isError) return <p className="error" role="alert">{classes.error.message}</p>;
  return (
    <>
      <p className="muted">
        {t(
          'Bobot = menit waktu tunggu yang dikreditkan. Kelas aktif ditawarkan di kios kepada setiap orang; petugas memeriksa di loket.',
          'Weight = minutes of waiting credited. Active classes are offered at the kiosk to everyone; the officer checks at the counter.',
        )}
      </p>
      <table className="qs-table">
        <thead>
          <tr>
            <th>{t('Kode', 'Code')}</th>
            <th>{t('Nama', 'Name')}</th>
            <th>{t('Bobot (menit)', 'Weight (minutes)')}</th>
            <th>{t('Aktif', 'Active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {classes.data.map((c) => (
            <ClassRow key={c.id} mppId={mppId} cls={c} />
          ))}
          <NewClassRow mppId={mppId} />
        </tbody>
      </table>
    </>
  );
}

function ClassRow({ mppId, cls }: { mppId: string; cls: PriorityClass }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState(cls.name);
  const [weight, setWeight] = useState(String(cls.weight));
  const [active, setActive] = useState(cls.active);
  useEffect(() => {
    setName(cls.name);
    setWeight(String(cls.weight));
    setActive(cls.active);
  }, [cls]);
  const save = useMutation({
    mutationFn: () => {
      const body: { name?: string; weight?: number; active?: boolean } = {};
      if (name !== cls.name) body.name = name;
      if (weight !== String(cls.weight)) body.weight = Number(weight);
      if (active !== cls.active) body.active = active;
      return unwrap(client.PATCH('/api/mpps/{mppId}/queue/priority-classes/{classId}', { params: { path: { mppId, classId: cls.id } }, body }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
  const changed = name !== cls.name || weight !== String(cls.weight) || active !== cls.active;
  return (
    <tr>
      <td><code>{cls.code}</code></td>
      <td><input value={name} onChange={(e) => setName(e.target.value)} aria-label={`${t('Nama', 'Name')} ${cls.code}`} /></td>
      <td><input type="number" min={0} max={240} value={weight} onChange={(e) => setWeight(e.target.value)} aria-label={`${t('Bobot', 'Weight')} ${cls.code}`} /></td>
      <td><input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} aria-label={`${t('Aktif', 'Active')} ${cls.code}`} /></td>
      <td aria-live="polite">
        <button type="button" disabled={!changed || save.isPending} onClick={() => save.mutate()}>{t('Simpan', 'Save')}</button>
        {save.isSuccess && !changed && <span className="notice"> {t('Tersimpan', 'Saved')}: {cls.name}</span>}
        {save.isError && <span className="error" role="alert"> {errorText(save.error)}</span>}
      </td>
    </tr>
  );
}

function NewClassRow({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [weight, setWeight] = useState('15');
  const add = useMutation({
    mutationFn: () => unwrap(client.POST('/api/mpps/{mppId}/queue/priority-classes', { params: { path: { mppId } }, body: { code, name, weight: Number(weight) } })),
    onSuccess: () => {
      setCode('');
      setName('');
      return queryClient.invalidateQueries({ queryKey: [KEY] });
    },
  });
  return (
    <tr className="qs-new">
      <td><input value={code} placeholder="veteran" onChange={(e) => setCode(e.target.value)} aria-label={t('Kode kelas baru', 'New class code')} /></td>
      <td><input value={name} placeholder={t('Nama kelas baru', 'New class name')} onChange={(e) => setName(e.target.value)} aria-label={t('Nama kelas baru', 'New class name')} /></td>
      <td><input type="number" min={0} max={240} value={weight} onChange={(e) => setWeight(e.target.value)} aria-label={t('Bobot kelas baru', 'New class weight')} /></td>
      <td />
      <td aria-live="polite">
        <button type="button" disabled={!code || !name || add.isPending} onClick={() => add.mutate()}>{t('Tambah', 'Add')}</button>
        {add.isSuccess && <span className="notice"> {t('Tersimpan', 'Saved')}: {add.data.name}</span>}
        {add.isError && <span className="error" role="alert"> {errorText(add.error)}</span>}
      </td>
    </tr>
  );
}
