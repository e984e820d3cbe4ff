import { z } from 'zod';
import { conditionSchema } from './ruleset';
import { nonEmptyText, points } from './primitives';

/** What a review rule looks at: one indicator row, one form, or one department's forms together. */
export const REVIEW_SCOPES = ['row', 'form', 'department'] as const;
export type ReviewScope = (typeof REVIEW_SCOPES)[number];

export const SEVERITIES = ['P0', 'P1', 'P2'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The cell a finding is about: a row's field, or a form's. */
export const FINDING_FIELDS = [
  'target',
  'actual',
  'maxScore',
  'score',
  'declaredScore',
  'deviationReason',
  'evidence',
  'name',
  'total',
  'declaredTotal',
  'grade',
  'budget',
  'signatures',
] as const;

const topCondition = z.union(
  [
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
  ],
  { error: 'topCondition' },
);

/** A review rule's event: a finding, never a formula. */
const findingEvent = z.strictObject({
  type: z.literal('finding'),
  params: z.strictObject({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: 'findingCode' }),
    severity: z.enum(SEVERITIES),
    /** What the finding adds to the form's risk score. */
    weight: z.number().int().min(0).max(1000),
    /** Points the re-check deducts for it, where it deducts. */
    deduction: points.optional(),
    /** The cell it is about. */
    field: z.enum(FINDING_FIELDS),
    /** What it means, said to the reviewer (Chinese, as the rule's name). */
    title: nonEmptyText,
  }),
});

export const reviewRuleSchema = z.strictObject({
  name: nonEmptyText.meta({ description: '复核规则名称（在发现中引用）' }),
  description: z.string().optional(),
  scope: z.enum(REVIEW_SCOPES, { error: 'scope' }),
  priority: z.number().int().min(1).default(1),
  conditions: topCondition,
  event: findingEvent,
});

const dateText = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));

/** A parameter written bare or with where it comes from, as in scoring rule sets. */
const parameterValue = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.string()),
  z.record(z.string(), z.array(z.string())),
]);
const annotatedParameter = z.union([
  parameterValue,
  z.strictObject({ value: parameterValue, basis: nonEmptyText.optional(), effective: dateText.optional() }),
]);

/** A review rule set (`kind: review`): whole, or extending another by id (its rules replaced by name, added, removed). */
export const reviewRuleSetSchema = z.strictObject({
  kind: z.literal('review'),
  id: nonEmptyText.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'rulesetId' }),
  version: nonEmptyText,
  name: nonEmptyText,
  basis: nonEmptyText.optional().meta({ description: '依据文件' }),
  effective: dateText.optional(),
  description: z.string().optional(),
  extends: nonEmptyText.optional(),
  parameters: z.record(z.string(), annotatedParameter).default({}),
  rules: z.array(reviewRuleSchema).default([]),
  /** Rules of the base set to leave out, by name. */
  remove: z.array(nonEmptyText).optional(),
});

export type ReviewRuleInput = z.output<typeof reviewRuleSchema>;
export type ReviewRuleSetFile = z.output<typeof reviewRuleSetSchema>;
export type ReviewParameterValue = z.output<typeof parameterValue>;

const caseRow = z.strictObject({
  id: z.string().optional(),
  level1: nonEmptyText.default('产出指标'),
  level2: nonEmptyText.default('数量指标'),
  name: nonEmptyText.default('指标'),
  target: z.string().default(''),
  actual: z.string().default(''),
  maxScore: points.default(10),
  /** The score the form ends with; the rule score when left out of `ruleScore`. */
  score: points.optional(),
  ruleScore: points.optional(),
  declaredScore: points.optional(),
  /** The final score is a manual score (a declared score with its reason). */
  manual: z.boolean().default(false),
  deviationReason: z.string().default(''),
  evidence: z.array(z.string()).default([]),
});

const caseForm = z.strictObject({
  department: nonEmptyText.default('测试单位'),
  project: nonEmptyText.default('测试项目'),
  status: z.enum(['complete', 'draft', 'failed']).default('complete'),
  total: points.optional(),
  declaredTotal: points.optional(),
  grade: z.enum(['excellent', 'good', 'fair', 'poor']).optional(),
  budget: z
    .strictObject({
      maxScore: points.default(10),
      score: points.optional(),
      rate: z.number().min(0).max(10).default(1),
    })
    .default({ maxScore: 10, rate: 1 }),
  /** Roles signed (of the roles the form prints); a signed PDF's verify verdict. */
  signedRoles: z.number().int().min(0).max(4).default(0),
  verified: z.boolean().optional(),
  rows: z.array(caseRow).min(1),
});

export type ReviewCaseForm = z.output<typeof caseForm>;

/** Review rule-set tests: small forms, and which findings each must raise and must not. */
export const reviewTestsSchema = z.strictObject({
  ruleSet: nonEmptyText,
  cases: z
    .array(
      z.strictObject({
        name: nonEmptyText,
        /** The form checked, then the others of its year (for department and boilerplate rules). */
        forms: z.array(caseForm).min(1),
        /** Last year's forms, matched by department and project. */
        previous: z.array(caseForm).optional(),
        fires: z.array(nonEmptyText).default([]),
        silent: z.array(nonEmptyText).default([]),
      }),
    )
    .min(1),
});

export type ReviewTestsFile = z.output<typeof reviewTestsSchema>;
