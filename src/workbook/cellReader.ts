import type ExcelJS from 'exceljs';
import { dec } from '../domain/decimal';
import type { SourceLocation } from '../domain/model';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import { unwrapCell } from './cellValue';
import { PRINTED } from '../domain/formWording';
import { SHEET_FORM } from './layout';

/**
 * A number typed with a Chinese IME (`９５％`, `１，０５０．６`): full-width digits and the signs around them
 * become ASCII, with a note. Text without a full-width digit is left exactly as typed (prose keeps its ，。).
 */
function halfWidth(text: string): string {
  if (!/[\uFF10-\uFF19]/.test(text)) return text;
  return text.replace(/[\uFF10-\uFF19\uFF05\uFF0E\uFF0D\uFF0B\uFF0F\uFF0C\uFF1A]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** A date as the parser reads it: 2023年11月18日. Spreadsheet dates are UTC midnight of the day shown. */
function dayText(date: Date): string {
  return PRINTED.day(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A number as exact decimal text, from the binary double a spreadsheet stores (0.1 + 0.2 style noise removed). */
function numberText(value: number): string {
  return dec(value.toPrecision(15)).toString();
}

/** How a cell is read: prose as typed, a value (an actual: full-width folded, percentages kept), or a number. */
export type CellKind = 'text' | 'number' | 'value';

/**
 * Reads the form sheet's cells as text, remembering where each data path was read and collecting what is wrong
 * (problems: nothing is imported) and what was changed on the way (notes: full-width digits folded).
 */
export class CellReader {
  readonly problems: Diagnostic[] = [];
  readonly notes: Diagnostic[] = [];
  /** Where each actuals data path was read from (`indicators.1.1.actual` → 自评表!F21). */
  readonly cells = new Map<string, SourceLocation>();

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    readonly file: string,
    /** The sheet's name as messages give it (file!sheet!cell). */
    private readonly sheetName: string = SHEET_FORM,
  ) {}

  where(address: string): SourceLocation {
    const c = this.sheet.getCell(address);
    return { file: this.file, line: Number(c.row), column: Number(c.col), cell: `${this.sheetName}!${address}` };
  }

  /** A cell as text: trimmed, full-width folded (noted), percentages and dates written as people write them. */
  read(address: string, dataPath: string, kind: CellKind = 'text'): string | undefined {
    const c = this.sheet.getCell(address);
    this.cells.set(dataPath, this.where(address));
    const unwrapped = unwrapCell(c.value);
    if (!('value' in unwrapped)) {
      const { problem, ...data } = unwrapped;
      this.problems.push(
        diagnostic(problem, { formula: data.formula, error: 'error' in data ? data.error : '' }, this.where(address)),
      );
      return undefined;
    }
    const v = unwrapped.value;
    if (v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
    if (v instanceof Date) {
      // a date-formatted amount or score is refused, never read as 0 or blank
      if (kind === 'number')
        this.problems.push(diagnostic('WORKBOOK_DATE_IN_NUMBER', { value: dayText(v) }, this.where(address)));
      return kind === 'number' ? undefined : dayText(v);
    }
    if (typeof v === 'number') {
      if (kind !== 'number' && /%/.test(c.numFmt ?? '')) return `${dec(numberText(v)).times(100).toString()}%`;
      return numberText(v);
    }
    return this.readText(String(v).trim(), address, kind);
  }

  private readText(raw: string, address: string, kind: CellKind): string | undefined {
    // only values (an actual, an amount, a score) are read as numbers; a reason keeps every character
    const folded = kind === 'text' ? raw : halfWidth(raw);
    if (folded !== raw)
      this.notes.push(diagnostic('WORKBOOK_FULLWIDTH', { from: raw, to: folded }, this.where(address)));
    if (kind !== 'number') return folded;
    // numbers typed as text: 1,050.6 → 1050.6; anything else is refused at its cell, never read as 0
    const plain = folded.replace(/,/g, '');
    if (!/^-?\d+(\.\d+)?$/.test(plain)) {
      this.problems.push(diagnostic('WORKBOOK_NOT_A_NUMBER', { value: raw }, this.where(address)));
      return undefined;
    }
    return dec(plain).toString();
  }
}
