import { describe, expect, it } from 'vitest';
import { computeIkm, gradeIkm, krejcieMorgan, type UnsurTally } from './ikm.js';
import { localDay, parsePeriod, periodsBack } from './periods.js';

/** n respondents answered every unsur; the sums are split over the nine unsur as given. */
const evenly = (n: number, total: number): UnsurTally[] => {
  const base = Math.floor(total / 9);
  return Array.from({ length: 9 }, (_, i) => ({ sum: base + (i < total - base * 9 ? 1 : 0), answers: n }));
};

describe('IKM computation (PermenPANRB 14/2017)', () => {
  it('matches a hand-worked example of three respondents', () => {
    // R1 gives 4 to all, R2 and R3 give 3 to all: every NRR = 10/3, index = 10/3, IKM = 250/3 = 83.333.. -> 83.33 B
    const r = computeIkm(Array.from({ length: 9 }, () => ({ sum: 10, answers: 3 })));
    expect(r.ikm).toBe(83.33);
    expect(r.index).toBe(3.3333);
    expect(r.grade).toEqual({ mutu: 'B', kinerja: { id: 'Baik', en: 'Good' } });
    expect(r.unsur[0]).toEqual({ sum: 10, answers: 3, nrr: 3.333, nrrWeighted: 0.37 });
    expect(r.complete).toBe(true);
  });

  it('leaves a skipped unsur out of that unsur’s average instead of counting it as zero', () => {
    // As above, but R3 skipped U9: U9 NRR = (4+3)/2 = 3.5; sum of NRR = 8 x 10/3 + 7/2 = 181/6;
    // IKM = 25/9 x 181/6 = 4525/54 = 83.796.. -> 83.80. Counting the skip as 0 would give 80.56.
    const tallies = Array.from({ length: 9 }, () => ({ sum: 10, answers: 3 }));
    tallies[8] = { sum: 7, answers: 2 };
    const r = computeIkm(tallies);
    expect(r.unsur[8]!.nrr).toBe(3.5);
    expect(r.ikm).toBe(83.8);
    expect(r.grade?.mutu).toBe('B');
  });

  // 250 respondents answering all nine unsur: IKM = 25 x (T/250) / 9 = T / 90 for a grand total T.
  it.each([
    [5849, 64.99, 'D'],
    [5850, 65.0, 'C'],
    [6894, 76.6, 'C'],
    [6895, 76.61, 'B'],
    [7947, 88.3, 'B'],
    [7948, 88.31, 'A'],
  ])('grades the boundary: grand total %i of 250 respondents -> IKM %d, mutu %s', (total, ikm, mutu) => {
    const r = computeIkm(evenly(250, total));
    expect(r.ikm).toBe(ikm);
    expect(r.grade?.mutu).toBe(mutu);
  });

  it('rounds an IKM of exactly x.xx5 half-up, where floating point drifts below', () => {
    // 5000 respondents, each unsur summing to 15321: NRR = 3.0642, IKM = 25 x 3.0642 = 76.605 exactly -> 76.61 (B).
    const tallies = Array.from({ length: 9 }, () => ({ sum: 15321, answers: 5000 }));
    const float = ((tallies.reduce((s, t) => s + (t.sum / t.answers) * (1 / 9), 0) * 25 * 100) | 0) / 100;
    expect(float).toBeLessThan(76.61); // what a naive float pipeline would report
    const r = computeIkm(tallies);
    expect(r.ikm).toBe(76.61);
    expect(r.grade?.mutu).toBe('B');
  });

  it('grades by the table, on the rounded IKM', () => {
    expect(gradeIkm(100).mutu).toBe('A');
    expect(gradeIkm(88.31).kinerja.id).toBe('Sangat Baik');
    expect(gradeIkm(88.3).mutu).toBe('B');
    expect(gradeIkm(76.61).mutu).toBe('B');
    expect(gradeIkm(76.6).kinerja.id).toBe('Kurang Baik');
    expect(gradeIkm(65).mutu).toBe('C');
    expect(gradeIkm(64.99)).toEqual({ mutu: 'D', kinerja: { id: 'Tidak Baik', en: 'Bad' } });
    expect(gradeIkm(25).mutu).toBe('D');
  });

  it('has no IKM without answers, and weighs 1/k when an unsur was never answered', () => {
    expect(computeIkm(Array.from({ length: 9 }, () => ({ sum: 0, answers: 0 })))).toMatchObject({ ikm: null, grade: null, complete: false });
    const tallies = Array.from({ length: 9 }, () => ({ sum: 8, answers: 2 }));
    tallies[3] = { sum: 0, answers: 0 };
    expect(computeIkm(tallies)).toMatchObject({ ikm: 100, complete: false, unsurAnswered: 8 });
  });

  it('refuses impossible tallies', () => {
    expect(() => computeIkm([{ sum: 5, answers: 1 }, ...Array.from({ length: 8 }, () => ({ sum: 0, answers: 0 }))])).toThrow(RangeError);
    expect(() => computeIkm([])).toThrow(RangeError);
  });
});

describe('Krejcie-Morgan sample size', () => {
  // Values from the published table of Krejcie & Morgan (1970).
  it.each([
    [10, 10], [50, 44], [100, 80], [200, 132], [500, 217], [1000, 278], [2000, 322],
    [5000, 357], [10000, 370], [50000, 381], [1000000, 384],
  ])('N = %i -> s = %i', (n, s) => {
    expect(krejcieMorgan(n)).toBe(s);
  });

  it('follows the formula where the printed table does not: N = 100000 gives 382.6 -> 383 (the table prints 384)', () => {
    expect(krejcieMorgan(100000)).toBe(383);
  });

  it('needs nobody when nobody was served, and refuses a negative population', () => {
    expect(krejcieMorgan(0)).toBe(0);
    expect(() => krejcieMorgan(-1)).toThrow(RangeError);
    expect(() => krejcieMorgan(1.5)).toThrow(RangeError);
  });
});

describe('periods', () => {
  it('cuts months, quarters, semesters and years on local days', () => {
    expect(parsePeriod('2025-02')).toMatchObject({ from: '2025-02-01', to: '2025-03-01', label: { id: 'Februari 2025' } });
    expect(parsePeriod('2025-12')).toMatchObject({ from: '2025-12-01', to: '2026-01-01' });
    expect(parsePeriod('2025-Q3')).toMatchObject({ from: '2025-07-01', to: '2025-10-01', label: { id: 'Triwulan III 2025' } });
    expect(parsePeriod('2025-S2')).toMatchObject({ from: '2025-07-01', to: '2026-01-01', label: { id: 'Semester II 2025' } });
    expect(parsePeriod('2025')).toMatchObject({ from: '2025-01-01', to: '2026-01-01' });
    expect(parsePeriod('2025-13')).toBeUndefined();
    expect(parsePeriod('2025-Q5')).toBeUndefined();
  });

  it('lists periods back across a year boundary', () => {
    expect(periodsBack('quarter', '2025-02-10', 3).map((p) => p.code)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1']);
    expect(periodsBack('month', '2025-01-31', 2).map((p) => p.code)).toEqual(['2024-12', '2025-01']);
  });

  it('takes the day in the MPP’s zone: 23:30 UTC on 31 March is already April in Jayapura', () => {
    const instant = new Date('2025-03-31T23:30:00Z');
    expect(localDay(instant, 'Asia/Jakarta')).toBe('2025-04-01');
    expect(localDay(new Date('2025-03-31T16:59:00Z'), 'Asia/Jakarta')).toBe('2025-03-31');
    expect(localDay(new Date('2025-03-31T15:30:00Z'), 'Asia/Jayapura')).toBe('2025-04-01');
    expect(localDay(new Date('2025-03-31T15:30:00Z'), 'Asia/Makassar')).toBe('2025-03-31');
  });
});
