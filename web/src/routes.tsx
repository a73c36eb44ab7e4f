import type { RouteObject } from 'react-router';
import { AuditPage } from './audit/AuditPage';
import { DevicesPage } from './identity/DevicesPage';
import { UsersPage } from './identity/UsersPage';
import { ChangePasswordPage } from './shell/ChangePassword';
import { HomePage } from './shell/Home';
import { LoginPage } from './shell/Login';
import { StaffHome, StaffShell } from './shell/StaffShell';
import { SurveyByCodePage, SurveyTabletPage } from './survey/SurveyPages';
import { SurveyReportPage } from './survey/SurveyReportPage';

/** Pages without the staff shell: the public site, kiosks, display boards. Domains add theirs. */
export const publicRoutes: RouteObject[] = [
  { path: '/', element: <HomePage /> },
  { path: '/masuk', element: <LoginPage /> },
  { path: '/survei', element: <SurveyByCodePage /> },
  { path: '/survei/:code', element: <SurveyByCodePage /> },
  { path: '/kiosk/survei', element: <SurveyByCodePage kiosk /> },
  { path: '/tablet/survei/:mppId', element: <SurveyTabletPage /> },
];

/** Pages inside the staff shell, under /staf. Domains add theirs (and a STAFF_NAV entry). */
export const staffRoutes: RouteObject[] = [
  { index: true, element: <StaffHome /> },
  { path: 'kata-sandi', element: <ChangePasswordPage /> },
  { path: 'pengguna', element: <UsersPage /> },
  { path: 'audit', element: <AuditPage /> },
  { path: 'survei', element: <SurveyReportPage /> },
  { path: 'perangkat', element: <DevicesPage /> },
];

export const routes: RouteObject[] = [...publicRoutes, { path: '/staf', element: <StaffShell />, children: staffRoutes }];
