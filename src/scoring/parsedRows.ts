import type { FormInput } from './formInput';
import { parsedTexts, rememberParsed, type ParsedTexts } from './readRow';

// A form's rows with their texts read: what the form cache keeps beside the input, so a form read back is not
// parsed again (reading the texts was a tenth of a compare's time).

/** Each row's target and actual as read (once: scoring finds them kept). */
export function parsedRows(form: FormInput): ParsedTexts[] {
  return form.indicators.map((row) => parsedTexts(row, row.actual ?? '', form.fiscalYear));
}

/** Rows read back from the cache with their texts as stored: kept as read, and checked against the texts when used. */
export function rememberParsedRows(form: FormInput, parsed: readonly ParsedTexts[]): void {
  form.indicators.forEach((row, i) => {
    const texts = parsed[i];
    if (texts) rememberParsed(row, form.fiscalYear, texts);
  });
}
