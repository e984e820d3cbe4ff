import type ExcelJS from 'exceljs';
import { diagnostic, inputError, InputError, type Diagnostic } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import { SHEET_META, WORKBOOK_FORMAT } from './layout';
import { textOf } from './cellValue';

/** The largest row and column a spreadsheet has (XFD, 1,048,576): a meta value beyond them was edited. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

const isColumn = (v: string): boolean => /^[A-Z]{1,3}$/.test(v) && columnNumber(v) <= MAX_COLUMN;
const isRow = (v: string): boolean => /^[1-9]\d{0,6}$/.test(v) && Number(v) <= MAX_ROW;
const isCell = (v: string): boolean => {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(v);
  return m !== null && isColumn(m[1] ?? '') && isRow(m[2] ?? '');
};

/** What each kind of meta key must hold, for the message when it does not. */
function expectedOf(
  key: string,
): { check: (v: string) => boolean; expected: 'meta.column' | 'meta.cell' | 'meta.row' } | null {
  if (key.startsWith('column.')) return { check: isColumn, expected: 'meta.column' };
  if (key.startsWith('cell.')) return { check: isCell, expected: 'meta.cell' };
  if (key.startsWith('row.') || key === 'tableFirstRow' || key === 'tableLastRow')
    return { check: isRow, expected: 'meta.row' };
  return null;
}

/**
 * Reads the hidden meta sheet's key/value rows and checks every place it names (column letters, cell addresses,
 * row numbers), so a value someone edited (`ZZZZ`) is an error at its cell, not a crash while reading the form.
 */
export function readMeta(workbook: ExcelJS.Workbook, file: string): Map<string, string> {
  const sheet = workbook.getWorksheet(SHEET_META);
  if (!sheet) throw inputError('WORKBOOK_NOT_JIXIAO', { path: file });
  const meta = new Map<string, string>();
  const problems: Diagnostic[] = [];
  sheet.eachRow((row, r) => {
    const key = textOf(row.getCell(1).value);
    if (!key) return;
    const value = textOf(row.getCell(2).value).trim();
    meta.set(key, value);
    const kind = expectedOf(key);
    if (kind && !kind.check(value)) {
      problems.push(
        diagnostic(
          'WORKBOOK_META_DAMAGED',
          { key, value, expected: textRef(kind.expected) },
          { file, line: r, column: 2, cell: `${SHEET_META}!B${r}` },
        ),
      );
    }
  });
  if (meta.get('format') !== WORKBOOK_FORMAT) throw inputError('WORKBOOK_NOT_JIXIAO', { path: file });
  if (problems.length > 0) throw new InputError(problems);
  return meta;
}
