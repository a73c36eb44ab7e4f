export interface PublicMpp {
  id: string;
  slug: string;
  name: string;
  timezone: string;
}
export interface BookableService {
  id: string;
  code: string;
  name: string;
  tenantName: string;
  slotMinutes: number;
  bookAheadDays: number;
}
export interface SlotView {
  startsAt: string;
  endsAt: string;
  localStart: string;
  localEnd: string;
  capacity: number;
  booked: number;
  free: number;
  bookable: boolean;
  reason: string | null;
}
export interface DayView {
  date: string;
  open: boolean;
  closedReason: string | null;
  free: number;
}
export interface Availability {
  serviceId: string;
  serviceName: string;
  timezone: string;
  days: DayView[];
  date: string | null;
  slots: SlotView[];
}
export interface BookingView {
  id: string;
  code: string;
  mppId: string;
  mppName: string;
  serviceId: string;
  serviceName: string;
  tenantName: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  localDate: string;
  localStart: string;
  localEnd: string;
  status: 'booked' | 'checked_in' | 'no_show' | 'cancelled';
  name: string;
  nikMasked: string;
  contact: string;
  ticketNumber: string | null;
  checkInOpensAt: string;
  checkInClosesAt: string;
  affected: boolean;
  createdAt: string;
}
export interface ManagedBooking extends BookingView {
  sig: string;
  manageUrl: string;
  icsUrl: string;
  qrDataUrl: string;
  warnings: { code: string; message: string }[];
}

export const STATUS_LABEL: Record<BookingView['status'], [string, string]> = {
  booked: ['Terjadwal', 'Booked'],
  checked_in: ['Sudah check-in', 'Checked in'],
  no_show: ['Tidak hadir', 'No-show'],
  cancelled: ['Dibatalkan', 'Cancelled'],
};
