import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { ApiError, serverRefused } from '../api/problem';
import type { ResponseOf } from '../api/types';
import { useI18n } from '../i18n';
import { bearer, deviceToken } from './device';
import { useKioskPrinter } from './kiosk-print';
import { mostUsed } from './KioskSearch';
import type { TicketView } from './types';

export type KioskMode = 'kiosk' | 'online';
export type KioskOffer = ResponseOf<'/api/mpps/{mppId}/queue/offer'>;
export type OfferService = KioskOffer['services'][number];

/**
 * What fits one 1080x1920 screen without scrolling (e2e/kiosk.e2e.ts checks both modes): services per
 * page (two columns), agencies per page on the start screen (three columns; two in large text) and
 * the most used services shown above them.
 */
const FIT = {
  normal: { services: 18, agencies: 27, popular: 6, results: 8 },
  large: { services: 8, agencies: 10, popular: 2, results: 4 },
};
/**
 * An agency with more services than a normal page holds (a DPMPTSP of a 300-service MPP lists 40-50
 * permits) gets them on one screen in smaller tiles, three columns, so every service stays two taps
 * away (e2e/floor-scale.e2e.ts); only beyond this many does the agency page.
 */
const DENSE_SERVICES = 48;
const KIOSK_IDLE_MS = 60_000;

/**
 * The ticket kiosk's state and data: the MPP's offer (refetched every 15 s), where the person is
 * (agency, service, search, the issued ticket), the kiosk's heartbeat and printer report, and the two
 * timers that bring the screen back to the start for the next person. `take` issues the ticket (one
 * idempotency key per press); its refusal is `error`, in the user's language.
 */
export function useKiosk(mode: KioskMode) {
  const { mppId = '' } = useParams();
  const { t } = useI18n();
  const token = useMemo(() => (mode === 'kiosk' ? deviceToken('kiosk', mppId) : null), [mppId, mode]);
  const offerQuery = useApiQuery('/api/mpps/{mppId}/queue/offer', { params: { path: { mppId } } }, { refetchInterval: 15_000 });
  const offer = offerQuery.data;
  // The agencies' logos, where the catalog has them: from the MPP's public page, read once an hour
  // (an unpublished MPP has none to show, and the tiles stay text only).
  const publicPage = useApiQuery('/api/public/mpps/{slug}', offer ? { params: { path: { slug: offer.mpp.slug } } } : null, { staleTime: 3_600_000, refetchInterval: 3_600_000, retry: false });
  const logos = useMemo(() => new Map((publicPage.data?.tenants ?? []).flatMap((x) => (x.logo ? [[x.name, x.logo] as const] : []))), [publicPage.data]);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [tenant, setTenant] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [visitToken, setVisitToken] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const [agencyPage, setAgencyPage] = useState(0);
  const [large, setLarge] = useState(false);
  // The online ticket page (a phone) has no device token: no heartbeat, and it prints through the dialog.
  // A kiosk bound to a drive-thru lane that was opened on the hall kiosk's address becomes the lane's kiosk.
  const navigate = useNavigate();
  const { printFailed, setPrintFailed, print } = useKioskPrinter(mppId, token, 'kios', (answer) => {
    if (answer.lane) void navigate(`/kios/${mppId}/lajur/${answer.lane}`, { replace: true });
  });
  const idem = useRef<string | null>(null);
  const paper = new URLSearchParams(window.location.search).get('kertas') === '58' ? 'paper-58' : 'paper-80';
  const fit = FIT[large ? 'large' : 'normal'];

  // Back to the start screen after a while, so the next person does not see this ticket.
  useEffect(() => {
    if (!ticket || mode !== 'kiosk') return;
    const timer = setTimeout(() => reset(), 45_000);
    return () => clearTimeout(timer);
  }, [ticket]);

  // Any screen returns to the start after a minute without a touch, so the next person starts fresh.
  useEffect(() => {
    if (mode !== 'kiosk' || ticket || (!tenant && !serviceId && !searching && !large && agencyPage === 0)) return;
    let timer = setTimeout(() => reset(), KIOSK_IDLE_MS);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reset(), KIOSK_IDLE_MS);
    };
    window.addEventListener('pointerdown', touched);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', touched);
    };
  }, [mode, ticket, tenant, serviceId, searching, large, agencyPage]);

  function reset() {
    setTicket(null);
    setServiceId(null);
    setTenant(null);
    setPage(0);
    setError(null);
    setVisitToken(null);
    setSearching(false);
    setQuery('');
    setAgencyPage(0);
    setLarge(false);
    setPrintFailed(null);
    void offerQuery.refetch();
  }

  /** Back to the start, keeping the visit so the next ticket joins it. */
  function addToVisit() {
    const v = ticket?.visitToken ?? null;
    reset();
    setVisitToken(v);
  }

  async function take(priorityClassId: string | null) {
    if (!serviceId) return;
    setBusy(true);
    setError(null);
    // One key per press: a network retry of the same press returns the same ticket.
    idem.current ??= `${mode}-${crypto.randomUUID()}`;
    try {
      const init = {
        params: { path: { mppId } },
        body: { serviceId, priorityClassId, ...(visitToken ? { visitToken } : {}) },
        headers: { ...bearer(token), 'idempotency-key': idem.current },
      };
      const tk: TicketView = await unwrap(mode === 'kiosk' ? client.POST('/api/mpps/{mppId}/queue/tickets', init) : client.POST('/api/mpps/{mppId}/queue/online-tickets', init));
      idem.current = null;
      setTicket(tk);
      if (mode === 'kiosk') setTimeout(() => void print(), 300);
    } catch (e) {
      if (serverRefused(e)) idem.current = null;
      // A citizen at a kiosk cannot check a connection: they are told to tap again (the same ticket comes).
      setError(e instanceof ApiError && e.status !== 0 ? e.message : t('Tidak tersambung ke server. Ketuk pilihan Anda sekali lagi.', 'No connection to the server. Tap your choice again.'));
    } finally {
      setBusy(false);
    }
  }

  const byTenant = new Map<string, OfferService[]>();
  for (const s of offer?.services ?? []) byTenant.set(s.tenantName, [...(byTenant.get(s.tenantName) ?? []), s]);
  const chosen = offer?.services.find((s) => s.id === serviceId);
  // The kiosk pages an agency's services so a 1080x1920 screen never scrolls; a phone lists them all.
  const agencyServices = tenant ? (byTenant.get(tenant) ?? []) : [];
  const dense = mode === 'kiosk' && !large && agencyServices.length > fit.services;
  const perPage = mode === 'kiosk' ? (dense ? DENSE_SERVICES : fit.services) : 1000;
  const pages = Math.max(1, Math.ceil(agencyServices.length / perPage));
  const pageServices = agencyServices.slice(page * perPage, (page + 1) * perPage);
  function choose(name: string | null) {
    setTenant(name);
    setPage(0);
  }
  const agencies = [...byTenant.entries()];
  const agencyPerPage = mode === 'kiosk' ? fit.agencies : 1000;
  const agencyPages = Math.max(1, Math.ceil(agencies.length / agencyPerPage));
  const pageAgencies = agencies.slice(agencyPage * agencyPerPage, (agencyPage + 1) * agencyPerPage);
  const popular = mostUsed(offer?.services ?? [], mode === 'kiosk' ? fit.popular : 4);

  return {
    mode,
    mppId,
    token,
    offerQuery,
    offer,
    logos,
    paper,
    fit,
    large,
    setLarge,
    ticket,
    printFailed,
    error,
    busy,
    visitToken,
    chosen,
    setServiceId,
    searching,
    setSearching,
    query,
    setQuery,
    tenant,
    choose,
    page,
    setPage,
    pages,
    pageServices,
    dense,
    agencyPage,
    setAgencyPage,
    agencyPages,
    pageAgencies,
    popular,
    reset,
    addToVisit,
    print,
    take,
  };
}

export type Kiosk = ReturnType<typeof useKiosk>;
