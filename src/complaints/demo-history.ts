import { findNonWorkingDates } from '../calendar/repository.js';
import { addCalendarDays, addWorkingDays, isWorkingDay, type Timezone } from '../calendar/working-days.js';
import { listActiveServiceNames } from '../catalog/read.js';
import { SYSTEM_ACTOR } from '../platform/auth.js';
import type { Queryable } from '../platform/db.js';
import { seededRandom } from '../platform/seeded-random.js';
import * as repo from './repository.js';
import { REOPEN_DAYS, resolutionDays, VERIFICATION_DAYS, type Track } from './sla.js';
import type { Status } from './state-machine.js';
import { newTrackingCode } from './tracking-code.js';

/** The scorecard's complaint figures of one local month of receipt, as the generator counted them (complaints/scorecard-read.ts rules). */
export interface DemoComplaintMonth {
  received: number;
  verificationDue: number;
  verifiedOnTime: number;
  resolutionDue: number;
  resolvedOnTime: number;
}

export interface DemoComplaintHistoryInput {
  mppId: string;
  timezone: Timezone;
  today: string;
  months: number;
  perMonth: number;
  seed: number;
  /** Steps after this instant have not happened yet (the complaint stays where it was). */
  now: Date;
}

const ACTOR = { ...SYSTEM_ACTOR, label: 'riwayat demo' };
const TEXTS = [
  'Antrean di loket terlalu lama, mohon ditambah petugas pada jam sibuk.',
  'Persyaratan yang diminta petugas berbeda dengan yang tertulis di papan informasi.',
  'Mohon informasi jadwal layanan keliling di kecamatan kami.',
  'Pendingin ruangan di ruang tunggu tidak berfungsi.',
  'Petugas sangat membantu, terima kasih. Mohon tambah kursi di ruang tunggu.',
];
const HOUR = 3_600_000;

/**
 * Past complaints of a demo MPP, so the scorecard's complaint SLA has a history: received on working
 * days in office hours; 10% set aside, the rest verified, a share late (past the 3 working days) falling
 * from 25% to 5% over the months; verified ones answered, a share late (past their track's limit)
 * falling from 30% to 10%; answered ones closed once the citizen's reopen period has passed. Each step
 * is an event row; a step after `now` has not happened. Written through this domain's own repository;
 * contacts left empty (nobody real).
 */
export async function loadDemoComplaintHistory(q: Queryable, input: DemoComplaintHistoryInput): Promise<Record<string, DemoComplaintMonth>> {
  const rnd = seededRandom(input.seed);
  const services = await listActiveServiceNames(q, input.mppId);
  const [ty, tm] = input.today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(ty, tm - 1 - input.months, 1)).toISOString().slice(0, 10);
  const nonWorking = await findNonWorkingDates(q, input.mppId, start, addCalendarDays(input.today, 200));
  const due = (from: Date, days: number) => addWorkingDays(from, days, input.timezone, nonWorking);
  const offset = (Number(new Intl.DateTimeFormat('en-CA', { timeZone: input.timezone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(`${input.today}T00:00:00Z`))) % 24) * HOUR;
  const now = input.now.getTime();
  const months: Record<string, DemoComplaintMonth> = {};
  for (let m = 0; m <= input.months; m++) {
    const first = new Date(Date.UTC(ty, tm - 1 - input.months + m, 1));
    const month = first.toISOString().slice(0, 7);
    const tally: DemoComplaintMonth = (months[month] = { received: 0, verificationDue: 0, verifiedOnTime: 0, resolutionDue: 0, resolvedOnTime: 0 });
    const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    for (let i = 0; i < input.perMonth; i++) {
      const day = `${month}-${String(1 + Math.floor(rnd() * daysInMonth)).padStart(2, '0')}`;
      const receivedAt = new Date(Date.parse(`${day}T00:00:00Z`) + (8 * 60 + Math.floor(rnd() * 420)) * 60_000 - offset);
      if (day >= input.today || receivedAt.getTime() >= now || !isWorkingDay(day, nonWorking)) continue;
      const service = services.length ? services[Math.floor(rnd() * services.length)]! : null;
      const cls = rnd() < 0.2 ? 'permintaan_informasi' : 'pengaduan';
      const verificationDue = due(receivedAt, VERIFICATION_DAYS);
      const row = await repo.insertComplaint(q, {
        mpp_id: input.mppId, tracking_code: newTrackingCode(), channel: rnd() < 0.7 ? 'web' : 'kiosk', class: cls,
        subject_type: service ? 'service' : 'mpp', subject_tenant_id: service?.tenant_id ?? null, subject_service_id: service?.id ?? null, subject_detail: null,
        description: TEXTS[Math.floor(rnd() * TEXTS.length)]!, contact_name: null, contact_email: null, contact_phone: null, consent_share_identity: false,
        address: null, lat: null, long: null, received_at: receivedAt, verification_due_at: verificationDue, open311_key_id: null,
      });
      const event = (at: Date, action: string, from: Status | null, to: Status) =>
        repo.insertEvent(q, { mppId: input.mppId, complaintId: row.id, at, action, from, to, actor: ACTOR, visibility: 'public', note: null });
      await event(receivedAt, 'file', null, 'received');
      tally.received++;

      // Verification: on time somewhere before the deadline, or a few hours to two days late.
      const lateVerify = rnd() < Math.max(0.25 - 0.05 * m, 0.05);
      const decidedAt = new Date(lateVerify ? verificationDue.getTime() + (2 + rnd() * 46) * HOUR : receivedAt.getTime() + rnd() * (verificationDue.getTime() - receivedAt.getTime()));
      const setAside = rnd() < 0.1;
      let status: Status = 'received';
      const patch: repo.ComplaintPatch = {};
      let last = receivedAt;
      if (decidedAt.getTime() < now) {
        status = setAside ? 'archived' : 'verified';
        last = decidedAt;
        if (setAside) patch.status_reason = 'Bukan pengaduan pelayanan (riwayat demo).';
        await event(decidedAt, setAside ? 'set_aside' : 'verify', 'received', status);
      }
      if (decidedAt.getTime() < now || verificationDue.getTime() < now) tally.verificationDue++;
      if (decidedAt.getTime() < now && decidedAt <= verificationDue) tally.verifiedOnTime++;

      if (status === 'verified') {
        const track: Track = rnd() < 0.8 ? 'simple' : 'dispute';
        const resolutionDue = due(decidedAt, resolutionDays(cls, track));
        Object.assign(patch, { track, verified_at: decidedAt, resolution_due_at: resolutionDue });
        const lateAnswer = rnd() < Math.max(0.3 - 0.04 * m, 0.1);
        const answeredAt = new Date(lateAnswer ? resolutionDue.getTime() + (4 + rnd() * 68) * HOUR : decidedAt.getTime() + rnd() * (resolutionDue.getTime() - decidedAt.getTime()));
        if (answeredAt.getTime() < now) {
          const reopenUntil = due(answeredAt, REOPEN_DAYS);
          Object.assign(patch, { answered_at: answeredAt, public_answer: 'Terima kasih, pengaduan Anda sudah kami tindak lanjuti bersama instansi terkait.', reopen_until: reopenUntil });
          status = 'answered';
          last = answeredAt;
          await event(answeredAt, 'answer', 'verified', 'answered');
          if (reopenUntil.getTime() < now) {
            Object.assign(patch, { closed_at: reopenUntil });
            status = 'closed';
            last = reopenUntil;
            await event(reopenUntil, 'close', 'answered', 'closed');
          }
        }
        if (answeredAt.getTime() < now || resolutionDue.getTime() < now) tally.resolutionDue++;
        if (answeredAt.getTime() < now && answeredAt <= resolutionDue) tally.resolvedOnTime++;
      }
      if (status !== 'received') await repo.updateStatusIf(q, input.mppId, row.id, ['received'], status, patch, last);
    }
  }
  return months;
}

