import ical, { ICalEventStatus } from 'ical-generator';
import { formatLocal, formatTime } from '../booking/messages.js';
import * as catalogRepo from '../catalog/repository.js';
import { listServices } from '../catalog/service-repository.js';
import type { Queryable } from '../platform/db.js';
import type { StopBookingRow, StopRow } from './repository.js';
import type { StopBookingView, StopView } from './schemas.js';

/** What a view of a stop needs to know besides the row: its MPP, unit and service names. */
export interface StopFacts {
  mpps: Map<string, { name: string; slug: string; timezone: string; regencyName: string | null }>;
  units: Map<string, { name: string; vehicle: string; plate: string }>;
  services: Map<string, { name: string; tenantName: string }>;
}

/** Reads the names the given stops refer to (through the catalog's read functions), in a few queries. */
export async function factsFor(q: Queryable, stops: StopRow[], units: { id: string; name: string; vehicle: string; plate: string }[]): Promise<StopFacts> {
  const mppIds = [...new Set(stops.map((s) => s.mppId))];
  const mpps = new Map<string, { name: string; slug: string; timezone: string; regencyName: string | null }>();
  for (const m of mppIds.length ? await catalogRepo.listMpps(q, { ids: mppIds }) : []) mpps.set(m.id, { name: m.name, slug: m.slug, timezone: m.timezone, regencyName: m.region?.name ?? null });
  const services = new Map<string, { name: string; tenantName: string }>();
  for (const mppId of mppIds) {
    const ids = [...new Set(stops.filter((s) => s.mppId === mppId).flatMap((s) => s.serviceIds))];
    if (!ids.length) continue;
    for (const s of await listServices(q, mppId, { ids })) services.set(s.id, { name: s.name, tenantName: s.tenant.name });
  }
  return { mpps, units: new Map(units.map((u) => [u.id, u])), services };
}

const hm = (at: Date, tz: string) => formatTime(at, tz).replace('.', ':');

export function stopView(s: StopRow, f: StopFacts): StopView {
  const mpp = f.mpps.get(s.mppId) ?? { name: '', slug: '', timezone: 'Asia/Jakarta', regencyName: null };
  const unit = f.units.get(s.unitId) ?? { name: '', vehicle: '', plate: '' };
  return {
    id: s.id,
    mppId: s.mppId,
    mppName: mpp.name,
    mppSlug: mpp.slug,
    unitId: s.unitId,
    unitName: unit.name,
    vehicle: unit.vehicle,
    plate: unit.plate,
    regionCode: s.regionCode,
    kecamatanCode: s.kecamatanCode,
    kecamatanName: s.kecamatanName,
    villageCode: s.regionCode.length > 8 ? s.regionCode : null,
    villageName: s.villageName,
    regencyName: mpp.regencyName,
    address: s.address,
    lat: s.lat,
    lng: s.lng,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    timezone: mpp.timezone,
    localDate: s.localDay,
    localStart: hm(s.startsAt, mpp.timezone),
    localEnd: hm(s.endsAt, mpp.timezone),
    capacity: s.capacity,
    booked: s.booked,
    free: s.status === 'scheduled' ? Math.max(0, s.capacity - s.booked) : 0,
    status: s.status,
    note: s.note,
    services: s.serviceIds.map((id) => ({ id, name: f.services.get(id)?.name ?? '', tenantName: f.services.get(id)?.tenantName ?? '' })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export function bookingView(b: StopBookingRow, serviceName: string): StopBookingView {
  return {
    id: b.id,
    code: b.code,
    stopId: b.stopId,
    serviceId: b.serviceId,
    serviceName,
    name: b.name,
    nikMasked: b.nikMasked,
    contact: b.phone ? `${b.phone.slice(0, 5)}****${b.phone.slice(-3)}` : b.email!.replace(/^(.).*(@.*)$/, '$1***$2'),
    status: b.status,
    createdAt: b.createdAt.toISOString(),
  };
}

/** "Desa Pageraji, Kec. Cilongok: Balai desa, Jl. ..." */
export function placeOf(s: Pick<StopView, 'villageName' | 'kecamatanName' | 'address'>): string {
  return `${s.villageName ? `${s.villageName}, ` : ''}Kec. ${s.kecamatanName} (${s.address})`;
}

export type StopMessageKind = 'confirmation' | 'changed' | 'cancelled';

/** The notification of a stop booking, in Bahasa Indonesia (the MPP's citizens' language). */
export function stopMessage(kind: StopMessageKind, b: StopBookingRow, s: StopView, serviceName: string, reason?: string): { subject: string; text: string; shortText: string } {
  const when = `${formatLocal(new Date(s.startsAt), s.timezone)} s.d. ${s.localEnd.replace(':', '.')}`;
  const where = placeOf(s);
  const unit = `${s.unitName} (${s.vehicle}, ${s.plate})`;
  switch (kind) {
    case 'confirmation':
      return {
        subject: `Booking layanan keliling ${b.code}: ${serviceName}, ${s.localDate}`,
        text: `Yth. ${b.name},\n\nBooking Anda di layanan keliling ${s.mppName} terkonfirmasi.\n\nKode booking: ${b.code}\nLayanan: ${serviceName}\nTempat: ${where}\nWaktu: ${when}\nUnit: ${unit}\n\nTunjukkan kode ini dan bawa KTP asli kepada petugas di mobil layanan.\nBatalkan bila tidak bisa datang (kode + NIK) agar tempat dipakai warga lain.\n\n${s.mppName}`,
        shortText: `Booking ${b.code} layanan keliling ${s.mppName}: ${serviceName}, ${when}, ${where}. Bawa KTP asli.`,
      };
    case 'changed':
      return {
        subject: `Jadwal layanan keliling berubah (booking ${b.code})`,
        text: `Yth. ${b.name},\n\nJadwal persinggahan layanan keliling yang Anda booking berubah.\n\nKode booking: ${b.code}\nLayanan: ${serviceName}\nTempat: ${where}\nWaktu: ${when}\n${reason ? `Keterangan: ${reason}\n` : ''}\nBooking Anda tetap berlaku. Bila tidak bisa datang pada jadwal baru, batalkan dengan kode dan NIK Anda.\n\n${s.mppName}`,
        shortText: `Layanan keliling ${s.mppName} berubah: booking ${b.code} kini ${when}, ${where}.`,
      };
    case 'cancelled':
      return {
        subject: `Booking layanan keliling ${b.code} dibatalkan`,
        text: `Yth. ${b.name},\n\nBooking ${b.code} (${serviceName}) di ${where} pada ${when} dibatalkan.\n${reason ? `Alasan: ${reason}\n` : ''}\nLihat jadwal layanan keliling berikutnya di kecamatan Anda di situs MPP, atau datang ke ${s.mppName}.\n\n${s.mppName}`,
        shortText: `Booking ${b.code} layanan keliling ${s.mppName} (${when}) dibatalkan.${reason ? ` Alasan: ${reason}.` : ''}`,
      };
  }
}

/** One VEVENT per stop, times in UTC; a cancelled stop stays in the feed as CANCELLED so calendars drop it. */
export function stopsCalendar(stops: StopView[], opts: { baseUrl: string; stamp: Date; name: string }): string {
  const calendar = ical({ name: opts.name, prodId: { company: 'Layan', product: 'Layanan keliling MPP', language: 'ID' }, ttl: 60 * 60 });
  for (const s of stops) {
    const url = `${opts.baseUrl}/keliling/${s.mppId}/${s.id}`;
    calendar.createEvent({
      id: `mobile-stop-${s.id}@layan`,
      start: new Date(s.startsAt),
      end: new Date(s.endsAt),
      stamp: opts.stamp,
      summary: `Layanan keliling ${s.mppName}: Kec. ${s.kecamatanName}`,
      location: placeOf(s),
      description: `${s.unitName} (${s.vehicle}). Layanan: ${s.services.map((x) => x.name).join(', ')}. Kuota ${s.capacity}, sisa ${s.free}. Booking: ${url}`,
      url,
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
