import { rowFields, type RowFieldKey, type RowFieldSpec } from '../domain/fields';
import { PRINTED, WORKBOOK } from '../domain/formWording';
import { BAND_SHORT_LABEL, FIELD_LABEL, GRADE_LABEL } from '../domain/glossary';

/**
 * Where everything sits in the 自评表 workbook. Export writes these cells and import reads them back; the hidden
 * sheet records the cell of every field, so a workbook is read by what it says about itself, not by guessing.
 */

export const SHEET_FORM = WORKBOOK.formSheet;
export const SHEET_SCORES = WORKBOOK.scoresSheet;
export const SHEET_META = 'jixiao';
export const WORKBOOK_FORMAT = 'jixiao-workbook/1';

/** The columns the definitions fill (locked), by key; the row fields of the field table are placed among them. */
const DEFINITION_COLUMNS = {
  id: { header: FIELD_LABEL.id, width: 6 },
  level1: { header: FIELD_LABEL.level1, width: 10 },
  level2: { header: FIELD_LABEL.level2, width: 11 },
  name: { header: FIELD_LABEL.indicator, width: 18 },
  target: { header: FIELD_LABEL.target, width: 14 },
  maxScore: { header: FIELD_LABEL.maxScore, width: 6 },
} as const;

export type ColumnKey = keyof typeof DEFINITION_COLUMNS | RowFieldKey;

export interface Column {
  key: ColumnKey;
  header: string;
  width: number;
  /** A column the clerk fills: unlocked and shaded. */
  fill: boolean;
}

/**
 * The indicator table's columns, left to right: as printed (编号 … 年度指标值, 实际完成值, 分值), then the other
 * cells a clerk fills, in the field table's order.
 */
export const COLUMNS: readonly Column[] = (() => {
  const fixed = (key: keyof typeof DEFINITION_COLUMNS): Column => ({ key, ...DEFINITION_COLUMNS[key], fill: false });
  const field = (f: RowFieldSpec): Column => ({
    key: f.key as RowFieldKey,
    header: f.header.zh,
    width: f.width,
    fill: true,
  });
  const [actual, ...others] = rowFields();
  return [
    fixed('id'),
    fixed('level1'),
    fixed('level2'),
    fixed('name'),
    fixed('target'),
    ...(actual ? [field(actual)] : []),
    fixed('maxScore'),
    ...others.map(field),
  ];
})();

/** A column's width by key (0 for a column the table does not have). */
export function widthOf(key: ColumnKey): number {
  return COLUMNS.find((c) => c.key === key)?.width ?? 0;
}

/** Column letter of a key (A, B, …). */
export function columnOf(key: ColumnKey): string {
  return String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === key));
}

export const LAST_COLUMN = String.fromCharCode(65 + COLUMNS.length - 1);

/** The 档次 drop-down; 不适用 only for rows the definitions mark "/". */
export const BAND_CHOICES = [
  BAND_SHORT_LABEL.achieved,
  BAND_SHORT_LABEL.partial,
  BAND_SHORT_LABEL.notAchieved,
  WORKBOOK.notApplicable,
] as const;
export const GRADE_CHOICES = [GRADE_LABEL.excellent, GRADE_LABEL.good, GRADE_LABEL.fair, GRADE_LABEL.poor] as const;

/** The budget lines: 年度资金总额 and its 其中 rows, each with the three amounts a clerk fills. */
export const BUDGET_LINES = [
  { key: 'total', label: FIELD_LABEL.fundTotal },
  { key: 'currentYear', label: PRINTED.breakdownFirst(FIELD_LABEL.currentYear) },
  { key: 'carryOver', label: FIELD_LABEL.carryOver },
  { key: 'other', label: FIELD_LABEL.other },
] as const;

export const AMOUNT_FIELDS = [
  { key: 'initialBudget', header: FIELD_LABEL.initialBudget },
  { key: 'fullYearBudget', header: FIELD_LABEL.fullYearBudget },
  { key: 'executed', header: FIELD_LABEL.executed },
] as const;

/** The fill colour of cells a clerk fills (light yellow, as provincial templates shade them). */
export const FILL_ARGB = 'FFFFF2CC';

/**
 * A row tall enough for its wrapped text: spreadsheet programs do not grow a row for wrapped text on their own
 * when the file sets no height. A Chinese character takes about two width units.
 */
export function rowHeight(texts: string[], widths: number[]): number {
  const lines = texts.map(
    (t, i) =>
      Math.ceil(
        [...t].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) / Math.max(1, (widths[i] ?? 10) - 1),
      ) || 1,
  );
  return Math.max(1, ...lines) * 15;
}
