// Route group: the MPP admin's mobile units and schedule of stops.
export { MobileAdminPage } from '../mobile/MobileAdminPage';
