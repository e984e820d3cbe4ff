import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { diagnostic, InputError } from '../errors/diagnostic';
import { CellReader, type CellKind } from './cellReader';

/** One row of a table sheet as read back: its row number and each named column's text (undefined when empty). */
export interface ReadRow {
  row: number;
  cell: (header: string) => string | undefined;
  address: (header: string) => string;
}

/** The part of exceljs's streaming reader that names sheets: not in its typings, so named here once. */
interface SheetNaming {
  _parseWorkbook(entry: Readable): Promise<void>;
}

/**
 * exceljs's streaming reader learns the sheets' names from xl/workbook.xml as that entry streams past, and fails
 * ("reading 'sheets'") on a worksheet that comes first in the zip. Writers put entries in any order (exceljs's own
 * under load, WPS, zip tools), so the names are read out of the zip's directory first, by exceljs's own parser.
 */
async function presetSheetNames(reader: ExcelJS.stream.xlsx.WorkbookReader, bytes: Uint8Array): Promise<void> {
  const workbookXml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')?.async('nodebuffer');
  if (workbookXml) await (reader as unknown as SheetNaming)._parseWorkbook(Readable.from([workbookXml]));
}

/**
 * One sheet of a workbook, copied out of exceljs's streaming reader into a worksheet of its own: the other sheets
 * (a year's forms and findings) stream past without being held. Null when the workbook has no sheet of that name.
 */
async function sheetAlone(file: string, bytes: Uint8Array, sheetName: string): Promise<ExcelJS.Worksheet | null> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  let copy: ExcelJS.Worksheet | null = null;
  try {
    await presetSheetNames(reader, bytes);
    for await (const worksheet of reader) {
      const named = (worksheet as unknown as { name?: string }).name;
      const sheet = named === sheetName ? new ExcelJS.Workbook().addWorksheet(sheetName) : null;
      for await (const row of worksheet)
        row.eachCell((cell, col) => {
          if (!sheet) return;
          const target = sheet.getCell(row.number, col);
          target.value = cell.value;
          if (cell.numFmt) target.numFmt = cell.numFmt;
        });
      copy ??= sheet;
    }
  } catch (error) {
    throw new InputError([diagnostic('WORKBOOK_UNREADABLE', { path: file, detail: (error as Error).message })]);
  }
  return copy;
}

/**
 * Reads a table sheet back by its header row, the `kinds` columns only: every cell through the same reader as the
 * form sheet (full-width digits folded, formulas' cached values, numbers as exact text), each problem at
 * file!sheet!cell. Headers the caller needs and the sheet lacks are problems too. Throws the problems together.
 */
export async function readTableSheet(
  file: string,
  bytes: Uint8Array,
  sheetName: string,
  kinds: Readonly<Record<string, CellKind>>,
): Promise<{ rows: ReadRow[]; reader: CellReader }> {
  const sheet = await sheetAlone(file, bytes, sheetName);
  if (!sheet) throw new InputError([diagnostic('SHEET_MISSING', { path: file, sheet: sheetName })]);
  const reader = new CellReader(sheet, file, sheetName);
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((c, col) => columns.set(String(c.value ?? '').trim(), col));
  const needed = Object.keys(kinds);
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
    for (const header of needed) values.set(header, reader.read(address(header), `${r}.${header}`, kinds[header]));
    if ([...values.values()].every((v) => v === undefined)) continue;
    rows.push({ row: r, cell: (h) => values.get(h), address });
  }
  return { rows, reader };
}
