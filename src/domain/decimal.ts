import DecimalJs from 'decimal.js';
import { keptValues, keptWhileAlive } from './keptValues';

/**
 * The project's one decimal type. Scores and money never pass through binary floats:
 * every figure read from a file becomes a Decimal, and only `roundScore` rounds.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/** Places kept when a score or a rate is stored. */
export const STORED_PLACES = 2;

export function dec(value: Decimal | string | number): Decimal {
  return value instanceof Decimal ? value : new Decimal(value);
}

/** The one rounding rule: half-up (四舍五入) to two places, applied when a score is stored. */
export function roundScore(value: Decimal): Decimal {
  // most scores already have two places or fewer: the same value, without building a copy
  return value.decimalPlaces() <= STORED_PLACES ? value : value.toDecimalPlaces(STORED_PLACES, Decimal.ROUND_HALF_UP);
}

/** Canonical text of a decimal: no exponent, no trailing zeros ("99.50" → "99.5"), as decimal.js's toFixed() writes it. */
export function plain(value: Decimal): string {
  // scores, 分值 and most amounts have two places or fewer: written from their hundredths, not digit by digit
  const hundredths = hundredthsOf(value);
  if (hundredths === null) return longText(value);
  const size = Math.abs(hundredths);
  const whole = Math.floor(size / 100);
  const cents = size % 100;
  // -0 is written "0", as toFixed writes it
  const sign = hundredths < 0 ? '-' : '';
  if (cents === 0) return `${sign}${whole}`;
  const fraction = cents % 10 === 0 ? `${cents / 10}` : cents < 10 ? `0${cents}` : `${cents}`;
  return `${sign}${whole}.${fraction}`;
}

/**
 * Texts of long decimals (a completion rate has forty digits), kept while the decimal lives: a compare writes the
 * same rate as a fact and in an explanation under each rule set.
 */
const longText = keptWhileAlive((value: Decimal) => value.toFixed());

/** The value held between min and max; on a tie, the bound (so -0 clamped at 0 is 0), as Decimal.max(min, Decimal.min(max, value)). */
export function clamp(value: Decimal, min: Decimal, max: Decimal): Decimal {
  const upper = max.greaterThan(value) ? value : max;
  return min.lessThan(upper) ? upper : min;
}

/** A decimal.js word holds seven digits; two places are the first two of a fraction word, the rest zeros. */
const FRACTION_WORD = 1e7;
const BELOW_HUNDREDTHS = FRACTION_WORD / 100;

/**
 * A value as a whole number of hundredths (12.5 → 1250), read off decimal.js's words without building anything;
 * null when it has more than two places or is 10^7 or more (its words are then more than one whole and one fraction).
 */
export function hundredthsOf(value: Decimal): number | null {
  // NaN and the infinities have no words
  const words = value.d as readonly number[] | null;
  if (!words || value.e >= 7 || value.e < -7) return null;
  // from 1 up, the first word is the whole part; below 1, it is the first seven places
  const whole = value.e >= 0 ? (words[0] ?? 0) : 0;
  const fraction = value.e >= 0 ? words[1] : words[0];
  if (words.length > (value.e >= 0 ? 2 : 1)) return null;
  if (fraction !== undefined && fraction % BELOW_HUNDREDTHS !== 0) return null;
  const hundredths = whole * 100 + (fraction ?? 0) / BELOW_HUNDREDTHS;
  return value.s < 0 ? -hundredths : hundredths;
}

/** Sums already built, by their hundredths: a year's subtotals come back (50, 30, 100) form after form. */
const fromHundredths = keptValues(4096, (hundredths: number) =>
  hundredths === 0 ? ZERO : new Decimal(`${hundredths}e-${STORED_PLACES}`),
);

/** A decimal read from its exact text (the form cache's), shared with every other read of the same text. */
export const decimalFromText = keptValues(4096, (text: string) => new Decimal(text));

/**
 * The sum of decimals. Scores and 分值 have two places or fewer: they are added as whole hundredths (one Decimal
 * built, or one already built, not one per value); anything else, or a sum past a double's exact integers, is
 * added as decimals.
 */
export function sum(values: Iterable<Decimal>): Decimal {
  const list = Array.isArray(values) ? (values as Decimal[]) : [...values];
  let hundredths = 0;
  for (const v of list) {
    const h = hundredthsOf(v);
    if (h === null) return decimalSum(list);
    hundredths += h;
  }
  return Number.isSafeInteger(hundredths) ? fromHundredths(hundredths) : decimalSum(list);
}

function decimalSum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * A computed figure at the precision a form printed its own (86.19 has two places, 86 none), by the same half-up
 * rule: what a printed figure is checked against.
 */
export function atPrintedPlaces(value: Decimal, printed: Decimal): Decimal {
  return value.toDecimalPlaces(printed.decimalPlaces(), Decimal.ROUND_HALF_UP);
}

/** A ratio as a percentage text, stored precision: 1.2 → "120%", 0.97641 → "97.64%". */
export const percent: (ratio: Decimal) => string = keptWhileAlive(
  // kept while the ratio lives: a row's completion rate is shown under each rule set
  (ratio: Decimal) => `${plain(roundScore(ratio.times(100)))}%`,
);
