import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { apiQuery, client, unwrap, type ApiData } from '../api/client';
import { ApiError } from '../api/problem';
import { citizenCsrf } from '../citizen/browser';
import { SignInForm } from '../citizen/SignInForm';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { dateTimeWithZone } from '../time';
import { pick, STATUS } from './labels';
import { PendingOffers } from './PendingOffers';
import './applications.css';

type Doc = ApiData<'/api/citizen/me/documents'>[number];
type MyApp = ApiData<'/api/citizen/me/applications'>[number];

/** The signed-in citizen, or null (401 means simply "not signed in"). */
export function useCitizenSignedIn() {
  return useQuery({
    queryKey: ['/api/citizen', 'session'],
    queryFn: async () => {
      try {
        return await unwrap(client.GET('/api/citizen/session'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
  });
}

/**
 * "Dokumen saya" (issue 15): the citizen's document wallet. Upload requirement documents once, share
 * the ones an application needs with the agency handling it for a limited time, revoke or delete, and
 * see every time an agency read one.
 */
export function WalletPage() {
  const { t } = useI18n();
  const citizen = useCitizenSignedIn();
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main app-public">
        <h1>{t('Dokumen saya', 'My documents')}</h1>
        {citizen.isPending && <p>{t('Memuat…', 'Loading…')}</p>}
        {citizen.error && <p className="error" role="alert">{citizen.error.message}</p>}
        {citizen.data === null && (
          <>
            <p>{t('Simpan KTP-el, KK, akta dan pas foto sekali, lalu bagikan ke instansi hanya untuk permohonan Anda.', 'Keep your KTP-el, KK, certificates and photo once, then share them with an agency only for your application.')}</p>
            <section className="card"><SignInForm /></section>
          </>
        )}
        {citizen.data && <Wallet />}
      </main>
    </>
  );
}

function Wallet() {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  // Opened again after a visit to the counter, the page must show what changed meanwhile.
  const fresh = { refetchOnMount: 'always', refetchInterval: 30_000 } as const;
  const docs = useQuery({ ...apiQuery('/api/citizen/me/documents'), ...fresh });
  const apps = useQuery({ ...apiQuery('/api/citizen/me/applications'), ...fresh });
  const log = useQuery({ ...apiQuery('/api/citizen/me/access-log'), ...fresh });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/api/citizen/me/documents'] })
    .then(() => queryClient.invalidateQueries({ queryKey: ['/api/citizen/me/applications'] }));

  const grant = useMutation({
    mutationFn: (input: { applicationCode: string; documentIds: string[] }) => unwrap(client.POST('/api/citizen/me/grants', { body: { ...input, days: 30 }, headers: citizenCsrf() })),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (grantId: string) => unwrap(client.DELETE('/api/citizen/me/grants/{grantId}', { params: { path: { grantId } }, headers: citizenCsrf() })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (documentId: string) => unwrap(client.DELETE('/api/citizen/me/documents/{documentId}', { params: { path: { documentId } }, headers: citizenCsrf() })),
    onSuccess: refresh,
  });
  const error = grant.error ?? revoke.error ?? remove.error ?? apps.error ?? docs.error ?? log.error;

  return (
    <>
      <section aria-labelledby="apps-title">
        <h2 id="apps-title">{t('Permohonan saya', 'My applications')}</h2>
        {apps.data?.length === 0 && <p className="muted">{t('Belum ada permohonan dengan nomor atau email ini.', 'No applications under this number or email yet.')}</p>}
        {apps.data?.map((a) => <AppCard key={a.id} a={a} docs={docs.data ?? []} onShare={(ids) => grant.mutate({ applicationCode: a.trackingCode, documentIds: ids })} busy={grant.isPending} />)}
      </section>
      {error && <p className="error" role="alert">{error.message}</p>}
      <PendingOffers />

      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t('Dokumen tersimpan', 'Stored documents')}</h2>
        {docs.data?.length === 0 && <p className="muted">{t('Belum ada dokumen.', 'No documents yet.')}</p>}
        <ul className="wallet-list" data-testid="wallet-docs">
          {docs.data?.map((d) => (
            <li key={d.id} className="card wallet-doc" data-testid={`doc-${d.typeCode}`}>
              <h3>{d.typeName}</h3>
              {d.fromAgency && <p>{t(`Dari ${d.fromAgency}`, `From ${d.fromAgency}`)}</p>}
              <p className="muted">{d.fileName} · {Math.ceil(d.sizeBytes / 1024)} KB · {dateTimeWithZone(d.createdAt, lang, apps.data?.[0]?.timezone)}</p>
              {d.grants.filter((g) => g.live).map((g) => (
                <p key={g.id}>
                  {t(`Dibagikan ke ${g.tenantName} (${g.applicationCode}) sampai`, `Shared with ${g.tenantName} (${g.applicationCode}) until`)}{' '}
                  {dateTimeWithZone(g.expiresAt, lang, apps.data?.find((a) => a.trackingCode === g.applicationCode)?.timezone)}{' '}
                  <button type="button" onClick={() => revoke.mutate(g.id)} disabled={revoke.isPending}>{t('Cabut izin', 'Revoke')}</button>
                </p>
              ))}
              <div className="button-row">
                <a href={`/api/citizen/me/documents/${d.id}`} target="_blank" rel="noreferrer">{t('Lihat', 'View')}</a>{' '}
                <button type="button" className="danger" onClick={() => remove.mutate(d.id)} disabled={remove.isPending}>{t('Hapus', 'Delete')}</button>
              </div>
            </li>
          ))}
        </ul>
        <Upload onDone={() => void refresh()} />
      </section>

      <section aria-labelledby="log-title" className="card">
        <h2 id="log-title">{t('Siapa yang melihat dokumen Anda', 'Who viewed your documents')}</h2>
        {log.data?.length === 0 && <p className="muted">{t('Belum ada instansi yang membuka dokumen Anda.', 'No agency has opened your documents yet.')}</p>}
        <ul className="wallet-log" data-testid="access-log">
          {log.data?.map((e, i) => (
            <li key={i}>
              {e.outcome === 'allowed'
                ? t(`${e.tenantName} melihat ${e.typeName} Anda pada ${dateTimeWithZone(e.at, lang, e.timezone)}`, `${e.tenantName} viewed your ${e.typeName} on ${dateTimeWithZone(e.at, lang, e.timezone)}`)
                : t(`${e.tenantName} mencoba membuka ${e.typeName} Anda tanpa izin pada ${dateTimeWithZone(e.at, lang, e.timezone)} (ditolak)`, `${e.tenantName} tried to open your ${e.typeName} without a grant on ${dateTimeWithZone(e.at, lang, e.timezone)} (refused)`)}
            </li>
          ))}
        </ul>
      </section>
      <p><Link to="/layanan-saya">{t('← Layanan saya', '← My services')}</Link></p>
    </>
  );
}

function AppCard({ a, docs, onShare, busy }: { a: MyApp; docs: Doc[]; onShare: (ids: string[]) => void; busy: boolean }) {
  const { t, lang } = useI18n();
  const closed = a.status === 'collected' || a.status === 'refused';
  return (
    <article className="card wallet-app" data-testid="my-application">
      <h3>{a.serviceName}</h3>
      <p className="muted">{a.tenantName} · {a.mppName} · <Link to={`/permohonan/${a.trackingCode}`} className="mono">{a.trackingCode}</Link></p>
      <p>{t('Status', 'Status')}: <strong>{pick(STATUS, a.status, t)}</strong> · {t('batas waktu', 'due')} {dateTimeWithZone(a.dueAt, lang, a.timezone)}</p>
      {a.requirements.map((r) => {
        const doc = docs.find((d) => d.typeCode === r.typeCode);
        return (
          <div key={r.typeCode} className="wallet-req">
            <span>{r.name}</span>
            {r.granted ? (
              <span className="ok">{t('Dibagikan', 'Shared')}</span>
            ) : doc && !closed ? (
              <button type="button" onClick={() => onShare([doc.id])} disabled={busy} data-testid={`share-${r.typeCode}`}>
                {t(`Bagikan ke ${a.tenantName}`, `Share with ${a.tenantName}`)}
              </button>
            ) : (
              <span className="no">{doc ? t('Ada di dompet', 'In the wallet') : t('Belum ada di dompet', 'Not in the wallet')}</span>
            )}
          </div>
        );
      })}
    </article>
  );
}

function Upload({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const types = useQuery(apiQuery('/api/requirement-types'));
  const [typeCode, setTypeCode] = useState('KK');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new ApiError(400, 'wallet_file_missing', t('Pilih berkas dokumen untuk diunggah.', 'Choose a document file to upload.'));
      // The raw file is the body; the server decides its type by content, not by this header.
      return unwrap(client.POST('/api/citizen/me/documents', {
        params: { query: { typeCode, fileName: file.name.slice(0, 200) } },
        body: file as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { ...citizenCsrf(), 'content-type': 'application/octet-stream' },
      }));
    },
    onSuccess: () => {
      setFile(null);
      onDone();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    upload.mutate();
  }
  return (
    <form className="card wallet-upload" onSubmit={submit}>
      <h3>{t('Tambah dokumen', 'Add a document')}</h3>
      <label htmlFor="doc-type">{t('Jenis dokumen', 'Document type')}</label>
      <select id="doc-type" value={typeCode} onChange={(e) => setTypeCode(e.target.value)}>
        {types.data?.map((ty) => <option key={ty.code} value={ty.code}>{ty.name}</option>)}
      </select>
      <label htmlFor="doc-file">{t('Berkas (PDF, JPEG atau PNG, maks. 5 MB)', 'File (PDF, JPEG or PNG, max. 5 MB)')}</label>
      <input id="doc-file" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      {upload.error && <p className="error" role="alert">{upload.error.message}</p>}
      <button type="submit" className="primary" disabled={upload.isPending}>{t('Unggah', 'Upload')}</button>
    </form>
  );
}
