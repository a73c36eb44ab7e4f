import { requireMppRole } from '../platform/auth.js';
import { findMppBasics } from '../catalog/read.js';
import type { Db } from '../platform/db.js';
import type { ServiceContext } from '../platform/context.js';
import { commonErrors } from '../platform/errors.js';
import * as repo from './repository.js';
import type { ComplaintRow } from './repository.js';
import type { ExportQuery } from './schemas.js';
import { formatTrackingCode } from './tracking-code.js';

/**
 * One complaint as SP4N-LAPOR! needs it: classification, status and dates, no complainant identity.
 * Field names follow our glossary; the mapping to LAPOR!'s own fields is done by the gateway.
 */
export interface LaporReport {
  trackingCode: string;
  channel: string;
  classification: 'pengaduan' | 'aspirasi' | 'permintaan_informasi';
  subjectType: string;
  agency: string | null;
  status: string;
  laporStatus: 'belum_terverifikasi' | 'terverifikasi' | 'diproses' | 'selesai' | 'arsip';
  receivedAt: string;
  verifiedAt: string | null;
  verificationDueAt: string;
  resolutionDueAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  description: string;
}

/** LAPOR! speaks of verification, processing and completion; our statuses map onto those. */
function laporStatus(s: ComplaintRow['status']): LaporReport['laporStatus'] {
  switch (s) {
    case 'received': return 'belum_terverifikasi';
    case 'verified': return 'terverifikasi';
    case 'assigned': case 'in_progress': return 'diproses';
    case 'answered': case 'closed': return 'selesai';
    default: return 'arsip';
  }
}

export function toLaporReport(row: ComplaintRow & { tenant_name?: string | null }): LaporReport {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    trackingCode: formatTrackingCode(row.tracking_code),
    channel: row.channel,
    classification: row.class,
    subjectType: row.subject_type,
    agency: row.tenant_name ?? null,
    status: row.status,
    laporStatus: laporStatus(row.status),
    receivedAt: row.received_at.toISOString(),
    verifiedAt: iso(row.verified_at),
    verificationDueAt: row.verification_due_at.toISOString(),
    resolutionDueAt: iso(row.resolution_due_at),
    answeredAt: iso(row.answered_at),
    closedAt: iso(row.closed_at),
    description: row.description,
  };
}

const CSV_COLUMNS: (keyof LaporReport)[] = ['trackingCode', 'channel', 'classification', 'subjectType', 'agency', 'status', 'laporStatus', 'receivedAt',
  'verifiedAt', 'verificationDueAt', 'resolutionDueAt', 'answeredAt', 'closedAt', 'description'];

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(reports: LaporReport[]): string {
  return [CSV_COLUMNS.join(','), ...reports.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/**
 * The complaints an MPP received in a period (local dates, inclusive), for SP4N-LAPOR!.
 * @throws AppError unauthenticated, not_found, forbidden
 */
export async function exportForLapor(ctx: Pick<ServiceContext, 'db' | 'principal'>, input: { mppId: string; query: ExportQuery }): Promise<LaporReport[]> {
  const { db, principal } = ctx;
  const { mppId, query } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  const mpp = await findMppBasics(db, { id: mppId });
  if (!mpp) throw commonErrors.not_found();
  const rows = await repo.findForExport(db, mppId, query.from, query.to, mpp.timezone);
  return rows.map(toLaporReport);
}

/**
 * The port through which complaints are pushed to SP4N-LAPOR! once an integration agreement
 * exists. LAPOR! has no public API for this; the adapter below is the shape, not a certified client.
 */
export interface LaporGateway {
  push(report: LaporReport): Promise<{ laporRef: string }>;
}

/** Keeps what it was given; used by tests and the demo. */
export class FakeLaporGateway implements LaporGateway {
  readonly pushed: LaporReport[] = [];
  async push(report: LaporReport): Promise<{ laporRef: string }> {
    this.pushed.push(report);
    return { laporRef: `FAKE-${this.pushed.length}` };
  }
}

export interface HttpLaporConfig {
  /** Base URL given by the LAPOR! integration team. */
  url: string;
  token: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Posts a report as JSON with a bearer token. Not called in tests (no endpoint is available). */
export class HttpLaporGateway implements LaporGateway {
  constructor(private readonly config: HttpLaporConfig) {}

  async push(report: LaporReport): Promise<{ laporRef: string }> {
    const doFetch = this.config.fetch ?? fetch;
    const res = await doFetch(new URL('/complaints', this.config.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.config.token}` },
      body: JSON.stringify(report),
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`LAPOR! answered ${res.status}`);
    const body = (await res.json()) as { id?: string | number };
    if (body.id === undefined) throw new Error('LAPOR! answer has no id');
    return { laporRef: String(body.id) };
  }
}

/** Pushes one complaint through a gateway and records LAPOR!'s reference (an outbox handler body). */
export async function pushToLapor(db: Db, gateway: LaporGateway, mppId: string, complaintId: string): Promise<string> {
  const row = await repo.getComplaint(db, mppId, complaintId);
  if (row.lapor_ref) return row.lapor_ref;
  const { laporRef } = await gateway.push(toLaporReport(row));
  await repo.setLaporRef(db, mppId, complaintId, laporRef);
  return laporRef;
}
