import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiQuery, client, unwrap } from '../api/client';
import { useI18n, type Bilingual } from '../i18n';
import type { Agreement } from './views';

const LIST = '/api/catalog/mpps/{mppId}/tenants/{tenantId}/agreements';
const STATUS: Record<Agreement['status'], Bilingual> = {
  draft: { id: 'Draf', en: 'Draft' },
  active: { id: 'Berlaku', en: 'In force' },
  terminated: { id: 'Diakhiri', en: 'Terminated' },
};

/**
 * An agency's MoU and PKS with their end date and status editable, so a PKS the home page says is
 * ending can be extended (or ended) where it is listed. MPP admins only.
 */
export function AgreementsEditor({ mppId, tenantId, onChanged }: { mppId: string; tenantId: string; onChanged(): void }) {
  const { t } = useI18n();
  const list = useQuery(apiQuery(LIST, { params: { path: { mppId, tenantId } } }));
  if (!list.data || list.data.length === 0) return null;
  return (
    <>
      <h3>{t('MoU / PKS yang tercatat', 'Recorded MoU / PKS')}</h3>
      <ul className="plain agreements-edit">
        {list.data.map((a) => <AgreementRow key={`${a.id}:${a.validUntil}:${a.status}`} mppId={mppId} agreement={a} onChanged={onChanged} />)}
      </ul>
    </>
  );
}

function AgreementRow({ mppId, agreement, onChanged }: { mppId: string; agreement: Agreement; onChanged(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [validUntil, setValidUntil] = useState(agreement.validUntil ?? '');
  const [status, setStatus] = useState(agreement.status);
  const changed = validUntil !== (agreement.validUntil ?? '') || status !== agreement.status;
  const label = `${agreement.kind.toUpperCase()} ${agreement.number}`;
  // The API replaces the whole record: send it as stored, with only the end date and status as edited here.
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT('/api/catalog/mpps/{mppId}/agreements/{agreementId}', {
          params: { path: { mppId, agreementId: agreement.id } },
          body: { kind: agreement.kind, number: agreement.number, signedOn: agreement.signedOn, note: agreement.note, validUntil: validUntil || null, status },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [LIST] });
      onChanged();
    },
  });
  return (
    <li>
      <form
        className="agreement-row"
        aria-label={label}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <strong>{label}</strong>
        <span className="muted small">{t('ditandatangani', 'signed')} {agreement.signedOn}</span>
        <label>{t('Berlaku sampai', 'Valid until')}<input type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} /></label>
        <label>{t('Status', 'Status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as Agreement['status'])}>
            {(Object.keys(STATUS) as Agreement['status'][]).map((s) => <option key={s} value={s}>{t(STATUS[s])}</option>)}
          </select>
        </label>
        <button type="submit" disabled={!changed || save.isPending}>{t('Simpan', 'Save')}</button>
        {agreement.expiry === 'expiring' && <span className="agreement-flag">{t('segera berakhir', 'ends soon')}</span>}
        {agreement.expiry === 'expired' && <span className="agreement-flag">{t('sudah berakhir', 'expired')}</span>}
        {save.isError && <span className="error" role="alert">{save.error.message}</span>}
      </form>
    </li>
  );
}
