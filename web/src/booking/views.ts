import type { ResponseOf } from '../api/types';

/** Names for the booking contract's shapes (generated from the API; never written by hand). */
export type PublicMpp = ResponseOf<'/api/booking/mpps'>[number];
export type BookableService = ResponseOf<'/api/mpps/{mppId}/booking/services'>[number];
export type Availability = ResponseOf<'/api/mpps/{mppId}/booking/services/{serviceId}/availability'>;
export type SlotView = Availability['slots'][number];
export type ManagedBooking = ResponseOf<'/api/mpps/{mppId}/bookings/{code}'>;
export type BookingView = ResponseOf<'/api/mpps/{mppId}/booking/affected'>[number];
export type StaffDay = ResponseOf<'/api/mpps/{mppId}/booking/day'>;
export type CheckInResult = ResponseOf<'/api/mpps/{mppId}/booking/check-in', 'post'>;

export const STATUS_LABEL: Record<BookingView['status'], [string, string]> = {
  booked: ['Terjadwal', 'Booked'],
  checked_in: ['Sudah check-in', 'Checked in'],
  no_show: ['Tidak hadir', 'No-show'],
  cancelled: ['Dibatalkan', 'Cancelled'],
};
