import { useQuery } from '@tanstack/react-query';
import { apiQuery, type ApiData } from '../../api/client';
import { useI18n } from '../../i18n';
import { Pick } from '../../shell/Pick';
import './mpps.css';

export type Region = ApiData<'/api/public/regions'>[number];

/**
 * Province, then kabupaten/kota, both chosen by name from the Kemendagri region table (never a code
 * typed by hand). Calls `onChange` with the chosen regency (or null while only a province is chosen).
 */
export function RegionPicker({ value, onChange, disabled }: { value: string; onChange(region: Region | null): void; disabled?: boolean }) {
  const { t } = useI18n();
  const province = value.slice(0, 2);
  const provinces = useQuery({ ...apiQuery('/api/public/regions', { params: { query: { level: 'province' } } }), staleTime: Infinity });
  const regencies = useQuery({ ...apiQuery('/api/public/regions', { params: { query: { province, level: 'regency' } } }), enabled: province.length === 2, staleTime: Infinity });
  return (
    <fieldset className="region-picker" disabled={disabled}>
      <legend>{t('Wilayah', 'Region')}</legend>
      <Pick
        label={t('Provinsi', 'Province')}
        options={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
        value={province}
        placeholder={t('— pilih provinsi —', '— choose a province —')}
        onChange={(code) => onChange(code ? { ...(provinces.data ?? []).find((p) => p.code === code)!, code } : null)}
        required
      />
      <Pick
        label={t('Kabupaten/kota', 'Regency/city')}
        options={(regencies.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        value={value.length > 2 ? value : ''}
        placeholder={province ? t('— pilih kabupaten/kota —', '— choose a regency/city —') : t('pilih provinsi dulu', 'choose a province first')}
        onChange={(code) => onChange((regencies.data ?? []).find((r) => r.code === code) ?? null)}
        required
      />
    </fieldset>
  );
}
