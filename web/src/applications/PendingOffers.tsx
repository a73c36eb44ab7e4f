import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiQuery, client, unwrap } from '../api/client';
import { citizenCsrf } from '../citizen/browser';
import { useI18n } from '../i18n';
import { dateTimeWithZone } from '../time';

/**
 * Documents an agency sent for the citizen's wallet (e.g. an issued certificate), waiting for consent:
 * accepted, it joins "Dokumen tersimpan"; declined, the agency's copy is deleted.
 */
export function PendingOffers() {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const offers = useQuery({ ...apiQuery('/api/citizen/me/offers'), refetchOnMount: 'always' });
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['/api/citizen/me/offers'] }),
    queryClient.invalidateQueries({ queryKey: ['/api/citizen/me/documents'] }),
  ]);
  const decide = useMutation({
    mutationFn: (input: { offerId: string; accept: boolean }) =>
      input.accept
        ? unwrap(client.POST('/api/citizen/me/offers/{offerId}/accept', { params: { path: { offerId: input.offerId } }, headers: citizenCsrf() }))
        : unwrap(client.POST('/api/citizen/me/offers/{offerId}/decline', { params: { path: { offerId: input.offerId } }, headers: citizenCsrf() })),
    onSettled: refresh,
  });
  const pending = offers.data?.filter((o) => o.status === 'pending') ?? [];
  if (!pending.length && !decide.error) return null;
  return (
    <section aria-labelledby="offers-title" data-testid="pending-offers">
      <h2 id="offers-title">{t('Menunggu persetujuan Anda', 'Waiting for your consent')}</h2>
      {pending.map((o) => (
        <article key={o.id} className="card wallet-doc" data-testid={`offer-${o.typeCode}`}>
          <h3>{o.typeName}</h3>
          <p>{t(`${o.tenantName} mengirim dokumen ini untuk permohonan ${o.applicationCode} (${o.serviceName}).`, `${o.tenantName} sent this document for application ${o.applicationCode} (${o.serviceName}).`)}</p>
          <p className="muted">{o.fileName} · {Math.ceil(o.sizeBytes / 1024)} KB · {t('setujui sebelum', 'accept before')} {dateTimeWithZone(o.expiresAt, lang, o.timezone)}</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => decide.mutate({ offerId: o.id, accept: true })} disabled={decide.isPending}>{t('Simpan di dompet', 'Keep in my wallet')}</button>
            <button type="button" onClick={() => decide.mutate({ offerId: o.id, accept: false })} disabled={decide.isPending}>{t('Tolak', 'Decline')}</button>
          </div>
        </article>
      ))}
      {decide.error && <p className="error" role="alert">{decide.error.message}</p>}
    </section>
  );
}
