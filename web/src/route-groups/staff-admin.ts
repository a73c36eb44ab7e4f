// Route group: administration (users, devices, audit log).
export { AuditPage } from '../audit/AuditPage';
export { DevicesPage } from '../identity/DevicesPage';
export { UsersPage } from '../identity/UsersPage';
