import { textRef } from '../../errors/texts';
import { ONE, plain, roundScore, ZERO, Decimal } from '../../domain/decimal';
import { describeComparison, points, then } from './describe';
import { NO_OPTIONS, type ScoringMethod } from './method';
import { notQuantitative } from './problems';

/** 线性扣分 (a deployed provincial variant): 分值 × max(0, 1 − |实际 − 目标| ÷ 目标). */
export const linearPenalty: ScoringMethod<typeof NO_OPTIONS> = {
  meta: {
    id: 'linearPenalty',
    appliesTo: ['quantitative'],
    options: NO_OPTIONS,
  },
  compute(context) {
    const { reading, maxScore } = context;
    if (reading.kind !== 'quantitative') return notQuantitative(context, 'linearPenalty');
    const { actualValue: a, targetValue: t } = reading.comparison;
    if (t.isZero())
      return {
        score: a.lessThanOrEqualTo(0) ? maxScore : ZERO,
        explanation: then(describeComparison(reading), textRef('explain.zeroTarget')),
      };
    const gap = a.minus(t).abs();
    const ratio = Decimal.max(ZERO, Decimal.min(ONE, ONE.minus(gap.div(t.abs()))));
    const score = roundScore(maxScore.times(ratio));
    return {
      score,
      explanation: then(
        describeComparison(reading),
        textRef('explain.linearPenalty', {
          max: plain(maxScore),
          actual: plain(a),
          target: plain(t),
          score: points(score),
        }),
      ),
    };
  },
};
