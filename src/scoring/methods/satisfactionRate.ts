import { textRef } from '../../errors/texts';
import { Decimal, HUNDRED, ONE, percent, plain, roundScore, ZERO } from '../../domain/decimal';
import { describeComparison, points, then } from './describe';
import { NO_OPTIONS, type ScoringMethod } from './method';
import { notQuantitative } from './problems';

/**
 * 满意度按比例 (seen in provincial practice): 分值 × the satisfaction rate, even when the target is met —
 * 98% on a 20-point row scores 19.6. For a rate written in percent; a rule set selects it, it is not the default.
 */
export const satisfactionRate: ScoringMethod<typeof NO_OPTIONS> = {
  meta: {
    id: 'satisfactionRate',
    appliesTo: ['quantitative'],
    options: NO_OPTIONS,
  },
  compute(context) {
    const { reading, maxScore } = context;
    if (reading.kind !== 'quantitative') return notQuantitative(context, 'satisfactionRate');
    // a rate written without its sign is a percentage when above 1 (98 under ≥90), a fraction otherwise (0.98)
    const a = reading.comparison.actualValue;
    const inPercent =
      reading.actual.unit === '%' || (reading.actual.unit === '' && a.greaterThan(ONE) && a.lessThanOrEqualTo(HUNDRED));
    const rate = a.div(inPercent ? HUNDRED : ONE);
    const used = Decimal.max(ZERO, Decimal.min(ONE, rate));
    const score = roundScore(maxScore.times(used));
    return {
      score,
      explanation: then(
        describeComparison(reading),
        textRef('explain.satisfaction', { max: plain(maxScore), rate: percent(used), score: points(score) }),
      ),
    };
  },
};
