// Route group: catalog administration (agencies, services, the national summary).
export { CatalogAdminPage, NationalSummaryPage } from '../catalog/CatalogAdminPage';
export { ServiceEditorPage } from '../catalog/ServiceEditor';
export { MppsPage } from '../catalog/mpps/MppsPage';
export { SearchWordsPage } from '../catalog/SearchWordsPage';
