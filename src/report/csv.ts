/**
 * Text a spreadsheet would run as a formula when the cell starts with it (=, +, -, @, a tab or a carriage return):
 * such a cell gets a leading apostrophe, as OWASP's CSV-injection advice says, so Excel, WPS and LibreOffice show
 * it as text. A plain number (-3.5, +2, 12%) cannot be a formula and is left as it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?%?$/;

function neutralized(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One CSV cell: a formula-like text neutralized; quoted when it holds a comma, quote, line break or leading apostrophe. */
export const csvCell = (v: string | number | null): string => {
  const text = v === null ? '' : typeof v === 'number' ? String(v) : neutralized(v);
  return /[",\n\r\t]|^'/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV line (without its line break). */
export const csvRow = (cells: readonly (string | number | null)[]): string => cells.map(csvCell).join(',');

/** A whole CSV file from lines already made, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese. */
export function csvFromLines(head: string[], lines: readonly string[]): string {
  return `\ufeff${[csvRow(head), ...lines].join('\n')}\n`;
}

/** A whole CSV file. */
export function csvFile(head: string[], rows: (string | number | null)[][]): string {
  return csvFromLines(head, rows.map(csvRow));
}
