import { ONE, plain, roundScore, ZERO, Decimal } from '../../domain/decimal';
import { textRef } from '../../errors/texts';
import { describeComparison, points, then } from './describe';
import { NO_OPTIONS, type ScoringMethod } from './method';
import { notQuantitative } from './problems';

/**
 * 等于型与零目标: equal → full; a target of 0 is met only by an actual ≤ 0 (else 0 points);
 * otherwise as a higher-is-better row, 分值 × 实际 ÷ 目标.
 */
export const equal: ScoringMethod<typeof NO_OPTIONS> = {
  meta: {
    id: 'equal',
    appliesTo: ['quantitative'],
    options: NO_OPTIONS,
  },
  compute(context) {
    const { reading, maxScore } = context;
    if (reading.kind !== 'quantitative') return notQuantitative(context, 'equal');
    const { actualValue: a, targetValue: t } = reading.comparison;
    const head = describeComparison(reading);
    if (t.isZero()) {
      return a.lessThanOrEqualTo(0)
        ? { score: maxScore, explanation: then(head, textRef('explain.zeroTargetMet', { max: points(maxScore) })) }
        : { score: ZERO, explanation: then(head, textRef('explain.zeroTargetMissed')) };
    }
    if (a.equals(t))
      return { score: maxScore, explanation: then(head, textRef('explain.full', { max: points(maxScore) })) };
    const ratio = Decimal.max(ZERO, Decimal.min(ONE, a.div(t)));
    const score = roundScore(maxScore.times(ratio));
    return {
      score,
      explanation: then(
        head,
        textRef('explain.ratio', { max: plain(maxScore), top: plain(a), bottom: plain(t), score: points(score) }),
      ),
    };
  },
};
