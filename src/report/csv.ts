/** One CSV cell: quoted when it holds a comma, quote or line break. */
export const csvCell = (v: string | number | null): string => {
  const text = v === null ? '' : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A whole CSV file, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese. */
export function csvFile(head: string[], rows: (string | number | null)[][]): string {
  return `\ufeff${[head.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n')}\n`;
}
