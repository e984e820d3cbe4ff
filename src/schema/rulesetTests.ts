import { z } from 'zod';
import { amount, bandInput, maxScore, nonEmptyText, points, textCell } from './primitives';

const indicatorCase = z.strictObject({
  target: textCell,
  actual: textCell,
  maxScore,
  band: bandInput.optional(),
  declaredScore: points.optional(),
  reason: z.string().optional(),
  deviationReason: z.string().optional(),
  level1: z.string().optional(),
  level2: z.string().optional(),
  /** The row's 三级指标 name (some readings depend on it: 成本, 费用 …). */
  name: z.string().optional(),
  /** 方向 as the definitions may state it for a bare target. */
  direction: z.enum(['higherIsBetter', 'lowerIsBetter', 'equal']).optional(),
});

const budgetCase = z.strictObject({
  maxScore: points.optional(),
  fullYearBudget: amount,
  executed: amount,
  reason: z.string().optional(),
});

/** A whole small form, for rules that act on totals (caps, rescaling). */
const formCase = z.strictObject({
  budget: budgetCase,
  indicators: z.array(indicatorCase).min(1),
});

export const ruleSetTestsSchema = z.strictObject({
  ruleSet: nonEmptyText,
  cases: z
    .array(
      z
        .strictObject({
          name: nonEmptyText,
          indicator: indicatorCase.optional(),
          budget: budgetCase.optional(),
          form: formCase.optional(),
          expect: z.strictObject({
            score: points.optional(),
            method: z.string().optional(),
            rule: z.string().optional(),
            flags: z.array(z.string()).optional(),
            error: z.string().optional(),
            /** A row a person must still complete (the form would be a draft): the code of what it needs. */
            pending: z.string().optional(),
            total: points.optional(),
            /** 优/良/中/差, or the word the rule set prints for the grade (优秀, 合格 …). */
            grade: nonEmptyText.optional(),
            adjustments: z.array(z.string()).optional(),
          }),
        })
        .check(
          z.refine((c) => [c.indicator, c.budget, c.form].filter((x) => x !== undefined).length === 1, {
            params: { code: 'ONE_CASE_INPUT' },
          }),
        ),
    )
    .min(1),
});

export type RuleSetTestsFile = z.output<typeof ruleSetTestsSchema>;
export type RuleSetTestCase = RuleSetTestsFile['cases'][number];
