import { loadBookingKeys, signBooking } from '../booking/keys.js';
import * as bookings from '../booking/repository.js';
import * as complaints from '../complaints/repository.js';
import { formatTrackingCode } from '../complaints/tracking-code.js';
import { runningDue } from '../complaints/views.js';
import type { Clock } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import type { Lang } from '../platform/i18n.js';
import * as queue from '../queue/repository.js';
import { ticketView } from '../queue/service.js';
import { surveyCodeForTicketStatus } from '../survey/status-code.js';
import { complaintStatusLabel } from './messages.js';
import * as repo from './repository.js';
import type { MyItem, MyItems } from './schemas.js';
import { citizenErrors, type CitizenSession } from './sign-in.js';

/** How far back "Layanan saya" looks for bookings and followed tickets. */
export const LOOKBACK_DAYS = 30;

export interface MyServicesEnv {
  db: Db;
  clock: Clock;
  bookingSecret: string | undefined;
}

const fmt = (at: Date | string, timezone: string, lang: Lang, withDate = true) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    timeZone: timezone,
    ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));

const tr = (lang: Lang, id: string, en: string) => (lang === 'en' ? en : id);

const blank = { peopleAhead: null, estimatedWaitMinutes: null, counter: null, answer: null } as const;

/**
 * Everything of a signed-in citizen in one list: their bookings, today's tickets with live status,
 * complaints and survey invitations, each with what it needs from them next. Records are matched by
 * the phone numbers and emails the citizen verified; nothing else links them. Other domains' data
 * is read only through their exported read functions.
 * @throws AppError citizen_unauthenticated
 */
export async function listMyServices(env: MyServicesEnv, session: CitizenSession, lang: Lang): Promise<MyItems> {
  const citizen = await repo.findCitizen(env.db, session.citizenId);
  if (!citizen) throw citizenErrors.citizen_unauthenticated();
  const contacts = {
    phones: citizen.contacts.filter((c) => c.kind === 'phone').map((c) => c.value),
    emails: citizen.contacts.filter((c) => c.kind === 'email').map((c) => c.value),
  };
  const now = env.clock.now();
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const items: MyItem[] = [];
  const tickets = new Map<string, { mppId: string; ticketId: string }>();

  const keys = await loadBookingKeys(env.db, env.bookingSecret);
  for (const b of await bookings.findByContact(env.db, contacts, since)) {
    const future = b.slotEnd > now;
    const next: MyItem['next'] =
      b.status === 'booked' && future
        ? { action: 'attend', text: tr(lang, `Datang ${fmt(b.slotStart, b.timezone, lang)}; check-in di kios dengan kode ${b.code}.`, `Come on ${fmt(b.slotStart, b.timezone, lang)}; check in at the kiosk with code ${b.code}.`) }
        : { action: 'none', text: b.status === 'checked_in' ? tr(lang, `Sudah check-in, nomor antrean ${b.ticketNumber ?? ''}.`, `Checked in, queue number ${b.ticketNumber ?? ''}.`) : '' };
    items.push({
      ...blank,
      kind: 'booking', id: b.id, reference: b.code, title: b.serviceName, mppName: b.mppName, timezone: b.timezone, status: b.status,
      at: b.slotStart.toISOString(), next,
      link: b.status === 'booked' ? `/booking/kelola/${b.mppId}/${b.code}?sig=${encodeURIComponent(signBooking(keys, b.mppId, b.code))}` : null,
    });
    if (b.ticketId) tickets.set(`${b.mppId}/${b.ticketId}`, { mppId: b.mppId, ticketId: b.ticketId });
  }
  for (const w of await repo.watchesByContact(env.db, contacts, since)) tickets.set(`${w.mpp_id}/${w.ticket_id}`, { mppId: w.mpp_id, ticketId: w.ticket_id });

  for (const { mppId, ticketId } of tickets.values()) {
    const t = await queue.findTicket(env.db, mppId, ticketId);
    if (!t) continue;
    const today = (await queue.localDayOf(env.db, mppId, now)).localDay;
    if (t.status === 'served') {
      const code = await surveyCodeForTicketStatus({ db: env.db }, { statusToken: t.statusToken }).then((s) => s.token, () => undefined);
      if (code) {
        items.push({
          ...blank,
          kind: 'survey', id: t.id, reference: t.number, title: t.serviceName, mppName: t.mppName, timezone: t.timezone, status: 'open',
          at: t.calledAt ?? t.issuedAt,
          next: { action: 'fill_survey', text: tr(lang, 'Nilai layanan ini (anonim, semenit).', 'Rate this service (anonymous, a minute).') },
          link: `/survei/${code}`,
        });
      }
      continue;
    }
    if (t.localDay !== today) continue;
    const v = await ticketView(env.db, t, now);
    // Named as the status page and the board name it.
    const counter = v.counter?.name ?? null;
    const next: MyItem['next'] =
      t.status === 'waiting'
        ? { action: 'wait', text: tr(lang, `${v.peopleAhead ?? 0} orang di depan Anda, perkiraan ${v.estimatedWaitMinutes ?? 0} menit.`, `${v.peopleAhead ?? 0} people ahead of you, about ${v.estimatedWaitMinutes ?? 0} minutes.`) }
        : t.status === 'called'
          ? { action: 'go_to_counter', text: tr(lang, `Menuju ${counter ?? 'loket'} sekarang.`, `Go to ${counter ?? 'the counter'} now.`) }
          : { action: 'none', text: t.status === 'serving' ? tr(lang, 'Sedang dilayani.', 'Being served.') : '' };
    items.push({
      kind: 'ticket', id: t.id, reference: t.number, title: t.serviceName, mppName: t.mppName, timezone: t.timezone, status: t.status,
      at: t.issuedAt, next, link: `/antrean/${t.statusToken}`,
      peopleAhead: v.peopleAhead, estimatedWaitMinutes: v.estimatedWaitMinutes, counter, answer: null,
    });
  }

  for (const c of await complaints.findByContact(env.db, contacts)) {
    const code = formatTrackingCode(c.tracking_code);
    const canRespond = c.status === 'answered' && !!c.reopen_until && now <= c.reopen_until;
    const due = runningDue(c);
    const next: MyItem['next'] = canRespond
      ? { action: 'respond', text: tr(lang, `Baca jawabannya, lalu terima atau buka kembali sebelum ${fmt(c.reopen_until!, c.mpp_timezone, lang)}.`, `Read the answer, then accept it or reopen before ${fmt(c.reopen_until!, c.mpp_timezone, lang)}.`) }
      : ['closed', 'not_ours', 'duplicate', 'archived', 'answered'].includes(c.status)
        ? { action: 'none', text: '' }
        : { action: 'wait', text: due ? tr(lang, `Sedang diproses; batas waktu ${fmt(due, c.mpp_timezone, lang)}.`, `Being processed; due ${fmt(due, c.mpp_timezone, lang)}.`) : tr(lang, 'Sedang diproses.', 'Being processed.') };
    items.push({
      ...blank,
      kind: 'complaint', id: c.id, reference: code, title: c.description.length > 80 ? `${c.description.slice(0, 79)}…` : c.description,
      mppName: c.mpp_name, timezone: c.mpp_timezone, status: complaintStatusLabel(c.status, lang), at: c.received_at.toISOString(), next,
      link: `/lacak/${code}`, answer: c.public_answer,
    });
  }

  // What needs the citizen first, then the newest.
  const urgency: Record<MyItem['next']['action'], number> = { go_to_counter: 0, wait: 2, respond: 1, attend: 3, fill_survey: 4, none: 5 };
  items.sort((a, b) => urgency[a.next.action] - urgency[b.next.action] || b.at.localeCompare(a.at));
  return { items };
}
