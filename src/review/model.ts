import type { Grade } from '../domain/model';
import type { Severity } from '../schema/reviewRuleSet';

/**
 * One indicator row as the re-check reads it: what the form says and what the rules gave. Plain data (decimals as
 * exact text) so forms read in worker threads travel to the main thread as they are.
 */
export interface ReviewRow {
  id: string;
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  /** 分值; null where the row does not apply. */
  maxScore: string | null;
  ruleScore: string;
  finalScore: string;
  declaredScore: string | null;
  /** The final score is a manual score (a declared score kept for its reason). */
  manual: boolean;
  /** 完成率 as scoring computed it; null where there is none (qualitative rows, a zero target). */
  completion: string | null;
  /** The target's comparator (≥ …), 'none' for a bare figure, null when the target is not a number. */
  comparator: string | null;
  /** The target's unit (%, 个, 万元 …), '' when none. */
  unit: string;
  /** The target's figure (magnitude applied), exact decimal text; null when the target is not a figure. */
  targetValue: string | null;
  kind: string;
  deviationReason: string;
  evidence: string[];
  /**
   * Where the row was read, as places in the form's `sources` (see placeText): `definition` (name, target, 分值),
   * `actual`, and in a workbook each filled cell by its field.
   */
  cells: Partial<Record<string, string>>;
}

export interface ReviewBudget {
  initialBudget: string | null;
  fullYearBudget: string;
  executed: string;
  rate: string;
  maxScore: string;
  score: string;
}

/** How a signed PDF verified: roles signed of those its boxes require, and the verdict. */
export interface ReviewSignatures {
  signed: number;
  required: number;
  /** 核验通过 (every check holds, identities trusted, every role signed); null when no trust anchor was given. */
  verified: boolean | null;
  intact: boolean;
  /** The verdict in a few words, for the work list. */
  verdict: string;
}

export type ReviewStatus = 'complete' | 'draft' | 'failed';

/** One self-evaluation form of the year, re-scored, as the re-check rules see it. */
export interface ReviewForm {
  /** The input as named in the work list: its path relative to the folder it was found in. */
  key: string;
  /** The file, as found (for the round trip of the 复核底稿). */
  file: string;
  source: 'yaml' | 'xlsx' | 'pdf';
  department: string;
  project: string;
  title: string;
  fiscalYear: number | null;
  status: ReviewStatus;
  /** Why a form failed (each message with its code), or what a draft still lacks. */
  problems: string[];
  ruleSet: string;
  budget: ReviewBudget | null;
  total: string | null;
  maxTotal: string | null;
  grade: Grade | null;
  gradeLabel: string | null;
  declaredTotal: string | null;
  /** The total with every manual score replaced by its rule score: what a grade rests on without them. */
  totalWithoutManual: string | null;
  signatures: ReviewSignatures | null;
  rows: ReviewRow[];
  /** Where the form's own cells were read (total, grade, budget), as places in `sources`. */
  cells: Partial<Record<string, string>>;
  /** The files its places refer to, by index. */
  sources: string[];
}

/** One finding of a re-check rule, citing its rule and the cell it is about. */
export interface Finding {
  code: string;
  severity: Severity;
  weight: number;
  deduction: string | null;
  title: string;
  rule: string;
  ruleSet: string;
  formKey: string;
  department: string;
  /** The row it is about, null for a form or department finding. */
  indicatorId: string | null;
  indicatorName: string | null;
  field: string;
  /** The cell: file:line:column, sheet!cell or a data path. */
  cell: string;
  /** The facts that made it fire, in a few words (completion 1.5 against 1.3, say). */
  detail: string;
}

/** A place as a reviewer looks it up: sheet!cell in a workbook, file:line:column in YAML. */
export function placeText(sources: readonly string[], ref: string): string {
  const at = /^(\d+)([!:])/.exec(ref);
  const file = at ? sources[Number(at[1])] : undefined;
  if (!at || file === undefined) return ref;
  return `${file}${at[2]}${ref.slice(at[0].length)}`;
}
