// Route group: applications for citizens (tracking, the document wallet) and the kiosk pickup screen.
export { KioskPickupPage } from '../applications/KioskPickupPage';
export { TrackApplicationPage } from '../applications/TrackApplicationPage';
export { WalletPage } from '../applications/WalletPage';
