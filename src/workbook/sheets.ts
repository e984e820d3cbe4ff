import ExcelJS from 'exceljs';
import { diagnostic, InputError } from '../errors/diagnostic';
import { CellReader } from './cellReader';

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
  rows: SheetCell[][];
}

/** A CJK character takes about two columns of width. */
const widthOf = (s: string): number => [...s].reduce((w, c) => w + (/[\u2e80-\uffff]/.test(c) ? 2 : 1), 0);

const FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  for (const row of spec.rows) sheet.addRow(row);
  spec.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const longest = Math.max(
      widthOf(c.header),
      ...spec.rows.slice(0, 500).map((r) => {
        const cell = r[i];
        return typeof cell === 'string' ? widthOf(cell) : typeof cell === 'number' ? String(cell).length : 6;
      }),
    );
    column.width = c.width ?? Math.min(50, Math.max(8, longest + 2));
    if (c.numFmt) column.numFmt = c.numFmt;
    if (c.toFill) for (let r = 2; r <= spec.rows.length + 1; r++) sheet.getCell(r, i + 1).fill = FILL;
  });
  if (spec.columns.length > 0 && spec.rows.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: spec.rows.length + 1, column: spec.columns.length } };
}

/** Table sheets as one .xlsx workbook: a bold header row, frozen, filters on every column. */
export async function sheetsWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  for (const spec of sheets) addSheet(workbook, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One row of a table sheet as read back: its row number and each named column's text (undefined when empty). */
export interface ReadRow {
  row: number;
  cell: (header: string) => string | undefined;
  address: (header: string) => string;
}

/**
 * Reads a table sheet back by its header row, the `needed` columns only: every cell through the same reader as the form sheet (full-width
 * digits folded, formulas' cached values, numbers as exact text), each problem at file!sheet!cell. Headers the
 * caller needs and the sheet lacks are problems too. Throws the problems together.
 */
export async function readTableSheet(
  file: string,
  bytes: Uint8Array,
  sheetName: string,
  needed: readonly string[],
  numeric: readonly string[],
): Promise<{ rows: ReadRow[]; reader: CellReader }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError([diagnostic('WORKBOOK_UNREADABLE', { path: file, detail: (error as Error).message })]);
  }
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new InputError([diagnostic('SHEET_MISSING', { path: file, sheet: sheetName })]);
  const reader = new CellReader(sheet, file, sheetName);
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((c, col) => columns.set(String(c.value ?? '').trim(), col));
  const missing = needed.filter((h) => !columns.has(h));
  if (missing.length > 0)
    throw new InputError([
      diagnostic(
        'SHEET_COLUMNS_MISSING',
        { path: file, sheet: sheetName, columns: missing.join('、') },
        reader.where('A1'),
      ),
    ]);
  const rows: ReadRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const address = (header: string): string => sheet.getCell(r, columns.get(header) ?? 1).address;
    const values = new Map<string, string | undefined>();
    // only the columns asked for: the others (a formula the reader never needs, say) are left unread
    for (const header of needed)
      values.set(header, reader.read(address(header), `${r}.${header}`, numeric.includes(header) ? 'number' : 'text'));
    if ([...values.values()].every((v) => v === undefined)) continue;
    rows.push({ row: r, cell: (h) => values.get(h), address });
  }
  return { rows, reader };
}
