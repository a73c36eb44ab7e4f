// Route group: the public catalog (MPP directory, search, an MPP's page, a service's page).
export { DirectoryPage, MppPage, SearchPage, ServicePage } from '../catalog/PublicPages';
