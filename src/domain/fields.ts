import type { IndicatorKind } from './model';

/**
 * The one field table: every cell a clerk fills on an indicator row, named once. The actuals schema (and so the
 * JSON schema), the `init` skeleton, the web form, the workbook (export and import), the actuals writer, the edit
 * check and the printed form all read it. To add a field, add a line here and its label in the catalog's field
 * texts (README: 添加一个填报字段).
 */

/** What a field holds: free text, a number of points, one of the 档次 words, or a list of short texts. */
export type RowFieldType = 'text' | 'points' | 'band' | 'list';

/** The column of the printed table a field sits in (the web form fills it there, the PDF prints it there). */
export type RowFieldPlace = 'actual' | 'score' | 'deviation';

export interface RowFieldSpec {
  /** The YAML key under `indicators.<id>`. */
  key: string;
  type: RowFieldType;
  /** A column heading and a placeholder: short, as the provincial templates head their columns. */
  header: { zh: string; en: string };
  /** What the field is for, said once: the JSON schema's description and the `init` skeleton's comment. */
  note: string;
  /** The longest text it may hold (characters), for text fields. */
  limit?: number;
  /** Every row has it (the actual); the others may be left out. */
  required?: true;
  /**
   * How the `init` skeleton writes it: `blank` as `key: ""` to fill, `commented` as a comment with `example`
   * (`{maxScore}` is the row's 分值), `none` not at all.
   */
  skeleton: 'blank' | 'commented' | 'none';
  example?: string;
  /** An emptied cell keeps its key as "" (`kept`: the skeleton's blanks) or removes it (`removed`: optional ones). */
  emptied: 'kept' | 'removed';
  place: RowFieldPlace;
  /** Printed on the form in its place (in table order, joined by ；); false: filled and kept, never printed. */
  printed: boolean;
  /** Only rows of these kinds offer the field on the web form (a 档次 for rows that can be banded). */
  kinds?: readonly IndicatorKind[];
  /** The workbook column's width (characters). */
  width: number;
}

/** The cells a clerk fills on an indicator row, in the order of the workbook's columns and the skeleton's lines. */
export const ROW_FIELDS = [
  {
    key: 'actual',
    type: 'text',
    header: { zh: '实际完成值', en: 'Actual' },
    note: '实际完成值，如 "600余篇"、"97.64%"、"全年无故障"',
    limit: 200,
    required: true,
    skeleton: 'blank',
    emptied: 'kept',
    place: 'actual',
    printed: true,
    width: 16,
  },
  {
    key: 'band',
    type: 'band',
    header: { zh: '档次', en: 'Band' },
    note: '定性指标的档次：达成 / 部分达成 / 未达成',
    skeleton: 'commented',
    example: '达成',
    emptied: 'removed',
    place: 'actual',
    printed: false,
    kinds: ['qualitative', 'date'],
    width: 10,
  },
  {
    key: 'declaredScore',
    type: 'points',
    header: { zh: '申报得分', en: 'Declared score' },
    note: '表上填的得分',
    skeleton: 'commented',
    example: '{maxScore}',
    emptied: 'removed',
    place: 'score',
    printed: false,
    width: 8,
  },
  {
    key: 'reason',
    type: 'text',
    header: { zh: '理由', en: 'Reason' },
    note: '人工评分的理由（申报得分与规则得分不同时必填）',
    limit: 1000,
    skeleton: 'commented',
    example: '""',
    emptied: 'removed',
    place: 'score',
    printed: false,
    width: 16,
  },
  {
    key: 'deviationReason',
    type: 'text',
    header: { zh: '偏差原因分析', en: 'Reason for deviation' },
    note: '偏差原因分析',
    limit: 1000,
    skeleton: 'blank',
    emptied: 'kept',
    place: 'deviation',
    printed: true,
    width: 20,
  },
  {
    key: 'improvement',
    type: 'text',
    header: { zh: '改进措施', en: 'Improvement' },
    note: '改进措施',
    limit: 1000,
    skeleton: 'blank',
    emptied: 'kept',
    place: 'deviation',
    printed: true,
    width: 20,
  },
  {
    key: 'evidence',
    type: 'list',
    header: { zh: '佐证材料', en: 'Evidence' },
    note: '佐证材料：文件名或材料索引，一项一条（复核时据此核对，默认不印在表上）',
    limit: 200,
    skeleton: 'commented',
    example: '[年度工作总结.pdf, 满意度调查问卷汇总.xlsx]',
    emptied: 'removed',
    place: 'deviation',
    printed: false,
    width: 24,
  },
] as const satisfies readonly RowFieldSpec[];

/** The keys of the table's fields, as the code names them. */
export type RowFieldKey = (typeof ROW_FIELDS)[number]['key'];

/** What a clerk filled on one row, as text (amounts and scores as exact decimal text). */
export type FilledRow = { actual: string } & Partial<Record<RowFieldKey, string>>;

/** The table as a list of specs (a test may add a field to it; code reads it through here). */
export function rowFields(): readonly RowFieldSpec[] {
  return ROW_FIELDS;
}

export function rowField(key: string): RowFieldSpec | undefined {
  return rowFields().find((f) => f.key === key);
}

/** How a list field is written in one cell (web form, workbook): its entries joined by this mark. */
export const LIST_SEPARATOR = '；';

/** A field's value as one cell shows it: a list's entries joined, a number as its text, anything else ''. */
export function cellText(value: unknown): string {
  if (Array.isArray(value))
    return value.filter((v) => typeof v === 'string' || typeof v === 'number').join(LIST_SEPARATOR);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A list field's cell text as its entries: split at ；, ; or a line break, each trimmed, empty ones dropped. */
export function listEntries(text: string): string[] {
  return text
    .split(/[；;\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}
