import { Decimal, plain } from '../domain/decimal';

/**
 * Decimal comparisons for rule conditions. json-rules-engine's own numeric operators coerce to binary
 * floats; these compare exact decimals, and a null fact (e.g. no completion when the target is 0) never passes.
 */
function asDecimal(value: unknown): Decimal | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  const known = seen.get(value);
  if (known !== undefined) return known;
  let read: Decimal | null;
  try {
    read = new Decimal(value);
  } catch {
    read = null;
  }
  // a rule set's thresholds and the common facts (1, 0.9, 0.6) come back on every row of every form
  remember(value, read);
  return read;
}

function remember(value: string | number, read: Decimal | null): void {
  if (seen.size >= SEEN_LIMIT) seen.clear();
  seen.set(value, read);
}

/**
 * A decimal as the exact text a fact carries (json-rules-engine sees text, never a float), remembered with the
 * decimal it came from: a completion rate has forty digits, and the conditions that test it need not read them back.
 */
export function factText(value: Decimal): string {
  const text = plain(value);
  remember(text, value);
  return text;
}

/** Values already read (decimals never change, so one may be shared); cleared when full. */
const seen = new Map<string | number, Decimal | null>();
const SEEN_LIMIT = 4096;

function compare(test: (a: Decimal, b: Decimal) => boolean) {
  return (factValue: unknown, compareTo: unknown): boolean => {
    const a = asDecimal(factValue);
    const b = asDecimal(compareTo);
    return a !== null && b !== null && test(a, b);
  };
}

export const DECIMAL_OPERATORS: Record<string, (factValue: unknown, compareTo: unknown) => boolean> = {
  atLeast: compare((a, b) => a.greaterThanOrEqualTo(b)),
  above: compare((a, b) => a.greaterThan(b)),
  atMost: compare((a, b) => a.lessThanOrEqualTo(b)),
  below: compare((a, b) => a.lessThan(b)),
  sameAs: compare((a, b) => a.equals(b)),
};

/** Operators json-rules-engine ships with, plus ours: what a condition may name. */
export const KNOWN_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  ...Object.keys(DECIMAL_OPERATORS),
];
