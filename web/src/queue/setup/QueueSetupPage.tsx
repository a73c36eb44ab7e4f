import type { ComponentType } from 'react';
import { useCurrentMpp } from '../../current-mpp';
import { useI18n, type Bilingual } from '../../i18n';
import { Tabs } from '../../ui/Tabs';
import '../../ui/ui.css';
import '../queue.css';
import { PauseReasonsPanel } from '../PauseReasonsPanel';
import './setup.css';
import { CounterServicesTab } from './CounterServicesTab';
import { CountersTab } from './CountersTab';
import { useSetup, type Setup } from './data';
import { HoursTab } from './HoursTab';
import { PriorityTab } from './PriorityTab';
import { QuotaTab } from './QuotaTab';
import { RulesTab } from './RulesTab';
import { ServiceCountersTab } from './ServiceCountersTab';
import { ZonesTab } from './ZonesTab';

export interface SetupPanelProps {
  mppId: string;
  setup: Setup;
}

export interface SetupTab {
  key: string;
  label: Bilingual;
  /** Only for those who run the whole MPP (MPP and national admins); agency admins do not see it. */
  mppWide: boolean;
  /** The panel; null leaves the slot empty (the tab is not shown) until its panel is mounted. */
  Panel: ComponentType<SetupPanelProps> | null;
}

/**
 * The tabs of the queue set-up, in order. Each is one screen's worth; the page never lists every
 * counter x every service at once. "Alasan jeda" holds the pause reasons panel
 * (web/src/queue/PauseReasonsPanel) officers pick from when they pause a counter.
 */
export const SETUP_TABS: SetupTab[] = [
  { key: 'per-loket', label: { id: 'Layanan per loket', en: 'Services per counter' }, mppWide: false, Panel: CounterServicesTab },
  { key: 'per-layanan', label: { id: 'Loket per layanan', en: 'Counters per service' }, mppWide: false, Panel: ServiceCountersTab },
  { key: 'loket', label: { id: 'Loket', en: 'Counters' }, mppWide: false, Panel: ({ mppId, setup }) => <CountersTab mppId={mppId} canCreate tenantIds={setup.mppWide ? null : new Set(setup.services.map((s) => s.tenantId))} /> },
  { key: 'kuota', label: { id: 'Kuota harian', en: 'Daily quotas' }, mppWide: false, Panel: QuotaTab },
  { key: 'jam', label: { id: 'Jam layanan', en: 'Opening hours' }, mppWide: false, Panel: HoursTab },
  { key: 'prioritas', label: { id: 'Kelas prioritas', en: 'Priority classes' }, mppWide: true, Panel: ({ mppId }) => <PriorityTab mppId={mppId} /> },
  { key: 'aturan', label: { id: 'Aturan antrean', en: 'Queue rules' }, mppWide: true, Panel: ({ mppId }) => <RulesTab mppId={mppId} /> },
  { key: 'zona', label: { id: 'Zona & lajur', en: 'Zones & lanes' }, mppWide: true, Panel: ZonesTab },
  { key: 'alasan-jeda', label: { id: 'Alasan jeda', en: 'Pause reasons' }, mppWide: true, Panel: ({ mppId }) => <PauseReasonsPanel mppId={mppId} /> },
];

/** /staf/antrean: the queue set-up of the current MPP, one tab at a time. */
export function QueueSetupPage() {
  const { t } = useI18n();
  const mppId = useCurrentMpp().mppId ?? '';
  const setup = useSetup(mppId);
  if (!mppId) return <p>{t('Akun Anda tidak terhubung ke MPP mana pun.', 'Your account is not linked to any MPP.')}</p>;
  if (setup.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (setup.isError) return <p className="error" role="alert">{setup.error.message}</p>;
  const tabs = SETUP_TABS.filter((tab) => tab.Panel && (setup.data.mppWide || !tab.mppWide));
  return (
    <section className="queue-setup">
      <h1>{t('Pengaturan antrean', 'Queue set-up')}</h1>
      <p className="muted">{t('Perubahan berlaku untuk panggilan berikutnya.', 'Changes apply to the next call.')}</p>
      <Tabs tabs={tabs} label={t('Bagian pengaturan antrean', 'Queue set-up sections')}>
        {(key) => {
          const Panel = tabs.find((tab) => tab.key === key)?.Panel;
          return Panel ? <Panel mppId={mppId} setup={setup.data} /> : null;
        }}
      </Tabs>
    </section>
  );
}
