import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { addDays, localParts } from '../catalog/hours.js';
import * as catalogRepo from '../catalog/repository.js';
import type { MppInput, ServiceInput, WeeklyHours } from '../catalog/schemas.js';
import { insertServiceTx } from '../catalog/standards-service.js';
import { loadDemoBookingHistory } from '../booking/demo-history.js';
import { loadDemoComplaintHistory } from '../complaints/demo-history.js';
import { loadDemoHistory } from '../operations/demo-history.js';
import { hashPassword, sha256 } from '../identity/service.js';
import { seedMobileDemo } from '../mobile/demo.js';
import { SYSTEM_ACTOR, type Role } from '../platform/auth.js';
import type { Db, Queryable } from '../platform/db.js';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_SLUGS, TENANTS, demoCounterCount, type ServiceSeed, type TenantSeed } from './data.js';

export interface DemoSummary {
  mpps: { slug: string; name: string; tenants: number; services: number }[];
  accounts: { email: string; role: Role; scope: string }[];
  password: string;
  devices: { mpp: string; kind: 'kiosk' | 'display'; token: string; /** The drive-thru lane (zone code) it is bound to. */ zone?: string }[];
}

const ACTOR = { ...SYSTEM_ACTOR, label: 'demo' };

const WEEKDAY = { opens: '08:00', closes: '15:00', breaks: [{ start: '12:00', end: '13:00', label: 'Istirahat' }] };
const WEEK: WeeklyHours = {
  '1': WEEKDAY,
  '2': WEEKDAY,
  '3': WEEKDAY,
  '4': WEEKDAY,
  '5': { opens: '08:00', closes: '15:30', breaks: [{ start: '11:30', end: '13:00', label: 'Salat Jumat' }] },
  '6': { opens: '08:00', closes: '12:00', breaks: [] },
};

const MAKLUMAT = (name: string) =>
  `Dengan ini kami, seluruh penyelenggara layanan di ${name}, menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan, ` +
  'memberikan pelayanan dengan cepat, mudah, transparan, tidak diskriminatif dan tanpa pungutan di luar ketentuan, serta melakukan perbaikan secara terus-menerus. ' +
  'Apabila kami tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.';

const FACILITIES = ['Meja informasi', 'Ruang pengaduan', 'Ruang laktasi', 'Pojok bermain anak', 'Toilet disabilitas', 'Kursi roda', 'Musala', 'Kios layanan mandiri', 'Pojok baca', 'Area parkir'];

interface DemoMppSeed {
  slug: string;
  name: string;
  regionCode: string;
  timezone: MppInput['timezone'];
  address: string;
  phone: string;
  capacity: number;
  tenantCodes: string[] | 'all';
}

const MPPS: DemoMppSeed[] = [
  { slug: DEMO_SLUGS[0], name: 'MPP Satria Banyumas (demo)', regionCode: '33.02', timezone: 'Asia/Jakarta', address: 'Jl. Jenderal Soedirman No. 100, Purwokerto, Kabupaten Banyumas', phone: '(0281) 000-100', capacity: 250, tenantCodes: 'all' },
  { slug: DEMO_SLUGS[1], name: 'MPP Butta Gowa (demo)', regionCode: '73.06', timezone: 'Asia/Makassar', address: 'Jl. Syamsuddin Tunru No. 20, Sungguminasa, Kabupaten Gowa', phone: '(0411) 000-200', capacity: 80, tenantCodes: ['DUKCAPIL', 'POLRES', 'SAMSAT', 'BAPENDA', 'BPJSKES', 'PDAM'] },
  { slug: DEMO_SLUGS[2], name: 'MPP Port Numbay Jayapura (demo)', regionCode: '91.71', timezone: 'Asia/Jayapura', address: 'Jl. Percetakan Negara No. 5, Kota Jayapura', phone: '(0967) 000-300', capacity: 60, tenantCodes: ['DUKCAPIL', 'IMIGRASI', 'PAJAK', 'PLN', 'BANKDAERAH'] },
];

function channelsOf(tenant: TenantSeed, s: ServiceSeed): ServiceInput['channels'] {
  if (tenant.code === 'DUKCAPIL') return s[0].startsWith('Pencetakan') || s[0].includes('KIA') ? ['direct', 'mobile', 'self_service', 'online'] : ['direct', 'mobile', 'online'];
  if (tenant.code === 'POLRES' && s[0].startsWith('Perpanjangan SIM')) return ['direct', 'mobile', 'online'];
  if (tenant.code === 'SAMSAT' && s[0].startsWith('Pembayaran')) return ['direct', 'mobile', 'online'];
  if (['PAJAK', 'BPJSKES', 'BPJSTK', 'DPMPTSP'].includes(tenant.code)) return ['direct', 'online'];
  return ['direct'];
}

/**
 * Services a newcomer can book online in the demo: the ones MPPs usually open to booking (KTP-el and
 * KK at Dukcapil, passports, SIM renewal, the yearly vehicle tax). The rest stay walk-in only.
 */
const BOOKABLE: Record<string, (name: string) => boolean> = {
  DUKCAPIL: (n) => n.startsWith('Perekaman KTP-el') || n.startsWith('Pencetakan KTP-el') || n.startsWith('Penerbitan Kartu Keluarga') || n.includes('(KIA)'),
  IMIGRASI: (n) => n.includes('paspor'),
  POLRES: (n) => n.startsWith('Perpanjangan SIM'),
  SAMSAT: (n) => n.startsWith('Pembayaran Pajak Kendaraan'),
};

export function demoBookingSettings(tenantCode: string, serviceName: string): Record<string, unknown> {
  if (!BOOKABLE[tenantCode]?.(serviceName)) return {};
  // Passports take longer per person and are booked further ahead; the others are quick counters.
  return tenantCode === 'IMIGRASI'
    ? { enabled: true, slotMinutes: 30, capacityPerSlot: 4, bookAheadDays: 30, dailyQuota: 40 }
    : { enabled: true, slotMinutes: 30, capacityPerSlot: 6, bookAheadDays: 14 };
}

function serviceInput(tenant: TenantSeed, tenantId: string, s: ServiceSeed, index: number, mppName: string): ServiceInput {
  const [name, requirements, fee, value, unit, product] = s;
  const steps = [
    'Ambil nomor antrean di kios atau daftar daring melalui MPP Digital.',
    `Serahkan berkas persyaratan kepada petugas loket ${tenant.name}.`,
    'Petugas memeriksa kelengkapan dan keabsahan berkas; berkas yang belum lengkap dikembalikan dengan penjelasan tertulis.',
    ...(fee > 0 ? [`Bayar biaya sebesar Rp${fee.toLocaleString('id-ID')} melalui kanal pembayaran resmi dan simpan bukti bayarnya.`] : []),
    unit === 'd' ? `Berkas diproses paling lama ${value} hari kerja; pemohon diberi tahu melalui SMS/WhatsApp saat produk siap.` : 'Petugas memproses permohonan saat itu juga.',
    `${product} diserahkan kepada pemohon di loket.`,
  ];
  return {
    tenantId,
    code: `${tenant.code}-${String(index + 1).padStart(2, '0')}`,
    name,
    description: `${name} di ${mppName}.`,
    requirements: requirements.map((typeCode) => ({ typeCode, note: '' })),
    procedureSteps: steps,
    completion: { value, unit: unit === 'd' ? 'working_days' : 'minutes' },
    feeRupiah: fee,
    feeLegalBasis: fee > 0 ? tenant.feeBasis : `Tidak dipungut biaya. ${tenant.feeBasis}`,
    product,
    complaintChannels: 'Ruang pengaduan MPP (lantai 1); SP4N-LAPOR! di lapor.go.id atau SMS 1708; WhatsApp pengaduan MPP; kotak saran di ruang tunggu.',
    internal: {
      legalBasis: tenant.legalBasis,
      facilities: 'Loket pelayanan, komputer dan pemindai, printer, kursi tunggu, ruang laktasi, toilet disabilitas.',
      staffCompetence: `Memahami peraturan di bidang layanan ${tenant.name}; mampu mengoperasikan aplikasi layanan; ramah dan komunikatif.`,
      internalSupervision: 'Dilakukan oleh atasan langsung secara berjenjang dan oleh Aparat Pengawasan Intern Pemerintah.',
      staffCount: `${index % 3 === 0 ? 3 : 2} orang`,
      serviceGuarantee: 'Pelayanan diberikan sesuai standar pelayanan ini; bila tidak, pemohon berhak menyampaikan pengaduan dan mendapat tanggapan.',
      safetyGuarantee: 'Data pribadi pemohon dijaga kerahasiaannya; ruang pelayanan dilengkapi APAR, CCTV dan jalur evakuasi.',
      performanceEvaluation: 'Evaluasi kinerja pelaksana setiap semester melalui Survei Kepuasan Masyarakat dan rapat evaluasi.',
    },
    channels: channelsOf(tenant, s),
    handlingMinutes: unit === 'm' ? Math.min(Math.max(value, 5), 60) : 15,
    ticketPrefix: tenant.prefix,
    bookingSettings: demoBookingSettings(tenant.code, name),
    active: true,
  };
}

async function insertUser(q: Queryable, email: string, name: string, passwordHash: string, role: Role, mppId: string, tenantId: string | null): Promise<string> {
  const { rows } = await q.query<{ id: string }>('INSERT INTO users (email, name, password_hash, must_change_password) VALUES ($1, $2, $3, false) RETURNING id', [email, name, passwordHash]);
  await q.query('INSERT INTO role_grants (user_id, role, mpp_id, tenant_id) VALUES ($1, $2, $3, $4)', [rows[0]!.id, role, mppId, tenantId]);
  return rows[0]!.id;
}

/** Removes the demo MPPs (and everything they own) and the demo staff accounts. */
export async function removeDemo(db: Db): Promise<{ mpps: number; users: number }> {
  return db.transaction(async (tx) => {
    const users = await tx.query('DELETE FROM users WHERE lower(email) LIKE $1', [`%@${DEMO_EMAIL_DOMAIN}`]);
    const mpps = await tx.query('DELETE FROM mpps WHERE slug = ANY($1)', [[...DEMO_SLUGS]]);
    return { mpps: mpps.rowCount, users: users.rowCount };
  });
}

/** Loads (or reloads) the three demo MPPs with their agencies, services, staff and devices, all in one transaction. */
export async function loadDemo(db: Db, now: Date = new Date()): Promise<DemoSummary> {
  await removeDemo(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const summary: DemoSummary = { mpps: [], accounts: [], password: DEMO_PASSWORD, devices: [] };
    for (const [m, seed] of MPPS.entries()) {
      const mppId = await catalogRepo.insertMpp(tx, {
        name: seed.name,
        slug: seed.slug,
        regionCode: seed.regionCode,
        timezone: seed.timezone,
        address: seed.address,
        weeklyHours: WEEK,
        waitingCapacity: seed.capacity,
        contacts: { phone: seed.phone, whatsapp: '0812-0000-0000', email: `mpp@${DEMO_EMAIL_DOMAIN}` },
        facilities: m === 0 ? FACILITIES : FACILITIES.slice(0, 5),
        maklumat: MAKLUMAT(seed.name),
        published: true,
      });
      const today = localParts(now, seed.timezone).date;
      await catalogRepo.upsertSpecialDay(tx, mppId, { day: addDays(today, 10), opens: '08:00', closes: '11:00', breaks: [], note: 'Jam layanan dipersingkat: upacara hari jadi kabupaten' });
      const tenants = TENANTS.filter((t) => seed.tenantCodes === 'all' || seed.tenantCodes.includes(t.code));
      const tenantIds = new Map<string, string>();
      let counter = 1;
      let services = 0;
      const polresServices = new Map<string, string>();
      for (const [ti, t] of tenants.entries()) {
        const tenantId = await catalogRepo.insertTenant(tx, mppId, { kind: t.kind, name: t.name, code: t.code, description: `Gerai ${t.name} di ${seed.name}.`, logo: null, active: true });
        tenantIds.set(t.code, tenantId);
        const counters = demoCounterCount(t.services.length);
        const counterIds: string[] = [];
        for (let k = 0; k < counters; k++) counterIds.push(await catalogRepo.insertCounter(tx, mppId, { tenantId, number: counter++, name: `Loket ${t.code} ${k + 1}`, active: true }));
        await catalogRepo.insertAgreement(tx, mppId, tenantId, { kind: 'mou', number: `${String(ti + 1).padStart(3, '0')}/MOU-MPP/${seed.regionCode}/2024`, signedOn: '2024-02-01', validUntil: '2029-02-01', status: 'active', note: '' });
        // A few PKS run out soon so the expiry flag shows in the demo.
        const pksEnd = ti % 7 === 3 ? addDays(today, 45) : '2027-12-31';
        await catalogRepo.insertAgreement(tx, mppId, tenantId, { kind: 'pks', number: `${String(ti + 1).padStart(3, '0')}/PKS-MPP/${seed.regionCode}/2024`, signedOn: '2024-03-01', validUntil: pksEnd, status: 'active', note: '' });
        for (const [si, s] of t.services.entries()) {
          const service = await insertServiceTx(tx, mppId, serviceInput(t, tenantId, s, si, seed.name), ACTOR, now);
          if (t.code === 'POLRES') polresServices.set(s[0], service.id);
          // Every counter of the agency serves its services, so the kiosk offers them (weights and
          // quotas are then adjusted on the staff page "Pengaturan antrean").
          for (const counterId of counterIds) {
            await tx.query('INSERT INTO counter_services (mpp_id, counter_id, service_id, weight) VALUES ($1, $2, $3, 1)', [mppId, counterId, service.id]);
          }
          services++;
        }
      }
      const lanes = tenantIds.has('POLRES') ? await insertDriveThruLanes(tx, mppId, tenantIds.get('POLRES')!, polresServices, counter) : [];
      summary.mpps.push({ slug: seed.slug, name: seed.name, tenants: tenants.length, services });
      const local = seed.slug.replace('mpp-demo-', '');
      const officers = new Map<string, string>();
      const account = async (email: string, name: string, role: Role, tenantCode: string | null) => {
        const userId = await insertUser(tx, email, name, passwordHash, role, mppId, tenantCode ? tenantIds.get(tenantCode)! : null);
        if (role === 'officer' && tenantCode) officers.set(tenantIds.get(tenantCode)!, userId);
        summary.accounts.push({ email, role, scope: tenantCode ? `${seed.slug} / ${tenantCode}` : seed.slug });
      };
      await account(`admin.${local}@${DEMO_EMAIL_DOMAIN}`, `Admin ${seed.name}`, 'mpp_admin', null);
      if (m === 0) {
        await account(`admin.dukcapil@${DEMO_EMAIL_DOMAIN}`, 'Admin Dukcapil', 'tenant_admin', 'DUKCAPIL');
        await account(`petugas.dukcapil@${DEMO_EMAIL_DOMAIN}`, 'Sari (petugas Dukcapil)', 'officer', 'DUKCAPIL');
        await account(`petugas.polres@${DEMO_EMAIL_DOMAIN}`, 'Bayu (petugas SIM)', 'officer', 'POLRES');
        await account(`petugas.samsat@${DEMO_EMAIL_DOMAIN}`, 'Wulan (petugas Samsat)', 'officer', 'SAMSAT');
        for (const kind of ['kiosk', 'display'] as const) {
          const token = `${kind === 'kiosk' ? 'ksk' : 'dsp'}_${randomBytes(32).toString('base64url')}`;
          await tx.query('INSERT INTO device_tokens (mpp_id, kind, name, token_hash) VALUES ($1, $2, $3, $4)', [mppId, kind, kind === 'kiosk' ? 'Kios lobi (demo)' : 'Layar ruang tunggu (demo)', sha256(token)]);
          summary.devices.push({ mpp: seed.slug, kind, token });
        }
        // Each drive-thru lane has its own kiosk at the car window and its own board.
        for (const lane of lanes) {
          for (const kind of ['kiosk', 'display'] as const) {
            const token = `${kind === 'kiosk' ? 'ksk' : 'dsp'}_${randomBytes(32).toString('base64url')}`;
            const { rows } = await tx.query<{ id: string }>('INSERT INTO device_tokens (mpp_id, kind, name, token_hash) VALUES ($1, $2, $3, $4) RETURNING id', [
              mppId,
              kind,
              `${kind === 'kiosk' ? 'Kios' : 'Layar'} ${lane.name} (demo)`,
              sha256(token),
            ]);
            await tx.query('INSERT INTO queue_device_zones (mpp_id, device_id, zone_id) VALUES ($1, $2, $3)', [mppId, rows[0]!.id, lane.id]);
            summary.devices.push({ mpp: seed.slug, kind, token, zone: lane.code });
          }
        }
      }
      await seedMobileDemo(tx, { mppId, regionCode: seed.regionCode, timezone: seed.timezone, now });
      // Five past months of queue activity and survey answers, so scorecards, trends and statistics have figures.
      await loadDemoHistory(tx, { mppId, timezone: seed.timezone, today, months: 5, ticketsPerDay: m === 0 ? 70 : 30, seed: 1400 + m, officers, surveyPerMonth: m === 0 ? 60 : 30 });
      // And complaints and online bookings of those months, for the scorecard's complaint SLA and booking no-shows.
      await loadDemoComplaintHistory(tx, { mppId, timezone: seed.timezone, today, months: 5, perMonth: m === 0 ? 16 : 6, seed: 1500 + m, now });
      await loadDemoBookingHistory(tx, { mppId, timezone: seed.timezone, today, months: 5, bookingsPerDay: m === 0 ? 10 : 4, seed: 1600 + m });
    }
    return summary;
  });
}

/**
 * The SIM and SKCK drive-thru corners of the Polres agency: a lane each (a queue zone of kind
 * 'drive_thru') with one window serving only the lane's services. Returns the lanes.
 */
async function insertDriveThruLanes(tx: Queryable, mppId: string, polresId: string, services: Map<string, string>, firstNumber: number): Promise<{ id: string; code: string; name: string }[]> {
  const LANES = [
    { code: 'sim-dt', name: 'Drive-thru SIM', window: 'Jendela 1', services: ['Perpanjangan SIM A', 'Perpanjangan SIM C'] },
    { code: 'skck-dt', name: 'Drive-thru SKCK', window: 'Jendela 2', services: ['Perpanjangan SKCK', 'Penerbitan SKCK baru'] },
  ];
  const out: { id: string; code: string; name: string }[] = [];
  for (const [i, lane] of LANES.entries()) {
    const { rows } = await tx.query<{ id: string }>("INSERT INTO queue_zones (mpp_id, code, kind, name) VALUES ($1, $2, 'drive_thru', $3) RETURNING id", [mppId, lane.code, lane.name]);
    const counterId = await catalogRepo.insertCounter(tx, mppId, { tenantId: polresId, number: firstNumber + i, name: lane.window, active: true });
    await tx.query('INSERT INTO queue_counter_state (mpp_id, counter_id, zone) VALUES ($1, $2, $3)', [mppId, counterId, lane.code]);
    for (const name of lane.services) {
      const serviceId = services.get(name);
      if (serviceId) await tx.query('INSERT INTO counter_services (mpp_id, counter_id, service_id, weight) VALUES ($1, $2, $3, 1)', [mppId, counterId, serviceId]);
    }
    out.push({ id: rows[0]!.id, code: lane.code, name: lane.name });
  }
  return out;
}

export function formatSummary(s: DemoSummary): string {
  const lines = ['Demo data loaded:'];
  for (const m of s.mpps) lines.push(`  ${m.name} (/mpp/${m.slug}): ${m.tenants} agencies, ${m.services} services`);
  lines.push(`Demo staff accounts (password for all: ${s.password}):`);
  for (const a of s.accounts) lines.push(`  ${a.email.padEnd(36)} ${a.role.padEnd(13)} ${a.scope}`);
  lines.push('Device tokens (shown once):');
  for (const d of s.devices) lines.push(`  ${d.kind.padEnd(8)} ${d.mpp}${d.zone ? ` (lajur ${d.zone})` : ''}: ${d.token}`);
  return `${lines.join('\n')}\n`;
}

/** Loads the demo MPPs when the database has none yet, and prints the demo accounts and device tokens. */
export async function loadDemoIfEmpty(db: Db, log: FastifyBaseLogger): Promise<void> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mpps');
  if ((rows[0]?.n ?? 0) > 0) return;
  const summary = await loadDemo(db);
  log.info({ mpps: summary.mpps }, 'demo data loaded');
  process.stdout.write(`\n${formatSummary(summary)}\n`);
}
