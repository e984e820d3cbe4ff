import { textRef, type TextRef } from '../../errors/texts';
import { clamp, type Decimal, ONE, percent, plain, roundScore, ZERO } from '../../domain/decimal';
import { points } from './describe';
import { NO_OPTIONS } from './method';

export interface BudgetFigures {
  maxScore: Decimal;
  fullYearBudget: Decimal;
  executed: Decimal;
  rate: Decimal;
}

/** 预算执行率得分 (DESIGN §2.2): 分值 × 执行率, capped at 分值, never negative. */
export const budgetExecution = {
  meta: {
    id: 'budgetExecution',
    options: NO_OPTIONS,
  },
  compute({ maxScore, fullYearBudget, executed, rate }: BudgetFigures): { score: Decimal; explanation: TextRef } {
    const used = clamp(rate, ZERO, ONE);
    const score = roundScore(maxScore.times(used));
    const capped = rate.greaterThan(ONE) ? textRef('explain.budgetCapped') : '';
    return {
      score,
      explanation: textRef('explain.budget', {
        executed: plain(executed),
        budget: plain(fullYearBudget),
        rate: percent(rate),
        capped,
        max: plain(maxScore),
        used: percent(used),
        score: points(score),
      }),
    };
  },
};

export const BUDGET_METHODS = { budgetExecution } as const;
