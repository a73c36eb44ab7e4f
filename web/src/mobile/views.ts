import type { ResponseOf } from '../api/types';

export type StopView = ResponseOf<'/api/mobile/stops'>[number];
export type KecamatanView = ResponseOf<'/api/mobile/kecamatan'>[number];
export type UnitView = ResponseOf<'/api/mpps/{mppId}/mobile/units'>[number];
export type StopBookingView = ResponseOf<'/api/mpps/{mppId}/mobile/stops/{stopId}/bookings'>[number];
export type MobileOptions = ResponseOf<'/api/mpps/{mppId}/mobile/options'>;
