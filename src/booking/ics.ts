import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** iCalendar (RFC 5545) text for one appointment, so the citizen can put it in a phone calendar. */
export interface IcsEvent {
  uid: string;
  start: Date;
  end: Date;
  stamp: Date;
  summary: string;
  location: string;
  description: string;
  url?: string;
  cancelled?: boolean;
}

/**
 * Written by ical-generator (escaping, 75-octet line folding, CRLF), times in UTC so every calendar
 * app shows the slot in its own zone. A cancellation is the same UID with METHOD:CANCEL.
 */
export function icsFor(e: IcsEvent): string {
  const calendar = ical({
    prodId: { company: 'Layan', product: 'Booking MPP', language: 'ID' },
    method: e.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: e.uid,
    start: e.start,
    end: e.end,
    stamp: e.stamp,
    summary: e.summary,
    location: e.location,
    description: e.description,
    url: e.url ?? null,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    alarms: [{ type: ICalAlarmType.display, trigger: 60 * 60, description: e.summary }],
  });
  return calendar.toString();
}
