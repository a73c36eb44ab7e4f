import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { loadDemo } from '../demo/load.js';

// Monday 23 November 2026, 07:00 WIB.
const clock = fakeClock('2026-11-23T00:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_LIMIT: '100000' } });
  await loadDemo(t.db, clock.now());
});
afterAll(() => t.close());

describe('demo data', () => {
  it('lets a newcomer book Dukcapil, passport, SIM and Samsat services, and offers every service at the kiosk', async () => {
    const mpps = (await t.app.inject({ method: 'GET', url: '/api/booking/mpps' })).json() as { id: string; slug: string }[];
    const banyumas = mpps.find((m) => m.slug === 'mpp-demo-banyumas')!;
    const services = (await t.app.inject({ method: 'GET', url: `/api/mpps/${banyumas.id}/booking/services` })).json() as { id: string; name: string }[];
    const names = services.map((s) => s.name);
    for (const n of ['Perekaman KTP-el', 'Permohonan paspor baru (elektronik)', 'Perpanjangan SIM A', 'Pembayaran Pajak Kendaraan Bermotor (PKB) tahunan']) expect(names).toContain(n);
    expect(names).not.toContain('Legalisasi dokumen kependudukan'); // a subset, not everything

    const ktp = services.find((s) => s.name === 'Perekaman KTP-el')!;
    const booked = await t.app.inject({
      method: 'POST',
      url: `/api/mpps/${banyumas.id}/bookings`,
      payload: { serviceId: ktp.id, startsAt: '2026-11-24T02:00:00.000Z', nik: '3174011505900001', name: 'Siti Aminah', phone: '081234567890' },
    });
    expect(booked.statusCode).toBe(201);

    const offer = (await t.app.inject({ method: 'GET', url: `/api/mpps/${banyumas.id}/queue/offer` })).json() as { services: { name: string }[] };
    expect(offer.services.map((s) => s.name)).toContain('Perekaman KTP-el');
  });
});
