/**
 * The facts a rule may test, per scope. Values are strings, booleans or null: decimals travel as their
 * exact text and are compared with the decimal operators.
 */
export type FactValue = string | boolean | null;

/** What each fact says (for those who write rule sets: README 评分规则). */
export const INDICATOR_FACTS = {
  kind: 'quantitative | date | qualitative | notApplicable',
  direction: 'higherIsBetter | lowerIsBetter | equal | none',
  met: 'the target is met (quantitative and date rows)',
  completion:
    'completion (actual ÷ target; target ÷ actual when lower is better), decimal text; null when it cannot be computed',
  deviation: 'how far short of the target, as a share; 0 when met; null for a zero target',
  targetIsZero: 'the target is 0',
  actualAtMostZero: 'the actual is ≤ 0',
  band: 'achieved | partial | notAchieved | none (the qualitative band)',
  hasDeclaredScore: 'a declared score is given',
  hasManualReason: 'a reason for a manual score is given',
  hasDeviationReason: 'a reason for the deviation is given',
  level1: 'the level-1 name',
  maxScore: 'the row points, decimal text',
} as const;

export const BUDGET_FACTS = {
  executionRate: 'execution rate (executed ÷ full-year budget), decimal text',
  executedAboveBudget: 'executed above the full-year budget',
  hasReason: 'a reason for a low rate is given',
} as const;

export const TOTAL_FACTS = {
  executionRate: 'the execution rate, decimal text',
  total: 'the total before adjustments, decimal text',
  hasNotApplicable: 'some row does not apply',
} as const;

export type Scope = 'indicator' | 'budget' | 'total';

export const FACTS_BY_SCOPE: Record<Scope, Record<string, string>> = {
  indicator: INDICATOR_FACTS,
  budget: BUDGET_FACTS,
  total: TOTAL_FACTS,
};

export type IndicatorFacts = {
  kind: string;
  direction: string;
  met: boolean;
  completion: string | null;
  deviation: string | null;
  targetIsZero: boolean;
  actualAtMostZero: boolean;
  band: string;
  hasDeclaredScore: boolean;
  hasManualReason: boolean;
  hasDeviationReason: boolean;
  level1: string;
  maxScore: string | null;
};
export type BudgetFacts = { executionRate: string; executedAboveBudget: boolean; hasReason: boolean };
export type TotalFacts = { executionRate: string; total: string; hasNotApplicable: boolean };

/** Rule-set parameters are reachable from conditions as {fact: parameter, path: "$.x.y"}. */
export const PARAMETER_FACT = 'parameter';
