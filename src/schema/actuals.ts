import { z } from 'zod';
import { amount, bandInput, gradeLabel, limited, nonEmptyText, points, TEXT_LIMITS, textCell } from './primitives';

/** One budget line (年度资金总额 or a 其中 row), in 万元. */
const budgetLine = z.strictObject({
  initialBudget: amount.optional().meta({ description: '年初预算数（万元）' }),
  fullYearBudget: amount.optional().meta({ description: '全年预算数（万元）' }),
  executed: amount.optional().meta({ description: '全年执行数（万元）' }),
});

export const indicatorActualSchema = z.strictObject({
  actual: textCell.meta({ description: '实际完成值，如 "600余篇"、"97.64%"、"全年无故障"' }),
  band: bandInput.optional().meta({ description: '定性指标档次：达成 / 部分达成 / 未达成' }),
  declaredScore: points.optional().meta({ description: '表上填的得分（与规则得分不同时须写 reason）' }),
  reason: limited(z.string(), TEXT_LIMITS.reason).optional().meta({ description: '人工评分理由' }),
  deviationReason: limited(z.string(), TEXT_LIMITS.reason).optional().meta({ description: '偏差原因分析' }),
  improvement: limited(z.string(), TEXT_LIMITS.reason).optional().meta({ description: '改进措施' }),
});

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
  overallGoal: z.strictObject({ actual: limited(z.string(), TEXT_LIMITS.goal).meta({ description: '年度总体目标：实际完成情况' }) }),
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
      seal: z.string().optional().meta({ description: '单位公章图片路径（PNG/JPEG，相对本文件）：单位盖章签名的外观，签署时才画上' }),
    })
    .optional(),
});

export type ActualsFile = z.output<typeof actualsSchema>;
export type IndicatorActual = z.output<typeof indicatorActualSchema>;
export type BudgetLine = z.output<typeof budgetLine>;
