import { bookingAttendance } from '../booking/scorecard-read.js';
import { findMpp } from '../catalog/repository.js';
import { listServices } from '../catalog/service-repository.js';
import { complaintSla } from '../complaints/scorecard-read.js';
import { requireMppRole } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { commonErrors } from '../platform/errors.js';
import { computeIkm } from '../survey/ikm.js';
import { tallies } from '../survey/repository.js';
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
 * system data can answer (platform, security, user testing, document tracking) say so.
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
  const [services, queue, bookings, sla, survey, computedAt, months, stage] = await Promise.all([
    listServices(ctx.db, input.mppId, { activeOnly: true }),
    repo.aggregate(ctx.db, { mppId: input.mppId, from: d30, to: today }, 'total'),
    bookingAttendance(ctx.db, { mppId: input.mppId, from: d30, to: today, now: ctx.now }),
    complaintSla(ctx.db, { mppId: input.mppId, from: new Date(ctx.now.getTime() - 30 * DAY_MS), to: ctx.now, now: ctx.now }),
    tallies(ctx.db, { mppId: input.mppId, from: d90, to: today }),
    cards.cardComputedAt(ctx.db, input.mppId, month),
    cards.activeMonths(ctx.db, { mppId: input.mppId, from: `${addMonths(month, -3)}-01`, to: today }),
    mpp.regionCode ? cards.rolloutStage(ctx.db, mpp.regionCode) : Promise.resolve(null),
  ]);
  const complete = services.filter((s) => s.procedureSteps.length > 0 && s.requirements.length > 0 && s.completion.value > 0).length;
  const issued = queue[0]?.issued ?? 0;
  const respondents = survey[0]?.respondents ?? 0;
  const ikm = respondents > 0 ? computeIkm(survey[0]!.tallies).ikm : null;
  const verifiedShare = sla.verificationDue ? sla.verifiedOnTime / sla.verificationDue : null;
  const lastThree = [addMonths(month, -3), addMonths(month, -2), addMonths(month, -1)];
  const na = (code: string, name: [string, string], why: [string, string]): Criterion => ({ code, name: text(...name), status: 'not_assessable', evidence: text(...why) });
  const criteria: Criterion[] = [
    {
      code: 'informasi_umum',
      name: text('Informasi umum', 'General information'),
      status: mpp.published && services.length > 0 && complete / services.length >= 0.8 ? 'met' : 'not_met',
      evidence: text(
        `Profil ${mpp.published ? 'terbit' : 'belum terbit'}; ${services.length} layanan aktif, ${complete} dengan Standar Pelayanan lengkap (persyaratan, prosedur, waktu)${services.length ? ` = ${pct(complete / services.length)}` : ''}; syarat: terbit dan ≥ 80%.`,
        `Profile ${mpp.published ? 'published' : 'not published'}; ${services.length} active services, ${complete} with a complete Standar Pelayanan (requirements, procedure, time)${services.length ? ` = ${pct(complete / services.length)}` : ''}; needs published and ≥ 80%.`,
      ),
    },
    {
      code: 'antrian',
      name: text('Antrian', 'Queue'),
      status: issued > 0 ? 'met' : 'not_met',
      evidence: text(
        `${issued} tiket antrean dan ${bookings.checkedIn + bookings.noShow} booking online dalam 30 hari terakhir.`,
        `${issued} queue tickets and ${bookings.checkedIn + bookings.noShow} online bookings in the last 30 days.`,
      ),
    },
    {
      code: 'konsultasi_pengaduan',
      name: text('Konsultasi dan pengaduan', 'Consultation and complaints'),
      status: verifiedShare === null || verifiedShare >= 0.8 ? 'met' : 'not_met',
      evidence: text(
        `${sla.received} pengaduan dalam 30 hari; diverifikasi ≤ 3 hari kerja: ${sla.verifiedOnTime}/${sla.verificationDue}; syarat ≥ 80% (kanal pengaduan selalu tersedia di Layan).`,
        `${sla.received} complaints in 30 days; verified within 3 working days: ${sla.verifiedOnTime}/${sla.verificationDue}; needs ≥ 80% (the complaint channel is always on in Layan).`,
      ),
    },
    {
      code: 'skm',
      name: text('Survei kepuasan masyarakat', 'Satisfaction survey'),
      status: respondents > 0 ? 'met' : 'not_met',
      evidence: text(`${respondents} responden dalam 90 hari${ikm === null ? '' : `, IKM ${ikm.toFixed(2)}`}.`, `${respondents} respondents in 90 days${ikm === null ? '' : `, IKM ${ikm.toFixed(2)}`}.`),
    },
    {
      code: 'pelaporan_kinerja',
      name: text('Pelaporan kinerja', 'Performance reporting'),
      status: computedAt ? 'met' : 'not_met',
      evidence: text(
        computedAt ? `Rapor bulan ${month} dihitung ${computedAt.toISOString()}; statistik antrean dan ekspor tersedia.` : `Rapor bulan ${month} belum dihitung.`,
        computedAt ? `The ${month} scorecard was computed ${computedAt.toISOString()}; queue statistics and exports are available.` : `The ${month} scorecard has not been computed.`,
      ),
    },
    na('pemrosesan_dokumen', ['Pemrosesan dan penelusuran dokumen', 'Document processing and tracking'], ['Layan belum mencatat permohonan dan dokumennya.', 'Layan does not record applications and their documents yet.']),
    {
      code: 'komitmen',
      name: text('Komitmen', 'Commitment'),
      status: stage && stage !== 'planned' ? 'met' : 'not_met',
      evidence: text(
        mpp.regionCode ? `Tahap peluncuran tercatat untuk ${mpp.regionCode}: ${stage ?? 'belum ada'}.` : 'MPP belum terhubung ke kabupaten/kota.',
        mpp.regionCode ? `Rollout stage recorded for ${mpp.regionCode}: ${stage ?? 'none'}.` : 'The MPP is not linked to a kabupaten/kota.',
      ),
    },
    na('platform', ['Platform', 'Platform'], ['Dinilai oleh evaluator, bukan dari data sistem.', 'Judged by the evaluators, not from system data.']),
    {
      code: 'keberlanjutan',
      name: text('Keberlanjutan', 'Sustainability'),
      status: lastThree.every((m) => months.includes(m)) ? 'met' : 'not_met',
      evidence: text(
        `Bulan dengan antrean dari ${lastThree.join(', ')}: ${lastThree.filter((m) => months.includes(m)).join(', ') || 'tidak ada'}; syarat: ketiganya.`,
        `Months with queue activity of ${lastThree.join(', ')}: ${lastThree.filter((m) => months.includes(m)).join(', ') || 'none'}; needs all three.`,
      ),
    },
    na('keamanan', ['Keamanan', 'Security'], ['Dinilai lewat audit keamanan, bukan dari data sistem.', 'Judged by a security audit, not from system data.']),
    na('uji_coba_pengguna', ['Uji coba pengguna', 'User testing'], ['Layan tidak mencatat uji coba pengguna.', 'Layan does not record user testing.']),
  ];
  return {
    mppId: input.mppId,
    asOf: ctx.now.toISOString(),
    met: criteria.filter((c) => c.status === 'met').length,
    assessable: criteria.filter((c) => c.status !== 'not_assessable').length,
    criteria,
  };
}
