// Route group: citizens book, find and manage an appointment.
export { BookingPage } from '../booking/BookingPage';
export { FindBookingPage, ManageBookingPage } from '../booking/ManageBookingPage';
