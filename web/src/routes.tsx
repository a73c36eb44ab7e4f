import { Component, lazy, Suspense, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useI18n } from './i18n';

/**
 * Every page is loaded on demand, one chunk per route group (`web/src/route-groups/*.ts`), so a
 * citizen's phone downloads the shell and the group of the page it opens, not the staff screens.
 * `scripts/web-budget.ts` checks the public pages' first load against the budget (`npm run budget`).
 */
type Group = () => Promise<Record<string, unknown>>;

const home = () => import('./route-groups/home');
const catalogPublic = () => import('./route-groups/catalog-public');
const bookingPublic = () => import('./route-groups/booking-public');
const ticket = () => import('./route-groups/ticket');
const complaintsPublic = () => import('./route-groups/complaints-public');
const surveyPublic = () => import('./route-groups/survey-public');
const floor = () => import('./route-groups/floor');
const staffShell = () => import('./route-groups/staff-shell');
const staffQueue = () => import('./route-groups/staff-queue');
const staffCatalog = () => import('./route-groups/staff-catalog');
const staffService = () => import('./route-groups/staff-service');
const staffAdmin = () => import('./route-groups/staff-admin');
const staffOperations = () => import('./route-groups/staff-operations');
const citizenPublic = () => import('./route-groups/citizen-public');
const applicationsPublic = () => import('./route-groups/applications-public');
const staffApplications = () => import('./route-groups/staff-applications');
const crew = () => import('./route-groups/crew');
const mobilePublic = () => import('./route-groups/mobile-public');
const staffMobile = () => import('./route-groups/staff-mobile');
const consultation = () => import('./route-groups/consultation');

function PageLoading() {
  const { t } = useI18n();
  return (
    <p className="page-loading" role="status">
      {t('Memuat…', 'Loading…')}
    </p>
  );
}

/** A chunk that fails to load (offline, or a new version was deployed meanwhile) offers a reload. */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="page-loading" role="alert">
        <p>Halaman tidak dapat dimuat. Periksa koneksi lalu muat ulang. / The page could not be loaded.</p>
        <button type="button" onClick={() => location.reload()}>
          Muat ulang / Reload
        </button>
      </div>
    );
  }
}

const loaded = new WeakMap<Group, Map<string, ComponentType<any>>>();

type PageOf<G extends Group, N extends keyof Awaited<ReturnType<G>>> = Awaited<ReturnType<G>>[N] extends ComponentType<any> ? Awaited<ReturnType<G>>[N] : never;

/** The element of page `name` from route `group`, loaded when first rendered. */
export function page<G extends Group, N extends keyof Awaited<ReturnType<G>> & string>(group: G, name: N, props?: ComponentProps<PageOf<G, N>>) {
  let pages = loaded.get(group);
  if (!pages) loaded.set(group, (pages = new Map()));
  let Page = pages.get(name);
  if (!Page) {
    Page = lazy(() => group().then((m) => ({ default: m[name] as ComponentType<any> })));
    pages.set(name, Page);
  }
  return (
    <ChunkBoundary>
      <Suspense fallback={<PageLoading />}>
        <Page {...(props ?? {})} />
      </Suspense>
    </ChunkBoundary>
  );
}

/** Pages without the staff shell: the public site, kiosks, display boards. Domains add theirs. */
export const publicRoutes: RouteObject[] = [
  { path: '/', element: page(home, 'HomePage') },
  { path: '/masuk', element: page(home, 'LoginPage') },
  { path: '/booking', element: page(bookingPublic, 'BookingPage') },
  { path: '/booking/cari', element: page(bookingPublic, 'FindBookingPage') },
  { path: '/booking/kelola/:mppId/:code', element: page(bookingPublic, 'ManageBookingPage') },
  { path: '/kios/:mppId/booking', element: page(floor, 'KioskCheckInPage') },
  { path: '/kios/:mppId/lajur/:zoneId', element: page(floor, 'DriveThruKioskPage') },
  { path: '/kios/:mppId', element: page(floor, 'KioskPage') },
  { path: '/antrean-online/:mppId', element: page(ticket, 'OnlineTicketPage') },
  { path: '/layar/:mppId', element: page(floor, 'DisplayPage') },
  { path: '/antrean/:token', element: page(ticket, 'StatusPage') },
  { path: '/mpp', element: page(catalogPublic, 'DirectoryPage') },
  { path: '/cari', element: page(catalogPublic, 'SearchPage') },
  { path: '/mpp/:slug', element: page(catalogPublic, 'MppPage') },
  { path: '/mpp/:slug/layanan/:code', element: page(catalogPublic, 'ServicePage') },
  { path: '/survei', element: page(surveyPublic, 'SurveyByCodePage') },
  { path: '/survei/:code', element: page(surveyPublic, 'SurveyByCodePage') },
  { path: '/kios/survei', element: page(surveyPublic, 'SurveyByCodePage', { kiosk: true }) },
  { path: '/tablet/survei/:mppId', element: page(surveyPublic, 'SurveyTabletPage') },
  { path: '/pengaduan/:slug', element: page(complaintsPublic, 'FileComplaintPage') },
  { path: '/lacak', element: page(complaintsPublic, 'TrackComplaintPage') },
  { path: '/lacak/:code', element: page(complaintsPublic, 'TrackComplaintPage') },
  { path: '/layanan-saya', element: page(citizenPublic, 'MyServicesPage') },
  { path: '/permohonan', element: page(applicationsPublic, 'TrackApplicationPage') },
  { path: '/permohonan/:code', element: page(applicationsPublic, 'TrackApplicationPage') },
  { path: '/dokumen-saya', element: page(applicationsPublic, 'WalletPage') },
  { path: '/permohonan-daring/:slug/:code', element: page(applicationsPublic, 'ApplyOnlinePage') },
  { path: '/kios/:mppId/ambil', element: page(applicationsPublic, 'KioskPickupPage') },
  { path: '/kru/:mppId/:stopId', element: page(crew, 'CrewStopPage') },
  { path: '/keliling', element: page(mobilePublic, 'MobilePublicPage') },
  { path: '/keliling/:mppId/:stopId', element: page(mobilePublic, 'StopBookingPage') },
  { path: '/konsultasi/:slug/:code', element: page(consultation, 'AskConsultationPage') },
  { path: '/lacak-konsultasi', element: page(consultation, 'TrackConsultationPage') },
  { path: '/lacak-konsultasi/:code', element: page(consultation, 'TrackConsultationPage') },
];

/** Pages inside the staff shell, under /staf. Domains add theirs (and a STAFF_NAV entry). */
export const staffRoutes: RouteObject[] = [
  { index: true, element: page(staffShell, 'StaffHome') },
  { path: 'kata-sandi', element: page(staffShell, 'ChangePasswordPage') },
  { path: 'pengguna', element: page(staffAdmin, 'UsersPage') },
  { path: 'audit', element: page(staffAdmin, 'AuditPage') },
  { path: 'survei', element: page(staffService, 'SurveyReportPage') },
  { path: 'pengaturan-survei', element: page(staffService, 'SurveySettingsPage') },
  { path: 'kalender', element: page(staffService, 'CalendarPage') },
  { path: 'booking', element: page(staffService, 'StaffBookingsPage') },
  { path: 'aturan-booking', element: page(staffService, 'BookingRulesPage') },
  { path: 'pengaduan', element: page(staffService, 'ComplaintsPage') },
  { path: 'pengaduan/:complaintId', element: page(staffService, 'ComplaintDetailPage') },
  { path: 'permohonan', element: page(staffApplications, 'ApplicationsPage') },
  { path: 'permohonan/:applicationId', element: page(staffApplications, 'ApplicationDetailPage') },
  { path: 'konsultasi', element: page(consultation, 'ConsultationsPage') },
  { path: 'perangkat', element: page(staffAdmin, 'DevicesPage') },
  { path: 'loket', element: page(staffQueue, 'ConsolePage') },
  { path: 'antrean', element: page(staffQueue, 'QueueSetupPage') },
  { path: 'katalog', element: page(staffCatalog, 'CatalogAdminPage') },
  { path: 'katalog/:mppId/layanan/:serviceId', element: page(staffCatalog, 'ServiceEditorPage') },
  { path: 'nasional', element: page(staffCatalog, 'NationalSummaryPage') },
  { path: 'mpp', element: page(staffCatalog, 'MppsPage') },
  { path: 'kata-pencarian', element: page(staffCatalog, 'SearchWordsPage') },
  { path: 'lantai', element: page(staffOperations, 'FloorPage') },
  { path: 'statistik', element: page(staffOperations, 'StatsPage') },
  { path: 'rapor', element: page(staffOperations, 'ScorecardPage') },
  { path: 'rapor-nasional', element: page(staffOperations, 'NationalScorecardPage') },
  { path: 'webhook', element: page(staffOperations, 'WebhooksPage') },
  { path: 'peluncuran', element: page(staffOperations, 'RolloutPage') },
  { path: 'keliling', element: page(staffMobile, 'MobileAdminPage') },
];

export const routes: RouteObject[] = [...publicRoutes, { path: '/staf', element: page(staffShell, 'StaffShell'), children: staffRoutes }];
