import type ExcelJS from 'exceljs';
import type { ActualsFile } from '../schema/actuals';
import type { ColumnLabels } from '../domain/model';
import { cellText, rowFields } from '../domain/fields';
import { HEADER, PRINTED, SKELETON, WORKBOOK } from '../domain/formWording';
import { FIELD_LABEL, ROLE_LABEL } from '../domain/glossary';
import type { IndicatorDefinition } from '../schema/definitions';
import { columnLabels } from '../report/layouts';
import type { WorkbookSource } from './workbookSource';
import {
  AMOUNT_FIELDS,
  BAND_CHOICES,
  BUDGET_LINES,
  COLUMNS,
  columnOf,
  FILL_ARGB,
  GRADE_CHOICES,
  LAST_COLUMN,
  rowHeight,
  widthOf,
  type ColumnKey,
} from './layout';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Writes the form sheet top to bottom and remembers where each fill field went. */
export class FormSheet {
  private row = 1;
  readonly fields = new Map<string, string>();
  readonly rows = new Map<string, number>();

  constructor(private readonly sheet: ExcelJS.Worksheet) {
    sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  }

  layOut(source: WorkbookSource): {
    tableHeaderRow: number;
    firstRow: number;
    lastRow: number;
    fields: Map<string, string>;
    rows: Map<string, number>;
  } {
    const d = source.definitions;
    const a = source.actuals;
    this.title(d.title ?? WORKBOOK.title(d.fiscalYear, d.form === 'project'), PRINTED.yearLine(d.fiscalYear));
    if (d.project) {
      this.pair(HEADER.projectName, d.project.name);
      this.pair(HEADER.department, d.department, HEADER.implementingUnit, d.implementingUnit ?? '');
    } else {
      this.pair(HEADER.departmentName, d.department);
    }
    this.budget(source);
    this.goal(d.overallGoal.expected, a?.overallGoal.actual ?? '');
    const tableHeaderRow = this.row;
    this.tableHeader(columnLabels({ layout: d.layout ?? 'ministry', columns: d.columns ?? {} }));
    const firstRow = this.row;
    this.indicators(source);
    const lastRow = this.row - 1;
    this.totals(a);
    this.signOff(a);
    return { tableHeaderRow, firstRow, lastRow, fields: this.fields, rows: this.rows };
  }

  private cell(address: string): ExcelJS.Cell {
    return this.sheet.getCell(address);
  }

  /** A merged range holding a value, bordered; `fill` marks it as a field the clerk fills (and records where). */
  private put(
    from: string,
    to: string,
    value: ExcelJS.CellValue,
    options: { bold?: boolean; field?: string; center?: boolean; list?: readonly string[] } = {},
  ): void {
    if (from !== to) this.sheet.mergeCells(`${from}:${to}`);
    const c = this.cell(from);
    c.value = value ?? null;
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: options.center ? 'center' : 'left' };
    if (options.bold) c.font = { bold: true };
    const range = this.sheet.getCell(to);
    for (let r = Number(c.row); r <= Number(range.row); r++) {
      for (let col = Number(c.col); col <= Number(range.col); col++) this.sheet.getCell(r, col).border = BORDER;
    }
    if (options.field) {
      c.protection = { locked: false };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_ARGB } };
      this.fields.set(options.field, from);
      if (options.list)
        c.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${options.list.join(',')}"`],
          showErrorMessage: true,
          errorTitle: WORKBOOK.listErrorTitle,
          error: options.list.join(' / '),
        };
    }
  }

  private title(text: string, year: string): void {
    this.sheet.mergeCells(`A${this.row}:${LAST_COLUMN}${this.row}`);
    const t = this.cell(`A${this.row}`);
    t.value = text;
    t.font = { bold: true, size: 16 };
    t.alignment = { horizontal: 'center' };
    this.row++;
    this.sheet.mergeCells(`A${this.row}:${LAST_COLUMN}${this.row}`);
    const y = this.cell(`A${this.row}`);
    y.value = year;
    y.alignment = { horizontal: 'center' };
    this.row += 2;
  }

  private pair(label: string, value: string, label2?: string, value2?: string): void {
    const r = this.row;
    this.put(`A${r}`, `C${r}`, label, { bold: true });
    if (label2 === undefined) this.put(`D${r}`, `${LAST_COLUMN}${r}`, value);
    else {
      this.put(`D${r}`, `G${r}`, value);
      this.put(`H${r}`, `I${r}`, label2, { bold: true });
      this.put(`J${r}`, `${LAST_COLUMN}${r}`, value2 ?? '');
    }
    this.row++;
  }

  private budget(source: WorkbookSource): void {
    const b = source.actuals?.budget;
    const r = this.row;
    this.put(`A${r}`, `C${r}`, WORKBOOK.fundsBlock, { bold: true });
    AMOUNT_FIELDS.forEach((f, i) =>
      this.put(`${String.fromCharCode(68 + i)}${r}`, `${String.fromCharCode(68 + i)}${r}`, f.header, {
        bold: true,
        center: true,
      }),
    );
    this.put(`G${r}`, `G${r}`, FIELD_LABEL.maxScore, { bold: true, center: true });
    this.put(`H${r}`, `I${r}`, FIELD_LABEL.declaredScore, { bold: true, center: true });
    this.put(`J${r}`, `${LAST_COLUMN}${r}`, WORKBOOK.budgetReason, { bold: true, center: true });
    this.row++;
    for (const line of BUDGET_LINES) {
      const rr = this.row;
      this.put(`A${rr}`, `C${rr}`, line.label, { bold: line.key === 'total' });
      const values = line.key === 'total' ? b : b?.breakdown?.[line.key];
      AMOUNT_FIELDS.forEach((f, i) => {
        const col = String.fromCharCode(68 + i);
        const v = values?.[f.key];
        this.put(`${col}${rr}`, `${col}${rr}`, v === undefined ? null : Number(v), {
          field: `budget.${line.key}.${f.key}`,
        });
        this.cell(`${col}${rr}`).numFmt = '#,##0.00####';
      });
      if (line.key === 'total') {
        this.put(`G${rr}`, `G${rr}`, source.definitions.budget.maxScore, { center: true });
        this.put(`H${rr}`, `I${rr}`, b?.declaredScore ?? null, { field: 'budget.declaredScore' });
        this.put(`J${rr}`, `${LAST_COLUMN}${rr}`, b?.reason ?? '', { field: 'budget.reason' });
      } else {
        this.put(`G${rr}`, `G${rr}`, '—', { center: true });
        this.put(`H${rr}`, `${LAST_COLUMN}${rr}`, '');
      }
      this.row++;
    }
  }

  private goal(expected: string, actual: string): void {
    const r = this.row;
    this.put(`A${r}`, `C${r + 1}`, WORKBOOK.goal, { bold: true, center: true });
    this.put(`D${r}`, `G${r}`, WORKBOOK.goalExpected, { bold: true, center: true });
    this.put(`H${r}`, `${LAST_COLUMN}${r}`, WORKBOOK.goalActual, { bold: true, center: true });
    this.put(`D${r + 1}`, `G${r + 1}`, expected);
    this.put(`H${r + 1}`, `${LAST_COLUMN}${r + 1}`, actual, { field: 'overallGoal.actual' });
    this.sheet.getRow(r + 1).height = 60;
    this.row += 2;
  }

  /** The column headings, from the form's layout: a form that prints its own (年初目标值 / 全年实际值) keeps them here too. */
  private tableHeader(labels: ColumnLabels): void {
    const r = this.row;
    const renamed: Partial<Record<ColumnKey, string>> = { target: labels.target, actual: labels.actual };
    COLUMNS.forEach((c) =>
      this.put(`${columnOf(c.key)}${r}`, `${columnOf(c.key)}${r}`, renamed[c.key] ?? c.header, {
        bold: true,
        center: true,
      }),
    );
    this.row++;
  }

  private indicators(source: WorkbookSource): void {
    const filled = source.actuals?.indicators;
    for (const level of source.definitions.levels) {
      const levelStart = this.row;
      for (const group of level.groups) {
        const groupStart = this.row;
        for (const ind of group.indicators) {
          const r = this.row;
          const got = filled && Object.prototype.hasOwnProperty.call(filled, ind.id) ? filled[ind.id] : undefined;
          const at = (key: ColumnKey): string => `${columnOf(key)}${r}`;
          this.put(at('id'), at('id'), ind.id, { center: true });
          this.put(at('name'), at('name'), ind.name);
          this.put(at('target'), at('target'), ind.target);
          this.put(at('maxScore'), at('maxScore'), ind.maxScore, { center: true });
          const texts = this.rowCells(ind, r, (got ?? {}) as Record<string, unknown>);
          this.rows.set(ind.id, r);
          // a level or group name that spans this row alone must fit in it too
          const levelRows = level.groups.reduce((n, g) => n + g.indicators.length, 0);
          const spanning: [string, number][] = [
            [group.indicators.length === 1 ? group.level2 : '', widthOf('level2')],
            [
              levelRows === 1 ? `${level.level1}${PRINTED.levelWeight(String(level.weight ?? ''))}` : '',
              widthOf('level1'),
            ],
          ];
          const cells: [string, number][] = [
            [ind.name, widthOf('name')],
            [ind.target, widthOf('target')],
            ...texts,
            ...spanning,
          ];
          this.sheet.getRow(r).height = rowHeight(
            cells.map(([t]) => t),
            cells.map(([, w]) => w),
          );
          this.row++;
        }
        this.put(`${columnOf('level2')}${groupStart}`, `${columnOf('level2')}${this.row - 1}`, group.level2, {
          center: true,
        });
      }
      this.put(
        `${columnOf('level1')}${levelStart}`,
        `${columnOf('level1')}${this.row - 1}`,
        `${level.level1}${level.weight !== undefined ? PRINTED.levelWeight(String(level.weight)) : ''}`,
        { center: true, bold: true },
      );
    }
  }

  /**
   * One row's fill cells, as the field table lists them: a row that does not apply shows "/" and 不适用. Gives the
   * texts written with their column widths, for the row's height.
   */
  private rowCells(ind: IndicatorDefinition, r: number, got: Record<string, unknown>): [string, number][] {
    const notApplicable = ind.maxScore === '/';
    const texts: [string, number][] = [];
    for (const f of rowFields()) {
      const address = `${columnOf(f.key as ColumnKey)}${r}`;
      const value = got[f.key];
      const field = `indicators.${ind.id}.${f.key}`;
      if (f.type === 'points')
        this.put(address, address, value === undefined ? null : (value as number | string), { field });
      else if (f.type === 'band')
        this.put(address, address, (value as string | undefined) ?? (notApplicable ? WORKBOOK.notApplicable : ''), {
          field,
          list: BAND_CHOICES,
        });
      else {
        const text = value === undefined ? (notApplicable && f.required ? '/' : '') : cellText(value);
        this.put(address, address, text, { field });
        texts.push([text, f.width]);
      }
    }
    return texts;
  }

  private totals(a: ActualsFile | undefined): void {
    const r = this.row;
    this.put(`A${r}`, `F${r}`, WORKBOOK.declaredTotal, { bold: true, center: true });
    this.put(`G${r}`, `H${r}`, a?.declaredTotal ?? null, { field: 'declaredTotal' });
    this.put(`I${r}`, `I${r}`, FIELD_LABEL.grade, { bold: true, center: true });
    this.put(`J${r}`, `J${r}`, a?.declaredGrade ?? '', { field: 'declaredGrade', list: GRADE_CHOICES });
    this.put(`K${r}`, `${LAST_COLUMN}${r}`, '');
    this.row += 2;
  }

  private signOff(a: ActualsFile | undefined): void {
    const s = a?.signOff;
    const r = this.row;
    this.put(`A${r}`, `B${r}`, ROLE_LABEL.preparer, { bold: true });
    this.put(`C${r}`, `D${r}`, s?.preparer ?? '', { field: 'signOff.preparer' });
    this.put(`E${r}`, `E${r}`, SKELETON.phone, { bold: true });
    this.put(`F${r}`, `G${r}`, s?.phone ?? '', { field: 'signOff.phone' });
    this.put(`H${r}`, `I${r}`, SKELETON.date, { bold: true });
    this.put(`J${r}`, `${LAST_COLUMN}${r}`, s?.date ?? '', { field: 'signOff.date' });
    this.put(`A${r + 1}`, `B${r + 1}`, ROLE_LABEL.reviewer, { bold: true });
    this.put(`C${r + 1}`, `D${r + 1}`, s?.reviewer ?? '', { field: 'signOff.reviewer' });
    this.put(`E${r + 1}`, `E${r + 1}`, ROLE_LABEL.head, { bold: true });
    this.put(`F${r + 1}`, `G${r + 1}`, s?.head ?? '', { field: 'signOff.head' });
    this.row += 2;
  }
}
