// Route group: the citizen's own page (Layanan saya: sign-in by code, items, contacts, account).
export { MyServicesPage } from '../citizen/MyServicesPage';
