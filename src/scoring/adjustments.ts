import { textRef } from '../errors/texts';
import { z } from 'zod';
import { dec, type Decimal, percent, plain } from '../domain/decimal';
import type { AdjustDecision } from '../rules/compile';
import type { Adjustment } from './result';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';

/** An adjustment a rule asked for on a row, applied when the total is rolled up. */
export interface PendingAdjustment {
  decision: AdjustDecision;
  indicator: { id: string; name: string; deviation: string | null };
}

/** An adjustment and the warning that says it beside the form (the penalty's row, the cap's rate). */
export interface Applied {
  adjustment: Adjustment;
  warning: Diagnostic;
}

/** An adjustment a row's rule asks for: applied to that row's place in the total. Named in the catalog as `method.<id>`. */
export interface RowAdjustMethod<Options extends z.ZodType = z.ZodType> {
  meta: { id: string; scope: 'indicator'; options: Options };
  apply(pending: PendingAdjustment, options: z.output<Options>): Applied;
}

/** An adjustment the total's rules ask for: applied once to the total, from every decision for it (or not at all). */
export interface TotalAdjustMethod<Options extends z.ZodType = z.ZodType> {
  meta: { id: string; scope: 'total'; options: Options };
  apply(
    decisions: { decision: AdjustDecision; options: z.output<Options> }[],
    total: Decimal,
    executionRate: Decimal,
  ): Applied | null;
}

export type AdjustMethod = RowAdjustMethod | TotalAdjustMethod;

const points = z.number().positive().max(100);
const penaltyOptions = z.strictObject({ points });
const capOptions = z.strictObject({ cap: z.number().min(0).max(1000) });

/** 偏离度扣分 (provincial variant): a fixed number of points off the total for a row far from its target. */
export const deviationPenalty: RowAdjustMethod<typeof penaltyOptions> = {
  meta: { id: 'deviationPenalty', scope: 'indicator', options: penaltyOptions },
  apply(pending, options) {
    const pointsOff = dec(String(options.points));
    const { id, name } = pending.indicator;
    const deviation = pending.indicator.deviation ? percent(dec(pending.indicator.deviation)) : '—';
    const adjustment: Adjustment = {
      method: 'deviationPenalty',
      rule: pending.decision.rule.name,
      delta: pointsOff.negated(),
      indicatorId: id,
      deviation,
      explanation: textRef('explain.adjust.penalty', { id, name, deviation, points: plain(pointsOff) }),
    };
    return { adjustment, warning: diagnostic('DEVIATION_PENALTY', { id, name, deviation, points: plain(pointsOff) }) };
  },
};

/** 执行率封顶 (provincial variant): a low execution rate caps the total (options: cap). */
export const totalCap: TotalAdjustMethod<typeof capOptions> = {
  meta: { id: 'totalCap', scope: 'total', options: capOptions },
  /** Several caps may fire; the lowest applies. Returns null when the total is already under every cap. */
  apply(decisions, total, executionRate) {
    if (decisions.length === 0) return null;
    const caps = decisions.map((d) => ({ cap: dec(String(d.options.cap)), rule: d.decision.rule.name }));
    const lowest = caps.reduce((a, b) => (b.cap.lessThan(a.cap) ? b : a));
    if (total.lessThanOrEqualTo(lowest.cap)) return null;
    const explanation = textRef('explain.adjust.cap', {
      rate: percent(executionRate),
      total: plain(total),
      cap: plain(lowest.cap),
    });
    return {
      adjustment: { method: 'totalCap', rule: lowest.rule, delta: lowest.cap.minus(total), explanation },
      warning: diagnostic('TOTAL_CAPPED', { rate: percent(executionRate), cap: plain(lowest.cap) }),
    };
  },
};

/** 不适用指标的分值按比例折算 (rule-set parameter notApplicable.rescale). */
export function rescaleForNotApplicable(total: Decimal, applicableMax: Decimal, fullMax: Decimal): Adjustment | null {
  if (applicableMax.isZero() || applicableMax.greaterThanOrEqualTo(fullMax)) return null;
  const scaled = total.times(fullMax).div(applicableMax);
  return {
    method: 'rescaleNotApplicable',
    rule: 'parameters.notApplicable.rescale',
    delta: scaled.minus(total),
    explanation: textRef('explain.adjust.rescale', {
      applicable: plain(applicableMax),
      total: plain(total),
      full: plain(fullMax),
    }),
  };
}

/** One part of the form as printed (the budget row or a 一级), with the weight the rule set's framework gives it. */
export interface WeightedPart {
  name: string;
  score: Decimal;
  /** The 分值 its rows carry: those that apply, or all printed when rows that do not apply are not rescaled. */
  base: Decimal;
  /** The 分值 of its rows that apply, before reweighting (scaled by framework ÷ base with the score). */
  applicableMax: Decimal;
  framework: Decimal | null;
}

/**
 * 按规则集分值折算 (rule-set parameter `weights: framework`): each part whose printed 分值 differs from the
 * framework's is scaled onto the framework's weight, so a form drawn up under another scheme is scored on this one.
 * Returns the adjustments and the maximum the parts carry afterwards.
 */
export function reweightToFramework(parts: WeightedPart[]): { adjustments: Adjustment[]; applicableMax: Decimal } {
  const adjustments: Adjustment[] = [];
  let applicableMax = dec(0);
  for (const part of parts) {
    if (part.framework === null || part.base.isZero() || part.base.equals(part.framework)) {
      applicableMax = applicableMax.plus(part.applicableMax);
      continue;
    }
    const factor = part.framework.div(part.base);
    applicableMax = applicableMax.plus(part.applicableMax.times(factor));
    const scaled = part.score.times(factor);
    adjustments.push({
      method: 'frameworkWeights',
      rule: 'parameters.weights',
      delta: scaled.minus(part.score),
      explanation: textRef('explain.adjust.level', {
        name: part.name,
        base: plain(part.base),
        framework: plain(part.framework),
        score: plain(part.score),
      }),
    });
  }
  return { adjustments, applicableMax };
}

/** Every adjustment a rule's event may name, by id: rows' and the total's. */
export const ADJUST_METHODS: Record<string, AdjustMethod> = { deviationPenalty, totalCap };

/** The adjustments of one scope, for the scorer to apply each in turn. */
export const ROW_ADJUSTMENTS = Object.values(ADJUST_METHODS).filter(
  (m): m is RowAdjustMethod => m.meta.scope === 'indicator',
);
export const TOTAL_ADJUSTMENTS = Object.values(ADJUST_METHODS).filter(
  (m): m is TotalAdjustMethod => m.meta.scope === 'total',
);
