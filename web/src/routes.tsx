import type { RouteObject } from 'react-router';
import { AuditPage } from './audit/AuditPage';
import { BookingPage } from './booking/BookingPage';
import { KioskCheckInPage } from './booking/KioskCheckInPage';
import { FindBookingPage, ManageBookingPage } from './booking/ManageBookingPage';
import { StaffBookingsPage } from './booking/StaffBookingsPage';
import { CatalogAdminPage, NationalSummaryPage } from './catalog/CatalogAdminPage';
import { DirectoryPage, MppPage, SearchPage, ServicePage } from './catalog/PublicPages';
import { ServiceEditorPage } from './catalog/ServiceEditor';
import { CalendarPage } from './calendar/CalendarPage';
import { ComplaintDetailPage } from './complaints/ComplaintDetailPage';
import { ComplaintsPage } from './complaints/ComplaintsPage';
import { FileComplaintPage } from './complaints/FilePage';
import { TrackComplaintPage } from './complaints/TrackPage';
import { DevicesPage } from './identity/DevicesPage';
import { UsersPage } from './identity/UsersPage';
import { ConsolePage } from './queue/ConsolePage';
import { DisplayPage } from './queue/DisplayPage';
import { KioskPage } from './queue/KioskPage';
import { FloorPage } from './operations/FloorPage';
import { StatsPage } from './operations/StatsPage';
import { OnlineTicketPage } from './queue/OnlineTicketPage';
import { QueueSetupPage } from './queue/QueueSetupPage';
import { StatusPage } from './queue/StatusPage';
import { ChangePasswordPage } from './shell/ChangePassword';
import { HomePage } from './shell/Home';
import { LoginPage } from './shell/Login';
import { StaffHome, StaffShell } from './shell/StaffShell';
import { SurveyByCodePage, SurveyTabletPage } from './survey/SurveyPages';
import { SurveyReportPage } from './survey/SurveyReportPage';
import { SurveySettingsPage } from './survey/SurveySettingsPage';

/** Pages without the staff shell: the public site, kiosks, display boards. Domains add theirs. */
export const publicRoutes: RouteObject[] = [
  { path: '/', element: <HomePage /> },
  { path: '/masuk', element: <LoginPage /> },
  { path: '/booking', element: <BookingPage /> },
  { path: '/booking/cari', element: <FindBookingPage /> },
  { path: '/booking/kelola/:mppId/:code', element: <ManageBookingPage /> },
  { path: '/kios/:mppId/booking', element: <KioskCheckInPage /> },
  { path: '/kios/:mppId', element: <KioskPage /> },
  { path: '/antrean-online/:mppId', element: <OnlineTicketPage /> },
  { path: '/layar/:mppId', element: <DisplayPage /> },
  { path: '/antrean/:token', element: <StatusPage /> },
  { path: '/mpp', element: <DirectoryPage /> },
  { path: '/cari', element: <SearchPage /> },
  { path: '/mpp/:slug', element: <MppPage /> },
  { path: '/mpp/:slug/layanan/:code', element: <ServicePage /> },
  { path: '/survei', element: <SurveyByCodePage /> },
  { path: '/survei/:code', element: <SurveyByCodePage /> },
  { path: '/kios/survei', element: <SurveyByCodePage kiosk /> },
  { path: '/tablet/survei/:mppId', element: <SurveyTabletPage /> },
  { path: '/pengaduan/:slug', element: <FileComplaintPage /> },
  { path: '/lacak', element: <TrackComplaintPage /> },
  { path: '/lacak/:code', element: <TrackComplaintPage /> },
];

/** Pages inside the staff shell, under /staf. Domains add theirs (and a STAFF_NAV entry). */
export const staffRoutes: RouteObject[] = [
  { index: true, element: <StaffHome /> },
  { path: 'kata-sandi', element: <ChangePasswordPage /> },
  { path: 'pengguna', element: <UsersPage /> },
  { path: 'audit', element: <AuditPage /> },
  { path: 'survei', element: <SurveyReportPage /> },
  { path: 'pengaturan-survei', element: <SurveySettingsPage /> },
  { path: 'kalender', element: <CalendarPage /> },
  { path: 'booking', element: <StaffBookingsPage /> },
  { path: 'pengaduan', element: <ComplaintsPage /> },
  { path: 'pengaduan/:complaintId', element: <ComplaintDetailPage /> },
  { path: 'perangkat', element: <DevicesPage /> },
  { path: 'loket', element: <ConsolePage /> },
  { path: 'antrean', element: <QueueSetupPage /> },
  { path: 'katalog', element: <CatalogAdminPage /> },
  { path: 'katalog/:mppId/layanan/:serviceId', element: <ServiceEditorPage /> },
  { path: 'nasional', element: <NationalSummaryPage /> },
  { path: 'lantai', element: <FloorPage /> },
  { path: 'statistik', element: <StatsPage /> },
];

export const routes: RouteObject[] = [...publicRoutes, { path: '/staf', element: <StaffShell />, children: staffRoutes }];
