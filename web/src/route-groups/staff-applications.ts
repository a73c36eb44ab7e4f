// Route group: the agency's applications (work list, one application).
export { ApplicationDetailPage } from '../applications/ApplicationDetailPage';
export { ApplicationsPage } from '../applications/WorkListPage';
