import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiQuery, client, unwrap } from '../api/client';
import { problemText } from '../api/hooks';
import { useI18n } from '../i18n';
import './queue.css';

const PATH = '/api/mpps/{mppId}/queue/pause-reasons';

/**
 * The MPP's pause reasons (the list officers pick from when pausing a counter): add, rename, order,
 * retire. For MPP admins; the staff set-up page mounts it with the current MPP.
 */
export function PauseReasonsPanel({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const reasons = useQuery(apiQuery(PATH, { params: { path: { mppId } } }));
  const [label, setLabel] = useState('');
  const [editing, setEditing] = useState<{ id: string; label: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: [PATH] });
  const add = useMutation({
    mutationFn: (l: string) => unwrap(client.POST(PATH, { params: { path: { mppId } }, body: { label: l } })),
    onSuccess: () => {
      setLabel('');
      void refresh();
    },
  });
  const patch = useMutation({
    mutationFn: (p: { id: string; label?: string; active?: boolean; sort?: number }) =>
      unwrap(client.PATCH(`${PATH}/{reasonId}`, { params: { path: { mppId, reasonId: p.id } }, body: { label: p.label, active: p.active, sort: p.sort } })),
    onSuccess: () => {
      setEditing(null);
      void refresh();
    },
  });
  const error = add.error ?? patch.error ?? reasons.error;
  const list = reasons.data ?? [];

  return (
    <section className="card pause-reasons" aria-labelledby="pause-reasons-title">
      <h2 id="pause-reasons-title">{t('Alasan jeda loket', 'Counter pause reasons')}</h2>
      <p className="muted">{t('Petugas memilih salah satu alasan ini saat menjeda loket.', 'Officers pick one of these reasons when they pause a counter.')}</p>
      {error && (
        <p className="error" role="alert">
          {problemText(error)}
        </p>
      )}
      <ol className="pr-list">
        {list.map((r, i) => (
          <li key={r.id} className={r.active ? '' : 'pr-retired'}>
            {editing?.id === r.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  patch.mutate({ id: r.id, label: editing.label });
                }}
              >
                <label>
                  <input aria-label={t('Nama alasan', 'Reason')} value={editing.label} minLength={3} maxLength={100} required onChange={(e) => setEditing({ id: r.id, label: e.target.value })} />
                </label>
                <button type="submit" className="primary">
                  {t('Simpan', 'Save')}
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  {t('Batal', 'Cancel')}
                </button>
              </form>
            ) : (
              <>
                <span className="pr-label">
                  {r.label}
                  {!r.active && <em> · {t('tidak dipakai', 'retired')}</em>}
                </span>
                <span className="pr-actions">
                  <button type="button" disabled={i === 0} title={i === 0 ? t('Sudah paling atas', 'Already first') : undefined} aria-label={t('Naikkan', 'Move up')} onClick={() => patch.mutate({ id: r.id, sort: Math.max(0, list[i - 1]!.sort - 1) })}>
                    ↑
                  </button>
                  <button type="button" onClick={() => setEditing({ id: r.id, label: r.label })}>
                    {t('Ubah', 'Edit')}
                  </button>
                  <button type="button" onClick={() => patch.mutate({ id: r.id, active: !r.active })}>
                    {r.active ? t('Nonaktifkan', 'Retire') : t('Aktifkan', 'Use again')}
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
      <form
        className="pr-add"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(label.trim());
        }}
      >
        <label>
          {t('Alasan baru', 'New reason')}
          <input value={label} minLength={3} maxLength={100} required onChange={(e) => setLabel(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={add.isPending || label.trim().length < 3} title={label.trim().length < 3 ? t('Tulis minimal 3 huruf', 'Type at least 3 letters') : undefined}>
          {t('Tambah', 'Add')}
        </button>
      </form>
    </section>
  );
}
