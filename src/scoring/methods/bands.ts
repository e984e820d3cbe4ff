import { type Decimal, HUNDRED } from '../../domain/decimal';
import type { Band } from '../../domain/model';
import type { RuleSetParameters } from '../../rules/ruleSet';

/** A band's score range in points: [low, high), except 达成 whose top (100%) is included. */
export function bandRange(
  band: Band,
  maxScore: Decimal,
  parameters: RuleSetParameters,
): { low: Decimal; high: Decimal; includesHigh: boolean } {
  const [lowPct, highPct] = parameters.qualitativeBands[band];
  return {
    low: maxScore.times(lowPct).div(HUNDRED),
    high: maxScore.times(highPct).div(HUNDRED),
    includesHigh: highPct >= 100,
  };
}

export function inBand(score: Decimal, range: { low: Decimal; high: Decimal; includesHigh: boolean }): boolean {
  return (
    score.greaterThanOrEqualTo(range.low) &&
    (range.includesHigh ? score.lessThanOrEqualTo(range.high) : score.lessThan(range.high))
  );
}
