import { describe, expect, it } from 'vitest';
import { icsFor } from './ics.js';

const event = {
  uid: 'b-1@layan',
  start: new Date('2026-11-24T02:00:00Z'),
  end: new Date('2026-11-24T02:15:00Z'),
  stamp: new Date('2026-11-20T08:30:00Z'),
  summary: 'Perekaman KTP-el, Dukcapil - MPP Kabupaten Banyumas (kode AB12CD)',
  location: 'MPP Kabupaten Banyumas; Jl. Jenderal Soedirman',
  description: `Kode booking: AB12CD. Bawa KTP asli. Kelola: https://layan.example.go.id/booking/kelola/${'x'.repeat(80)}`,
  url: 'https://layan.example.go.id/booking/kelola/m/AB12CD?sig=abc',
};

/** Unfolds RFC 5545 continuation lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('booking .ics', () => {
  it('is a valid calendar a phone imports: CRLF lines of at most 75 octets, UTC times, escaped text, a reminder an hour before', () => {
    const ics = icsFor(event);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const text = unfold(ics);
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).toContain('UID:b-1@layan');
    expect(text).toContain('DTSTART:20261124T020000Z');
    expect(text).toContain('DTEND:20261124T021500Z');
    expect(text).toContain('DTSTAMP:20261120T083000Z');
    expect(text).toContain('SUMMARY:Perekaman KTP-el\\, Dukcapil - MPP Kabupaten Banyumas (kode AB12CD)');
    expect(text).toContain('LOCATION:MPP Kabupaten Banyumas\\; Jl. Jenderal Soedirman');
    expect(text).toContain('STATUS:CONFIRMED');
    expect(text).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H/);
    expect(text).toContain(`URL;VALUE=URI:${event.url}`);
  });

  it('cancels the same event by UID', () => {
    const text = unfold(icsFor({ ...event, cancelled: true }));
    expect(text).toContain('METHOD:CANCEL');
    expect(text).toContain('UID:b-1@layan');
    expect(text).toContain('STATUS:CANCELLED');
  });
});
