import { textRef } from '../errors/texts';
import { ZERO } from '../domain/decimal';
import type { IndicatorKind, ParsedValue } from '../domain/model';
import type { Code } from '../errors/catalog';
import type { Diagnostic } from '../errors/diagnostic';
import { sharedValue } from '../targets/sharedValues';
import type { BudgetInput } from './budget';
import { printedCells, type IndicatorInput } from './reading';
import type { BudgetResult, IndicatorResult } from './result';

/**
 * What a person must still give for a row to score (DESIGN §2.9): a blank actual, a band, a manual score or
 * its reason, a number the parser can read, a reason a rule asks for. Such a row leaves the form a draft
 * (待补充) with a provisional total; every other problem (an unreadable file, a rule set with a hole) stays an error.
 */
export const PENDING_CODES: ReadonlySet<Code> = new Set<Code>([
  'MISSING_ACTUAL',
  'BAND_REQUIRED',
  'TARGET_NOT_READ',
  'LATE_DATE_BAND_REQUIRED',
  'ACTUAL_MAGNITUDE_UNCLEAR',
  'ACTUAL_PERCENT_UNCLEAR',
  'MANUAL_SCORE_REQUIRED',
  'MANUAL_SCORE_OUT_OF_BAND',
  'ACTUAL_NOT_NUMBER',
  'UNIT_MISMATCH',
  'QUALIFIER_MISMATCH',
  'BUDGET_ZERO',
  'REASON_REQUIRED',
]);

export const isPending = (d: Diagnostic): boolean => PENDING_CODES.has(d.code);

function kindOf(target: ParsedValue): IndicatorKind {
  if (target.kind === 'number') return 'quantitative';
  if (target.kind === 'date') return 'date';
  // a row with a 分值 applies, whatever its target says: it is never left out of the maximum while pending
  return 'qualitative';
}

/** A row that could not score yet: shown with its target and what it needs, provisionally 0 points. */
export function pendingRow(
  input: IndicatorInput,
  fiscalYear: number,
  needs: Diagnostic,
  ruleSetId: string,
): IndicatorResult {
  const options = { fiscalYear };
  const parsedTarget = sharedValue(input.target, options);
  return {
    ...printedCells(input),
    kind: kindOf(parsedTarget),
    direction: null,
    parsedTarget,
    parsedActual: sharedValue(input.actual ?? '', options),
    completion: null,
    band: null,
    method: 'pending',
    rule: { ruleSet: ruleSetId, rule: '', facts: {} },
    fired: [],
    ruleScore: ZERO,
    declaredScore: input.declaredScore ?? null,
    finalScore: ZERO,
    override: null,
    explanation: textRef('explain.pending'),
    flags: [],
    pending: needs,
  };
}

/** The budget block when its figures are not there yet: provisionally 0 points. */
export function pendingBudget(input: BudgetInput, ruleSetId: string): BudgetResult {
  return {
    initialBudget: input.initialBudget,
    fullYearBudget: input.fullYearBudget,
    executed: input.executed,
    breakdown: input.breakdown,
    maxScore: input.maxScore,
    rate: ZERO,
    method: 'pending',
    ruleScore: ZERO,
    declaredScore: input.declaredScore,
    finalScore: ZERO,
    explanation: textRef('explain.budgetPending'),
    rule: { ruleSet: ruleSetId, rule: '', facts: {} },
    flags: [],
    reason: input.reason,
  };
}
