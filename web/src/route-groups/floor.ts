// Route group: the devices on the service floor (kiosk, booking check-in, display board).
export { KioskCheckInPage } from '../booking/KioskCheckInPage';
export { DisplayPage } from '../queue/DisplayPage';
export { KioskPage } from '../queue/KioskPage';
