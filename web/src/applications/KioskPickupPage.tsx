import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { bearer, deviceToken } from '../queue/device';
import './applications.css';

/**
 * Anjungan mandiri: a citizen collects a ready application at the kiosk with its code and their NIK,
 * confirmed by a one-time code sent to the phone on record (/kios/:mppId/ambil).
 */
export function KioskPickupPage() {
  const { mppId = '' } = useParams();
  const { t } = useI18n();
  const [token] = useState(() => deviceToken('kiosk', mppId));
  const [code, setCode] = useState('');
  const [nik, setNik] = useState('');
  const [otp, setOtp] = useState('');
  const headers = bearer(token);

  const start = useMutation({
    mutationFn: () => unwrap(client.POST('/api/mpps/{mppId}/pickup/start', { params: { path: { mppId } }, body: { code, nik }, headers })),
  });
  const collect = useMutation({
    mutationFn: () => unwrap(client.POST('/api/mpps/{mppId}/pickup/collect', { params: { path: { mppId } }, body: { code, nik, otp }, headers })),
  });
  // The product PDF goes to the kiosk's printer through a hidden frame; the page never navigates away.
  const print = useMutation({
    mutationFn: async () => {
      const { data } = await client.POST('/api/mpps/{mppId}/pickup/product', { params: { path: { mppId } }, body: { code, nik }, headers, parseAs: 'blob' });
      const url = URL.createObjectURL(data as Blob);
      const frame = document.createElement('iframe');
      frame.hidden = true;
      frame.src = url;
      frame.onload = () => frame.contentWindow?.print();
      document.body.appendChild(frame);
      return url;
    },
  });
  const error = print.error ?? collect.error ?? start.error;

  function reset() {
    setCode('');
    setNik('');
    setOtp('');
    start.reset();
    collect.reset();
    print.reset();
  }

  return (
    <main id="main" className="pickup-kiosk">
      <h1>{t('Ambil dokumen', 'Collect a document')}</h1>
      {collect.data ? (
        <div className="pickup-done" role="status" data-testid="pickup-done">
          <p><strong>{collect.data.serviceName}</strong></p>
          <p>{t('Sudah diambil. Terima kasih!', 'Collected. Thank you!')} <span className="mono">{collect.data.trackingCode}</span></p>
          {collect.data.hasProduct && (
            <button type="button" className="kiosk-button primary" onClick={() => print.mutate()} disabled={print.isPending} data-testid="pickup-print">
              {print.isSuccess ? t('Dicetak', 'Printed') : t('Cetak dokumen', 'Print the document')}
            </button>
          )}
          <button type="button" className="kiosk-button" onClick={reset}>{t('Selesai', 'Done')}</button>
        </div>
      ) : !start.data ? (
        <form onSubmit={(e: FormEvent) => { e.preventDefault(); start.mutate(); }}>
          <p>{t('Ketik kode permohonan dan NIK Anda. Kode sekali pakai dikirim ke ponsel yang tercatat.', 'Type the application code and your NIK. A one-time code is sent to the phone on record.')}</p>
          <label htmlFor="pickup-code">{t('Kode permohonan', 'Application code')}</label>
          <input id="pickup-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="XXXX-XXXX-XXXX" />
          <label htmlFor="pickup-nik">NIK</label>
          <input id="pickup-nik" value={nik} onChange={(e) => setNik(e.target.value.replace(/\D/g, '').slice(0, 16))} inputMode="numeric" autoComplete="off" />
          <button type="submit" className="kiosk-button primary" disabled={start.isPending}>{t('Kirim kode ke ponsel saya', 'Send a code to my phone')}</button>
        </form>
      ) : (
        <form onSubmit={(e: FormEvent) => { e.preventDefault(); collect.mutate(); }}>
          <p><strong>{start.data.serviceName}</strong> <span className="mono">{start.data.trackingCode}</span></p>
          <p>{t(`Kode sekali pakai dikirim ke ${start.data.phoneMasked}.`, `A one-time code was sent to ${start.data.phoneMasked}.`)}</p>
          <label htmlFor="pickup-otp">{t('Kode sekali pakai (6 angka)', 'One-time code (6 digits)')}</label>
          <input id="pickup-otp" value={otp} onChange={(e) => setOtp(e.target.value.replace(/\D/g, '').slice(0, 6))} inputMode="numeric" autoComplete="one-time-code" />
          <button type="submit" className="kiosk-button primary" disabled={collect.isPending}>{t('Ambil sekarang', 'Collect now')}</button>
        </form>
      )}
      {error && <p className="error" role="alert">{error.message}</p>}
      <Link className="kiosk-button" to={`/kios/${mppId}`} onClick={reset}>← {t('Kembali ke kios', 'Back to the kiosk')}</Link>
    </main>
  );
}
