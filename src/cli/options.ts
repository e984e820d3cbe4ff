import { diagnostic, InputError } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { text } from '../errors/texts';

/** A command line that asks for something the command cannot do: USAGE, with what is wrong. */
export const usageError = (detail: string): InputError => new InputError([diagnostic('USAGE', { detail })]);

/**
 * A numeric option checked against its documented range: `--timeout 1e12` or `--days -5` is refused with the
 * range, never clamped or passed on to Node.
 */
export function numberOption(
  option: string,
  value: string | undefined,
  range: { min: number; max: number; integer?: boolean },
  lang: Lang,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const ok =
    value.trim() !== '' &&
    Number.isFinite(n) &&
    n >= range.min &&
    n <= range.max &&
    (!range.integer || Number.isInteger(n));
  if (ok) return n;
  const kind = text(range.integer ? 'usage.integer' : 'usage.number', lang);
  throw usageError(text('usage.range', lang, { option, min: range.min, max: range.max, kind, value }));
}

/** The time-stamping authority used when --tsa is not given: JIXIAO_TSA, by sign and by ltv alike. */
export const tsaFromEnv = (): string | undefined => process.env.JIXIAO_TSA || undefined;
