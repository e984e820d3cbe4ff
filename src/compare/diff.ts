import { dec, plain } from '../domain/decimal';
import type { Grade } from '../domain/model';
import { NO_GRADE, type ScoredSide, type Side } from './side';

export { NO_GRADE, type Side };

export interface RowChange {
  id: string;
  name: string;
  ruleA: string;
  ruleB: string;
  methodA: string;
  methodB: string;
  scoreA: string;
  scoreB: string;
}

export interface FormComparison {
  file: string;
  title: string;
  department: string;
  totalA: string | null;
  totalB: string | null;
  delta: string | null;
  /** Each side's grade as that rule set prints it (its own labels), and by id for counting. */
  gradeA: string;
  gradeB: string;
  gradeIdA: GradeKey;
  gradeIdB: GradeKey;
  /** 完成 or 草稿 under each rule set, and how many items are still to complete (a stricter B can ask for more). */
  statusA: 'complete' | 'draft' | null;
  statusB: 'complete' | 'draft' | null;
  pendingA: number;
  pendingB: number;
  direction: 'up' | 'down' | 'same' | 'error';
  errorA: string | null;
  errorB: string | null;
  rows: RowChange[];
  /** Adjustments (penalties, caps) under each rule set, for the forms where they differ. */
  adjustmentsA: string[];
  adjustmentsB: string[];
  /** Names of the rules behind those adjustments. */
  adjustmentRulesA: string[];
  adjustmentRulesB: string[];
}

const ORDER: Record<Grade, number> = { poor: 0, fair: 1, good: 2, excellent: 3 };
/** A grade by id, or none (a form that could not be scored): what the grade matrix counts by. */
export type GradeKey = Grade | 'none';

/** What one side says of a form beyond its total: grade (label and id), status and items pending. */
function sideFacts(side: Side) {
  if (!('scored' in side)) return { grade: NO_GRADE, gradeId: 'none' as GradeKey, status: null, pending: 0 };
  const s = side.scored;
  return { grade: s.gradeText, gradeId: (s.grade ?? 'none') as GradeKey, status: s.status, pending: s.pending };
}

/** Scores are canonical texts (no trailing zeros): equal texts are equal, and only a zero can be written two ways. */
const sameScore = (x: string, y: string): boolean => x === y || dec(x).equals(dec(y));

/** The rows scored by another method, or to another score, under B. */
function rowChanges(sa: ScoredSide, sb: ScoredSide): RowChange[] {
  // the two sides list the form's rows in the same order: a row is found by id only when they do not
  let byId: Map<string, ScoredSide['rows'][number]> | undefined;
  const rows: RowChange[] = [];
  sa.rows.forEach((x, i) => {
    const same = sb.rows[i];
    const y = same?.id === x.id ? same : (byId ??= new Map(sb.rows.map((r) => [r.id, r]))).get(x.id);
    if (!y || (x.method === y.method && sameScore(x.score, y.score))) return;
    rows.push({
      id: x.id,
      name: x.name,
      ruleA: x.rule,
      ruleB: y.rule,
      methodA: x.method,
      methodB: y.method,
      scoreA: x.score,
      scoreB: y.score,
    });
  });
  return rows;
}

/** Which way the grade moved from A to B (same when it did not, or when either side has none). */
function directionOf(sa: ScoredSide, sb: ScoredSide): FormComparison['direction'] {
  if (sa.grade === null || sb.grade === null || sa.grade === sb.grade) return 'same';
  return ORDER[sb.grade] > ORDER[sa.grade] ? 'up' : 'down';
}

/**
 * How one form fares under rule set A and rule set B, and which rows changed method or score. Built as one
 * literal (a hundred thousand a run: a spread of a shared part made each one several times slower to build).
 */
export function compareForm(file: string, a: Side, b: Side): FormComparison {
  const sa = 'scored' in a ? a.scored : null;
  const sb = 'scored' in b ? b.scored : null;
  const fa = sideFacts(a);
  const fb = sideFacts(b);
  return {
    file,
    title: sa?.title ?? sb?.title ?? '',
    department: sa?.department ?? sb?.department ?? '',
    gradeA: fa.grade,
    gradeB: fb.grade,
    gradeIdA: fa.gradeId,
    gradeIdB: fb.gradeId,
    statusA: fa.status,
    statusB: fb.status,
    pendingA: fa.pending,
    pendingB: fb.pending,
    totalA: sa?.total ?? null,
    totalB: sb?.total ?? null,
    delta: sa && sb ? plain(dec(sb.total).minus(dec(sa.total))) : null,
    direction: sa && sb ? directionOf(sa, sb) : 'error',
    errorA: 'error' in a ? a.error : null,
    errorB: 'error' in b ? b.error : null,
    rows: sa && sb ? rowChanges(sa, sb) : [],
    adjustmentsA: sa && sb ? sa.adjustments : [],
    adjustmentsB: sa && sb ? sb.adjustments : [],
    adjustmentRulesA: sa && sb ? sa.adjustmentRules : [],
    adjustmentRulesB: sa && sb ? sb.adjustmentRules : [],
  };
}
export interface CompareSummary {
  forms: number;
  compared: number;
  failed: number;
  gradeChanges: { up: number; down: number; same: number };
  /** matrix[gradeA][gradeB] = number of forms, by grade id. */
  matrix: Record<GradeKey, Record<GradeKey, number>>;
  /** How each rule set prints each grade id (a province's own labels), as seen on the forms. */
  gradeLabelsA: Partial<Record<GradeKey, string>>;
  gradeLabelsB: Partial<Record<GradeKey, string>>;
  /** Forms that became a draft under B (with the items B newly asks for), and drafts B completes. */
  statusChanges: { toDraft: number; toComplete: number; newPending: number };
  meanDelta: string;
  largestRise: { file: string; delta: string } | null;
  largestFall: { file: string; delta: string } | null;
  changedForms: number;
  changedRows: number;
  /** How often a row moved from one rule (and method) under A to another under B, most frequent first. */
  /** Rows whose rule or method changed; `parameter` when the same rule scored differently (a parameter moved). */
  ruleChanges: { from: string; to: string; count: number; kind: 'rule' | 'parameter' }[];
  /** Forms whose total was adjusted (penalty, cap, rescale) under each rule set. */
  adjustedA: number;
  adjustedB: number;
  /** How often each adjustment rule fired, under A and under B. */
  adjustmentRules: { side: 'A' | 'B'; rule: string; count: number }[];
}

export const GRADES: readonly GradeKey[] = ['excellent', 'good', 'fair', 'poor', 'none'];

/** A form that is complete under one rule set and a draft under the other. */
export const statusChanged = (f: FormComparison): boolean =>
  f.statusA !== null && f.statusB !== null && f.statusA !== f.statusB;
