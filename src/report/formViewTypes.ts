import type { Role } from '../domain/glossary';
import type { ColumnLabels } from '../domain/model';
import type { HeaderCell } from './layouts';

export interface Cell {
  text: string;
  rowspan: number;
}

export interface LevelCell extends Cell {
  /** （50分）: printed on its own line under the name. */
  weight: string;
}

export interface RowView {
  level1: LevelCell | null;
  level2: Cell | null;
  name: string;
  target: string;
  actual: string;
  maxScore: string;
  score: string;
  /** Under the score: the rule score of an override, or the declared score of a discrepancy. */
  scoreNote: string;
  mark: '' | '*' | '※';
  /** What this row still needs (a draft): the cell is marked and says so. */
  pending: string;
  deviation: string;
  /** Rows holding a rowspan cell may break; the others are kept whole on one page. */
  keepWhole: boolean;
}

export interface SignatureBoxView {
  role: Role;
  label: string;
  name: string;
  /** The link whose rectangle in the printed PDF marks where this role signs. */
  href: string;
}

export interface FormView {
  /** The project form's header block, laid out by the chosen layout (rows of label and value cells). */
  headerRows: HeaderCell[][];
  /** The indicator table's headings: the layout's, or the form's own (年初目标值 / 全年实际值 / 未完成原因). */
  columns: ColumnLabels;
  /** A draft (待补充) prints with a diagonal 草稿 on every page and its pending cells marked. */
  isDraft: boolean;
  /** A blank form to fill by hand: its fill cells get room to write in. */
  blank: boolean;
  title: string;
  year: string;
  isProject: boolean;
  department: string;
  implementingUnit: string;
  project: { name: string; subProject: string; totalInvestment: string; fiscalFunding: string; period: string };
  budgetLabel: string;
  /** Rows the budget block's label spans: its header line and every budget line. */
  budgetRows: number;
  budget: {
    label: string;
    initial: string;
    fullYear: string;
    executed: string;
    maxScore: string;
    rate: string;
    score: string;
    isTotal: boolean;
    pending: string;
    note: string;
    mark: '' | '※';
  }[];
  /** The reason the clerk gave for a low execution rate: printed under the budget lines. */
  budgetReason: string;
  goal: { expected: string; actual: string };
  rows: RowView[];
  levelSummary: string;
  total: { maxScore: string; score: string; grade: string; showGrade: boolean; declared: string };
  legend: string[];
  signOff: { phone: string; date: string; boxes: SignatureBoxView[]; sealHref: string; sealLabel: string };
  footer: string;
  explain: boolean;
  appendix: {
    budget: string;
    rows: { id: string; name: string; method: string; rule: string; explanation: string }[];
    adjustments: string[];
    warnings: string[];
    notes: string[];
  };
  meta: { title: string; author: string; subject: string; keywords: string };
}

export interface ViewOptions {
  explain: boolean;
  /** The blank form of a definitions file: every cell a clerk fills is left empty, no scores, no draft marks. */
  blank?: boolean;
  /** Base for the signature-box links (the page's own origin). */
  linkBase: string;
  /** What the clerk filled on each row (the actuals file's indicators): the text cells printed as written. */
  filled?: FilledCells;
}

/** Each row's filled cells by field key, as the actuals file holds them. */
export type FilledCells = Readonly<Record<string, Readonly<Record<string, unknown>>>>;
