import { applicationActivity } from '../applications/scorecard-read.js';
import { bookingAttendance } from '../booking/scorecard-read.js';
import { findMpp } from '../catalog/repository.js';
import { listServices } from '../catalog/service-repository.js';
import { complaintSla } from '../complaints/scorecard-read.js';
import { requireMppRole } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { commonErrors } from '../platform/errors.js';
import { computeIkm } from '../survey/ikm.js';
import { tallies } from '../survey/repository.js';
import { deviceCounts } from './floor-repository.js';
import * as repo from './repository.js';
import * as cards from './scorecard-repository.js';
import type { DigitalCriteria } from './scorecard-schemas.js';
import { addMonths, monthIn } from './scorecard-service.js';

type Criterion = DigitalCriteria['criteria'][number];
const DAY_MS = 86_400_000;
const text = (id: string, en: string) => ({ id, en });
const pct = (x: number) => `${Math.round(x * 100)}%`;
const dayOf = (d: Date, tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(d);

/**
 * The 11 MPP Digital evaluation criteria, scored from what Layan holds, each with its evidence. The
 * rules are Layan's reading of the criteria (docs/operations.md "MPP Digital criteria"); criteria no
 * system data can answer (security, user testing) say so and name the evidence the evaluators need.
 * @throws AppError 401/403/404 unless the MPP's admin (or a national admin).
 */
export async function getDigitalCriteria(ctx: ServiceContext, input: { mppId: string }): Promise<DigitalCriteria> {
  requireMppRole(ctx.principal, input.mppId, ['mpp_admin']);
  const mpp = await findMpp(ctx.db, { id: input.mppId });
  if (!mpp) throw commonErrors.not_found();
  const today = dayOf(ctx.now, mpp.timezone);
  const d30 = dayOf(new Date(ctx.now.getTime() - 30 * DAY_MS), mpp.timezone);
  const d90 = dayOf(new Date(ctx.now.getTime() - 90 * DAY_MS), mpp.timezone);
  const month = monthIn(ctx.now, mpp.timezone);
  await repo.foldPending(ctx.db, input.mppId);
  const [services, queue, bookings, sla, survey, computedAt, months, stage, applications, devices] = await Promise.all([
    listServices(ctx.db, input.mppId, { activeOnly: true }),
    repo.aggregate(ctx.db, { mppId: input.mppId, from: d30, to: today }, 'total'),
    bookingAttendance(ctx.db, { mppId: input.mppId, from: d30, to: today, now: ctx.now }),
    complaintSla(ctx.db, { mppId: input.mppId, from: new Date(ctx.now.getTime() - 30 * DAY_MS), to: ctx.now, now: ctx.now }),
    tallies(ctx.db, { mppId: input.mppId, from: d90, to: today }),
    cards.cardComputedAt(ctx.db, input.mppId, month),
    cards.activeMonths(ctx.db, { mppId: input.mppId, from: `${addMonths(month, -3)}-01`, to: today }),
    mpp.regionCode ? cards.rolloutStage(ctx.db, mpp.regionCode) : Promise.resolve(null),
    applicationActivity(ctx.db, { mppId: input.mppId, from: new Date(ctx.now.getTime() - 90 * DAY_MS), now: ctx.now }),
    deviceCounts(ctx.db, input.mppId),
  ]);
  const onlineBookings = bookings.checkedIn + bookings.noShow;
  const readyShare = applications.due ? applications.readyOnTime / applications.due : null;
  const complete = services.filter((s) => s.procedureSteps.length > 0 && s.requirements.length > 0 && s.completion.value > 0).length;
  const issued = queue[0]?.issued ?? 0;
  const respondents = survey[0]?.respondents ?? 0;
  const ikm = respondents > 0 ? computeIkm(survey[0]!.tallies).ikm : null;
  const verifiedShare = sla.verificationDue ? sla.verifiedOnTime / sla.verificationDue : null;
  const lastThree = [addMonths(month, -3), addMonths(month, -2), addMonths(month, -1)];
  const na = (code: string, name: [string, string], why: [string, string], missing: [string, string]): Criterion => ({
    code,
    name: text(...name),
    status: 'not_assessable',
    evidence: text(...why),
    missing: text(...missing),
  });
  const criteria: Criterion[] = [
    {
      code: 'informasi_umum',
      missing: null,
      name: text('Informasi umum', 'General information'),
      status: mpp.published && services.length > 0 && complete / services.length >= 0.8 ? 'met' : 'not_met',
      evidence: text(
        `Profil ${mpp.published ? 'terbit' : 'belum terbit'}; ${services.length} layanan aktif, ${complete} dengan Standar Pelayanan lengkap (persyaratan, prosedur, waktu)${services.length ? ` = ${pct(complete / services.length)}` : ''}; syarat: terbit dan ≥ 80%.`,
        `Profile ${mpp.published ? 'published' : 'not published'}; ${services.length} active services, ${complete} with a complete Standar Pelayanan (requirements, procedure, time)${services.length ? ` = ${pct(complete / services.length)}` : ''}; needs published and ≥ 80%.`,
      ),
    },
    {
      code: 'antrian',
      missing: null,
      name: text('Antrian', 'Queue'),
      status: issued > 0 ? 'met' : 'not_met',
      evidence: text(
        `${issued} tiket antrean dan ${bookings.checkedIn + bookings.noShow} booking online dalam 30 hari terakhir.`,
        `${issued} queue tickets and ${bookings.checkedIn + bookings.noShow} online bookings in the last 30 days.`,
      ),
    },
    {
      code: 'konsultasi_pengaduan',
      missing: null,
      name: text('Konsultasi dan pengaduan', 'Consultation and complaints'),
      status: verifiedShare === null || verifiedShare >= 0.8 ? 'met' : 'not_met',
      evidence: text(
        `${sla.received} pengaduan dalam 30 hari; diverifikasi ≤ 3 hari kerja: ${sla.verifiedOnTime}/${sla.verificationDue}; syarat ≥ 80% (kanal pengaduan selalu tersedia di Layan).`,
        `${sla.received} complaints in 30 days; verified within 3 working days: ${sla.verifiedOnTime}/${sla.verificationDue}; needs ≥ 80% (the complaint channel is always on in Layan).`,
      ),
    },
    {
      code: 'skm',
      missing: null,
      name: text('Survei kepuasan masyarakat', 'Satisfaction survey'),
      status: respondents > 0 ? 'met' : 'not_met',
      evidence: text(`${respondents} responden dalam 90 hari${ikm === null ? '' : `, IKM ${ikm.toFixed(2)}`}.`, `${respondents} respondents in 90 days${ikm === null ? '' : `, IKM ${ikm.toFixed(2)}`}.`),
    },
    {
      code: 'pelaporan_kinerja',
      missing: null,
      name: text('Pelaporan kinerja', 'Performance reporting'),
      status: computedAt ? 'met' : 'not_met',
      evidence: text(
        computedAt ? `Rapor bulan ${month} dihitung ${computedAt.toISOString()}; statistik antrean dan ekspor tersedia.` : `Rapor bulan ${month} belum dihitung.`,
        computedAt ? `The ${month} scorecard was computed ${computedAt.toISOString()}; queue statistics and exports are available.` : `The ${month} scorecard has not been computed.`,
      ),
    },
    {
      code: 'pemrosesan_dokumen',
      missing: null,
      name: text('Pemrosesan dan penelusuran dokumen', 'Document processing and tracking'),
      status: applications.opened > 0 && (readyShare === null || readyShare >= 0.8) ? 'met' : 'not_met',
      evidence: text(
        `${applications.opened} permohonan tercatat (dengan kode lacak) dalam 90 hari; jatuh tempo ${applications.due}, siap tepat waktu ${applications.readyOnTime}${readyShare === null ? '' : ` = ${pct(readyShare)}`}; syarat: ada permohonan dan ≥ 80% tepat waktu.`,
        `${applications.opened} applications recorded (with a tracking code) in 90 days; ${applications.due} due, ${applications.readyOnTime} ready on time${readyShare === null ? '' : ` = ${pct(readyShare)}`}; needs applications and ≥ 80% on time.`,
      ),
    },
    {
      code: 'komitmen',
      missing: null,
      name: text('Komitmen', 'Commitment'),
      status: stage && stage !== 'planned' ? 'met' : 'not_met',
      evidence: text(
        mpp.regionCode ? `Tahap peluncuran tercatat untuk ${mpp.regionCode}: ${stage ?? 'belum ada'}.` : 'MPP belum terhubung ke kabupaten/kota.',
        mpp.regionCode ? `Rollout stage recorded for ${mpp.regionCode}: ${stage ?? 'none'}.` : 'The MPP is not linked to a kabupaten/kota.',
      ),
    },
    {
      code: 'platform',
      missing: null,
      name: text('Platform', 'Platform'),
      status: mpp.published && devices.kiosk > 0 && devices.display > 0 && onlineBookings > 0 ? 'met' : 'not_met',
      evidence: text(
        `Profil daring ${mpp.published ? 'terbit' : 'belum terbit'}; ${devices.kiosk} kios dan ${devices.display} layar antrean terdaftar; ${onlineBookings} booking online dalam 30 hari; syarat: profil terbit, kios, layar, dan booking online dipakai.`,
        `Online profile ${mpp.published ? 'published' : 'not published'}; ${devices.kiosk} kiosks and ${devices.display} queue boards registered; ${onlineBookings} online bookings in 30 days; needs a published profile, a kiosk, a board and online bookings in use.`,
      ),
    },
    {
      code: 'keberlanjutan',
      missing: null,
      name: text('Keberlanjutan', 'Sustainability'),
      status: lastThree.every((m) => months.includes(m)) ? 'met' : 'not_met',
      evidence: text(
        `Bulan dengan antrean dari ${lastThree.join(', ')}: ${lastThree.filter((m) => months.includes(m)).join(', ') || 'tidak ada'}; syarat: ketiganya.`,
        `Months with queue activity of ${lastThree.join(', ')}: ${lastThree.filter((m) => months.includes(m)).join(', ') || 'none'}; needs all three.`,
      ),
    },
    na(
      'keamanan',
      ['Keamanan', 'Security'],
      ['Dinilai lewat audit keamanan, bukan dari data sistem.', 'Judged by a security audit, not from system data.'],
      [
        'Laporan uji penetrasi atau audit keamanan (BSSN/pihak ketiga) dengan tanggal dan tindak lanjut temuannya, serta kebijakan cadangan data yang diuji.',
        'A penetration test or security audit report (BSSN or a third party) with its date and the follow-up of its findings, and a tested data backup policy.',
      ],
    ),
    na(
      'uji_coba_pengguna',
      ['Uji coba pengguna', 'User testing'],
      ['Layan tidak mencatat uji coba pengguna.', 'Layan does not record user testing.'],
      [
        'Laporan uji coba pengguna: tanggal, jumlah dan profil peserta (termasuk penyandang disabilitas), temuan dan perbaikannya.',
        'A user testing report: date, number and profile of participants (people with disabilities included), findings and fixes.',
      ],
    ),
  ];
  return {
    mppId: input.mppId,
    asOf: ctx.now.toISOString(),
    met: criteria.filter((c) => c.status === 'met').length,
    assessable: criteria.filter((c) => c.status !== 'not_assessable').length,
    criteria,
  };
}
