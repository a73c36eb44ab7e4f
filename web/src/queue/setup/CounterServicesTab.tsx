import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { MasterList } from '../../ui/MasterList';
import { counterLabel, errorText, useSaveCounterServices, type Setup, type SetupCounter, type SetupService } from './data';
import { useChosen } from '../../ui/chosen';

const WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Per counter: which of its agency's services it calls, and with what weight. One counter at a time. */
export function CounterServicesTab({ mppId, setup }: { mppId: string; setup: Setup }) {
  const { t } = useI18n();
  const [selected, setSelected] = useChosen(setup.counters[0]?.id ?? null);
  const counter = setup.counters.find((c) => c.id === selected) ?? setup.counters[0];
  const items = useMemo(
    () =>
      setup.counters.map((c) => ({
        key: c.id,
        label: counterLabel(c, t),
        detail: `${c.tenantName} · ${t(`${c.services.length} layanan`, `${c.services.length} services`)}`,
      })),
    [setup.counters, t],
  );
  return (
    <>
      <p className="muted">
        {t(
          'Pilih loket, lalu centang layanan yang dipanggilnya. Bobot 1-10 mengalikan lama menunggu: bobot 3 membuat layanan itu dipanggil lebih dulu daripada layanan berbobot 1 yang menunggu sama lama.',
          'Choose a counter, then tick the services it calls. A weight of 1-10 multiplies waiting time: weight 3 calls that service before a weight-1 service that waited as long.',
        )}
      </p>
      <MasterList
        items={items}
        selected={counter?.id ?? null}
        onSelect={setSelected}
        label={t('Daftar loket', 'Counter list')}
        searchLabel={t('Cari loket atau instansi', 'Search counter or agency')}
        empty={<p>{t('Belum ada loket. Tambahkan di tab Loket.', 'No counters yet. Add one in the Counters tab.')}</p>}
      >
        {counter && <CounterEditor key={counter.id} mppId={mppId} counter={counter} services={setup.services.filter((s) => s.tenantId === counter.tenantId)} />}
      </MasterList>
    </>
  );
}

function CounterEditor({ mppId, counter, services }: { mppId: string; counter: SetupCounter; services: SetupService[] }) {
  const { t } = useI18n();
  const save = useSaveCounterServices(mppId);
  const initial = () => new Map(counter.services.map((s) => [s.serviceId, s.weight]));
  const [chosen, setChosen] = useState<Map<string, number>>(initial);
  const [filter, setFilter] = useState('');
  useEffect(() => setChosen(initial()), [counter]);
  const toggle = (id: string, on: boolean) =>
    setChosen((m) => {
      const next = new Map(m);
      if (on) next.set(id, 1);
      else next.delete(id);
      return next;
    });
  const q = filter.trim().toLocaleLowerCase('id');
  const shown = services.filter((s) => !q || `${s.name} ${s.prefix} ${s.code}`.toLocaleLowerCase('id').includes(q));
  const title = counterLabel(counter, t);
  return (
    <form
      aria-label={counter.name}
      onSubmit={(e) => {
        e.preventDefault();
        save.reset();
        save.mutate({ counter, services: [...chosen].map(([serviceId, weight]) => ({ serviceId, weight })) });
      }}
    >
      <h2>{title}</h2>
      <p className="muted">{counter.tenantName} · {t(`${chosen.size} dari ${services.length} layanan dipanggil`, `${chosen.size} of ${services.length} services called`)}</p>
      {services.length > 8 && (
        <input type="search" aria-label={t('Saring layanan loket ini', "Filter this counter's services")} placeholder={t('Saring layanan…', 'Filter services…')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      )}
      {services.length === 0 && <p className="muted">{t('Instansi ini belum punya layanan.', 'This agency has no services yet.')}</p>}
      <ul className="qs-services">
        {shown.map((s) => {
          const weight = chosen.get(s.id);
          return (
            <li key={s.id}>
              <label className="qs-check">
                <input type="checkbox" checked={weight !== undefined} onChange={(e) => toggle(s.id, e.target.checked)} />
                <span>
                  {s.name} <span className="muted">({s.prefix})</span>
                </span>
              </label>
              {weight !== undefined && (
                <label className="qs-weight">
                  {t('Bobot', 'Weight')}
                  <select value={weight} onChange={(e) => setChosen((m) => new Map(m).set(s.id, Number(e.target.value)))} aria-label={`${t('Bobot', 'Weight')} ${s.name}`}>
                    {WEIGHTS.map((w) => (
                      <option key={w} value={w}>{w}</option>
                    ))}
                  </select>
                </label>
              )}
            </li>
          );
        })}
      </ul>
      <div className="qs-actions" aria-live="polite">
        <button type="submit" className="primary" disabled={save.isPending}>{t('Simpan loket', 'Save counter')}</button>
        {save.isSuccess && <span className="notice">{t('Tersimpan', 'Saved')}: {counter.name}</span>}
        {save.isError && <span className="error" role="alert">{errorText(save.error)}</span>}
      </div>
    </form>
  );
}
