/**
 * Where everything sits in the 自评表 workbook. Export writes these cells and import reads them back; the hidden
 * sheet records the cell of every field, so a workbook is read by what it says about itself, not by guessing.
 */

export const SHEET_FORM = '自评表';
export const SHEET_SCORES = '评分';
export const SHEET_META = 'jixiao';
export const WORKBOOK_FORMAT = 'jixiao-workbook/1';

/** The indicator table's columns, left to right. `fill` columns are unlocked and shaded for the clerk. */
export const COLUMNS = [
  { key: 'id', header: '编号', width: 6, fill: false },
  { key: 'level1', header: '一级指标', width: 10, fill: false },
  { key: 'level2', header: '二级指标', width: 11, fill: false },
  { key: 'name', header: '三级指标', width: 18, fill: false },
  { key: 'target', header: '年度指标值', width: 14, fill: false },
  { key: 'actual', header: '实际完成值', width: 16, fill: true },
  { key: 'maxScore', header: '分值', width: 6, fill: false },
  { key: 'band', header: '档次', width: 10, fill: true },
  { key: 'declaredScore', header: '申报得分', width: 8, fill: true },
  { key: 'reason', header: '理由', width: 16, fill: true },
  { key: 'deviationReason', header: '偏差原因分析', width: 20, fill: true },
  { key: 'improvement', header: '改进措施', width: 20, fill: true },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** Column letter of a key (A, B, …). */
export function columnOf(key: ColumnKey): string {
  return String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === key));
}

export const LAST_COLUMN = String.fromCharCode(65 + COLUMNS.length - 1);

/** The 档次 drop-down; 不适用 only for rows the definitions mark "/". */
export const BAND_CHOICES = ['达成', '部分达成', '未达成', '不适用'] as const;
export const GRADE_CHOICES = ['优', '良', '中', '差'] as const;

/** The budget lines: 年度资金总额 and its 其中 rows, each with the three amounts a clerk fills. */
export const BUDGET_LINES = [
  { key: 'total', label: '年度资金总额' },
  { key: 'currentYear', label: '其中：当年财政拨款' },
  { key: 'carryOver', label: '上年结转资金' },
  { key: 'other', label: '其他资金' },
] as const;

export const AMOUNT_FIELDS = [
  { key: 'initialBudget', header: '年初预算数' },
  { key: 'fullYearBudget', header: '全年预算数' },
  { key: 'executed', header: '全年执行数' },
] as const;

/** The fill colour of cells a clerk fills (light yellow, as provincial templates shade them). */
export const FILL_ARGB = 'FFFFF2CC';
