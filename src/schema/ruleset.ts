import { z } from 'zod';
import { nonEmptyText, points } from './primitives';

/** A json-rules-engine condition, checked strictly so a mistyped key is reported at its line. */
export type ConditionInput =
  | { fact: string; operator: string; value: unknown; path?: string; params?: Record<string, unknown> }
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput };

const leafCondition = z.strictObject({
  fact: nonEmptyText,
  operator: nonEmptyText,
  value: z.unknown(),
  path: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const conditionSchema: z.ZodType<ConditionInput> = z.lazy(() =>
  z.union(
    [
      leafCondition,
      z.strictObject({ all: z.array(conditionSchema) }),
      z.strictObject({ any: z.array(conditionSchema) }),
      z.strictObject({ not: conditionSchema }),
    ],
    { error: 'condition' },
  ),
) as z.ZodType<ConditionInput>;

const topCondition = z.union(
  [
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
  ],
  { error: 'topCondition' },
);

/** What a rule does when it fires: name a scoring method, raise a flag, or apply an adjustment. Never a formula. */
const eventSchema = z.union(
  [
    z.strictObject({
      type: z.literal('score'),
      params: z.looseObject({ method: nonEmptyText }),
    }),
    z.strictObject({
      type: z.literal('flag'),
      params: z.looseObject({ code: nonEmptyText }),
    }),
    z.strictObject({
      type: z.literal('adjust'),
      params: z.looseObject({ method: nonEmptyText }),
    }),
  ],
  { error: 'event' },
);

export const ruleSchema = z.strictObject({
  name: nonEmptyText.meta({ description: '规则名称（在计算过程中显示）' }),
  description: z.string().optional(),
  scope: z.enum(['indicator', 'budget', 'total'], { error: 'scope' }).default('indicator'),
  priority: z.number().int().min(1).default(1),
  conditions: topCondition,
  event: eventSchema,
});

const percentRange = z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)], { error: 'percentRange' });

export const ruleSetSchema = z.strictObject({
  id: nonEmptyText.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'rulesetId' }),
  version: nonEmptyText,
  name: nonEmptyText,
  basis: nonEmptyText.meta({ description: '依据文件及条款' }),
  effective: z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
  description: z.string().optional(),
  framework: z.strictObject({
    total: points,
    budget: z.strictObject({ maxScore: points }),
    level1: z
      .array(
        z.strictObject({
          name: nonEmptyText,
          weight: points,
          level2: z.array(nonEmptyText).min(1),
        }),
      )
      .min(1),
  }),
  grades: z.strictObject({
    print: z.boolean(),
    bands: z.array(z.strictObject({ grade: z.enum(['excellent', 'good', 'fair', 'poor']), min: points })).min(1),
  }),
  parameters: z.strictObject({
    qualitativeBands: z.strictObject({ achieved: percentRange, partial: percentRange, notAchieved: percentRange }),
    overAchievement: z.strictObject({ flagAt: z.number().positive(), reasonAt: z.number().positive() }),
    lowExecutionRate: z.number().min(0).max(1),
    notApplicable: z.strictObject({ rescale: z.boolean() }),
  }),
  rules: z.array(ruleSchema).min(1),
});

export type RuleSetFile = z.output<typeof ruleSetSchema>;
export type RuleInput = z.output<typeof ruleSchema>;
export type RuleSetParameters = RuleSetFile['parameters'];
