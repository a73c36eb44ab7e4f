import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { book as bookCounter, insertBookableService } from '../booking/fixtures.test-helpers.js';
import { bookStop, createStop, nik, seedMobileWorld, stopBody, type MobileWorld } from './fixtures.test-helpers.js';

const clock = fakeClock('2026-11-23T01:00:00Z'); // Monday 08:00 WIB
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_LIMIT: '100000' } });
});
afterAll(() => t.close());

const outbox = async (mppId: string) => (await t.db.query<{ topic: string; payload: any }>('SELECT topic, payload FROM outbox WHERE mpp_id = $1 ORDER BY id', [mppId])).rows;

describe('units', () => {
  it('an admin keeps a unit with its vehicle, crew from the MPP and services; the plate is normalised', async () => {
    const w = await seedMobileWorld(t);
    const list = await t.app.inject({ url: `/api/mpps/${w.mppId}/mobile/units`, headers: w.admin.headers });
    expect(list.json()).toEqual([
      expect.objectContaining({ name: 'Mobil Keliling 1', vehicle: 'Isuzu Elf', plate: 'R 1234 XY', active: true, crew: [{ id: w.officer.userId, name: 'Test officer' }] }),
    ]);
    expect(list.json()[0].services.map((s: { id: string }) => s.id).sort()).toEqual([w.ktp, w.kk].sort());
    const options = await t.app.inject({ url: `/api/mpps/${w.mppId}/mobile/options`, headers: w.admin.headers });
    expect(options.json().region).toEqual({ code: '33.02', name: 'Kabupaten Banyumas' });
    expect(options.json().staff.map((s: { id: string }) => s.id)).toContain(w.officer.userId);
    // The stop editor picks from the 27 kecamatan of Kabupaten Banyumas in the shipped region data.
    const kecamatan = options.json().kecamatan as { code: string; name: string; villages: { code: string; name: string }[] }[];
    expect(kecamatan).toHaveLength(27);
    const cilongok = kecamatan.find((k) => k.code === '33.02.17');
    expect(cilongok).toMatchObject({ code: '33.02.17', name: 'Cilongok' });
    // ...each with its desa/kelurahan by name, for the select after the kecamatan picker.
    expect(cilongok?.villages).toHaveLength(20);
    expect(cilongok?.villages).toContainEqual({ code: '33.02.17.2006', name: 'Pageraji' });
    expect(kecamatan.every((k) => k.villages.length > 0 && k.villages.every((v) => v.code.startsWith(`${k.code}.`)))).toBe(true);
    expect(kecamatan.every((k) => k.code.startsWith('33.02.'))).toBe(true);
  });

  it('refuses a crew member from another MPP and a service of another MPP, in Bahasa Indonesia, saving nothing', async () => {
    const w = await seedMobileWorld(t);
    const other = await seedMobileWorld(t);
    const crew = await t.app.inject({
      method: 'POST',
      url: `/api/mpps/${w.mppId}/mobile/units`,
      headers: w.admin.headers,
      payload: { name: 'Bus 2', vehicle: 'Bus', plate: 'R 9 A', crewUserIds: [other.officer.userId] },
    });
    expect(crew.statusCode).toBe(400);
    expect(crew.headers['content-type']).toContain('application/problem+json');
    expect(crew.json()).toMatchObject({ code: 'mobile_unknown_crew' });
    expect(crew.json().title).toContain('bukan petugas MPP ini');
    const service = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/mobile/units`, headers: w.admin.headers, payload: { name: 'Bus 2', vehicle: 'Bus', plate: 'R 9 A', serviceIds: [other.ktp] } });
    expect(service.json().code).toBe('mobile_unknown_services');
    const dup = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/mobile/units`, headers: w.admin.headers, payload: { name: 'Bus 2', vehicle: 'Bus', plate: 'R 1234 XY' } });
    expect(dup.json()).toMatchObject({ status: 409, code: 'mobile_plate_taken' });
    const plate = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/mobile/units`, headers: w.admin.headers, payload: { name: 'Bus 2', vehicle: 'Bus', plate: '1234' } });
    expect(plate.statusCode).toBe(400);
    expect(plate.json().errors[0]).toMatchObject({ path: 'body.plate' });
    const list = await t.app.inject({ url: `/api/mpps/${w.mppId}/mobile/units`, headers: w.admin.headers });
    expect(list.json()).toHaveLength(1);
  });
});

describe('schedule', () => {
  let w: MobileWorld;
  beforeAll(async () => {
    w = await seedMobileWorld(t);
  });

  it('schedules a stop in the MPP zone and refuses an overlapping one for the same unit', async () => {
    // Names typed by an old client are ignored: the kecamatan and desa are named from the region data.
    const res = await createStop(t, w, '2026-11-25', { kecamatanName: 'Cilongokk', villageName: 'Pagerajii' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kecamatanCode: '33.02.17',
      kecamatanName: 'Cilongok',
      startsAt: '2026-11-25T01:00:00.000Z',
      endsAt: '2026-11-25T05:00:00.000Z',
      localStart: '08:00',
      localEnd: '12:00',
      regencyName: 'Kabupaten Banyumas',
      villageCode: '33.02.17.2006',
      villageName: 'Pageraji',
      free: 20,
      status: 'scheduled',
    });
    const overlap = await createStop(t, w, '2026-11-25', { kecamatanCode: '33.02.14', villageCode: undefined, startTime: '11:30', endTime: '14:00' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().code).toBe('mobile_stop_overlap');
    expect(overlap.json().title).toContain('Satu unit tidak dapat berada di dua tempat sekaligus');
    // Back to back is not an overlap.
    const after = await createStop(t, w, '2026-11-25', { kecamatanCode: '33.02.14', villageCode: undefined, startTime: '12:00', endTime: '14:00' });
    expect(after.statusCode).toBe(201);
  });

  it('refuses a stop outside the kabupaten/kota, a village outside its kecamatan, a past time and bad times', async () => {
    const outside = await createStop(t, w, '2026-11-26', { kecamatanCode: '33.03.01', villageCode: undefined });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'mobile_stop_outside_region' });
    expect(outside.json().title).toContain('di luar Kabupaten Banyumas');
    expect(outside.json().errors[0].path).toBe('body.kecamatanCode');
    // 33.02.28 has the right prefix but Banyumas has 27 kecamatan: not in the region data.
    const unknown = await createStop(t, w, '2026-11-26', { kecamatanCode: '33.02.28', villageCode: undefined });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ code: 'mobile_unknown_kecamatan' });
    expect(unknown.json().title).toContain('tidak ada dalam data wilayah Kemendagri untuk Kabupaten Banyumas');
    expect(unknown.json().errors[0].path).toBe('body.kecamatanCode');
    const village = await createStop(t, w, '2026-11-26', { villageCode: '33.02.16.2005' });
    expect(village.json().code).toBe('mobile_village_outside_kecamatan');
    // 33.02.17.2099 extends Cilongok's code, but Cilongok has 20 desa: not in the region data.
    const unknownVillage = await createStop(t, w, '2026-11-26', { villageCode: '33.02.17.2099' });
    expect(unknownVillage.statusCode).toBe(400);
    expect(unknownVillage.headers['content-type']).toContain('application/problem+json');
    expect(unknownVillage.json()).toMatchObject({ code: 'mobile_unknown_village' });
    expect(unknownVillage.json().title).toContain('tidak ada dalam data wilayah Kemendagri untuk Kecamatan Cilongok');
    expect(unknownVillage.json().errors[0].path).toBe('body.villageCode');
    const past = await createStop(t, w, '2026-11-20');
    expect(past.json().code).toBe('mobile_stop_in_past');
    const times = await createStop(t, w, '2026-11-26', { startTime: '12:00', endTime: '08:00' });
    expect(times.statusCode).toBe(400);
    expect(times.json().errors[0]).toMatchObject({ path: 'body.endTime', message: 'Jam selesai harus setelah jam mulai.' });
    const service = await createStop(t, w, '2026-11-26', { serviceIds: [await insertBookableService(t.db, w.mppId, w.tenantId, 'PAJAKX', {})] });
    expect(service.json().code).toBe('mobile_service_not_on_unit');
    const stops = await t.app.inject({ url: `/api/mpps/${w.mppId}/mobile/stops`, headers: w.admin.headers });
    expect(stops.json().filter((s: { localDate: string }) => s.localDate === '2026-11-26')).toEqual([]);
  });

  it('an MPP without a kabupaten/kota cannot schedule stops', async () => {
    const x = await seedMobileWorld(t, { regionCode: null });
    const res = await createStop(t, x, '2026-11-26');
    expect(res.json()).toMatchObject({ status: 409, code: 'mobile_mpp_without_region' });
  });
});

describe('public and booking', () => {
  let w: MobileWorld;
  let stopId: string;
  let later: string;
  beforeAll(async () => {
    w = await seedMobileWorld(t);
    stopId = (await createStop(t, w, '2026-11-27', { capacity: 3 })).json().id;
    later = (await createStop(t, w, '2026-11-30', { capacity: 5 })).json().id;
  });

  it('lists what comes to a kecamatan next, and the iCalendar feed', async () => {
    const kec = await t.app.inject({ url: `/api/mobile/kecamatan?mppId=${w.mppId}` });
    expect(kec.json()).toEqual([{ code: '33.02.17', name: 'Cilongok', regencyName: 'Kabupaten Banyumas', nextStartsAt: '2026-11-27T01:00:00.000Z', stops: 2 }]);
    const stops = await t.app.inject({ url: `/api/mobile/stops?kecamatan=33.02.17&mppId=${w.mppId}` });
    expect(stops.json().map((s: { id: string }) => s.id)).toEqual([stopId, later]);
    const ics = await t.app.inject({ url: `/api/mobile/stops.ics?kecamatan=33.02.17&mppId=${w.mppId}` });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.body).toContain('DTSTART:20261127T010000Z');
    expect(ics.body).toContain('Kec. Cilongok');
    const bad = await t.app.inject({ url: '/api/mobile/stops?kecamatan=cilongok' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toContain('NN.NN.NN');
  });

  it('books with the counter bookings NIK rules, one per NIK per stop, and the holder gets a confirmation', async () => {
    const bad = await bookStop(t, w, stopId, { serviceId: w.ktp, nik: '3174011505900' });
    expect(bad.json()).toMatchObject({ status: 400, code: 'nik_length' });
    const ok = await bookStop(t, w, stopId, { serviceId: w.ktp, nik: nik(1) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'booked', nikMasked: '3174**********01', serviceName: 'Layanan KTPKEL', stop: { booked: 1, free: 2 } });
    expect(ok.json().code).toMatch(/^[A-Z0-9]{8}$/);
    const again = await bookStop(t, w, stopId, { serviceId: w.kk, nik: nik(1) });
    expect(again.json()).toMatchObject({ status: 409, code: 'mobile_nik_already_booked' });
    const texts = (await outbox(w.mppId)).filter((r) => r.topic === 'notify.text').map((r) => r.payload.text as string);
    expect(texts.some((s) => s.includes(ok.json().code) && s.includes('Pageraji'))).toBe(true);
    const notHere = await bookStop(t, w, stopId, { serviceId: await insertBookableService(t.db, w.mppId, w.tenantId, 'LAINX', {}), nik: nik(2) });
    expect(notHere.json().code).toBe('mobile_service_not_at_stop');
  });

  it('the per-NIK limit of active bookings counts counter bookings and stop bookings together', async () => {
    await t.db.query('INSERT INTO booking_mpp_settings (mpp_id, max_active_per_nik) VALUES ($1, 2)', [w.mppId]);
    await t.db.query(`UPDATE mpps SET weekly_hours = $2 WHERE id = $1`, [w.mppId, JSON.stringify({ '1': { opens: '08:00', closes: '15:00', breaks: [] }, '2': { opens: '08:00', closes: '15:00', breaks: [] } })]);
    const counterService = await insertBookableService(t.db, w.mppId, w.tenantId, 'LOKETX', { slotMinutes: 30, capacityPerSlot: 3 });
    const counter = await bookCounter(t, { mppId: w.mppId, serviceId: counterService }, '2026-11-24T02:00:00.000Z', nik(50));
    expect(counter.statusCode).toBe(201);
    expect((await bookStop(t, w, stopId, { serviceId: w.ktp, nik: nik(50) })).statusCode).toBe(201);
    const third = await bookStop(t, w, later, { serviceId: w.ktp, nik: nik(50) });
    expect(third.json()).toMatchObject({ status: 409, code: 'nik_active_limit' });
    await t.db.query('DELETE FROM booking_mpp_settings WHERE mpp_id = $1', [w.mppId]);
  });

  it('a NIK at the limit through stop bookings is refused a counter booking, and booking reads them through mobile\'s read view', async () => {
    await t.db.query('INSERT INTO booking_mpp_settings (mpp_id, max_active_per_nik) VALUES ($1, 1)', [w.mppId]);
    await t.db.query(`UPDATE mpps SET weekly_hours = $2 WHERE id = $1`, [w.mppId, JSON.stringify({ '1': { opens: '08:00', closes: '15:00', breaks: [] }, '2': { opens: '08:00', closes: '15:00', breaks: [] } })]);
    const counterService = await insertBookableService(t.db, w.mppId, w.tenantId, 'LOKETY', { slotMinutes: 30, capacityPerSlot: 3 });
    const stop = await createStop(t, w, '2026-12-01', { capacity: 5 });
    expect(stop.statusCode).toBe(201);
    const atStop = await bookStop(t, w, stop.json().id, { serviceId: w.ktp, nik: nik(51) });
    expect(atStop.statusCode).toBe(201);
    const refused = await bookCounter(t, { mppId: w.mppId, serviceId: counterService }, '2026-11-24T03:00:00.000Z', nik(51));
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'nik_active_limit' });
    expect((await t.db.query("SELECT 1 FROM bookings WHERE mpp_id = $1 AND service_id = $2", [w.mppId, counterService])).rowCount).toBe(0);
    // Once the stop booking no longer holds a place, the counter booking goes through.
    await t.db.query("UPDATE mobile_stop_bookings SET status = 'cancelled' WHERE mpp_id = $1 AND code = $2", [w.mppId, atStop.json().code]);
    const ok = await bookCounter(t, { mppId: w.mppId, serviceId: counterService }, '2026-11-24T03:00:00.000Z', nik(51));
    expect(ok.statusCode).toBe(201);
    await t.db.query('DELETE FROM booking_mpp_settings WHERE mpp_id = $1', [w.mppId]);
  });

  it('a suspended NIK cannot book a stop either', async () => {
    // Suspend through the booking domain's table as its no-show job would.
    const hash = (await t.db.query<{ nik_hash: string }>('SELECT nik_hash FROM mobile_stop_bookings WHERE mpp_id = $1 AND nik_masked = $2', [w.mppId, '3174**********01'])).rows[0]!.nik_hash;
    await t.db.query("INSERT INTO booking_suspensions (mpp_id, nik_hash, nik_masked, until, no_shows, created_at) VALUES ($1, $2, 'x', '2027-01-01', 3, now())", [w.mppId, hash]);
    const res = await bookStop(t, w, later, { serviceId: w.ktp, nik: nik(1) });
    expect(res.json()).toMatchObject({ status: 409, code: 'nik_suspended' });
  });

  it('a full stop says so; a citizen cancels with code and NIK and the place comes back', async () => {
    const third = await bookStop(t, w, stopId, { serviceId: w.kk, nik: nik(3), email: 'warga@example.id', phone: undefined });
    expect(third.statusCode).toBe(201);
    const full = await bookStop(t, w, stopId, { serviceId: w.kk, nik: nik(4) });
    expect(full.json()).toMatchObject({ status: 409, code: 'mobile_stop_full' });
    expect(full.json().title).toContain('sudah penuh (3 orang)');
    const wrongNik = await t.app.inject({ method: 'POST', url: `/api/mobile/mpps/${w.mppId}/bookings/cancel`, payload: { code: third.json().code, nik: nik(5) } });
    expect(wrongNik.statusCode).toBe(404);
    const cancel = await t.app.inject({ method: 'POST', url: `/api/mobile/mpps/${w.mppId}/bookings/cancel`, payload: { code: third.json().code.toLowerCase(), nik: nik(3) } });
    expect(cancel.json()).toMatchObject({ status: 'cancelled', stop: { booked: 2, free: 1 } });
    const twice = await t.app.inject({ method: 'POST', url: `/api/mobile/mpps/${w.mppId}/bookings/cancel`, payload: { code: third.json().code, nik: nik(3) } });
    expect(twice.json()).toMatchObject({ status: 409, code: 'invalid_transition' });
    expect((await bookStop(t, w, stopId, { serviceId: w.kk, nik: nik(4) })).statusCode).toBe(201);
  });
});

describe('changes and cancellations', () => {
  it('lowering capacity below the bookings lists them to move; after a move it goes through', async () => {
    const w = await seedMobileWorld(t);
    const a = (await createStop(t, w, '2026-12-01', { capacity: 4 })).json().id;
    const b = (await createStop(t, w, '2026-12-02', { capacity: 4 })).json().id;
    const codes: string[] = [];
    for (const i of [11, 12, 13]) codes.push((await bookStop(t, w, a, { serviceId: w.ktp, nik: nik(i) })).json().code);
    const lower = await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/mobile/stops/${a}`, headers: w.admin.headers, payload: stopBody(w, '2026-12-01', { capacity: 2 }) });
    expect(lower.statusCode).toBe(409);
    expect(lower.json()).toMatchObject({ code: 'mobile_capacity_below_bookings', capacity: 2, booked: 3, mustMove: 1 });
    expect(lower.json().title).toContain('Pindahkan atau batalkan paling sedikit 1 booking');
    expect(lower.json().bookings.map((x: { code: string }) => x.code).sort()).toEqual([...codes].sort());
    const dropService = await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/mobile/stops/${a}`, headers: w.admin.headers, payload: stopBody(w, '2026-12-01', { serviceIds: [w.kk] }) });
    expect(dropService.json()).toMatchObject({ code: 'mobile_service_has_bookings' });
    const list = await t.app.inject({ url: `/api/mpps/${w.mppId}/mobile/stops/${a}/bookings`, headers: w.admin.headers });
    const toMove = list.json().find((x: { code: string }) => x.code === codes[2]);
    const move = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/mobile/bookings/${toMove.id}/move`, headers: w.admin.headers, payload: { stopId: b } });
    expect(move.json()).toMatchObject({ stopId: b, status: 'booked' });
    const ok = await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/mobile/stops/${a}`, headers: w.admin.headers, payload: stopBody(w, '2026-12-01', { capacity: 2 }) });
    expect(ok.json()).toMatchObject({ capacity: 2, booked: 2, free: 0 });
    const moved = (await outbox(w.mppId)).filter((r) => r.topic === 'notify.text' && (r.payload.text as string).includes(codes[2]!));
    expect(moved.at(-1)!.payload.text).toContain('berubah');
  });

  it('a new time tells everyone who booked; cancelling the stop cancels the bookings and tells them why', async () => {
    const w = await seedMobileWorld(t);
    const a = (await createStop(t, w, '2026-12-03')).json().id;
    const b1 = (await bookStop(t, w, a, { serviceId: w.ktp, nik: nik(21) })).json().code;
    const b2 = (await bookStop(t, w, a, { serviceId: w.kk, nik: nik(22), phone: undefined, email: 'b2@example.id' })).json().code;
    const before = (await outbox(w.mppId)).length;
    const moved = await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/mobile/stops/${a}`, headers: w.admin.headers, payload: stopBody(w, '2026-12-03', { startTime: '13:00', endTime: '15:00' }) });
    expect(moved.json()).toMatchObject({ localStart: '13:00', booked: 2 });
    const changed = (await outbox(w.mppId)).slice(before);
    expect(changed.map((r) => r.topic).sort()).toEqual(['notify.email', 'notify.text']);
    expect(changed.find((r) => r.topic === 'notify.text')!.payload.text).toContain(b1);
    expect(changed.find((r) => r.topic === 'notify.email')!.payload.text).toContain(b2);
    expect(changed.find((r) => r.topic === 'notify.email')!.payload.text).toContain('pukul 13.00 WIB');
    // Only the capacity changed: nobody is bothered.
    const n = (await outbox(w.mppId)).length;
    await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/mobile/stops/${a}`, headers: w.admin.headers, payload: stopBody(w, '2026-12-03', { startTime: '13:00', endTime: '15:00', capacity: 30 }) });
    expect((await outbox(w.mppId)).length).toBe(n);
    const cancel = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/mobile/stops/${a}/cancel`, headers: w.admin.headers, payload: { reason: 'Jalan ke desa tertutup longsor' } });
    expect(cancel.json()).toMatchObject({ status: 'cancelled', free: 0 });
    const cancelled = (await outbox(w.mppId)).slice(n);
    expect(cancelled).toHaveLength(2);
    expect(cancelled.every((r) => JSON.stringify(r.payload).includes('longsor'))).toBe(true);
    const bookings = await t.app.inject({ url: `/api/mpps/${w.mppId}/mobile/stops/${a}/bookings`, headers: w.admin.headers });
    expect(bookings.json().map((x: { status: string }) => x.status)).toEqual(['cancelled', 'cancelled']);
    const again = await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/mobile/stops/${a}`, headers: w.admin.headers, payload: stopBody(w, '2026-12-03') });
    expect(again.json()).toMatchObject({ status: 409, code: 'mobile_stop_not_scheduled' });
    expect(again.json().title).toContain('sudah dibatalkan');
    const book = await bookStop(t, w, a, { serviceId: w.ktp, nik: nik(23) });
    expect(book.json().code).toBe('mobile_stop_not_scheduled');
    const publicList = await t.app.inject({ url: `/api/mobile/stops?mppId=${w.mppId}` });
    expect(publicList.json()).toEqual([]);
  });
});
