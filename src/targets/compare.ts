import { type Decimal, ZERO } from '../domain/decimal';
import type { Comparator, Direction, ParsedDate, ParsedNumber } from '../domain/model';
import { dayNumber } from './parse';
import { MAGNITUDE_SCALE } from '../domain/glossary';

export function directionOf(comparator: Comparator): Direction {
  if (comparator === '<=' || comparator === '<') return 'lowerIsBetter';
  if (comparator === '=') return 'equal';
  return 'higherIsBetter';
}

export type NumberComparison =
  | { ok: false; problem: 'unit' | 'qualifier' }
  | {
      ok: true;
      direction: Direction;
      met: boolean;
      /** The actual as compared: a negative actual counts as 0 for a higher-is-better row. */
      actualValue: Decimal;
      targetValue: Decimal;
      /** 完成率: actual ÷ target (target ÷ actual for lower-is-better); null when the divisor is 0. */
      completion: Decimal | null;
      /** How far an unmet row falls short, as a share of the target; 0 when met, null when the target is 0. */
      deviation: Decimal | null;
      /** The actual with the target's unit filled in where it had none. */
      actual: ParsedNumber;
    };

/** Compares a numeric actual with a numeric target, taking the target's unit where the actual has none. */
export function compareNumbers(target: ParsedNumber, actualAsWritten: ParsedNumber): NumberComparison {
  let actual = actualAsWritten;
  if (actual.unit === '' && actual.magnitude === null && (target.unit !== '' || target.magnitude !== null)) {
    const scale = target.magnitude ? MAGNITUDE_SCALE[target.magnitude] : 1;
    actual = { ...actual, unit: target.unit, magnitude: target.magnitude, value: actual.number.times(scale) };
  }
  if (actual.unit !== target.unit) return { ok: false, problem: 'unit' };
  if (actual.qualifier !== '' && target.qualifier !== '' && actual.qualifier !== target.qualifier) {
    return { ok: false, problem: 'qualifier' };
  }

  // a bare 0 (0起, 0次) means none at all: at most 0, not "0 or more" as a bare count would
  const comparator = target.comparator === 'none' && target.value.isZero() ? '=' : target.comparator;
  const direction = directionOf(comparator);
  const t = target.value;
  // a negative actual counts as 0 against a target of 0 or more (DESIGN §2.3); against a signed target
  // (同比增长≥-5%) it is compared as it is: -10% is below -5%, not "met"
  const a = direction === 'higherIsBetter' && actual.value.isNegative() && !t.isNegative() ? ZERO : actual.value;
  // whether the target was met is decided by the value as written: -4 is below ≥0, never "met" by counting as 0
  const met = isMet(comparator, actual.value, t);

  // a completion rate is a ratio of two amounts of the same sign; of a signed change it means nothing
  let completion: Decimal | null;
  if (t.isNegative() || a.isNegative()) completion = null;
  else if (direction === 'lowerIsBetter') completion = a.isZero() ? null : t.div(a);
  else completion = t.isZero() ? null : a.div(t);

  let deviation: Decimal | null;
  if (met) deviation = ZERO;
  else if (t.isZero()) deviation = null;
  else if (direction === 'higherIsBetter') deviation = t.minus(a).div(t.abs());
  else if (direction === 'lowerIsBetter') deviation = a.minus(t).div(t.abs());
  else deviation = a.minus(t).abs().div(t.abs());

  return { ok: true, direction, met, actualValue: a, targetValue: t, completion, deviation, actual };
}

function isMet(comparator: Comparator, a: Decimal, t: Decimal): boolean {
  switch (comparator) {
    case '>':
      return a.greaterThan(t);
    case '<=':
      return a.lessThanOrEqualTo(t);
    case '<':
      return a.lessThan(t);
    case '=':
      return a.equals(t);
    default:
      return a.greaterThanOrEqualTo(t);
  }
}

/** A completion date against a deadline: met when on or before it. Returns days late (0 when met). */
export function compareDates(target: ParsedDate, actual: ParsedDate): { met: boolean; daysLate: number } {
  const t = dayNumber(target.date);
  const a = dayNumber(actual.date);
  const met = target.comparator === '<' ? a < t : a <= t;
  return { met, daysLate: met ? 0 : a - t };
}
