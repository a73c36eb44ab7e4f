import { describe, expect, it } from 'vitest';
import { maskNik, parseNik } from './nik.js';

const TODAY = '2026-11-23';

describe('parseNik', () => {
  it('reads province, birth date and sex of a well-formed NIK', () => {
    const r = parseNik('3174011505900001', TODAY);
    expect(r).toMatchObject({ ok: true, info: { provinceName: 'DKI Jakarta', birthDate: '1990-05-15', sex: 'male', warnings: [] } });
  });

  it('takes day + 40 as a woman and subtracts it', () => {
    expect(parseNik('3273015508850002', TODAY)).toMatchObject({ ok: true, info: { birthDate: '1985-08-15', sex: 'female' } });
  });

  it('picks the century that does not put the birth date in the future', () => {
    expect(parseNik('3174010101250001', TODAY)).toMatchObject({ ok: true, info: { birthDate: '2025-01-01' } });
    expect(parseNik('3174013112260001', TODAY)).toMatchObject({ ok: true, info: { birthDate: '1926-12-31' } });
    expect(parseNik('3174012311260001', TODAY)).toMatchObject({ ok: true, info: { birthDate: '2026-11-23' } });
  });

  it('gives each kind of bad NIK its own code and message', () => {
    const cases: [string, string][] = [
      ['317401150590001', 'nik_length'],
      ['31740115059000011', 'nik_length'],
      ['3174 0115 0590 0001', 'nik_not_digits'],
      ['317401150590000A', 'nik_not_digits'],
      ['3174013505900001', 'nik_day'],
      ['3174017205900001', 'nik_day'],
      ['3174010005900001', 'nik_day'],
      ['3174011513900001', 'nik_month'],
      ['3174013002900001', 'nik_date'],
      ['3174017002900001', 'nik_date'],
      ['3174011505900000', 'nik_serial'],
    ];
    const messages = new Set<string>();
    for (const [raw, problem] of cases) {
      const r = parseNik(raw, TODAY);
      expect(r, raw).toMatchObject({ ok: false, problem });
      if (!r.ok) messages.add(r.messages.id);
    }
    expect(messages.size).toBe(6);
  });

  it('accepts 29 February only in a leap year', () => {
    expect(parseNik('3174012902000001', TODAY).ok).toBe(true);
    expect(parseNik('3174012902010001', TODAY)).toMatchObject({ ok: false, problem: 'nik_date' });
  });

  it('warns, without refusing, about an unknown province code', () => {
    const r = parseNik('9974011505900001', TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.info.provinceName).toBeNull();
      expect(r.info.warnings.map((w) => w.code)).toEqual(['nik_unknown_province']);
    }
  });

  it('trims surrounding spaces', () => {
    expect(parseNik(' 3174011505900001 ', TODAY).ok).toBe(true);
  });
});

it('masks all but the first 4 and last 2 digits', () => {
  expect(maskNik('3174011505900001')).toBe('3174**********01');
});
