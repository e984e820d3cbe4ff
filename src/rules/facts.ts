/**
 * The facts a rule may test, per scope. Values are strings, booleans or null: decimals travel as their
 * exact text and are compared with the decimal operators.
 */
export type FactValue = string | boolean | null;

export const INDICATOR_FACTS = {
  kind: 'quantitative | date | qualitative | notApplicable',
  direction: 'higherIsBetter | lowerIsBetter | equal | none',
  met: '是否达到目标（定量与日期指标）',
  completion: '完成率（实际÷目标，反向为目标÷实际），小数文本；无法计算时为 null',
  deviation: '未达标时偏离目标的比例，达标为 0；目标为 0 时为 null',
  targetIsZero: '目标值为 0',
  actualAtMostZero: '实际值 ≤ 0',
  band: 'achieved | partial | notAchieved | none（定性档次）',
  hasDeclaredScore: '填报了得分',
  hasManualReason: '填写了人工评分理由 reason',
  hasDeviationReason: '填写了偏差原因 deviationReason',
  level1: '一级指标名称',
  maxScore: '分值，小数文本',
} as const;

export const BUDGET_FACTS = {
  executionRate: '执行率（全年执行数÷全年预算数），小数文本',
  executedAboveBudget: '执行数超过全年预算数',
  hasReason: '填写了执行率偏低的原因',
} as const;

export const TOTAL_FACTS = {
  executionRate: '预算执行率，小数文本',
  total: '调整前总分，小数文本',
  hasNotApplicable: '有不适用的指标',
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
