// Route group: the devices on the service floor (kiosk, booking check-in, display board).
export { KioskCheckInPage } from '../queue/KioskCheckInPage';
export { DisplayPage } from '../queue/DisplayPage';
export { DriveThruKioskPage } from '../queue/DriveThruKioskPage';
export { KioskPage } from '../queue/KioskPage';
