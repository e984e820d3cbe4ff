import type ExcelJS from 'exceljs';

/**
 * What a cell holds once a spreadsheet program's wrapping is taken off: a formula stands for its cached result,
 * rich text and hyperlinks for their text. A formula with no cached result, or one that computed an error
 * (#DIV/0!, #VALUE!, a WEBSERVICE call nobody ran), has no value to read: it is a problem at its cell, never the
 * text "[object Object]" and never 0.
 */
export type Unwrapped =
  | { value: string | number | boolean | Date | null }
  | { problem: 'WORKBOOK_FORMULA_NO_VALUE'; formula: string }
  | { problem: 'WORKBOOK_FORMULA_ERROR'; formula: string; error: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

export function unwrapCell(value: ExcelJS.CellValue): Unwrapped {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return { value };
  if (!isObject(value)) return { value: null };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = String(value.formula ?? value.sharedFormula ?? '');
    const result = value.result;
    if (result === undefined || result === null) return { problem: 'WORKBOOK_FORMULA_NO_VALUE', formula };
    if (isObject(result) && 'error' in result)
      return { problem: 'WORKBOOK_FORMULA_ERROR', formula, error: String(result.error) };
    return unwrapCell(result as ExcelJS.CellValue);
  }
  // an error typed or pasted as a value (#N/A)
  if ('error' in value) return { problem: 'WORKBOOK_FORMULA_ERROR', formula: '', error: String(value.error) };
  if ('richText' in value && Array.isArray(value.richText))
    return { value: value.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('') };
  if ('text' in value) return { value: String(value.text) };
  return { value: null };
}

/** Plain text of a cell value; a value that is a problem reads as empty text (its cell reports it where it matters). */
export function textOf(value: ExcelJS.CellValue): string {
  const unwrapped = unwrapCell(value);
  if (!('value' in unwrapped) || unwrapped.value === null) return '';
  const v = unwrapped.value;
  return v instanceof Date ? v.toISOString() : String(v);
}
