import { useNavigate } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n';
import './mobile.css';

/**
 * "Layanan keliling" on the home page: pick your kecamatan and see what comes there next. The list
 * holds only kecamatan with stops to come, named as the shipped region data names them.
 */
export function MobileTeaser() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const kecamatan = useApiQuery('/api/mobile/kecamatan');
  if (!kecamatan.data?.length) return null;
  return (
    <section className="mobile-teaser" aria-labelledby="keliling-judul">
      <h2 id="keliling-judul">{t('Layanan keliling', 'Mobile services')}</h2>
      <p className="muted small">{t('Mobil layanan MPP datang ke kecamatan Anda: KTP-el, KK, SIM, pajak kendaraan dan lainnya.', 'MPP service vehicles come to your kecamatan: ID cards, family cards, driving licences, vehicle tax and more.')}</p>
      <label htmlFor="home-kecamatan">{t('Kecamatan Anda', 'Your kecamatan')}</label>
      <select id="home-kecamatan" value="" onChange={(e) => e.target.value && void navigate(`/keliling?kecamatan=${e.target.value}`)}>
        <option value="">{t('— Pilih kecamatan —', '— Choose a kecamatan —')}</option>
        {kecamatan.data.map((k) => (
          <option key={k.code} value={k.code}>{k.name}{k.regencyName ? ` (${k.regencyName})` : ''}</option>
        ))}
      </select>
    </section>
  );
}
