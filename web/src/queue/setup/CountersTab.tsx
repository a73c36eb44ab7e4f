import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { apiQuery, client, unwrap, type ApiData } from '../../api/client';
import { useI18n } from '../../i18n';
import { Pick } from '../../shell/Pick';
import { MasterList } from '../../ui/MasterList';
import { counterLabel, errorText, SETUP_KEY } from './data';
import { useChosen } from '../../ui/chosen';

type CatalogCounter = ApiData<'/api/catalog/mpps/{mppId}/counters'>[number];
const NEW = '__new__';

/** The counters themselves: number, name, agency (chosen by name), in use or not; and adding one. */
export function CountersTab({ mppId, canCreate, tenantIds }: { mppId: string; canCreate: boolean; /** The agencies the caller runs (agency admins); null = all. */ tenantIds: Set<string> | null }) {
  const { t } = useI18n();
  const counters = useQuery(apiQuery('/api/catalog/mpps/{mppId}/counters', { params: { path: { mppId } } }));
  const tenants = useQuery(apiQuery('/api/catalog/mpps/{mppId}/tenants', { params: { path: { mppId } } }));
  const [selected, setSelected] = useChosen();
  const tenantName = useMemo(() => new Map((tenants.data ?? []).map((x) => [x.id, x.name])), [tenants.data]);
  if (counters.isPending || tenants.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (counters.isError) return <p className="error" role="alert">{counters.error.message}</p>;
  const list = [...counters.data].sort((a, b) => a.number - b.number);
  const current = selected === NEW ? null : (list.find((c) => c.id === selected) ?? list[0]);
  const items = list.map((c) => ({ key: c.id, label: counterLabel(c, t), detail: `${tenantName.get(c.tenantId) ?? c.tenantCode}${c.active ? '' : ` · ${t('tidak dipakai', 'not in use')}`}` }));
  const options = (tenants.data ?? []).filter((x) => !tenantIds || tenantIds.has(x.id)).map((x) => ({ value: x.id, label: x.name, keywords: x.code }));
  // A new MPP has no counter yet: the list is empty and the form must still show.
  const newForm = <CounterForm key="new" mppId={mppId} options={options} nextNumber={(list.at(-1)?.number ?? 0) + 1} onDone={(id) => setSelected(id)} />;
  return (
    <>
      {canCreate && (
        <p>
          <button type="button" onClick={() => setSelected(NEW)} aria-pressed={selected === NEW}>+ {t('Loket baru', 'New counter')}</button>
        </p>
      )}
      <MasterList items={items} selected={selected === NEW ? null : (current?.id ?? null)} onSelect={setSelected} label={t('Daftar loket', 'Counter list')} searchLabel={t('Cari loket atau instansi', 'Search counter or agency')} empty={selected === NEW && canCreate ? newForm : <p>{t('Belum ada loket.', 'No counters yet.')}</p>}>
        {selected === NEW || !current ? (
          canCreate ? newForm : null
        ) : (
          <CounterForm key={current.id} mppId={mppId} options={options} counter={current} onDone={() => undefined} />
        )}
      </MasterList>
    </>
  );
}

function CounterForm({ mppId, options, counter, nextNumber, onDone }: {
  mppId: string;
  options: { value: string; label: string; keywords?: string }[];
  counter?: CatalogCounter;
  nextNumber?: number;
  onDone(id: string): void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const toDraft = (c: CatalogCounter | undefined) => ({ number: String(c?.number ?? nextNumber ?? 1), name: c?.name ?? '', tenantId: c?.tenantId ?? '', active: c?.active ?? true });
  const [draft, setDraft] = useState(() => toDraft(counter));
  const save = useMutation({
    mutationFn: async () => {
      if (counter) {
        // Only what the admin changed is sent.
        const body: { number?: number; name?: string; tenantId?: string; active?: boolean } = {};
        if (Number(draft.number) !== counter.number) body.number = Number(draft.number);
        if (draft.name !== counter.name) body.name = draft.name;
        if (draft.tenantId !== counter.tenantId) body.tenantId = draft.tenantId;
        if (draft.active !== counter.active) body.active = draft.active;
        return unwrap(client.PATCH('/api/catalog/mpps/{mppId}/counters/{counterId}', { params: { path: { mppId, counterId: counter.id } }, body }));
      }
      return unwrap(client.POST('/api/catalog/mpps/{mppId}/counters', { params: { path: { mppId } }, body: { number: Number(draft.number), name: draft.name, tenantId: draft.tenantId, active: draft.active } }));
    },
    onSuccess: (saved) => {
      // The form now shows what the server holds, a change someone else made meanwhile included, so the
      // next save does not undo it.
      if (counter) setDraft(toDraft(saved));
      void queryClient.invalidateQueries({ queryKey: ['/api/catalog/mpps/{mppId}/counters'] });
      void queryClient.invalidateQueries({ queryKey: [SETUP_KEY] });
      onDone(saved.id);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={counter ? counter.name : t('Loket baru', 'New counter')}>
      <h2>{counter ? counterLabel(counter, t) : t('Loket baru', 'New counter')}</h2>
      <div className="counter-fields">
        <label>
          {t('Nomor loket', 'Counter number')}
          <input required type="number" min={1} max={999} value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} />
        </label>
        <label>
          {t('Nama loket', 'Counter name')}
          <input required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
      </div>
      <Pick label={t('Instansi', 'Agency')} options={options} value={draft.tenantId} onChange={(tenantId) => setDraft({ ...draft, tenantId })} placeholder={t('— pilih instansi —', '— choose an agency —')} required />
      <label className="qs-check">
        <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} /> {t('Loket dipakai', 'Counter in use')}
      </label>
      <div className="qs-actions" aria-live="polite">
        <button type="submit" className="primary" disabled={save.isPending}>{counter ? t('Simpan perubahan', 'Save changes') : t('Tambah loket', 'Add counter')}</button>
        {save.isSuccess && <span className="notice">{t('Tersimpan', 'Saved')}</span>}
        {save.isError && <span className="error" role="alert">{errorText(save.error)}</span>}
      </div>
    </form>
  );
}
