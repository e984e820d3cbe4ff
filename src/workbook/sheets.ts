import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** A cell of a table sheet: text (always written as text, so "=1+1" stays those characters), a number, or a formula. */
export type SheetCell = string | number | null | { formula: string };

export interface SheetColumn {
  header: string;
  /** Characters; fitted to the text when left out. */
  width?: number;
  /** Number format of the column's cells (0.00, 0.00%). */
  numFmt?: string;
  /** A column the reader of the workbook fills in: shaded, and left unlocked. */
  toFill?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  /** The rows, produced as they are written: a year's findings are never all held as cells at once. */
  rows: Iterable<SheetCell[]>;
}

/** A CJK character takes about two columns of width. */
const widthOf = (s: string): number => [...s].reduce((w, c) => w + (/[\u2e80-\uffff]/.test(c) ? 2 : 1), 0);

const FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;

/** How many rows the column widths are fitted to (the rest are written as they come). */
const FITTED_ROWS = 300;

function fittedWidth(column: SheetColumn, index: number, rows: readonly SheetCell[][]): number {
  const longest = Math.max(
    widthOf(column.header),
    ...rows.map((r) => {
      const cell = r[index];
      return typeof cell === 'string' ? widthOf(cell) : typeof cell === 'number' ? String(cell).length : 6;
    }),
  );
  return column.width ?? Math.min(50, Math.max(8, longest + 2));
}

/** One sheet streamed out row by row: bold frozen header, widths fitted to its first rows, filters on every column. */
async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): Promise<void> {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = spec.rows[Symbol.iterator]();
  const first: SheetCell[][] = [];
  for (
    let next = rows.next();
    !next.done;
    next = first.length < FITTED_ROWS ? rows.next() : { done: true, value: undefined }
  )
    first.push(next.value);
  sheet.columns = spec.columns.map((c, i) => ({
    width: fittedWidth(c, i, first),
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  const filled = spec.columns.flatMap((c, i) => (c.toFill ? [i + 1] : []));
  let count = 0;
  const add = (cells: SheetCell[]): void => {
    const row = sheet.addRow(cells);
    for (const col of filled) row.getCell(col).fill = FILL;
    row.commit();
    count++;
  };
  first.forEach(add);
  for (let next = rows.next(); !next.done; next = rows.next()) add(next.value);
  if (spec.columns.length > 0 && count > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: spec.columns.length } };
  sheet.commit();
}

/**
 * Table sheets as one .xlsx workbook: a bold header row, frozen, filters on every column. Written through exceljs's
 * streaming writer: ten thousand forms' sheets took 1.4 GB as a workbook model, and a few megabytes this way.
 */
export async function sheetsWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'jixiao';
  for (const spec of sheets) await writeSheet(workbook, spec);
  await workbook.commit();
  return Buffer.concat(chunks);
}
