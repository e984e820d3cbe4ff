import type ExcelJS from 'exceljs';
import { textOf } from './cellValue';

/**
 * A workbook carries the definitions it was made from, so one e-mailed alone can still be scored, imported and
 * printed: their YAML text in a hidden sheet, in pieces under Excel's 32,767 characters per cell. The meta sheet's
 * definitionsSha256 says whether the text is what was exported.
 */
export const SHEET_DEFINITIONS = 'jixiao-definitions';
const PIECE = 30_000;

export function embedDefinitions(workbook: ExcelJS.Workbook, text: string): void {
  const sheet = workbook.addWorksheet(SHEET_DEFINITIONS, { state: 'hidden' });
  for (let i = 0; i < text.length; i += PIECE) sheet.addRow([text.slice(i, i + PIECE)]);
  if (text.length === 0) sheet.addRow(['']);
}

/** The embedded definitions' text, or null for a workbook made before they were embedded. */
export function embeddedDefinitions(workbook: ExcelJS.Workbook): string | null {
  const sheet = workbook.getWorksheet(SHEET_DEFINITIONS);
  if (!sheet) return null;
  const pieces: string[] = [];
  sheet.eachRow((row) => pieces.push(textOf(row.getCell(1).value)));
  return pieces.join('');
}
