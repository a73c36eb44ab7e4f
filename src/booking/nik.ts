import type { Messages } from '../platform/errors.js';
import { PROVINCES } from './provinces.js';

/**
 * NIK (Nomor Induk Kependudukan): 16 digits PP KK SS DDMMYY NNNN = province, kabupaten/kota,
 * kecamatan, birth date (women: day + 40), serial. There is no checksum, so this checks structure
 * only: it cannot tell a real NIK from a well-formed invented one.
 */
export type NikProblem = 'nik_length' | 'nik_not_digits' | 'nik_day' | 'nik_month' | 'nik_date' | 'nik_serial';

export const NIK_PROBLEMS: Record<NikProblem, Messages> = {
  nik_length: { id: 'NIK harus 16 digit angka (tertera di KTP/KK). Periksa apakah ada digit yang kurang atau lebih.', en: 'A NIK has exactly 16 digits (printed on the KTP/KK). Check for a missing or extra digit.' },
  nik_not_digits: { id: 'NIK hanya berisi angka 0-9, tanpa huruf, spasi atau tanda baca.', en: 'A NIK contains only the digits 0-9, no letters, spaces or punctuation.' },
  nik_day: { id: 'Digit ke-7 dan ke-8 NIK (tanggal lahir) harus 01-31, atau 41-71 untuk perempuan.', en: 'Digits 7-8 of the NIK (day of birth) must be 01-31, or 41-71 for women.' },
  nik_month: { id: 'Digit ke-9 dan ke-10 NIK (bulan lahir) harus 01-12.', en: 'Digits 9-10 of the NIK (month of birth) must be 01-12.' },
  nik_date: { id: 'Tanggal lahir dalam NIK tidak ada di kalender (misalnya 30 Februari).', en: 'The birth date in the NIK does not exist (e.g. 30 February).' },
  nik_serial: { id: 'Empat digit terakhir NIK (nomor urut) tidak boleh 0000.', en: 'The last four digits of the NIK (serial) cannot be 0000.' },
};

export interface NikInfo {
  nik: string;
  provinceCode: string;
  /** Null when the province code is not in the table (a warning, not a rejection). */
  provinceName: string | null;
  regencyCode: string;
  districtCode: string;
  birthDate: string;
  sex: 'male' | 'female';
  serial: string;
  warnings: { code: 'nik_unknown_province'; messages: Messages }[];
}

export type NikResult = { ok: true; info: NikInfo } | { ok: false; problem: NikProblem; messages: Messages };

const fail = (problem: NikProblem): NikResult => ({ ok: false, problem, messages: NIK_PROBLEMS[problem] });

/**
 * Checks a NIK's structure. `today` is the local date ('YYYY-MM-DD') that decides the century of
 * the two-digit birth year: the century that does not put the birth date in the future.
 * Surrounding spaces are trimmed; inner spaces or dots are refused with their own message.
 */
export function parseNik(raw: string, today: string): NikResult {
  const nik = raw.trim();
  if (!/^[0-9]*$/.test(nik)) return fail('nik_not_digits');
  if (nik.length !== 16) return fail('nik_length');
  const dd = Number(nik.slice(6, 8));
  const mm = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  if (day < 1 || day > 31 || (dd > 31 && dd < 41)) return fail('nik_day');
  if (mm < 1 || mm > 12) return fail('nik_month');
  if (nik.slice(12) === '0000') return fail('nik_serial');
  const pad = (n: number) => String(n).padStart(2, '0');
  let year = 2000 + yy;
  let birthDate = `${year}-${pad(mm)}-${pad(day)}`;
  if (birthDate > today) {
    year = 1900 + yy;
    birthDate = `${year}-${pad(mm)}-${pad(day)}`;
  }
  const check = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.getUTCDate() !== day || check.getUTCMonth() + 1 !== mm) return fail('nik_date');
  const provinceCode = nik.slice(0, 2);
  const provinceName = PROVINCES[provinceCode] ?? null;
  const warnings: NikInfo['warnings'] = provinceName
    ? []
    : [{ code: 'nik_unknown_province', messages: { id: `Kode provinsi ${provinceCode} pada NIK tidak dikenal; data tetap diterima, petugas akan memeriksa KTP Anda.`, en: `Province code ${provinceCode} of the NIK is unknown; accepted, the officer will check your KTP.` } }];
  return {
    ok: true,
    info: { nik, provinceCode, provinceName, regencyCode: nik.slice(2, 4), districtCode: nik.slice(4, 6), birthDate, sex: female ? 'female' : 'male', serial: nik.slice(12), warnings },
  };
}

/** What staff pages show: the first 4 and last 2 digits. */
export function maskNik(nik: string): string {
  return `${nik.slice(0, 4)}${'*'.repeat(10)}${nik.slice(14)}`;
}
