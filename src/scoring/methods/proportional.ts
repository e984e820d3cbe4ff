import { textRef } from '../../errors/texts';
import { ONE, plain, roundScore, ZERO, Decimal } from '../../domain/decimal';
import { describeComparison, points, then } from './describe';
import { NO_OPTIONS, type ScoringMethod } from './method';
import { notQuantitative } from './problems';

/** 正向比例: 分值 × 实际 ÷ 目标, never above 分值 nor below 0. */
export const proportional: ScoringMethod<typeof NO_OPTIONS> = {
  meta: {
    id: 'proportional',
    appliesTo: ['quantitative'],
    options: NO_OPTIONS,
  },
  compute(context) {
    const { reading, maxScore } = context;
    if (reading.kind !== 'quantitative') return notQuantitative(context, 'proportional');
    const { actualValue: a, targetValue: t, met } = reading.comparison;
    if (t.isZero()) {
      // a target of 0 leaves no ratio: met is full marks, below it (a negative actual against ≥0) is none
      if (met)
        return {
          score: maxScore,
          explanation: then(describeComparison(reading), textRef('explain.zeroTargetFull', { max: points(maxScore) })),
        };
      return { score: ZERO, explanation: then(describeComparison(reading), textRef('explain.belowZeroTarget')) };
    }
    if (t.isNegative() || a.isNegative()) {
      // a signed target (同比增长≥-5%): a ratio of the two means nothing, so the score falls with the distance below it
      const ratio = Decimal.max(ZERO, Decimal.min(ONE, ONE.minus(t.minus(a).div(t.abs()))));
      const score = roundScore(maxScore.times(ratio));
      return {
        score,
        explanation: then(
          describeComparison(reading),
          textRef('explain.belowTarget', {
            gap: plain(t.minus(a)),
            max: plain(maxScore),
            target: plain(t.abs()),
            score: points(score),
          }),
        ),
      };
    }
    const ratio = Decimal.max(ZERO, Decimal.min(ONE, a.div(t)));
    const score = roundScore(maxScore.times(ratio));
    return {
      score,
      explanation: then(
        describeComparison(reading),
        textRef('explain.ratio', { max: plain(maxScore), top: plain(a), bottom: plain(t), score: points(score) }),
      ),
    };
  },
};
