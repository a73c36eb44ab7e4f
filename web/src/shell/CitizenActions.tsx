import { Link } from 'react-router';
import { useI18n } from '../i18n';

/**
 * Every citizen function one step away (issue 11): the same list on the home page and on each MPP
 * page. Actions that need an MPP open it already chosen; without one they lead to the directory.
 */
export function CitizenActions({ mpp, searchTarget }: { mpp: { id: string; slug: string } | null; searchTarget: string }) {
  const { t } = useI18n();
  const needMpp = (to: string) => (mpp ? to : '/mpp');
  const items: { to: string; label: string; hint: string; testId: string }[] = [
    { to: searchTarget, label: t('Cari layanan', 'Find a service'), hint: t('Syarat, biaya, lama', 'Requirements, fee, time'), testId: 'act-search' },
    { to: needMpp(`/antrean-online/${mpp?.id}`), label: t('Ambil antrean online', 'Take a number online'), hint: t('Untuk hari ini', 'For today'), testId: 'act-ticket' },
    { to: mpp ? `/booking?mpp=${mpp.id}` : '/booking', label: t('Booking jadwal', 'Book a time'), hint: t('Pilih hari dan jam', 'Pick a day and time'), testId: 'act-book' },
    { to: '/booking/cari', label: t('Booking saya', 'My bookings'), hint: t('Lihat, ubah, batalkan', 'View, move, cancel'), testId: 'act-my-bookings' },
    { to: needMpp(`/pengaduan/${mpp?.slug}`), label: t('Ajukan pengaduan', 'File a complaint'), hint: t('Boleh tanpa nama', 'Anonymous allowed'), testId: 'act-complain' },
    { to: '/lacak', label: t('Lacak pengaduan', 'Track a complaint'), hint: t('Dengan kode lacak', 'With its tracking code'), testId: 'act-track' },
    { to: '/lacak-konsultasi', label: t('Lacak konsultasi', 'Track a consultation'), hint: t('Jawaban instansi', "The agency's answer"), testId: 'act-track-consultation' },
    { to: '/permohonan', label: t('Lacak permohonan', 'Track an application'), hint: t('Dokumen saya sudah jadi?', 'Is my document ready?'), testId: 'act-track-application' },
    { to: '/dokumen-saya', label: t('Dokumen saya', 'My documents'), hint: t('KTP-el, KK, akta: simpan sekali', 'KTP-el, KK, certificates: keep once'), testId: 'act-wallet' },
    { to: '/survei', label: t('Isi survei kepuasan', 'Rate a service'), hint: t('Kode di tiket Anda', 'Code on your ticket'), testId: 'act-survey' },
    { to: '/layanan-saya', label: t('Layanan saya', 'My services'), hint: t('Masuk dengan kode sekali pakai', 'Sign in with a one-time code'), testId: 'act-mine' },
  ];
  return (
    <nav className="citizen-actions" aria-label={t('Apa yang ingin Anda lakukan?', 'What would you like to do?')}>
      <ul>
        {items.map((i) => (
          <li key={i.testId}>
            <Link to={i.to} data-testid={i.testId}>
              <span className="act-label">{i.label}</span>
              <span className="act-hint">{i.hint}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
