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

const dateText = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));

/**
 * A parameter's value, written bare (`lowExecutionRate: 0.9`) or with where it comes from
 * (`lowExecutionRate: { value: 0.9, basis: 《…》第十条, effective: 2021-01-01 }`).
 */
function annotated<T extends z.ZodType>(value: T) {
  return z.union([value, z.strictObject({ value, basis: nonEmptyText.optional(), effective: dateText.optional() })]);
}

const parameterLeaves = {
  qualitativeBands: {
    achieved: annotated(percentRange),
    partial: annotated(percentRange),
    notAchieved: annotated(percentRange),
  },
  overAchievement: { flagAt: annotated(z.number().positive()), reasonAt: annotated(z.number().positive()) },
  notApplicable: { rescale: annotated(z.boolean()) },
};

const weightsSource = z.enum(['form', 'framework']);

const parametersSchema = z.strictObject({
  qualitativeBands: z.strictObject(parameterLeaves.qualitativeBands),
  overAchievement: z.strictObject(parameterLeaves.overAchievement),
  lowExecutionRate: annotated(z.number().min(0).max(1)),
  notApplicable: z.strictObject(parameterLeaves.notApplicable),
  /** A qualitative row with a declared score and no band word takes the band its score falls in (default true). */
  bandFromDeclaredScore: annotated(z.boolean()).optional(),
  /** Whose 分值 count: the form's printed ones (default), or the framework's, each level rescaled onto its weight. */
  weights: annotated(weightsSource).optional(),
  /** A bare target whose name ends in a lower-is-better word (投诉率, 成本) is read lower-is-better (default true). */
  directionFromName: annotated(z.boolean()).optional(),
});

/** In a rule set that extends another, any parameter may be left out (it is inherited). */
const parametersDeltaSchema = z.strictObject({
  qualitativeBands: z.strictObject(parameterLeaves.qualitativeBands).partial().optional(),
  overAchievement: z.strictObject(parameterLeaves.overAchievement).partial().optional(),
  lowExecutionRate: annotated(z.number().min(0).max(1)).optional(),
  notApplicable: z.strictObject(parameterLeaves.notApplicable).partial().optional(),
  bandFromDeclaredScore: annotated(z.boolean()).optional(),
  weights: annotated(weightsSource).optional(),
  directionFromName: annotated(z.boolean()).optional(),
});

const level1Schema = z.strictObject({
  name: nonEmptyText,
  weight: points,
  level2: z.array(nonEmptyText).min(1),
});

const synonymsSchema = z.strictObject({
  level1: z.record(z.string(), nonEmptyText).optional(),
  level2: z.record(z.string(), nonEmptyText).optional(),
});

const gradesSchema = z.strictObject({
  print: z.boolean(),
  // label: the word this province prints (优秀/良好/合格/不合格); 优/良/中/差 when left out
  bands: z
    .array(
      z.strictObject({
        grade: z.enum(['excellent', 'good', 'fair', 'poor']),
        min: points,
        label: nonEmptyText.optional(),
      }),
    )
    .min(1),
});

const identity = {
  id: nonEmptyText.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'rulesetId' }),
  version: nonEmptyText,
  name: nonEmptyText,
};

/** A whole rule set, as written when it extends nothing, and as every rule set is once resolved. */
export const ruleSetSchema = z.strictObject({
  ...identity,
  basis: nonEmptyText.meta({ description: '依据文件及条款' }),
  effective: dateText,
  description: z.string().optional(),
  framework: z.strictObject({
    total: points,
    budget: z.strictObject({ maxScore: points }),
    level1: z.array(level1Schema).min(1),
    /** Names provinces print for the framework's levels: 效果指标 → 效益指标, 进度指标 → 时效指标. */
    synonyms: synonymsSchema.optional(),
    /** An unknown 二级 name under a known 一级: a warning (default) or an error. */
    unknownLevel2: z.enum(['warning', 'error']).optional(),
    /** A 一级 name the framework does not know: a warning, its rows scored by target and actual (default), or an error. */
    unknownLevel1: z.enum(['warning', 'error']).optional(),
  }),
  grades: gradesSchema,
  parameters: parametersSchema,
  rules: z.array(ruleSchema).min(1),
});

/**
 * A rule set written as changes to another (`extends: caiyu-2020-10`): parameters merged leaf by leaf,
 * level-1 entries merged by name, rules removed, replaced or added by name.
 */
export const ruleSetDeltaSchema = z.strictObject({
  ...identity,
  extends: nonEmptyText.meta({ description: '所依据的规则集编号或路径' }),
  basis: nonEmptyText.optional(),
  effective: dateText.optional(),
  description: z.string().optional(),
  framework: z
    .strictObject({
      total: points.optional(),
      budget: z.strictObject({ maxScore: points }).optional(),
      // remove: true takes a 一级 of the base out, so a framework of other 一级 (投入/过程/产出/效果) can extend the default
      level1: z
        .array(
          z.strictObject({
            name: nonEmptyText,
            weight: points.optional(),
            level2: z.array(nonEmptyText).min(1).optional(),
            remove: z.literal(true).optional(),
          }),
        )
        .optional(),
      synonyms: synonymsSchema.optional(),
      unknownLevel2: z.enum(['warning', 'error']).optional(),
      unknownLevel1: z.enum(['warning', 'error']).optional(),
    })
    .optional(),
  grades: z.strictObject({ print: z.boolean().optional(), bands: gradesSchema.shape.bands.optional() }).optional(),
  parameters: parametersDeltaSchema.optional(),
  rules: z
    .strictObject({
      remove: z.array(nonEmptyText).optional(),
      replace: z.array(ruleSchema).optional(),
      add: z.array(ruleSchema).optional(),
    })
    .optional(),
});

export type RuleSetWritten = z.output<typeof ruleSetSchema>;
export type RuleSetDelta = z.output<typeof ruleSetDeltaSchema>;
export type RuleInput = z.output<typeof ruleSchema>;

/** A parameter's value with where it comes from (document and clause, date in force). */
export interface Provenance {
  basis?: string;
  effective?: string;
  /** The rule set that set the value. */
  ruleSet: string;
}

/** Resolved parameters: every value plain (its provenance is kept beside, by dotted path). */
export interface RuleSetParameters {
  qualitativeBands: { achieved: [number, number]; partial: [number, number]; notAchieved: [number, number] };
  overAchievement: { flagAt: number; reasonAt: number };
  lowExecutionRate: number;
  notApplicable: { rescale: boolean };
  bandFromDeclaredScore?: boolean;
  weights?: 'form' | 'framework';
  directionFromName?: boolean;
}

/** A resolved rule set: what every consumer reads. */
export type RuleSetFile = Omit<RuleSetWritten, 'parameters'> & { parameters: RuleSetParameters };
