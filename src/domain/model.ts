import type { Decimal } from './decimal';

/** 项目支出 (project) or 部门整体支出 (department) self-evaluation form. */
export type FormKind = 'project' | 'department';

/** A magnitude word written with a number (150万, 3亿). */
export type Magnitude = '万' | '亿';

/** How a target compares with an actual. `none` is a bare number (a count: higher is better). */
export type Comparator = '>=' | '>' | '<=' | '<' | '=' | 'none';

/** 正向 / 反向 / 等于. */
export type Direction = 'higherIsBetter' | 'lowerIsBetter' | 'equal';

/** Qualitative band (定性指标档次). */
export type Band = 'achieved' | 'partial' | 'notAchieved';

export type Grade = 'excellent' | 'good' | 'fair' | 'poor';

export type Severity = 'error' | 'warning' | 'info';

export type IndicatorKind = 'quantitative' | 'date' | 'qualitative' | 'notApplicable';

/** A calendar day as written in a target such as 2021年11月30日前 (month/day may be implied). */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** What the target and actual parser understood of one cell of text. */
export type ParsedValue =
  | {
      kind: 'number';
      raw: string;
      comparator: Comparator;
      /** The number as written, before the magnitude (2.4 in 2.4万余条). */
      number: Decimal;
      /** 万 = 10^4, 亿 = 10^8, or null. */
      magnitude: Magnitude | null;
      /** number × magnitude: the figure that is compared. */
      value: Decimal;
      unit: string;
      /** 余 / 约 / 近 / 左右: the figure is approximate. */
      approximate: boolean;
      /** Words before the number that qualify it, such as 同比下降. */
      qualifier: string;
      /** Look-alike characters read as what they stand for (`═→=`, `O→0`); absent when there were none. */
      lookalikes?: string[];
    }
  | {
      kind: 'date';
      raw: string;
      comparator: Comparator;
      date: CalendarDay;
      yearImplied: boolean;
      lookalikes?: string[];
    }
  | { kind: 'text'; raw: string; band: Band | null }
  | { kind: 'notApplicable'; raw: string }
  | { kind: 'empty'; raw: string };

export type ParsedNumber = Extract<ParsedValue, { kind: 'number' }>;
export type ParsedDate = Extract<ParsedValue, { kind: 'date' }>;

/** A place in a source file. Lines and columns count from 1. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** In a workbook: the sheet and cell (`自评表!F12`); line and column are then the cell's row and column. */
  cell?: string;
}

/** What the form prints besides its scores: the header, the 年度总体目标 and the sign-off block. */
/** The printed layouts of a project form: the Ministry's template, and Hunan's (the seed's 附件1-2). */
export type Layout = 'ministry' | 'hunan';

/** The indicator table's column headings a form may print its own way (年初目标值 / 全年实际值 / 未完成原因). */
export interface ColumnLabels {
  target: string;
  actual: string;
  deviation: string;
}

export interface FormHeader {
  layout: Layout;
  /** Headings the definitions name for this form; the layout's own fill the rest. */
  columns: { [K in keyof ColumnLabels]?: ColumnLabels[K] | undefined };
  implementingUnit: string;
  project: {
    name: string;
    subProject: string;
    totalInvestment: string | null;
    fiscalFunding: string | null;
    period: string;
  } | null;
  overallGoal: { expected: string; actual: string };
  signOff: { preparer: string; phone: string; date: string; reviewer: string; head: string };
}
