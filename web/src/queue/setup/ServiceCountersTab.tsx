import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { MasterList } from '../../ui/MasterList';
import { counterLabel, errorText, useSaveCounterServices, type Setup, type SetupService } from './data';
import { useChosen } from '../../ui/chosen';

/** Per service, the other way round: which of its agency's counters call it. Ticking a counter saves that counter. */
export function ServiceCountersTab({ mppId, setup }: { mppId: string; setup: Setup }) {
  const { t } = useI18n();
  const [selected, setSelected] = useChosen(setup.services[0]?.id ?? null);
  const service = setup.services.find((s) => s.id === selected) ?? setup.services[0];
  const items = useMemo(
    () =>
      setup.services.map((s) => {
        const serving = setup.counters.filter((c) => c.services.some((x) => x.serviceId === s.id)).length;
        return {
          key: s.id,
          label: s.name,
          detail: `${s.tenantName} · ${serving === 0 ? t('belum ada loket', 'no counter yet') : t(`${serving} loket`, `${serving} counters`)}`,
          keywords: `${s.code} ${s.prefix}`,
        };
      }),
    [setup, t],
  );
  return (
    <>
      <p className="muted">{t('Pilih layanan untuk melihat dan mengubah loket yang memanggilnya.', 'Choose a service to see and change the counters that call it.')}</p>
      <MasterList
        items={items}
        selected={service?.id ?? null}
        onSelect={setSelected}
        label={t('Daftar layanan', 'Service list')}
        searchLabel={t('Cari layanan atau instansi', 'Search service or agency')}
        empty={<p>{t('Belum ada layanan.', 'No services yet.')}</p>}
      >
        {service && <ServiceCounters key={service.id} mppId={mppId} setup={setup} service={service} />}
      </MasterList>
    </>
  );
}

function ServiceCounters({ mppId, setup, service }: { mppId: string; setup: Setup; service: SetupService }) {
  const { t } = useI18n();
  const save = useSaveCounterServices(mppId);
  const counters = setup.counters.filter((c) => c.tenantId === service.tenantId);
  return (
    <div>
      <h2>{service.name}</h2>
      <p className="muted">
        {service.tenantName} · {t('awalan nomor', 'number prefix')} {service.prefix}
        {!service.active && ` · ${t('nonaktif', 'inactive')}`}
      </p>
      {counters.length === 0 && <p>{t('Instansi ini belum punya loket. Tambahkan di tab Loket.', 'This agency has no counter yet. Add one in the Counters tab.')}</p>}
      <ul className="qs-services">
        {counters.map((c) => {
          const own = c.services.find((x) => x.serviceId === service.id);
          return (
            <li key={c.id}>
              <label className="qs-check">
                <input
                  type="checkbox"
                  checked={!!own}
                  disabled={save.isPending}
                  onChange={(e) => {
                    const rest = c.services.filter((x) => x.serviceId !== service.id).map((x) => ({ serviceId: x.serviceId, weight: x.weight }));
                    save.mutate({ counter: c, services: e.target.checked ? [...rest, { serviceId: service.id, weight: 1 }] : rest });
                  }}
                />
                <span>
                  {counterLabel(c, t)}
                </span>
              </label>
              {own && <span className="muted">{t('bobot', 'weight')} {own.weight}</span>}
            </li>
          );
        })}
      </ul>
      <div aria-live="polite">
        {save.isSuccess && <p className="notice">{t('Tersimpan', 'Saved')}</p>}
        {save.isError && <p className="error" role="alert">{errorText(save.error)}</p>}
      </div>
    </div>
  );
}
