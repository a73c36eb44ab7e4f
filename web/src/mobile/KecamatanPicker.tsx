import { useId, useState } from 'react';
import { useI18n } from '../i18n';

export interface KecamatanOption {
  code: string;
  name: string;
  /** Its desa/kelurahan in the shipped region data, by name. */
  villages: { code: string; name: string }[];
}

/** Lower-case letters and digits only, so "batur raden" finds "Baturraden" and "33.02.1" finds by code. */
const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Chooses a stop's kecamatan from those of the MPP's kabupaten/kota in the shipped region data: a search
 * box narrows the list by name or code, the list holds the choice. Nothing is typed into the stop itself,
 * so a kecamatan outside the kabupaten/kota or misspelt cannot be chosen.
 */
export function KecamatanPicker({ options, regionName, value, onChange, error }: { options: KecamatanOption[]; regionName: string | null; value: string; onChange: (code: string) => void; error?: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const listId = useId();
  const q = plain(query);
  const matches = q ? options.filter((k) => plain(k.name).includes(q) || plain(k.code).startsWith(q)) : options;
  // The chosen one stays listed while another search narrows the list, so the choice never vanishes.
  const shown = value && !matches.some((k) => k.code === value) ? [...options.filter((k) => k.code === value), ...matches] : matches;
  const region = regionName ?? t('kabupaten/kota MPP', 'the MPP’s kabupaten/kota');
  return (
    <>
      <label>
        {t('Cari kecamatan', 'Search kecamatan')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('Nama atau kode', 'Name or code')} aria-controls={listId} autoComplete="off" />
        {q && matches.length === 0 && <span className="muted small" role="status">{t(`Tidak ada kecamatan "${query}" di ${region}.`, `No kecamatan "${query}" in ${region}.`)}</span>}
      </label>
      <label>
        {t(`Kecamatan (${options.length} di ${region})`, `Kecamatan (${options.length} in ${region})`)}
        <select id={listId} value={value} onChange={(e) => onChange(e.target.value)} required aria-invalid={!!error}>
          <option value="">{q ? t(`— ${matches.length} cocok, pilih —`, `— ${matches.length} match, choose —`) : t('— Pilih kecamatan —', '— Choose a kecamatan —')}</option>
          {shown.map((k) => <option key={k.code} value={k.code}>{k.name} ({k.code})</option>)}
        </select>
        {error && <span className="error small">{error}</span>}
      </label>
    </>
  );
}

/**
 * Chooses the stop's desa/kelurahan (optional) among those of the chosen kecamatan in the shipped region
 * data; empty until a kecamatan is chosen.
 */
export function VillageSelect({ kecamatan, value, onChange, error }: { kecamatan: KecamatanOption | undefined; value: string; onChange: (code: string) => void; error?: string }) {
  const { t } = useI18n();
  const villages = kecamatan?.villages ?? [];
  return (
    <label className="grid-wide">
      {kecamatan ? t(`Desa/kelurahan (opsional, ${villages.length} di Kec. ${kecamatan.name})`, `Village (optional, ${villages.length} in Kec. ${kecamatan.name})`) : t('Desa/kelurahan (opsional)', 'Village (optional)')}
      <select value={value} onChange={(e) => onChange(e.target.value)} disabled={!kecamatan} aria-invalid={!!error}>
        <option value="">{kecamatan ? t('— Tanpa desa/kelurahan —', '— No village —') : t('— Pilih kecamatan dahulu —', '— Choose a kecamatan first —')}</option>
        {villages.map((v) => <option key={v.code} value={v.code}>{v.name} ({v.code})</option>)}
      </select>
      {error && <span className="error small">{error}</span>}
    </label>
  );
}
