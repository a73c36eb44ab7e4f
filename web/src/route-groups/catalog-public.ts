// Route group: the public catalog (MPP directory, search, an MPP's page, a service's page).
export { DirectoryPage, SearchPage, ServicePage } from '../catalog/PublicPages';
export { MppPage } from '../catalog/MppPublicPage';
