import { dec, plain, sum, ZERO, type Decimal } from '../domain/decimal';
import { FIELD_LABEL } from '../domain/glossary';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import type { RuleEvaluator } from '../rules/compile';
import {
  reweightToFramework,
  rescaleForNotApplicable,
  ROW_ADJUSTMENTS,
  TOTAL_ADJUSTMENTS,
  type PendingAdjustment,
  type WeightedPart,
} from './adjustments';
import type { FormInput } from './formInput';
import type { Adjustment, BudgetResult, IndicatorResult, LevelResult } from './result';

/**
 * The budget row and each 一级 as parts with the framework's weight, for `weights: framework`. With rows that do
 * not apply rescaled, a level's base is what applies in it (the rescaling happens inside the level).
 */
function weightedParts(
  input: FormInput,
  compiled: RuleEvaluator,
  levels: LevelResult[],
  budget: BudgetResult,
  byId: Map<string, IndicatorResult>,
): WeightedPart[] {
  const framework = compiled.ruleSet.file.framework;
  const rescale = compiled.ruleSet.file.parameters.notApplicable.rescale;
  const budgetPart: WeightedPart = {
    name: FIELD_LABEL.budget,
    score: budget.finalScore,
    base: budget.maxScore,
    applicableMax: budget.maxScore,
    framework: dec(String(framework.budget.maxScore)),
  };
  return [
    budgetPart,
    ...levels.map((level, i) => {
      const key = input.levels[i]?.key ?? level.name;
      const weight = framework.level1.find((l) => l.name === key)?.weight;
      const printed = sum(
        (input.levels[i]?.groups ?? []).flatMap((g) => g.ids.map((id) => byId.get(id)?.maxScore ?? ZERO)),
      );
      return {
        name: level.name,
        score: level.score,
        base: rescale ? level.maxScore : printed,
        applicableMax: level.maxScore,
        framework: weight === undefined ? null : dec(String(weight)),
      };
    }),
  ];
}

/**
 * Adjustments stay apart from the rows and apply in order: penalties, then the framework's weights (when the rule
 * set asks for them), then rescaling for rows that do not apply, then caps. Returns them with the adjusted
 * (unrounded) total.
 */
export async function adjust(
  input: FormInput,
  compiled: RuleEvaluator,
  scored: { indicators: IndicatorResult[]; levels: LevelResult[]; budget: BudgetResult },
  pending: PendingAdjustment[],
  maxima: { applicable: Decimal; printed: Decimal },
  warnings: Diagnostic[],
): Promise<{ adjustments: Adjustment[]; subtotal: Decimal; running: Decimal; maxTotal: Decimal }> {
  const { indicators, budget } = scored;
  const subtotal = budget.finalScore.plus(sum(indicators.map((r) => r.finalScore)));
  // each row's adjustments by the method its rule named (options checked against its schema when the rule set loaded)
  const rowApplied = pending.flatMap((p) => {
    const method = ROW_ADJUSTMENTS.find((m) => m.meta.id === p.decision.method);
    return method ? [method.apply(p, p.decision.options)] : [];
  });
  const adjustments: Adjustment[] = rowApplied.map((a) => a.adjustment);
  let applicableMax = maxima.applicable;
  const framework = compiled.ruleSet.file.parameters.weights === 'framework';
  if (framework) {
    const parts = weightedParts(input, compiled, scored.levels, budget, new Map(indicators.map((r) => [r.id, r])));
    const reweighted = reweightToFramework(parts);
    adjustments.push(...reweighted.adjustments);
    applicableMax = reweighted.applicableMax;
  }
  let running = subtotal.plus(sum(adjustments.map((a) => a.delta)));
  const { rescale, fullMax } = notApplicableRescale(input, compiled, indicators, { running, applicableMax }, warnings);
  if (rescale) {
    adjustments.push(rescale);
    running = running.plus(rescale.delta);
  }
  const hasNotApplicable = indicators.some((x) => x.kind === 'notApplicable');
  const totalOutcome = await compiled.evaluate('total', {
    executionRate: plain(budget.rate),
    total: plain(running),
    hasNotApplicable,
  });
  for (const method of TOTAL_ADJUSTMENTS) {
    const decisions = totalOutcome.adjustments
      .filter((a) => a.method === method.meta.id)
      .map((decision) => ({ decision, options: decision.options }));
    const applied = method.apply(decisions, running, budget.rate);
    if (!applied) continue;
    adjustments.push(applied.adjustment);
    running = running.plus(applied.adjustment.delta);
    warnings.push(applied.warning);
  }
  warnings.push(...rowApplied.map((a) => a.warning));
  return { adjustments, subtotal, running, maxTotal: rescale ? fullMax : applicableMax };
}

/**
 * Rows that do not apply: each noted, and the total rescaled onto the form's full score (its printed 总分, else
 * the rule set's; the rule set's when its weights count) when the rule set says so, never beyond it.
 */
function notApplicableRescale(
  input: FormInput,
  compiled: RuleEvaluator,
  indicators: IndicatorResult[],
  totals: { running: Decimal; applicableMax: Decimal },
  warnings: Diagnostic[],
): { rescale: Adjustment | null; fullMax: Decimal } {
  const { parameters, framework } = compiled.ruleSet.file;
  const notApplicableRows = indicators.filter((x) => x.kind === 'notApplicable');
  const frameworkTotal = dec(String(framework.total));
  const fullMax = parameters.weights === 'framework' ? frameworkTotal : (input.declared.maxTotal ?? frameworkTotal);
  const rescale =
    notApplicableRows.length > 0 && parameters.notApplicable.rescale && fullMax.greaterThan(totals.applicableMax)
      ? rescaleForNotApplicable(totals.running, totals.applicableMax, fullMax)
      : null;
  for (const r of notApplicableRows) {
    const location = input.indicators.find((row) => row.id === r.id)?.locations.definition;
    const data = { id: r.id, name: r.name, rescale: textRef(rescale ? 'note.rescaled' : 'note.none') };
    warnings.push(diagnostic('NOT_APPLICABLE', data, location));
  }
  return { rescale, fullMax };
}
