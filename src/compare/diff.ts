import { textOfRef } from '../errors/texts';
import { plain, type Decimal } from '../domain/decimal';
import { GRADE_LABEL } from '../domain/glossary';
import type { Grade } from '../domain/model';
import type { FormResult } from '../scoring/result';

/** One side of a comparison: the form's score under a rule set, or why it could not be scored. */
export type Side = { result: FormResult } | { error: string };

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
export const NO_GRADE = '—';
/** A grade by id, or none (a form that could not be scored): what the grade matrix counts by. */
export type GradeKey = Grade | 'none';

function gradeText(result: FormResult): string {
  return result.grade === null ? NO_GRADE : (result.gradeLabel ?? GRADE_LABEL[result.grade]);
}

/** What one side says of a form beyond its total: grade (label and id), status and items pending. */
function sideFacts(side: Side) {
  if (!('result' in side)) return { grade: NO_GRADE, gradeId: 'none' as GradeKey, status: null, pending: 0 };
  const r = side.result;
  return {
    grade: gradeText(r),
    gradeId: (r.grade ?? 'none') as GradeKey,
    status: r.status === 'draft' ? ('draft' as const) : ('complete' as const),
    pending: r.pending.length,
  };
}

/** The rows scored by another method, or to another score, under B. */
function rowChanges(ra: FormResult, rb: FormResult): RowChange[] {
  const byId = new Map(rb.indicators.map((r) => [r.id, r]));
  const rows: RowChange[] = [];
  for (const x of ra.indicators) {
    const y = byId.get(x.id);
    if (!y) continue;
    if (x.method !== y.method || !x.finalScore.equals(y.finalScore)) {
      rows.push({
        id: x.id,
        name: x.name,
        ruleA: x.rule.rule,
        ruleB: y.rule.rule,
        methodA: x.method,
        methodB: y.method,
        scoreA: plain(x.finalScore),
        scoreB: plain(y.finalScore),
      });
    }
  }
  return rows;
}

/** How one form fares under rule set A and rule set B, and which rows changed method or score. */
export function compareForm(file: string, a: Side, b: Side): FormComparison {
  const [fa, fb] = [sideFacts(a), sideFacts(b)];
  const base = {
    file,
    title: 'result' in a ? a.result.title : 'result' in b ? b.result.title : '',
    department: 'result' in a ? a.result.department : 'result' in b ? b.result.department : '',
    gradeA: fa.grade,
    gradeB: fb.grade,
    gradeIdA: fa.gradeId,
    gradeIdB: fb.gradeId,
    statusA: fa.status,
    statusB: fb.status,
    pendingA: fa.pending,
    pendingB: fb.pending,
  };
  if (!('result' in a) || !('result' in b)) {
    return {
      ...base,
      totalA: 'result' in a ? plain(a.result.total) : null,
      totalB: 'result' in b ? plain(b.result.total) : null,
      delta: null,
      direction: 'error',
      errorA: 'error' in a ? a.error : null,
      errorB: 'error' in b ? b.error : null,
      rows: [],
      adjustmentsA: [],
      adjustmentsB: [],
      adjustmentRulesA: [],
      adjustmentRulesB: [],
    };
  }
  const ra = a.result;
  const rb = b.result;
  const rows = rowChanges(ra, rb);
  const delta: Decimal = rb.total.minus(ra.total);
  let direction: FormComparison['direction'] = 'same';
  if (ra.grade !== null && rb.grade !== null && ra.grade !== rb.grade)
    direction = ORDER[rb.grade] > ORDER[ra.grade] ? 'up' : 'down';
  return {
    ...base,
    totalA: plain(ra.total),
    totalB: plain(rb.total),
    delta: plain(delta),
    direction,
    errorA: null,
    errorB: null,
    rows,
    // in the forms' own language: the compare reports quote them as the forms would print them
    adjustmentsA: ra.adjustments.map((x) => textOfRef(x.explanation, 'zh')),
    adjustmentsB: rb.adjustments.map((x) => textOfRef(x.explanation, 'zh')),
    adjustmentRulesA: ra.adjustments.map((x) => x.rule),
    adjustmentRulesB: rb.adjustments.map((x) => x.rule),
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
