/** One CSV cell: quoted when it holds a comma, quote or line break. */
export const csvCell = (v: string | number | null): string => {
  const text = v === null ? '' : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
