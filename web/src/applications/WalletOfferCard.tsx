import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiQuery, client, unwrap } from '../api/client';
import type { ResponseOf } from '../api/types';
import { useI18n } from '../i18n';
import { dateTimeWithZone } from '../time';
import { OFFER_STATUS, pick } from './labels';

type Detail = ResponseOf<'/api/mpps/{mppId}/applications/{applicationId}'>;

/**
 * The agency sends a document (e.g. the issued certificate) to the applicant's wallet. It waits for
 * the applicant's consent; the card shows where each one stands.
 */
export function WalletOfferCard({ mppId, a, onDone }: { mppId: string; a: Detail; onDone: (d: Detail) => void }) {
  const { t, lang } = useI18n();
  const types = useQuery(apiQuery('/api/requirement-types'));
  const [typeCode, setTypeCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // Remounts the form after a send so the file input is empty again.
  const [sent, setSent] = useState(0);
  const send = useMutation({
    mutationFn: () =>
      unwrap(client.POST('/api/mpps/{mppId}/applications/{applicationId}/wallet-offers', {
        params: { path: { mppId, applicationId: a.id }, query: { typeCode, fileName: file!.name.slice(0, 200) } },
        body: file as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        // The server decides the type by content, not by this header.
        headers: { 'content-type': 'application/octet-stream' },
      })),
    onSuccess: (d) => {
      setFile(null);
      setTypeCode('');
      setSent((n) => n + 1);
      onDone(d);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (file && typeCode) send.mutate();
  }
  const names = new Map(types.data?.map((x) => [x.code, x.name]));
  return (
    <section className="card wallet-upload" aria-labelledby="offer-title" data-testid="wallet-offers">
      <h2 id="offer-title">{t('Kirim dokumen ke dompet pemohon', "Send a document to the applicant's wallet")}</h2>
      <p className="muted small">{t('Dokumen masuk ke "Dokumen saya" pemohon hanya bila pemohon menyetujuinya (30 hari); bila tidak, salinannya dihapus.', 'The document enters the applicant\'s "My documents" only if they accept it (30 days); otherwise the copy is deleted.')}</p>
      {a.offers.length > 0 && (
        <ul>
          {a.offers.map((o) => (
            <li key={o.id} data-testid={`offer-${o.typeCode}`}>
              {names.get(o.typeCode) ?? o.typeCode} · {o.fileName} · <strong>{pick(OFFER_STATUS, o.status, t)}</strong>{' '}
              <span className="muted">({dateTimeWithZone(o.decidedAt ?? o.offeredAt, lang, a.timezone)})</span>
            </li>
          ))}
        </ul>
      )}
      {a.status !== 'refused' && (
        <form key={sent} onSubmit={submit}>
          <label htmlFor="offer-type">{t('Jenis dokumen', 'Document type')}</label>
          <select id="offer-type" value={typeCode} onChange={(e) => setTypeCode(e.target.value)}>
            <option value="">{t('— pilih —', '— choose —')}</option>
            {types.data?.map((ty) => <option key={ty.code} value={ty.code}>{ty.name}</option>)}
          </select>
          <label htmlFor="offer-file">{t('Berkas (PDF, JPEG atau PNG, maks. 5 MB)', 'File (PDF, JPEG or PNG, max. 5 MB)')}</label>
          <input id="offer-file" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <button type="submit" disabled={!file || !typeCode || send.isPending}>{t('Kirim untuk disetujui', 'Send for consent')}</button>
        </form>
      )}
      {send.error && <p className="error" role="alert">{send.error.message}</p>}
    </section>
  );
}
