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
  gradeA: string;
  gradeB: string;
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

function gradeText(grade: Grade | null): string {
  return grade === null ? NO_GRADE : GRADE_LABEL[grade];
}

/** How one form fares under rule set A and rule set B, and which rows changed method or score. */
export function compareForm(file: string, a: Side, b: Side): FormComparison {
  const base = {
    file,
    title: 'result' in a ? a.result.title : 'result' in b ? b.result.title : '',
    department: 'result' in a ? a.result.department : 'result' in b ? b.result.department : '',
  };
  if (!('result' in a) || !('result' in b)) {
    return {
      ...base,
      totalA: 'result' in a ? plain(a.result.total) : null,
      totalB: 'result' in b ? plain(b.result.total) : null,
      delta: null,
      gradeA: 'result' in a ? gradeText(a.result.grade) : NO_GRADE,
      gradeB: 'result' in b ? gradeText(b.result.grade) : NO_GRADE,
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
  const byId = new Map(rb.indicators.map((r) => [r.id, r]));
  const rows: RowChange[] = [];
  for (const x of ra.indicators) {
    const y = byId.get(x.id);
    if (!y) continue;
    if (x.method !== y.method || !x.finalScore.equals(y.finalScore)) {
      rows.push({ id: x.id, name: x.name, ruleA: x.rule.rule, ruleB: y.rule.rule, methodA: x.method, methodB: y.method, scoreA: plain(x.finalScore), scoreB: plain(y.finalScore) });
    }
  }
  const delta: Decimal = rb.total.minus(ra.total);
  let direction: FormComparison['direction'] = 'same';
  if (ra.grade !== null && rb.grade !== null && ra.grade !== rb.grade) direction = ORDER[rb.grade] > ORDER[ra.grade] ? 'up' : 'down';
  return {
    ...base,
    totalA: plain(ra.total),
    totalB: plain(rb.total),
    delta: plain(delta),
    gradeA: gradeText(ra.grade),
    gradeB: gradeText(rb.grade),
    direction,
    errorA: null,
    errorB: null,
    rows,
    adjustmentsA: ra.adjustments.map((x) => x.explanation),
    adjustmentsB: rb.adjustments.map((x) => x.explanation),
    adjustmentRulesA: ra.adjustments.map((x) => x.rule),
    adjustmentRulesB: rb.adjustments.map((x) => x.rule),
  };
}

export interface CompareSummary {
  forms: number;
  compared: number;
  failed: number;
  gradeChanges: { up: number; down: number; same: number };
  /** matrix[gradeA][gradeB] = number of forms. */
  matrix: Record<string, Record<string, number>>;
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

export const GRADES = ['优', '良', '中', '差', NO_GRADE];
