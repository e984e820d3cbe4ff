import { z } from 'zod';
import { actualsSchema } from './actuals';
import { definitionsSchema } from './definitions';
import { ruleSetDeltaSchema, ruleSetSchema } from './ruleset';
import { ruleSetTestsSchema } from './rulesetTests';
import { reviewRuleSetSchema, reviewTestsSchema } from './reviewRuleSet';

/** The kinds of file users write, each with its schema. */
export const FILE_KINDS = {
  definitions: { schema: definitionsSchema, title: 'jixiao 绩效指标定义（年度指标值与分值）' },
  actuals: { schema: actualsSchema, title: 'jixiao 实际完成值填报' },
  // a whole rule set, or one that extends another
  ruleset: { schema: z.union([ruleSetSchema, ruleSetDeltaSchema]), title: 'jixiao 评分规则集' },
  'ruleset-tests': { schema: ruleSetTestsSchema, title: 'jixiao 评分规则集测试用例' },
  'review-ruleset': { schema: reviewRuleSetSchema, title: 'jixiao 复核规则集' },
  'review-tests': { schema: reviewTestsSchema, title: 'jixiao 复核规则集测试用例' },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

export function isFileKind(text: string): text is FileKind {
  return Object.prototype.hasOwnProperty.call(FILE_KINDS, text);
}

/** JSON Schema for a file kind, as an editor's YAML language server reads it. */
export function jsonSchemaOf(kind: FileKind): Record<string, unknown> {
  const { schema, title } = FILE_KINDS[kind];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...json, title };
}
