import type { BodyOf, ResponseOf } from '../api/types';

/** Names for the catalog contract's shapes (generated from the API; never written by hand). */
export type Mpp = ResponseOf<'/api/catalog/mpps/{mppId}'>;
export type WeeklyHours = Mpp['weeklyHours'];
export type DayHours = NonNullable<WeeklyHours[keyof WeeklyHours]>;
export type Region = ResponseOf<'/api/public/regions'>[number];
export type PublicMppPage = ResponseOf<'/api/public/mpps/{slug}'>;
export type Tenant = ResponseOf<'/api/catalog/mpps/{mppId}/tenants'>[number];
export type TenantKind = Tenant['kind'];
export type Counter = ResponseOf<'/api/catalog/mpps/{mppId}/counters'>[number];
export type Agreement = ResponseOf<'/api/catalog/mpps/{mppId}/agreements'>[number];
export type Service = ResponseOf<'/api/catalog/mpps/{mppId}/services/{serviceId}'>;
export type Internal = Service['internal'];
export type Channel = Service['channels'][number];
export type ServiceInput = BodyOf<'/api/catalog/mpps/{mppId}/services', 'post'>;
export type PublicService = ResponseOf<'/api/public/mpps/{slug}/services/{code}'>;
export type SearchHit = ResponseOf<'/api/public/search'>[number];
