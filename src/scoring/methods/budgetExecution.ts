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
    label: '预算执行率计分',
    description: '分值×执行率（全年执行数÷全年预算数），不超过分值。',
    options: NO_OPTIONS,
  },
  compute({ maxScore, fullYearBudget, executed, rate }: BudgetFigures): { score: Decimal; explanation: string } {
    const used = clamp(rate, ZERO, ONE);
    const score = roundScore(maxScore.times(used));
    const capped = rate.greaterThan(ONE) ? '（执行率超过100%，按100%计）' : '';
    return {
      score,
      explanation: `预算执行率：全年执行数${plain(executed)}万元÷全年预算数${plain(fullYearBudget)}万元=${percent(rate)}${capped}，${plain(maxScore)}×${percent(used)}=${points(score)}`,
    };
  },
};

export const BUDGET_METHODS = { budgetExecution } as const;
