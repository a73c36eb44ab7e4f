// Route group: the public schedule of mobile services (layanan keliling) and booking a stop.
export { MobilePublicPage } from '../mobile/MobilePublicPage';
export { StopBookingPage } from '../mobile/StopBookingPage';
