import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { useI18n } from '../i18n';

/**
 * Before booking or applying: which of the service's requirements the signed-in citizen already keeps
 * in "Dokumen saya", and which are missing. Without a citizen session it only offers the wallet. Applying
 * online (with the choice of documents to share) is its own page, ApplyOnlinePage.
 */
export function WalletPrecheck({ mppId, serviceId }: { mppId: string; serviceId: string }) {
  const { t } = useI18n();
  const check = useQuery({
    queryKey: ['/api/citizen/me/precheck', mppId, serviceId],
    queryFn: async () => {
      try {
        return await unwrap(client.GET('/api/citizen/me/precheck/{mppId}/{serviceId}', { params: { path: { mppId, serviceId } } }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
  });
  if (check.isPending || check.isError) return null;
  if (check.data === null) {
    return <p className="small muted precheck"><Link to="/dokumen-saya">{t('Simpan persyaratan di Dokumen saya untuk dibagikan ke instansi', 'Keep requirements in My documents to share them with the agency')}</Link></p>;
  }
  const { requirements, missing } = check.data;
  if (requirements.length === 0 && !check.data.online) return null;
  return (
    <div className="card precheck" data-testid="wallet-precheck">
      <p><strong>{missing === 0 ? t('Semua persyaratan sudah ada di Dokumen saya.', 'Every requirement is in My documents.') : t(`${requirements.length - missing} dari ${requirements.length} persyaratan sudah ada di Dokumen saya.`, `${requirements.length - missing} of ${requirements.length} requirements are in My documents.`)}</strong></p>
      <ul>
        {requirements.map((r) => (
          <li key={r.typeCode} data-testid={`precheck-${r.typeCode}`}>{r.inWallet ? '✓' : '✗'} {r.name} — {r.inWallet ? t('ada', 'kept') : t('belum ada', 'missing')}</li>
        ))}
      </ul>
      {missing > 0 && <Link to="/dokumen-saya">{t('Tambahkan yang belum ada', 'Add what is missing')}</Link>}
    </div>
  );
}
