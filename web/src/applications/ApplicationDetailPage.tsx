import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiQuery, client, unwrap } from '../api/client';
import type { BodyOf, ResponseOf } from '../api/types';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { dateTimeWithZone } from '../time';
import { ACTION, pick, PICKUP, STATUS } from './labels';
import { WalletOfferCard } from './WalletOfferCard';
import './applications.css';

type Action = 'check' | 'return_incomplete' | 'resubmit' | 'process' | 'mark_ready' | 'collect' | 'refuse';
type ActionBody = BodyOf<'/api/mpps/{mppId}/applications/{applicationId}/actions/{action}', 'post'>;

/** One application: checklist, the documents the applicant granted, the next steps and the history. */
export function ApplicationDetailPage() {
  const { applicationId = '' } = useParams();
  const { mppId } = useCurrentMpp();
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const key = apiQuery('/api/mpps/{mppId}/applications/{applicationId}', { params: { path: { mppId: mppId ?? '', applicationId } } });
  const detail = useQuery({ ...key, enabled: !!mppId });
  const [missing, setMissing] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [pickup, setPickup] = useState<'counter' | 'kiosk' | 'delivery'>('kiosk');
  const step = useMutation({
    mutationFn: (input: { action: Action; body: ActionBody }) =>
      unwrap(client.POST('/api/mpps/{mppId}/applications/{applicationId}/actions/{action}', { params: { path: { mppId: mppId!, applicationId, action: input.action } }, body: input.body })),
    onSuccess: (a) => {
      queryClient.setQueryData(key.queryKey, a);
      void queryClient.invalidateQueries({ queryKey: ['/api/mpps/{mppId}/applications'] });
    },
  });
  const a = detail.data;
  if (detail.error) return <p className="error" role="alert">{detail.error.message}</p>;
  if (!a) return <p>{t('Memuat…', 'Loading…')}</p>;
  const can = (x: Action) => a.allowedActions.includes(x);

  return (
    <div className="app-staff" data-testid="app-detail">
      <p><Link to="/staf/permohonan">← {t('Daftar permohonan', 'Applications')}</Link></p>
      <h1>{a.serviceName} <span className="mono">{a.trackingCode}</span></h1>
      <p>
        <span className={`app-status app-status-${a.status}`} data-testid="app-status">{pick(STATUS, a.status, t)}</span>
        {a.pickup && <> · {pick(PICKUP, a.pickup, t)}</>}
        {' · '}{t('Batas waktu', 'Due')} {dateTimeWithZone(a.dueAt, lang, a.timezone)}
        {a.overdue && <strong className="app-flag app-flag-overdue"> · {t('Terlambat', 'Overdue')}</strong>}
      </p>
      <p>{a.applicantName} · NIK {a.nikMasked}{a.contactPhone ? ` · ${a.contactPhone}` : ''}{a.contactEmail ? ` · ${a.contactEmail}` : ''}</p>

      <section className="card">
        <h2>{t('Persyaratan (Standar Pelayanan)', 'Requirements (service standard)')}</h2>
        <ul>
          {a.requirements.map((r) => (
            <li key={r.typeCode}>
              {can('return_incomplete') ? (
                <label>
                  <input type="checkbox" checked={missing.includes(r.typeCode)} onChange={(e) => setMissing(e.target.checked ? [...missing, r.typeCode] : missing.filter((m) => m !== r.typeCode))} />{' '}
                  {r.name} <span className="muted">({t('centang bila belum ada', 'tick if missing')})</span>
                </label>
              ) : (
                <>{r.name}{r.missing && <strong className="app-flag app-flag-soon"> · {t('kurang', 'missing')}</strong>}</>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="card">
        <h2>{t('Dokumen yang dibagikan pemohon', 'Documents the applicant shared')}</h2>
        {a.documents.length === 0 ? (
          <p className="muted" data-testid="no-documents">{t('Pemohon belum membagikan dokumen dari dompetnya untuk permohonan ini.', 'The applicant has not shared documents from their wallet for this application.')}</p>
        ) : (
          <ul data-testid="granted-documents">
            {a.documents.map((d) => (
              <li key={d.id}>
                <a href={`/api/mpps/${mppId}/applications/${a.id}/documents/${d.id}`} target="_blank" rel="noreferrer">{d.typeName}</a>{' '}
                <span className="muted">{d.fileName} · {t('izin sampai', 'granted until')} {dateTimeWithZone(d.grantedUntil, lang, a.timezone)}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">{t('Setiap pembukaan dokumen dicatat dan ditampilkan kepada pemohon.', 'Every opening of a document is logged and shown to the applicant.')}</p>
      </section>

      <ProductCard mppId={mppId!} applicationId={a.id} product={a.product} closed={a.allowedActions.length === 0} onDone={(d) => queryClient.setQueryData(key.queryKey, d)} />

      <WalletOfferCard mppId={mppId!} a={a} onDone={(d) => queryClient.setQueryData(key.queryKey, d)} />

      <section className="card app-actions" aria-labelledby="next-title">
        <h2 id="next-title">{t('Langkah berikutnya', 'Next step')}</h2>
        {a.allowedActions.length === 0 && <p className="muted">{t('Permohonan ini sudah selesai.', 'This application is closed.')}</p>}
        <div className="button-row">
          {(['check', 'resubmit', 'process', 'collect'] as const).filter(can).map((x) => (
            <button key={x} type="button" className="primary" onClick={() => step.mutate({ action: x, body: {} })} disabled={step.isPending}>{pick(ACTION, x, t)}</button>
          ))}
        </div>
        {can('return_incomplete') && (
          <button type="button" onClick={() => step.mutate({ action: 'return_incomplete', body: { missing } })} disabled={step.isPending || missing.length === 0}>
            {pick(ACTION, 'return_incomplete', t)} ({missing.length})
          </button>
        )}
        {can('mark_ready') && (
          <fieldset>
            <legend>{t('Diambil di mana?', 'Collected where?')}</legend>
            {(['counter', 'kiosk', 'delivery'] as const).map((p) => (
              <label key={p}><input type="radio" name="pickup" value={p} checked={pickup === p} onChange={() => setPickup(p)} /> {pick(PICKUP, p, t)} </label>
            ))}
            <button type="button" className="primary" onClick={() => step.mutate({ action: 'mark_ready', body: { pickup } })} disabled={step.isPending}>{pick(ACTION, 'mark_ready', t)}</button>
          </fieldset>
        )}
        {can('refuse') && (
          <fieldset>
            <legend>{t('Tolak dengan alasan', 'Refuse with a reason')}</legend>
            <textarea aria-label={t('Alasan penolakan', 'Reason for refusal')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="button" className="danger" onClick={() => step.mutate({ action: 'refuse', body: { reason } })} disabled={step.isPending}>{pick(ACTION, 'refuse', t)}</button>
          </fieldset>
        )}
        {step.error && <p className="error" role="alert">{[step.error.message, ...step.error.errors.map((x) => x.message)].join(' ')}</p>}
      </section>

      <section className="card">
        <h2>{t('Riwayat', 'History')}</h2>
        <ol className="timeline">
          {a.steps.map((s, i) => (
            <li key={i}>{dateTimeWithZone(s.at, lang, a.timezone)} · {pick(ACTION, s.action, t)} → {pick(STATUS, s.status, t)}{s.actor ? ` · ${s.actor}` : ''}{s.note ? ` · ${s.note}` : ''}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}

type Detail = ResponseOf<'/api/mpps/{mppId}/applications/{applicationId}'>;

/** The printable product (PDF) the kiosk prints when the applicant collects it there. */
function ProductCard({ mppId, applicationId, product, closed, onDone }: { mppId: string; applicationId: string; product: Detail['product']; closed: boolean; onDone: (d: Detail) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const attach = useMutation({
    mutationFn: () =>
      unwrap(client.PUT('/api/mpps/{mppId}/applications/{applicationId}/product', {
        params: { path: { mppId, applicationId }, query: { fileName: file!.name.slice(0, 200) } },
        body: file as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'content-type': 'application/pdf' },
      })),
    onSuccess: onDone,
  });
  return (
    <section className="card">
      <h2>{t('Hasil untuk dicetak di kios', 'Product to print at the kiosk')}</h2>
      {product ? <p data-testid="product-attached">{product.fileName} · {Math.ceil(product.sizeBytes / 1024)} KB</p> : <p className="muted">{t('Belum ada berkas hasil.', 'No product file yet.')}</p>}
      {!closed && (
        <form onSubmit={(e) => { e.preventDefault(); if (file) attach.mutate(); }}>
          <label htmlFor="product-file">{t('Berkas hasil (PDF)', 'Product file (PDF)')}</label>
          <input id="product-file" type="file" accept="application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <button type="submit" disabled={!file || attach.isPending}>{t('Lampirkan', 'Attach')}</button>
        </form>
      )}
      {attach.error && <p className="error" role="alert">{attach.error.message}</p>}
    </section>
  );
}
