// Route group: applications for citizens (applying online, tracking, the document wallet) and the kiosk pickup screen.
export { ApplyOnlinePage } from '../applications/ApplyOnlinePage';
export { KioskPickupPage } from '../applications/KioskPickupPage';
export { TrackApplicationPage } from '../applications/TrackApplicationPage';
export { WalletPage } from '../applications/WalletPage';
