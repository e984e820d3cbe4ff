import { plain } from '../domain/decimal';
import { GRADE_LABEL } from '../domain/glossary';
import type { Grade } from '../domain/model';
import { textOfRef } from '../errors/texts';
import type { FormResult } from '../scoring/result';

// What a comparison reads of a form's score under one rule set, as plain texts: small enough for the form cache
// to keep beside the form (an evaluator who edits rule set B re-scores B only; A's scores are read back).

/** One row as a comparison sees it: the rule and method that scored it, and its final score. */
export interface ScoredRow {
  id: string;
  name: string;
  rule: string;
  method: string;
  score: string;
}

/** A form's score under one rule set, as a comparison reads it. */
export interface ScoredSide {
  title: string;
  department: string;
  total: string;
  grade: Grade | null;
  /** The grade as this rule set prints it (its own labels), or — when it prints none. */
  gradeText: string;
  status: 'complete' | 'draft';
  pending: number;
  rows: ScoredRow[];
  /** Adjustments (penalties, caps) in the forms' own language, and the rules behind them. */
  adjustments: string[];
  adjustmentRules: string[];
}

/** One side of a comparison: the form's score under a rule set, or why it could not be scored. */
export type Side = { scored: ScoredSide } | { error: string };

export const NO_GRADE = '—';

/** What a comparison reads of a result. */
export function scoredSide(result: FormResult): ScoredSide {
  return {
    title: result.title,
    department: result.department,
    total: plain(result.total),
    grade: result.grade,
    gradeText: result.grade === null ? NO_GRADE : (result.gradeLabel ?? GRADE_LABEL[result.grade]),
    status: result.status === 'draft' ? 'draft' : 'complete',
    pending: result.pending.length,
    rows: result.indicators.map((r) => ({
      id: r.id,
      name: r.name,
      rule: r.rule.rule,
      method: r.method,
      score: plain(r.finalScore),
    })),
    // in the forms' own language: the compare reports quote them as the forms would print them
    adjustments: result.adjustments.map((x) => textOfRef(x.explanation, 'zh')),
    adjustmentRules: result.adjustments.map((x) => x.rule),
  };
}
