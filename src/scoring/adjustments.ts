import { textRef } from '../errors/texts';
import { z } from 'zod';
import { dec, type Decimal, percent, plain } from '../domain/decimal';
import type { AdjustDecision } from '../rules/compile';
import type { Adjustment } from './result';

/** An adjustment a rule asked for on a row, applied when the total is rolled up. */
export interface PendingAdjustment {
  decision: AdjustDecision;
  indicator: { id: string; name: string; deviation: string | null };
}

export interface AdjustMethod {
  /** Named in the catalog as `method.<id>`, as the scoring methods are. */
  meta: { id: string; scope: 'indicator' | 'total'; options: z.ZodType };
}

const points = z.number().positive().max(100);

/** 偏离度扣分 (provincial variant): a fixed number of points off the total for a row far from its target. */
export const deviationPenalty = {
  meta: {
    id: 'deviationPenalty',
    scope: 'indicator',
    options: z.strictObject({ points }),
  },
  apply(pending: PendingAdjustment): Adjustment {
    // options were validated against meta.options when the rule set loaded
    const pointsOff = dec(String(pending.decision.options.points));
    const deviation = pending.indicator.deviation ? percent(dec(pending.indicator.deviation)) : '—';
    return {
      method: 'deviationPenalty',
      rule: pending.decision.rule.name,
      delta: pointsOff.negated(),
      indicatorId: pending.indicator.id,
      deviation,
      explanation: textRef('explain.adjust.penalty', {
        id: pending.indicator.id,
        name: pending.indicator.name,
        deviation,
        points: plain(pointsOff),
      }),
    };
  },
} satisfies AdjustMethod & Record<string, unknown>;

/** 执行率封顶 (provincial variant): a low execution rate caps the total (options: cap). */
export const totalCap = {
  meta: {
    id: 'totalCap',
    scope: 'total',
    options: z.strictObject({ cap: z.number().min(0).max(1000) }),
  },
  /** Several caps may fire; the lowest applies. Returns null when the total is already under every cap. */
  apply(decisions: AdjustDecision[], total: Decimal, executionRate: Decimal): Adjustment | null {
    if (decisions.length === 0) return null;
    const caps = decisions.map((d) => ({ cap: dec(String(d.options.cap)), rule: d.rule.name }));
    const lowest = caps.reduce((a, b) => (b.cap.lessThan(a.cap) ? b : a));
    if (total.lessThanOrEqualTo(lowest.cap)) return null;
    return {
      method: 'totalCap',
      rule: lowest.rule,
      delta: lowest.cap.minus(total),
      explanation: textRef('explain.adjust.cap', {
        rate: percent(executionRate),
        total: plain(total),
        cap: plain(lowest.cap),
      }),
    };
  },
} satisfies AdjustMethod & Record<string, unknown>;

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

export const ADJUST_METHODS: Record<string, AdjustMethod> = {
  deviationPenalty,
  totalCap,
};
