import type { ParsedValue } from '../domain/model';
import { keptValues } from '../domain/keptValues';
import { parseValue, type ParseOptions } from './parse';

// The forms of a province share their texts: the same 年度指标值 (≥95%, 长期, 全省前列, 100%) stand in thousands
// of forms, and many 实际完成值 repeat too. Each text is read once per thread and its reading shared between the
// forms that write it; shared readings are frozen, so no form can change what another one reads.

/** Readings kept a year; the oldest go first (a province's year of forms writes a few hundred thousand distinct texts). */
const KEPT = 20_000;
/** Readings by the fiscal year they were read for (a date without its year takes it), then by text. */
const byYear = new Map<number | undefined, (raw: string) => ParsedValue>();

/** Freezes a reading and the plain objects and lists in it (its decimals are immutable already). */
function frozen<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype) return value;
  for (const inner of Object.values(value)) frozen(inner);
  return Object.freeze(value);
}

/** A text as `parseValue` reads it, read once per thread for every form that writes it. Never change what it returns. */
export function sharedValue(raw: string, options: ParseOptions = {}): ParsedValue {
  const year = options.fiscalYear;
  let ofYear = byYear.get(year);
  if (ofYear === undefined) {
    // the year is all a reading depends on besides its text
    const read: ParseOptions = year === undefined ? {} : { fiscalYear: year };
    ofYear = keptValues(KEPT, (text: string) => frozen(parseValue(text, read)));
    byYear.set(year, ofYear);
  }
  return ofYear(raw);
}
