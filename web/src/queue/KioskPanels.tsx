import { Link } from 'react-router';
import { LanguageSwitch, useI18n } from '../i18n';
import { KioskSearch } from './KioskSearch';
import { closedReasonText } from './labels';
import { PrintedTicket } from './PrintedTicket';
import type { Kiosk } from './use-kiosk';

/** The MPP's name, what this screen is for, the large-text switch (kiosk only) and the language. */
export function KioskHeader({ kiosk }: { kiosk: Kiosk }) {
  const { t } = useI18n();
  const { mode, offer, large, setLarge } = kiosk;
  return (
    <header className="kiosk-header no-print">
      <div>
        <div className="kiosk-title">{offer?.mpp.name ?? 'Layan'}</div>
        <div className="kiosk-sub">{mode === 'kiosk' ? t('Ambil nomor antrean', 'Take a queue number') : t('Antrean online hari ini', "Today's online queue")}</div>
      </div>
      <div className="kiosk-header-tools">
        {mode === 'kiosk' && (
          <button type="button" className="kiosk-large-toggle" aria-pressed={large} onClick={() => setLarge(!large)}>
            <span aria-hidden="true">Aa</span> {t('Teks besar', 'Large text')}
          </button>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}

/** A kiosk without its token, a refused ticket or a failed load, and the MPP being closed. */
export function KioskNotices({ kiosk }: { kiosk: Kiosk }) {
  const { t } = useI18n();
  const { mode, token, error, offerQuery, offer, ticket } = kiosk;
  return (
    <>
      {mode === 'kiosk' && !token && <p className="kiosk-error no-print">{t('Kios ini belum diaktifkan. Minta admin membuka halaman ini dengan token kios.', 'This kiosk is not set up. Ask an admin to open this page with a kiosk token.')}</p>}
      {(error ?? offerQuery.error) && (
        <div className="kiosk-error no-print" role="alert">
          {error ?? offerQuery.error?.message}
        </div>
      )}
      {offer && !offer.open && !ticket && (
        <div className="kiosk-closed no-print" role="status">
          <strong>{t(closedReasonText(offer.closedReason))}</strong>
          {offer.nextOpening && (
            <span>
              {' '}
              {t('Buka kembali', 'Opens again')}:{' '}
              {new Intl.DateTimeFormat('id-ID', { timeZone: offer.mpp.timezone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(offer.nextOpening))}
            </span>
          )}
        </div>
      )}
    </>
  );
}

/** The issued ticket (printed on the kiosk), a print failure's note, and what to do next. */
export function KioskDone({ kiosk }: { kiosk: Kiosk }) {
  const { t } = useI18n();
  const { mode, ticket, printFailed, print, reset, addToVisit } = kiosk;
  if (!ticket) return null;
  return (
    <div className="kiosk-done">
      <PrintedTicket ticket={ticket} />
      <div className="kiosk-actions no-print">
        {printFailed ? (
          <div className="kiosk-error kiosk-print-failed" role="alert">
            {t(`Tiket gagal dicetak. Catat nomor Anda: ${ticket.number}. Petugas loket dapat mencetak ulang tiket ini.`, `The ticket did not print. Note your number: ${ticket.number}. A counter officer can reprint it.`)}
          </div>
        ) : (
          <p className="kiosk-done-text">{mode === 'kiosk' ? t('Silakan ambil tiket Anda.', 'Please take your ticket.') : t('Simpan halaman status ini.', 'Keep this status page.')}</p>
        )}
        {mode === 'online' && (
          <a className="kiosk-button primary" href={`/antrean/${ticket.statusToken}`}>
            {t('Buka status antrean', 'Open queue status')}
          </a>
        )}
        <button type="button" className="kiosk-button" onClick={() => void (mode === 'kiosk' ? print() : window.print())}>
          {t('Cetak ulang', 'Print again')}
        </button>
        <button type="button" className="kiosk-button" onClick={addToVisit}>
          {t('Tambah layanan lain (kunjungan yang sama)', 'Add another service (same visit)')}
        </button>
        <button type="button" className="kiosk-button primary" onClick={reset}>
          {t('Selesai', 'Done')}
        </button>
      </div>
    </div>
  );
}

/** The chosen service: a regular ticket or one of the MPP's priority classes. */
export function KioskPriority({ kiosk }: { kiosk: Kiosk }) {
  const { t } = useI18n();
  const { chosen, offer, busy, take, setServiceId } = kiosk;
  if (!chosen) return null;
  return (
    <div className="kiosk-step no-print">
      <h1>{chosen.name}</h1>
      <p className="kiosk-lead">{t('Apakah Anda termasuk prioritas?', 'Do you have priority?')}</p>
      <div className="kiosk-grid">
        <button type="button" className="kiosk-button primary" disabled={busy} onClick={() => void take(null)}>
          {t('Tidak, antrean biasa', 'No, regular queue')}
        </button>
        {offer?.priorityClasses.map((c) => (
          <button key={c.id} type="button" className="kiosk-button priority" disabled={busy} onClick={() => void take(c.id)}>
            {c.name}
          </button>
        ))}
      </div>
      <button type="button" className="kiosk-button back" onClick={() => setServiceId(null)}>
        ← {t('Kembali', 'Back')}
      </button>
    </div>
  );
}

/** Searching a service by name (an on-screen keyboard on the kiosk). */
export function KioskSearchStep({ kiosk }: { kiosk: Kiosk }) {
  const { mode, offer, query, setQuery, setServiceId, setSearching, fit } = kiosk;
  return (
    <div className="kiosk-step no-print">
      <KioskSearch
        services={(offer?.services ?? []).map((s) => ({ ...s, quotaLeft: offer?.open ? s.quotaLeft : 0 }))}
        query={query}
        onQuery={setQuery}
        onChoose={setServiceId}
        onBack={() => {
          setSearching(false);
          setQuery('');
        }}
        keyboard={mode === 'kiosk'}
        limit={mode === 'kiosk' ? fit.results : 12}
      />
    </div>
  );
}

/** The start screen: booking check-in and pickup links, search, the most used services, the agencies. */
export function KioskStart({ kiosk }: { kiosk: Kiosk }) {
  const { t } = useI18n();
  const { mode, mppId, visitToken, tenant, offer, logos, popular, pageAgencies, agencyPage, agencyPages, setAgencyPage, setSearching, setServiceId, choose } = kiosk;
  return (
    <div className="kiosk-step no-print">
      {visitToken && <p className="kiosk-lead">{t('Pilih layanan berikutnya untuk kunjungan yang sama.', 'Choose the next service for the same visit.')}</p>}
      {mode === 'kiosk' && !visitToken && !tenant && (
        <Link className="kiosk-booking-link" to={`/kios/${mppId}/booking`}>
          <span className="kbl-main">{t('Sudah punya booking? Check-in', 'Already booked? Check in')}</span>
          <span className="kbl-sub">{t('Pindai kode QR atau ketik kode booking Anda', 'Scan your QR code or type your booking code')}</span>
        </Link>
      )}
      {mode === 'kiosk' && !visitToken && !tenant && (
        <Link className="kiosk-booking-link kiosk-pickup-link" to={`/kios/${mppId}/ambil`} data-testid="kiosk-pickup-link">
          <span className="kbl-main">{t('Ambil dokumen yang sudah jadi', 'Collect a finished document')}</span>
        </Link>
      )}
      {!tenant ? (
        <>
          <button type="button" className="kiosk-search-open" onClick={() => setSearching(true)}>
            <span aria-hidden="true">⌕</span> {t('Cari layanan…', 'Search a service…')}
          </button>
          {popular.length > 0 && (
            <section className="kiosk-popular" aria-labelledby="kiosk-popular-h">
              <h2 id="kiosk-popular-h">{t('Paling sering dipilih', 'Most used')}</h2>
              <div className="kiosk-popular-grid">
                {popular.map((s) => (
                  <button key={s.id} type="button" className="kiosk-service" disabled={!offer?.open || s.quotaLeft === 0} onClick={() => setServiceId(s.id)}>
                    <span className="ks-name">{s.name}</span>
                    <span className="ks-meta">{s.tenantName}</span>
                  </button>
                ))}
              </div>
            </section>
          )}
          <h1 className="kiosk-h1">{t('Pilih instansi', 'Choose an agency')}</h1>
          <div className="kiosk-tenants">
            {pageAgencies.map(([name, services]) => (
              <button key={name} type="button" className={`kiosk-tenant-button${logos.has(name) ? ' has-logo' : ''}`} onClick={() => choose(name)}>
                {logos.has(name) && <img className="kt-logo" src={logos.get(name)} alt="" />}
                <span className="kt-text">
                  <span className="kt-name">{name}</span>
                  <span className="kt-meta">
                    {services.length} {t('layanan', 'services')} · {t('menunggu', 'waiting')} {services.reduce((n, x) => n + x.waiting, 0)}
                  </span>
                </span>
              </button>
            ))}
          </div>
          {agencyPages > 1 && (
            <div className="kiosk-pager">
              <PagerButtons page={agencyPage} pages={agencyPages} onPage={setAgencyPage} />
            </div>
          )}
        </>
      ) : (
        <AgencyServices kiosk={kiosk} />
      )}
      {offer && offer.services.length === 0 && <p>{t('Belum ada layanan yang dibuka untuk antrean.', 'No service takes tickets yet.')}</p>}
    </div>
  );
}

/** One agency's services, a page at a time on the kiosk, each with its waiting count and quota left. */
function AgencyServices({ kiosk }: { kiosk: Kiosk }) {
  const { t } = useI18n();
  const { tenant, offer, pageServices, dense, page, pages, setPage, setServiceId, choose } = kiosk;
  return (
    <>
      <h1 className="kiosk-h1">{tenant}</h1>
      <p className="kiosk-lead">{t('Pilih layanan', 'Choose a service')}</p>
      <div className={`kiosk-grid kiosk-services${dense ? ' kiosk-dense' : ''}`}>
        {pageServices.map((s) => (
          <button key={s.id} type="button" className="kiosk-service" disabled={!offer?.open || s.quotaLeft === 0} onClick={() => setServiceId(s.id)}>
            <span className="ks-name">{s.name}</span>
            <span className="ks-meta">
              {s.quotaLeft === 0 ? t('Kuota hari ini habis', "Today's quota is used up") : `${t('Menunggu', 'Waiting')}: ${s.waiting}`}
              {s.quotaLeft !== null && s.quotaLeft > 0 && ` · ${t('Sisa kuota', 'Quota left')}: ${s.quotaLeft}`}
            </span>
          </button>
        ))}
      </div>
      <div className="kiosk-pager">
        <button type="button" className="kiosk-button back" onClick={() => choose(null)}>
          ← {t('Instansi lain', 'Other agencies')}
        </button>
        {pages > 1 && <PagerButtons page={page} pages={pages} onPage={setPage} />}
      </div>
    </>
  );
}

/** Previous, "page/pages", next. */
function PagerButtons({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className="kiosk-button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t('Sebelumnya', 'Previous')}
      </button>
      <span className="kiosk-page">
        {page + 1}/{pages}
      </span>
      <button type="button" className="kiosk-button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        {t('Berikutnya', 'Next')}
      </button>
    </>
  );
}
