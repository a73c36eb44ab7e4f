import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, deviceCaller, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from './fixtures.test-helpers.js';
import { normalisePlate, speakPlate } from './plate.js';

let t: TestApp;
let w: QueueWorld;
let lane: { id: string; code: string };
let url: (p: string) => string;

const get = (path: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: url(path), headers });
const put = (path: string, headers: Record<string, string>, payload: unknown) => t.app.inject({ method: 'PUT', url: url(path), headers, payload: payload as Record<string, unknown> });
const laneTicket = (payload: Record<string, unknown>, headers = w.kiosk.headers) => t.app.inject({ method: 'POST', url: url(`/zones/${lane.id}/tickets`), headers, payload });
const callNext = async (counterId: string) => (await post(t, w.officer, url(`/counters/${counterId}/call-next`))).json().ticket;
const finish = async (ticketId: string) => {
  await post(t, w.officer, url(`/tickets/${ticketId}/start`));
  await post(t, w.officer, url(`/tickets/${ticketId}/finish`));
};

beforeAll(async () => {
  t = await createTestApp();
  w = await seedQueueWorld(t);
  url = (p) => `/api/mpps/${w.mppId}/queue${p}`;
  // Counter 2 (KTP) becomes the drive-thru window; counter 1 (KTP, KK) stays in the hall.
  const created = await t.app.inject({ method: 'POST', url: url('/zones'), headers: w.admin.headers, payload: { code: 'ktp-dt', kind: 'drive_thru', name: 'Drive-thru KTP' } });
  expect(created.statusCode).toBe(201);
  lane = created.json();
  expect((await put(`/counters/${w.counters.c2}/zone`, w.admin.headers, { zoneId: lane.id })).statusCode).toBe(200);
  await t.db.query("UPDATE counters SET name = 'Jendela 1' WHERE mpp_id = $1 AND id = $2", [w.mppId, w.counters.c2]);
  for (const c of [w.counters.c1, w.counters.c2]) await post(t, w.officer, url(`/counters/${c}/open`));
});
afterAll(() => t.close());

describe('plates', () => {
  it('writes a plate however it was typed in the one form of the plate, and refuses what is not a plate', () => {
    expect(normalisePlate('r1234ab')).toBe('R 1234 AB');
    expect(normalisePlate(' R-1234-AB ')).toBe('R 1234 AB');
    expect(normalisePlate('b 1 ri')).toBe('B 1 RI');
    expect(normalisePlate('DK123')).toBe('DK 123');
    for (const bad of ['', '1234', 'ABC 1234 D', 'R 0123 AB', 'R 12345 AB', 'R 1234 ABCD', 'R1234AB!']) expect(normalisePlate(bad)).toBeNull();
    expect(speakPlate('R 1234 AB')).toBe('R, satu dua tiga empat, A B');
  });
});

describe('zone set-up', () => {
  it('refuses a bad or taken zone code in Bahasa Indonesia, and lists the lane with its counter', async () => {
    const bad = await t.app.inject({ method: 'POST', url: url('/zones'), headers: w.admin.headers, payload: { code: 'Jalur SIM', kind: 'drive_thru', name: 'X' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json())).toContain('Kode zona');
    const taken = await t.app.inject({ method: 'POST', url: url('/zones'), headers: w.admin.headers, payload: { code: 'ktp-dt', name: 'Lagi' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('zone_code_taken');
    const zones = (await get('/zones', w.admin.headers)).json();
    expect(zones).toEqual([expect.objectContaining({ code: 'ktp-dt', kind: 'drive_thru', counters: [expect.objectContaining({ id: w.counters.c2, name: 'Jendela 1' })] })]);
    // The old counter set-up still takes a zone, but only one that exists.
    const unknown = await put(`/counters/${w.counters.c3}/setup`, w.admin.headers, { services: [{ serviceId: w.services.stnk, weight: 1 }], zone: 'lantai-9' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('zone_unknown');
  });

  it('offers the lane\'s services only', async () => {
    const offer = (await get(`/zones/${lane.id}/offer`)).json();
    expect(offer.zone).toMatchObject({ code: 'ktp-dt', name: 'Drive-thru KTP' });
    expect(offer.services.map((s: { id: string }) => s.id)).toEqual([w.services.ktp]);
    expect(offer.services[0].countersOpen).toBe(1);
    // The hall kiosk counts only the hall's open counters: the window is not one of them.
    const hall = (await get('/offer')).json();
    expect(hall.services.find((s: { id: string }) => s.id === w.services.ktp).countersOpen).toBe(1);
  });

  it('does not offer at the hall kiosk a service only a lane serves', async () => {
    const only = (await t.db.query<{ id: string }>("INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, 'DT', 'Hanya drive-thru', 'D') RETURNING id", [w.mppId, w.tenantId])).rows[0]!.id;
    await t.db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) VALUES ($1, $2, $3)', [w.mppId, w.counters.c2, only]);
    expect((await get('/offer')).json().services.map((s: { id: string }) => s.id)).not.toContain(only);
    expect((await get(`/zones/${lane.id}/offer`)).json().services.map((s: { id: string }) => s.id)).toContain(only);
    await t.db.query('DELETE FROM counter_services WHERE mpp_id = $1 AND service_id = $2', [w.mppId, only]);
  });
});

describe('a drive-thru lane', () => {
  it('issues by plate or name, refusing bad input with a problem in Bahasa Indonesia and writing nothing', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE mpp_id = $1', [w.mppId])).rows[0]!.n;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ serviceId: w.services.ktp, plate: 'R 12345 AB' }, 400, 'Nomor pelat tidak dikenali'],
      [{ serviceId: w.services.ktp }, 400, 'Isi nomor pelat kendaraan atau nama'],
      [{ serviceId: w.services.ktp, plate: 'R 1 A', name: 'Budi' }, 400, 'Isi nomor pelat kendaraan atau nama'],
      [{ serviceId: w.services.ktp, name: 'B<script>' }, 400, 'Nama hanya berisi huruf'],
      [{ serviceId: w.services.kk, plate: 'R 1 A' }, 409, 'tidak dilayani di lajur Drive-thru KTP'],
    ];
    for (const [payload, status, text] of cases) {
      const res = await laneTicket(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json())).toContain(text);
    }
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE mpp_id = $1', [w.mppId])).rows[0]!.n).toBe(before);
    // A hall zone is not a lane.
    const hall = (await t.app.inject({ method: 'POST', url: url('/zones'), headers: w.admin.headers, payload: { code: 'lantai-2', name: 'Lantai 2' } })).json();
    const notLane = await t.app.inject({ method: 'POST', url: url(`/zones/${hall.id}/tickets`), headers: w.kiosk.headers, payload: { serviceId: w.services.ktp, plate: 'R 1 A' } });
    expect(notLane.statusCode).toBe(409);
  });

  it('calls lane tickets only at the lane\'s window and counts positions only over the lane\'s counters', async () => {
    const hall1 = (await issue(t, w, w.services.ktp)).json();
    const hall2 = (await issue(t, w, w.services.ktp)).json();
    const car = await laneTicket({ serviceId: w.services.ktp, plate: 'r1234ab' });
    expect(car.statusCode).toBe(201);
    expect(car.json()).toMatchObject({ plate: 'R 1234 AB', holderName: null, peopleAhead: 0 });
    const named = (await laneTicket({ serviceId: w.services.ktp, name: 'Budi Santoso' })).json();
    expect(named).toMatchObject({ plate: null, holderName: 'Budi Santoso', peopleAhead: 1 });
    // Hall tickets wait behind hall tickets only: the lane window does not serve them.
    expect((await t.app.inject({ method: 'GET', url: `/api/queue/status/${hall2.statusToken}` })).json().peopleAhead).toBe(1);

    // The hall counter calls the hall's tickets and never the cars, though it serves KTP too.
    expect((await callNext(w.counters.c1)).id).toBe(hall1.id);
    await finish(hall1.id);
    expect((await callNext(w.counters.c1)).id).toBe(hall2.id);
    await finish(hall2.id);
    expect(await callNext(w.counters.c1)).toBeNull();
    // The window calls the cars in order.
    const first = await callNext(w.counters.c2);
    expect(first.id).toBe(car.json().id);
    // The officer at the window sees the plate of the car called.
    expect(first).toMatchObject({ plate: 'R 1234 AB', holderName: null });

    // The lane board names the plate at "Jendela 1", in voice and on screen; the hall board shows nothing of it.
    const laneBoard = (await get('/display?zone=ktp-dt', w.display.headers)).json();
    expect(laneBoard.zoneInfo).toEqual({ code: 'ktp-dt', name: 'Drive-thru KTP', kind: 'drive_thru' });
    expect(laneBoard.nowServing).toEqual([expect.objectContaining({ number: first.number, plate: 'R 1234 AB', counterName: 'Jendela 1' })]);
    const call = laneBoard.recentCalls[0];
    expect(call.payload).toMatchObject({ plate: 'R 1234 AB', counterName: 'Jendela 1', lane: 'ktp-dt' });
    expect(call.payload.speech).toMatch(/^Nomor antrean A [a-z ]+, pelat R, satu dua tiga empat, A B, silakan menuju jendela satu\.$/);
    expect(laneBoard.waiting).toEqual([expect.objectContaining({ serviceId: w.services.ktp, waiting: 1 })]);
    const hallBoard = (await get('/display', w.display.headers)).json();
    expect(JSON.stringify(hallBoard)).not.toContain('R 1234 AB');
    expect(hallBoard.nowServing.map((n: { ticketId: string }) => n.ticketId)).not.toContain(first.id);
    expect(hallBoard.waiting).toEqual([]);

    await finish(first.id);
    const second = await callNext(w.counters.c2);
    expect(second.id).toBe(named.id);
    const spoken = (await get('/display?zone=ktp-dt', w.display.headers)).json().recentCalls[0].payload.speech;
    expect(spoken).toContain(', atas nama Budi Santoso, silakan menuju jendela satu.');
    await finish(second.id);
  });

  it('binds a board and a kiosk to the lane: the board shows the lane, a kiosk of another zone may not issue here', async () => {
    const laneDisplay = await deviceCaller(t, w.admin, w.mppId, 'display');
    expect((await put(`/devices/${laneDisplay.deviceId}/zone`, w.admin.headers, { zoneId: lane.id })).statusCode).toBe(200);
    expect((await get('/display', laneDisplay.headers)).json().zoneInfo?.code).toBe('ktp-dt');

    const otherKiosk = await deviceCaller(t, w.admin, w.mppId, 'kiosk');
    const hall = (await get('/zones', w.admin.headers)).json().find((z: { code: string }) => z.code === 'lantai-2');
    await put(`/devices/${otherKiosk.deviceId}/zone`, w.admin.headers, { zoneId: hall.id });
    const refused = await laneTicket({ serviceId: w.services.ktp, plate: 'R 2 B' }, otherKiosk.headers);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('kiosk_of_other_zone');
    // An officer may issue at the lane for a driver (reception).
    expect((await laneTicket({ serviceId: w.services.ktp, plate: 'R 2 B' }, w.officer.headers)).json()).toMatchObject({ plate: 'R 2 B', channel: 'reception' });
    const zones = (await get('/zones', w.admin.headers)).json();
    expect(zones.find((z: { code: string }) => z.code === 'ktp-dt').deviceIds).toEqual([laneDisplay.deviceId]);
  });

  it('never gives one car to two windows, nor a hall ticket to a window, when they call at once', async () => {
    const c4 = (await t.db.query<{ id: string }>("INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, 4, 'Jendela 2') RETURNING id", [w.mppId, w.tenantId])).rows[0]!.id;
    await t.db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) VALUES ($1, $2, $3)', [w.mppId, c4, w.services.ktp]);
    await put(`/counters/${c4}/zone`, w.admin.headers, { zoneId: lane.id });
    await post(t, w.officer, url(`/counters/${c4}/open`));
    // Clear what waits, then three rounds of two windows and the hall counter calling at once.
    for (const c of [w.counters.c2, c4, w.counters.c1]) for (let tk = await callNext(c); tk; tk = await callNext(c)) await finish(tk.id);
    for (let round = 0; round < 3; round++) {
      const cars = await Promise.all([1, 2, 3].map((i) => laneTicket({ serviceId: w.services.ktp, plate: `R ${round * 10 + i} X` })));
      const walkers = await Promise.all([1, 2].map(() => issue(t, w, w.services.ktp)));
      const calls = await Promise.all([w.counters.c2, c4, w.counters.c1].map((c) => callNext(c)));
      const carIds = new Set(cars.map((c) => c.json().id));
      expect(carIds.has(calls[0].id) && carIds.has(calls[1].id)).toBe(true);
      expect(calls[0].id).not.toBe(calls[1].id);
      expect(walkers.map((x) => x.json().id)).toContain(calls[2].id);
      for (const c of calls) await finish(c.id);
      for (const c of [w.counters.c2, c4, w.counters.c1]) for (let tk = await callNext(c); tk; tk = await callNext(c)) await finish(tk.id);
    }
  });

  it('keeps a car in its lane when a window transfers it: never to a hall service or counter, where nobody calls cars', async () => {
    for (const c of [w.counters.c2, w.counters.c1]) for (let tk = await callNext(c); tk; tk = await callNext(c)) await finish(tk.id);
    const car = (await laneTicket({ serviceId: w.services.ktp, plate: 'R 77 T' })).json();
    // The window's waiting line names the car by its plate.
    const line = (await get(`/counters/${w.counters.c2}/console`, w.officer.headers)).json().waiting.tickets;
    expect(line).toEqual([expect.objectContaining({ id: car.id, plate: 'R 77 T', holderName: null })]);
    expect((await callNext(w.counters.c2)).id).toBe(car.id);
    // The window's console offers only the lane: its service and its other window.
    const targets = (await get(`/counters/${w.counters.c2}/console`, w.officer.headers)).json().transferTargets;
    expect(targets.services.map((s: { id: string }) => s.id)).toEqual([w.services.ktp]);
    expect(targets.counters.map((c: { name: string }) => c.name)).toEqual(['Jendela 2']);
    // A hall counter's console still offers the whole MPP.
    const hallTargets = (await get(`/counters/${w.counters.c1}/console`, w.officer.headers)).json().transferTargets;
    expect(hallTargets.services.map((s: { id: string }) => s.id)).toContain(w.services.kk);

    const transfer = (body: Record<string, unknown>) => post(t, w.officer, url(`/tickets/${car.id}/transfer`), body);
    const toHallService = await transfer({ serviceId: w.services.kk });
    expect(toHallService.statusCode).toBe(409);
    expect(toHallService.json()).toMatchObject({ code: 'service_not_in_lane' });
    expect(toHallService.json().title).toContain('Drive-thru KTP');
    const toHallCounter = await transfer({ counterId: w.counters.c1 });
    expect(toHallCounter.statusCode).toBe(409);
    expect(toHallCounter.json().code).toBe('counter_not_in_lane');
    // Nothing was written: the car is still called at its window.
    expect((await get(`/tickets/${car.id}`, w.officer.headers)).json()).toMatchObject({ status: 'called', counter: expect.objectContaining({ id: w.counters.c2 }) });

    // To the lane's other window it goes, and that window calls it.
    const other = (await t.db.query<{ id: string }>("SELECT id FROM counters WHERE mpp_id = $1 AND name = 'Jendela 2'", [w.mppId])).rows[0]!.id;
    expect((await transfer({ counterId: other })).statusCode).toBe(200);
    expect(await callNext(w.counters.c1)).toBeNull();
    expect((await callNext(other)).id).toBe(car.id);
    await finish(car.id);
  });

  it("tells a kiosk bound to the lane its lane in the heartbeat's answer, so the hall kiosk page opened on it becomes the lane's", async () => {
    const beat = async (headers: Record<string, string>) => {
      const res = await t.app.inject({ method: 'POST', url: url('/devices/heartbeat'), headers, payload: { appVersion: '0.1.0', page: 'kios' } });
      expect(res.statusCode).toBe(200);
      return res.json().lane;
    };
    const laneKiosk = await deviceCaller(t, w.admin, w.mppId, 'kiosk');
    expect(await beat(laneKiosk.headers)).toBeNull();
    expect((await put(`/devices/${laneKiosk.deviceId}/zone`, w.admin.headers, { zoneId: lane.id })).statusCode).toBe(200);
    expect(await beat(laneKiosk.headers)).toBe(lane.id);
    // A kiosk in a hall zone, or none, stays the hall's; a board bound to the lane is no kiosk.
    const hall = (await get('/zones', w.admin.headers)).json().find((z: { kind: string }) => z.kind === 'hall');
    expect((await put(`/devices/${laneKiosk.deviceId}/zone`, w.admin.headers, { zoneId: hall.id })).statusCode).toBe(200);
    expect(await beat(laneKiosk.headers)).toBeNull();
    expect(await beat(w.kiosk.headers)).toBeNull();
    const board = await deviceCaller(t, w.admin, w.mppId, 'display');
    await put(`/devices/${board.deviceId}/zone`, w.admin.headers, { zoneId: lane.id });
    expect(await beat(board.headers)).toBeNull();
  });
});
