import { atPrintedPlaces, percent, plain, sum, type Decimal } from '../domain/decimal';
import type { SourceLocation } from '../domain/model';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import type { RuleEvaluator } from '../rules/compile';
import { flagFromRule } from './flags';
import { textRef, listOf, type TextRef } from '../errors/texts';
import { BUDGET_METHODS } from './methods/budgetExecution';
import type { BudgetResult } from './result';

type BreakdownKey = BudgetResult['breakdown'][number]['key'];

export interface BudgetInput {
  maxScore: Decimal;
  initialBudget: Decimal | null;
  fullYearBudget: Decimal;
  executed: Decimal;
  breakdown: {
    key: BreakdownKey;
    initialBudget: Decimal | null;
    fullYearBudget: Decimal | null;
    executed: Decimal | null;
  }[];
  declaredScore: Decimal | null;
  /** 执行率 as the form printed it, in percent (86.19), checked at its own precision. */
  declaredRate: Decimal | null;
  reason: string;
  locations: Partial<
    Record<'budget' | 'fullYearBudget' | 'executed' | 'declaredScore' | 'declaredRate', SourceLocation | undefined>
  >;
}

/**
 * 预算执行率 and its score. When the 年度资金总额 row is 0 but its 其中 rows are not, each figure is
 * taken from their sum with a warning (DESIGN §2.2); a budget of 0 with nothing under it is an input error.
 */
export async function scoreBudget(
  input: BudgetInput,
  compiled: RuleEvaluator,
): Promise<{ result: BudgetResult } | { problem: Diagnostic }> {
  const warnings: Diagnostic[] = [];
  const figures = budgetFigures(input, warnings);
  if ('problem' in figures) return figures;
  const { initialBudget, fullYearBudget, executed } = figures;

  const rate = executed.div(fullYearBudget);
  const executedAboveBudget = executed.greaterThan(fullYearBudget);
  const ruleSet = compiled.ruleSet.file;
  const outcome = await compiled.evaluate('budget', {
    executionRate: plain(rate),
    executedAboveBudget,
    hasReason: input.reason.trim() !== '',
  });
  const where = input.locations.budget;
  const label = { id: '', name: textRef('term.budgetRow'), reasonField: textRef('term.reasonField.budget') };
  if (!outcome.score)
    return {
      problem: diagnostic('RULE_GAP', { ...label, ruleSet: ruleSet.id, facts: `executionRate=${plain(rate)}` }, where),
    };
  const method = BUDGET_METHODS[outcome.score.method as keyof typeof BUDGET_METHODS];
  if (!method) {
    return {
      problem: diagnostic(
        'UNKNOWN_METHOD',
        { rule: outcome.score.rule.name, method: outcome.score.method, known: listOf(Object.keys(BUDGET_METHODS)) },
        where,
      ),
    };
  }
  const { score, explanation } = method.compute({ maxScore: input.maxScore, fullYearBudget, executed, rate });
  const flags = [
    ...warnings,
    ...outcome.flags.map((f) => flagFromRule(f, { ...label, rate: percent(rate) }, ruleSet.parameters, where)),
  ];
  flags.push(...declaredFlags(input, { rate, score, executed, fullYearBudget }, label, where));
  return {
    result: {
      initialBudget,
      fullYearBudget,
      executed,
      breakdown: input.breakdown,
      maxScore: input.maxScore,
      rate,
      method: method.meta.id,
      ruleScore: score,
      declaredScore: input.declaredScore,
      finalScore: score,
      explanation,
      rule: { ruleSet: ruleSet.id, rule: outcome.score.rule.name, facts: outcome.score.rule.facts },
      flags,
      reason: input.reason,
    },
  };
}

/**
 * The budget's figures as scored: each checked against its 其中 rows, and taken from their sum when the 合计
 * row was left at 0 (with a warning); a full-year budget of 0 with nothing under it is a problem.
 */
function budgetFigures(
  input: BudgetInput,
  warnings: Diagnostic[],
): { initialBudget: Decimal | null; fullYearBudget: Decimal; executed: Decimal } | { problem: Diagnostic } {
  const fromBreakdown = (field: 'initialBudget' | 'fullYearBudget' | 'executed', stated: Decimal): Decimal => {
    if (!stated.isZero()) return stated;
    const parts = input.breakdown.map((b) => b[field]).filter((d): d is Decimal => d !== null);
    const total = sum(parts);
    if (total.isZero()) return stated;
    warnings.push(
      diagnostic(
        'BUDGET_FROM_BREAKDOWN',
        { sum: plain(total), field: textRef(`term.${field}`) },
        (field === 'initialBudget' ? undefined : input.locations[field]) ?? input.locations.budget,
      ),
    );
    return total;
  };
  // 合计 against its 其中 rows, for every figure both give: printed forms often do not add up
  for (const field of ['initialBudget', 'fullYearBudget', 'executed'] as const) {
    const stated = input[field];
    const parts = input.breakdown.map((b) => b[field]).filter((d): d is Decimal => d !== null);
    if (stated === null || stated.isZero() || parts.length === 0) continue;
    const total = sum(parts);
    if (!total.equals(stated)) {
      warnings.push(
        diagnostic(
          'BUDGET_BREAKDOWN_MISMATCH',
          { field: textRef(`term.${field}`), total: plain(stated), sum: plain(total) },
          input.locations[field === 'initialBudget' ? 'budget' : field] ?? input.locations.budget,
        ),
      );
    }
  }
  // the whole 合计 row left at 0 (a sum formula never filled in): each of its figures comes from the 其中 rows
  const initialBudget = input.initialBudget === null ? null : fromBreakdown('initialBudget', input.initialBudget);
  const fullYearBudget = fromBreakdown('fullYearBudget', input.fullYearBudget);
  const executed = fromBreakdown('executed', input.executed);
  if (fullYearBudget.isZero())
    return { problem: diagnostic('BUDGET_ZERO', {}, input.locations.fullYearBudget ?? input.locations.budget) };
  if (executed.greaterThan(fullYearBudget)) {
    const figures = { executed: plain(executed), budget: plain(fullYearBudget) };
    warnings.push(diagnostic('EXECUTED_ABOVE_BUDGET', figures, input.locations.executed));
  }
  return { initialBudget, fullYearBudget, executed };
}

/** The rate and score as the form states them, against the computed ones (the budget score is never taken by hand). */
function declaredFlags(
  input: BudgetInput,
  computed: { rate: Decimal; score: Decimal; executed: Decimal; fullYearBudget: Decimal },
  label: { id: string; name: TextRef; reasonField: TextRef },
  where: SourceLocation | undefined,
): Diagnostic[] {
  const { rate, score, executed, fullYearBudget } = computed;
  const flags: Diagnostic[] = [];
  const printedRate = input.declaredRate;
  if (printedRate !== null && !atPrintedPlaces(rate.times(100), printedRate).equals(printedRate)) {
    flags.push(
      diagnostic(
        'DECLARED_RATE_MISMATCH',
        {
          declared: `${plain(printedRate)}%`,
          rule: percent(rate),
          executed: plain(executed),
          budget: plain(fullYearBudget),
        },
        input.locations.declaredRate ?? where,
      ),
    );
  }
  if (input.declaredScore !== null && !input.declaredScore.equals(score)) {
    flags.push(
      diagnostic(
        'DECLARED_SCORE_MISMATCH',
        {
          ...label,
          declared: plain(input.declaredScore),
          rule: plain(score),
          why: textRef('declared.computed'),
          fix: textRef('declared.computed.fix'),
        },
        input.locations.declaredScore ?? where,
      ),
    );
  }
  return flags;
}
