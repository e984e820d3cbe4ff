import { z } from 'zod';
import { type ROW_FIELDS, rowFields, type RowFieldSpec } from '../domain/fields';
import { amount, bandInput, gradeLabel, limited, nonEmptyText, points, TEXT_LIMITS, textCell } from './primitives';

/** The most entries a list field (佐证材料) may hold on one row. */
const LIST_LIMIT = 100;

/** One budget line (年度资金总额 or a 其中 row), in 万元. */
const budgetLine = z.strictObject({
  initialBudget: amount.optional().meta({ description: '年初预算数（万元）' }),
  fullYearBudget: amount.optional().meta({ description: '全年预算数（万元）' }),
  executed: amount.optional().meta({ description: '全年执行数（万元）' }),
});

/** A row field's schema, by its type in the field table; every field but the actual may be left out. */
function rowFieldSchema(field: RowFieldSpec) {
  const described = { description: field.note };
  if (field.type === 'points') return points.optional().meta(described);
  if (field.type === 'band') return bandInput.optional().meta(described);
  if (field.type === 'list')
    return z
      .array(limited(z.string(), field.limit ?? TEXT_LIMITS.reason))
      .max(LIST_LIMIT)
      .optional()
      .meta(described);
  if (field.required) return textCell.meta(described);
  return limited(z.string(), field.limit ?? TEXT_LIMITS.reason)
    .optional()
    .meta(described);
}

/** What schema each row field has, as the type checker sees the table. */
type RowFieldSchemas = {
  [F in (typeof ROW_FIELDS)[number] as F['key']]: F extends { type: 'points' }
    ? z.ZodOptional<typeof points>
    : F extends { type: 'band' }
      ? z.ZodOptional<typeof bandInput>
      : F extends { type: 'list' }
        ? z.ZodOptional<z.ZodArray<z.ZodString>>
        : F extends { required: true }
          ? typeof textCell
          : z.ZodOptional<z.ZodString>;
};

/** One indicator's filled cells, as the field table lists them. */
export const indicatorActualSchema = z.strictObject(
  Object.fromEntries(rowFields().map((f) => [f.key, rowFieldSchema(f)])) as unknown as RowFieldSchemas,
);

export const actualsSchema = z.strictObject({
  definitions: nonEmptyText.meta({ description: '指标定义文件路径（相对本文件）' }),
  budget: z.strictObject({
    initialBudget: amount.optional().meta({ description: '年初预算数（万元）' }),
    fullYearBudget: amount.meta({ description: '全年预算数（调整后，万元）' }),
    executed: amount.meta({ description: '全年执行数（万元）' }),
    breakdown: z
      .strictObject({
        currentYear: budgetLine.optional().meta({ description: '其中：当年财政拨款' }),
        carryOver: budgetLine.optional().meta({ description: '其中：上年结转资金' }),
        other: budgetLine.optional().meta({ description: '其中：其他资金' }),
      })
      .optional(),
    declaredScore: points.optional().meta({ description: '表上填的预算执行得分' }),
    declaredRate: z
      .number({ error: 'percentage' })
      .min(0)
      .max(1000)
      .optional()
      .meta({ description: '表上印的执行率（百分数：86.19 即 86.19%），按印出的位数与计算值核对' }),
    reason: limited(z.string(), TEXT_LIMITS.reason).optional().meta({ description: '执行率偏低的原因' }),
  }),
  overallGoal: z.strictObject({
    actual: limited(z.string(), TEXT_LIMITS.goal).meta({ description: '年度总体目标：实际完成情况' }),
  }),
  indicators: z.record(z.string(), indicatorActualSchema).meta({ description: '按指标编号填写' }),
  declaredTotal: points.optional().meta({ description: '表上填的总得分' }),
  declaredGrade: gradeLabel.optional().meta({ description: '表上填的等级' }),
  signOff: z
    .strictObject({
      preparer: limited(z.string(), TEXT_LIMITS.signOff).optional().meta({ description: '填表人' }),
      phone: limited(z.string(), TEXT_LIMITS.signOff).optional().meta({ description: '联系电话' }),
      date: limited(z.string(), TEXT_LIMITS.signOff).optional().meta({ description: '填报日期' }),
      reviewer: limited(z.string(), TEXT_LIMITS.signOff).optional().meta({ description: '审核人' }),
      head: limited(z.string(), TEXT_LIMITS.signOff).optional().meta({ description: '单位负责人' }),
      seal: z
        .string()
        .optional()
        .meta({ description: '单位公章图片路径（PNG/JPEG，相对本文件）：单位盖章签名的外观，签署时才画上' }),
    })
    .optional(),
});

export type ActualsFile = z.output<typeof actualsSchema>;
export type IndicatorActual = z.output<typeof indicatorActualSchema>;
export type BudgetLine = z.output<typeof budgetLine>;
