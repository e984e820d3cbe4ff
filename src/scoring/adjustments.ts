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
  meta: { id: string; label: string; scope: 'indicator' | 'total'; description: string; options: z.ZodType };
}

const points = z.number().positive().max(100);

/** 偏离度扣分 (provincial variant): a fixed number of points off the total for a row far from its target. */
export const deviationPenalty = {
  meta: {
    id: 'deviationPenalty',
    label: '偏离度扣分',
    scope: 'indicator',
    description: '偏离目标达到规定比例的指标，从总分中扣除规定分数（options: points）。',
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
      explanation: `「${pending.indicator.id} ${pending.indicator.name}」偏离目标${deviation}，扣${plain(pointsOff)}分`,
    };
  },
} satisfies AdjustMethod & Record<string, unknown>;

/** 执行率封顶 (provincial variant): a low execution rate caps the total (options: cap). */
export const totalCap = {
  meta: {
    id: 'totalCap',
    label: '执行率封顶',
    scope: 'total',
    description: '预算执行率低于规定比例时，总分不超过规定上限（options: cap）。',
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
      explanation: `预算执行率${percent(executionRate)}，总分由${plain(total)}分封顶为${plain(lowest.cap)}分`,
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
    explanation: `有不适用指标，适用分值合计${plain(applicableMax)}分，总分按 ${plain(total)}×${plain(fullMax)}÷${plain(applicableMax)} 折算`,
  };
}

export const ADJUST_METHODS: Record<string, AdjustMethod> = {
  deviationPenalty,
  totalCap,
};
