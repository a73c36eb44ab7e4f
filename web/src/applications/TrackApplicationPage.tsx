import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiQuery } from '../api/client';
import { useI18n } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { dateTimeWithZone } from '../time';
import { pick, PICKUP, STATUS } from './labels';
import './applications.css';

/** "Is my document ready?": follow an application by its code, on a phone (/permohonan/:code). */
export function TrackApplicationPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { t, lang } = useI18n();
  const [input, setInput] = useState(code);
  const tracked = useQuery({ ...apiQuery('/api/applications/track/{code}', { params: { path: { code } } }), enabled: !!code });
  const data = tracked.data;

  function lookUp(e: FormEvent) {
    e.preventDefault();
    navigate(`/permohonan/${encodeURIComponent(input.trim())}`);
  }

  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main app-public">
        <h1>{t('Lacak permohonan', 'Track an application')}</h1>
        <form className="app-track-form" onSubmit={lookUp}>
          <label htmlFor="app-code">{t('Kode permohonan', 'Application code')}</label>
          <div className="inline">
            <input id="app-code" value={input} onChange={(e) => setInput(e.target.value)} placeholder="XXXX-XXXX-XXXX" autoCapitalize="characters" autoComplete="off" spellCheck={false} />
            <button type="submit" className="primary">{t('Lacak', 'Track')}</button>
          </div>
        </form>
        {tracked.error && <p className="error" role="alert">{tracked.error.message}</p>}
        {data && (
          <section className="card app-tracking" aria-labelledby="app-status" data-testid="app-tracking">
            <p className="muted">{data.mppName} · {data.tenantName}</p>
            <h2>{data.serviceName}</h2>
            <p className="mono">{data.trackingCode}</p>
            <p id="app-status" className={`app-status app-status-${data.status}`}>{pick(STATUS, data.status, t)}</p>
            {data.overdue && <p className="notice" role="status">{t('Melewati batas waktu layanan. Instansi sudah diberi tahu.', 'Past the service time. The agency has been told.')}</p>}
            {data.status === 'returned' && data.missing.length > 0 && (
              <div className="app-missing">
                <p><strong>{t('Yang masih perlu Anda bawa:', 'What you still need to bring:')}</strong></p>
                <ul>{data.missing.map((m) => <li key={m.typeCode}>{m.name}</li>)}</ul>
              </div>
            )}
            {data.status === 'ready' && data.pickup && (
              <p className="app-ready">{t('Dapat diambil', 'Collect it')}: <strong>{pick(PICKUP, data.pickup, t)}</strong>
                {data.pickup === 'kiosk' && <> — {t('bawa kode ini dan NIK Anda; kode sekali pakai dikirim ke ponsel Anda.', 'bring this code and your NIK; a one-time code is sent to your phone.')}</>}
              </p>
            )}
            {data.reason && <p className="notice">{t('Alasan', 'Reason')}: {data.reason}</p>}
            <dl className="app-dates">
              <dt>{t('Diajukan', 'Submitted')}</dt><dd>{dateTimeWithZone(data.submittedAt, lang, data.timezone)}</dd>
              <dt>{t('Batas waktu penyelesaian', 'Due')}</dt><dd>{dateTimeWithZone(data.dueAt, lang, data.timezone)}</dd>
            </dl>
            <h3>{t('Riwayat', 'History')}</h3>
            <ol className="timeline">
              {data.steps.map((s, i) => (
                <li key={i}>
                  <span className="when">{dateTimeWithZone(s.at, lang, data.timezone)}</span> <span className="what">{pick(STATUS, s.status, t)}</span>
                  {s.note && <span className="muted"> · {s.note}</span>}
                </li>
              ))}
            </ol>
          </section>
        )}
        <p><Link to="/dokumen-saya">{t('Dokumen saya: bagikan persyaratan ke instansi', 'My documents: share requirements with the agency')}</Link></p>
      </main>
    </>
  );
}
