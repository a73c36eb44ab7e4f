import { useState } from 'react';
import { LoadState, useApiQuery } from '../api/hooks';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { Tabs } from '../ui/Tabs';
import { StopEditor } from './StopEditor';
import { StopsTable } from './StopsAdmin';
import { UnitsPanel } from './UnitsAdmin';
import type { StopView } from './views';
import '../ui/ui.css';
import './mobile.css';

/** /staf/keliling: the MPP admin's mobile units and their schedule of stops. */
export function MobileAdminPage() {
  const { t } = useI18n();
  const { mppId } = useCurrentMpp();
  const options = useApiQuery('/api/mpps/{mppId}/mobile/options', mppId ? { params: { path: { mppId } } } : null);
  const units = useApiQuery('/api/mpps/{mppId}/mobile/units', mppId ? { params: { path: { mppId } } } : null);
  const [editing, setEditing] = useState<StopView | 'new' | null>(null);
  if (!mppId) return null;
  return (
    <section className="mobile-admin">
      <h1>{t('Layanan keliling', 'Mobile services')}</h1>
      <LoadState query={options}>
        {(o) => (
          <p className="muted">
            {o.region
              ? t(`Persinggahan berada di salah satu kecamatan ${o.region.name} (data wilayah Kemendagri bawaan); desa/kelurahan dipilih dari kecamatan itu.`, `Stops lie in one of the kecamatan of ${o.region.name} (the shipped Kemendagri region data); the village is chosen from that kecamatan.`)
              : t('MPP ini belum memiliki kabupaten/kota; isi wilayah di Katalog > Profil MPP sebelum menjadwalkan.', 'This MPP has no kabupaten/kota yet; set it in Catalog > MPP profile before scheduling.')}
          </p>
        )}
      </LoadState>
      <Tabs label={t('Layanan keliling', 'Mobile services')} tabs={[{ key: 'jadwal', label: { id: 'Jadwal persinggahan', en: 'Schedule of stops' } }, { key: 'unit', label: { id: 'Unit dan awak', en: 'Units and crew' } }]}>
        {(tab) =>
          tab === 'unit' ? (
            options.data && units.data ? <UnitsPanel mppId={mppId} units={units.data} options={options.data} /> : null
          ) : (
            <>
              {editing === null && (
                <button type="button" className="primary" onClick={() => setEditing('new')}>{t('Tambah persinggahan', 'Add a stop')}</button>
              )}
              {editing !== null && options.data && units.data && (
                <StopEditor mppId={mppId} options={options.data} units={units.data} stop={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
              )}
              <StopsTable mppId={mppId} onEdit={(s) => setEditing(s)} />
            </>
          )
        }
      </Tabs>
    </section>
  );
}
