import { useI18n } from '../i18n';

export interface KioskService {
  id: string;
  name: string;
  tenantName: string;
  waiting: number;
  quotaLeft: number | null;
  recentTickets: number;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * Services whose name or agency holds every word typed (any order, accents and case ignored). Best
 * first: words matching whole words ("sim a" → "Perpanjangan SIM A" before "Simpeda"), then word
 * starts, then the most used.
 */
export function searchServices<S extends KioskService>(services: S[], query: string, limit: number): S[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { s: S; score: number }[] = [];
  for (const s of services) {
    const hay = fold(`${s.name} ${s.tenantName}`);
    if (!words.every((w) => hay.includes(w))) continue;
    const own = fold(s.name).split(/[^a-z0-9]+/);
    const score = words.reduce((n, w) => n + (own.includes(w) ? 2 : own.some((x) => x.startsWith(w)) ? 1 : 0), 0);
    scored.push({ s, score });
  }
  scored.sort((a, b) => b.score - a.score || b.s.recentTickets - a.s.recentTickets || a.s.name.localeCompare(b.s.name));
  return scored.slice(0, limit).map((x) => x.s);
}

/** The most used services (tickets of the last 30 days), for the start screen; none before any ticket. */
export function mostUsed<S extends KioskService>(services: S[], limit: number): S[] {
  return services
    .filter((s) => s.recentTickets > 0)
    .sort((a, b) => b.recentTickets - a.recentTickets || a.name.localeCompare(b.name))
    .slice(0, limit);
}

const ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

/**
 * The kiosk's search screen: a field typed with the on-screen keyboard (a touch kiosk has no keyboard
 * and the system one covers half the screen), results as service buttons.
 */
export function KioskSearch({
  services,
  query,
  onQuery,
  onChoose,
  onBack,
  keyboard,
  limit,
}: {
  services: KioskService[];
  query: string;
  onQuery: (q: string) => void;
  onChoose: (serviceId: string) => void;
  onBack: () => void;
  keyboard: boolean;
  limit: number;
}) {
  const { t } = useI18n();
  const results = searchServices(services, query, limit);
  return (
    <div className="kiosk-search">
      <h1 className="kiosk-h1">{t('Cari layanan', 'Search a service')}</h1>
      <input
        className="kiosk-search-input"
        type="search"
        aria-label={t('Nama layanan atau instansi', 'Service or agency name')}
        placeholder={t('Ketik nama layanan, mis. SIM', 'Type a service name, e.g. SIM')}
        value={query}
        inputMode={keyboard ? 'none' : 'search'}
        autoFocus
        onChange={(e) => onQuery(e.target.value)}
      />
      <div className="kiosk-grid kiosk-services kiosk-results" aria-live="polite">
        {results.map((s) => (
          <button key={s.id} type="button" className="kiosk-service" disabled={s.quotaLeft === 0} onClick={() => onChoose(s.id)}>
            <span className="ks-name">{s.name}</span>
            <span className="ks-meta">
              {s.tenantName} · {s.quotaLeft === 0 ? t('Kuota hari ini habis', "Today's quota is used up") : `${t('Menunggu', 'Waiting')}: ${s.waiting}`}
            </span>
          </button>
        ))}
      </div>
      {query.trim() && results.length === 0 && <p className="kiosk-lead">{t('Tidak ada layanan dengan kata itu.', 'No service matches.')}</p>}
      {keyboard && (
        <div className="kiosk-keyboard" role="group" aria-label={t('Papan ketik', 'Keyboard')}>
          {ROWS.map((row) => (
            <div key={row} className="kk-row">
              {[...row].map((ch) => (
                <button key={ch} type="button" className="kk-key" onClick={() => onQuery(query + ch.toLowerCase())}>
                  {ch}
                </button>
              ))}
            </div>
          ))}
          <div className="kk-row">
            <button type="button" className="kk-key kk-wide" onClick={() => onQuery(`${query} `)}>
              {t('Spasi', 'Space')}
            </button>
            <button type="button" className="kk-key kk-wide" onClick={() => onQuery(query.slice(0, -1))} aria-label={t('Hapus satu huruf', 'Delete one letter')}>
              ⌫
            </button>
            <button type="button" className="kk-key kk-wide" onClick={() => onQuery('')}>
              {t('Kosongkan', 'Clear')}
            </button>
          </div>
        </div>
      )}
      <button type="button" className="kiosk-button back" onClick={onBack}>
        ← {t('Kembali', 'Back')}
      </button>
    </div>
  );
}
