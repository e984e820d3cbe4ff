import { textRef } from '../../errors/texts';
import { ONE, plain, roundScore, ZERO, Decimal } from '../../domain/decimal';
import { describeComparison, points, then } from './describe';
import { NO_OPTIONS, type ScoringMethod } from './method';
import { notQuantitative } from './problems';

/** 反向比例 (the printed template rule): 分值 × 目标 ÷ 实际 when the actual exceeds a ceiling. */
export const inverseProportional: ScoringMethod<typeof NO_OPTIONS> = {
  meta: {
    id: 'inverseProportional',
    appliesTo: ['quantitative'],
    options: NO_OPTIONS,
  },
  compute(context) {
    const { reading, maxScore } = context;
    if (reading.kind !== 'quantitative') return notQuantitative(context, 'inverseProportional');
    const { actualValue: a, targetValue: t } = reading.comparison;
    if (a.lessThanOrEqualTo(0))
      return {
        score: maxScore,
        explanation: then(describeComparison(reading), textRef('explain.full', { max: points(maxScore) })),
      };
    const ratio = Decimal.max(ZERO, Decimal.min(ONE, t.div(a)));
    const score = roundScore(maxScore.times(ratio));
    return {
      score,
      explanation: then(
        describeComparison(reading),
        textRef('explain.ratio', { max: plain(maxScore), top: plain(t), bottom: plain(a), score: points(score) }),
      ),
    };
  },
};
