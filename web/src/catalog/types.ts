/** Shapes of the catalog API as the web app reads them (the server's zod contracts are the source). */

export interface Break {
  start: string;
  end: string;
  label: string;
}
export interface DayHours {
  opens: string;
  closes: string;
  breaks: Break[];
}
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', DayHours>>;

export interface Region {
  code: string;
  name: string;
  kind: string;
  provinceCode: string;
  timezone: string;
}

export interface Mpp {
  id: string;
  name: string;
  slug: string;
  regionCode: string;
  address: string;
  timezone: string;
  weeklyHours: WeeklyHours;
  waitingCapacity: number | null;
  contacts: { phone?: string; whatsapp?: string; email?: string; website?: string };
  facilities: string[];
  maklumat: string;
  published?: boolean;
  region: Region | null;
  province: Region | null;
}

export interface OpeningStatus {
  open: boolean;
  reason: 'open' | 'before_opening' | 'on_break' | 'after_closing' | 'closed_today';
  localDate: string;
  localTime: string;
  timezone: string;
  today: { date: string; weekday: number; hours: DayHours | null; special: boolean; note: string | null; closedBy: { kind: string; name: string } | null };
  currentBreak: Break | null;
  closesAt: string | null;
  nextOpening: string | null;
}

export interface PublicMppPage {
  mpp: Mpp;
  status: OpeningStatus;
  tenants: { code: string; name: string; kind: TenantKind; description: string; logo: string | null; services: { code: string; name: string; feeRupiah: number }[] }[];
}

export type TenantKind = 'central_agency' | 'regional_office' | 'bumn' | 'bumd' | 'private';
export type Channel = 'direct' | 'mobile' | 'self_service' | 'online';

export interface Tenant {
  id: string;
  kind: TenantKind;
  name: string;
  code: string;
  description: string;
  logo: string | null;
  active: boolean;
  serviceCount: number;
  counterCount: number;
}

export interface Counter {
  id: string;
  tenantId: string;
  tenantCode: string;
  number: number;
  name: string;
  active: boolean;
}

export interface Agreement {
  id: string;
  tenantId: string;
  kind: 'mou' | 'pks';
  number: string;
  signedOn: string;
  validUntil: string | null;
  status: 'draft' | 'active' | 'terminated';
  note: string;
  expiry: 'ok' | 'expiring' | 'expired' | 'none';
}

export interface Internal {
  legalBasis: string;
  facilities: string;
  staffCompetence: string;
  internalSupervision: string;
  staffCount: string;
  serviceGuarantee: string;
  safetyGuarantee: string;
  performanceEvaluation: string;
}

export interface Service {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  description: string;
  requirements: { typeCode: string; name: string; note: string }[];
  procedureSteps: string[];
  completion: { value: number; unit: 'minutes' | 'working_days' };
  feeRupiah: number;
  feeLegalBasis: string;
  product: string;
  complaintChannels: string;
  internal: Internal;
  channels: Channel[];
  handlingMinutes: number;
  ticketPrefix: string;
  active: boolean;
  version: number;
  tenant: { id: string; code: string; name: string; kind: TenantKind };
  updatedAt: string;
}

export interface PublicService extends Omit<Service, 'internal' | 'tenantId' | 'handlingMinutes'> {
  mppId: string;
  mpp: { slug: string; name: string; timezone: string };
  counters: { number: number; name: string }[];
  validFrom: string | null;
}

export interface SearchHit {
  serviceCode: string;
  serviceName: string;
  tenantName: string;
  mppSlug: string;
  mppName: string;
  regionName: string | null;
  feeRupiah: number;
}
