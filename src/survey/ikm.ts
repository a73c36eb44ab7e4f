/**
 * The satisfaction index of PermenPANRB 14/2017, computed exactly.
 *
 * NRR per unsur = sum of scores / answers to that unsur; index = sum of NRR x 1/9; IKM = index x 25,
 * rounded half-up to 2 decimals only at the end. Every step before the final rounding is a fraction
 * of BigInts, so an IKM that lands exactly on a grade boundary (65.00, 76.61, 88.31) or on a
 * half-hundredth is graded the same on every machine, which floating point does not promise.
 */

export const UNSUR_COUNT = 9;

export interface UnsurTally {
  /** Sum of the scores given to this unsur. */
  sum: number;
  /** How many respondents answered it (a skipped unsur is not an answer). */
  answers: number;
}

export type Mutu = 'A' | 'B' | 'C' | 'D';

export interface Grade {
  mutu: Mutu;
  kinerja: { id: string; en: string };
}

export interface IkmResult {
  /** NRR x 1/w summed (the "nilai indeks", 1-4), rounded to 4 decimals for display only. */
  index: number | null;
  /** IKM = index x 25, rounded half-up to 2 decimals; null without any answer. */
  ikm: number | null;
  grade: Grade | null;
  /** How many of the nine unsur had at least one answer; the weight is 1/9 when all nine did. */
  unsurAnswered: number;
  complete: boolean;
  unsur: {
    sum: number;
    answers: number;
    /** For display, 3 decimals; the IKM is never computed from these rounded values. */
    nrr: number | null;
    nrrWeighted: number | null;
  }[];
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** An exact non-negative fraction. */
export class Fraction {
  readonly num: bigint;
  readonly den: bigint;
  constructor(num: bigint, den: bigint = 1n) {
    if (den === 0n) throw new RangeError('zero denominator');
    const g = gcd(num, den) || 1n;
    this.num = num / g;
    this.den = den / g;
  }
  add(o: Fraction): Fraction {
    return new Fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  mul(o: Fraction): Fraction {
    return new Fraction(this.num * o.num, this.den * o.den);
  }
  /** Rounds half-up (values here are never negative) to `decimals` places. */
  round(decimals: number): number {
    const scale = 10n ** BigInt(decimals);
    const scaled = (2n * this.num * scale + this.den) / (2n * this.den);
    return Number(scaled) / Number(scale);
  }
  toString(): string {
    return `${this.num}/${this.den}`;
  }
}

/**
 * Grades a rounded IKM with the conversion table. **Rule** (domain.md): >= 88.31 A, >= 76.61 B,
 * >= 65.00 C, else D, compared in whole hundredths so 76.60 vs 76.61 is never a float question.
 */
export function gradeIkm(ikm: number): Grade {
  const hundredths = Math.round(ikm * 100);
  if (hundredths >= 8831) return { mutu: 'A', kinerja: { id: 'Sangat Baik', en: 'Very good' } };
  if (hundredths >= 7661) return { mutu: 'B', kinerja: { id: 'Baik', en: 'Good' } };
  if (hundredths >= 6500) return { mutu: 'C', kinerja: { id: 'Kurang Baik', en: 'Poor' } };
  return { mutu: 'D', kinerja: { id: 'Tidak Baik', en: 'Bad' } };
}

/**
 * Computes NRR, index, IKM and grade from per-unsur tallies (U1..U9 in order).
 * **Rule**: an unsur nobody answered in the set is left out and the weight becomes 1/k over the k
 * answered unsur (`complete: false` tells the report to say so); with all nine it is exactly 1/9.
 * @throws RangeError unless exactly nine tallies with 0 <= sum, 1*answers <= sum <= 4*answers.
 */
export function computeIkm(tallies: readonly UnsurTally[]): IkmResult {
  if (tallies.length !== UNSUR_COUNT) throw new RangeError(`expected ${UNSUR_COUNT} unsur, got ${tallies.length}`);
  for (const t of tallies) {
    if (!Number.isInteger(t.sum) || !Number.isInteger(t.answers) || t.answers < 0 || t.sum < t.answers || t.sum > 4 * t.answers) {
      throw new RangeError(`impossible tally sum=${t.sum} answers=${t.answers}`);
    }
  }
  const answered = tallies.filter((t) => t.answers > 0);
  const k = answered.length;
  const weight = k ? new Fraction(1n, BigInt(k)) : null;
  let total = new Fraction(0n);
  const unsur = tallies.map((t) => {
    if (!t.answers || !weight) return { sum: t.sum, answers: t.answers, nrr: null, nrrWeighted: null };
    const nrr = new Fraction(BigInt(t.sum), BigInt(t.answers));
    total = total.add(nrr);
    return { sum: t.sum, answers: t.answers, nrr: nrr.round(3), nrrWeighted: nrr.mul(weight).round(3) };
  });
  if (!weight) return { index: null, ikm: null, grade: null, unsurAnswered: 0, complete: false, unsur };
  const index = total.mul(weight);
  const ikm = index.mul(new Fraction(25n)).round(2);
  return { index: index.round(4), ikm, grade: gradeIkm(ikm), unsurAnswered: k, complete: k === UNSUR_COUNT, unsur };
}

/**
 * Krejcie & Morgan (1970): s = X2 N P(1-P) / (d2 (N-1) + X2 P(1-P)) with X2 = 3.841, P = 0.5,
 * d = 0.05, rounded to the nearest whole number. With those constants it reduces exactly to
 * s = 3841 N / (10 N + 3831), computed here in integers.
 * @throws RangeError for a negative or fractional population.
 */
export function krejcieMorgan(population: number): number {
  if (!Number.isSafeInteger(population) || population < 0) throw new RangeError(`population must be a whole number >= 0, got ${population}`);
  if (population === 0) return 0;
  const n = BigInt(population);
  const num = 3841n * n;
  const den = 10n * n + 3831n;
  return Number((2n * num + den) / (2n * den));
}
