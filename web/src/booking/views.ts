import type { Bilingual } from '../i18n';
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

export const STATUS_LABEL: Record<BookingView['status'], Bilingual> = {
  booked: { id: 'Terjadwal', en: 'Booked' },
  checked_in: { id: 'Sudah check-in', en: 'Checked in' },
  no_show: { id: 'Tidak hadir', en: 'No-show' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
};
