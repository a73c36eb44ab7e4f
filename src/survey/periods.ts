/**
 * Reporting periods as the SKM reports name them, cut on MPP-local calendar days:
 * '2025' (year), '2025-S1' (semester), '2025-Q3' (quarter), '2025-07' (month).
 */

export type PeriodKind = 'year' | 'semester' | 'quarter' | 'month';

export interface Period {
  code: string;
  kind: PeriodKind;
  /** First local day, 'YYYY-MM-DD'. */
  from: string;
  /** Day after the last local day, 'YYYY-MM-DD' (exclusive). */
  to: string;
  label: { id: string; en: string };
}

export const PERIOD_PATTERN = /^(\d{4})(?:-(S[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ROMAN = ['I', 'II', 'III', 'IV'];

const day = (y: number, m: number) => (m > 12 ? `${y + 1}-01-01` : `${y}-${String(m).padStart(2, '0')}-01`);

/** @returns the period, or undefined when the code is not one of the four forms. */
export function parsePeriod(code: string): Period | undefined {
  const m = PERIOD_PATTERN.exec(code);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (y < 2000 || y > 2100) return undefined;
  const part = m[2];
  if (!part) return { code, kind: 'year', from: day(y, 1), to: day(y, 13), label: { id: `Tahun ${y}`, en: `Year ${y}` } };
  if (part.startsWith('S')) {
    const s = Number(part.slice(1));
    const start = s === 1 ? 1 : 7;
    return { code, kind: 'semester', from: day(y, start), to: day(y, start + 6), label: { id: `Semester ${ROMAN[s - 1]} ${y}`, en: `Semester ${s} ${y}` } };
  }
  if (part.startsWith('Q')) {
    const q = Number(part.slice(1));
    const start = (q - 1) * 3 + 1;
    return { code, kind: 'quarter', from: day(y, start), to: day(y, start + 3), label: { id: `Triwulan ${ROMAN[q - 1]} ${y}`, en: `Quarter ${q} ${y}` } };
  }
  const mo = Number(part);
  return { code, kind: 'month', from: day(y, mo), to: day(y, mo + 1), label: { id: `${MONTHS_ID[mo - 1]} ${y}`, en: `${MONTHS_EN[mo - 1]} ${y}` } };
}

/** The period of the given kind that contains a local day 'YYYY-MM-DD'. */
export function periodOf(kind: PeriodKind, localDay: string): Period {
  const y = Number(localDay.slice(0, 4));
  const mo = Number(localDay.slice(5, 7));
  const code =
    kind === 'year' ? `${y}` : kind === 'semester' ? `${y}-S${mo <= 6 ? 1 : 2}` : kind === 'quarter' ? `${y}-Q${Math.ceil(mo / 3)}` : `${y}-${String(mo).padStart(2, '0')}`;
  return parsePeriod(code)!;
}

/** The `count` periods of a kind ending with the one containing `localDay`, oldest first. */
export function periodsBack(kind: PeriodKind, localDay: string, count: number): Period[] {
  const out: Period[] = [];
  let p = periodOf(kind, localDay);
  for (let i = 0; i < count; i++) {
    out.unshift(p);
    const prevDay = new Date(`${p.from}T00:00:00Z`);
    prevDay.setUTCDate(prevDay.getUTCDate() - 1);
    const prev = prevDay.toISOString().slice(0, 10);
    if (prev < '2000-01-01') break;
    p = periodOf(kind, prev);
  }
  return out;
}

/** The local calendar day of an instant in an IANA zone, 'YYYY-MM-DD'. */
export function localDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
