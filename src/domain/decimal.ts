import DecimalJs from 'decimal.js';

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
  return value.toDecimalPlaces(STORED_PLACES, Decimal.ROUND_HALF_UP);
}

/** Canonical text of a decimal: no exponent, no trailing zeros ("99.50" → "99.5"). */
export function plain(value: Decimal): string {
  return value.toFixed();
}

export function clamp(value: Decimal, min: Decimal, max: Decimal): Decimal {
  return Decimal.max(min, Decimal.min(max, value));
}

export function sum(values: Iterable<Decimal>): Decimal {
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
export function percent(ratio: Decimal): string {
  return `${plain(roundScore(ratio.times(100)))}%`;
}
