// Route group: staff follow-up work (bookings, complaints, surveys, calendar).
export { StaffBookingsPage } from '../booking/StaffBookingsPage';
export { CalendarPage } from '../calendar/CalendarPage';
export { ComplaintDetailPage } from '../complaints/ComplaintDetailPage';
export { ComplaintsPage } from '../complaints/ComplaintsPage';
export { SurveyReportPage } from '../survey/SurveyReportPage';
export { SurveySettingsPage } from '../survey/SurveySettingsPage';
export { BookingRulesPage } from '../booking/rules/BookingRulesPage';
