import { z } from 'zod';
import { amount, idString, limited, maxScore, nonEmptyText, points, TEXT_LIMITS, textCell } from './primitives';

/** 三级指标 as set at budget time: what is measured, the target and the points it carries. */
export const indicatorDefinitionSchema = z.strictObject({
  id: idString,
  name: limited(nonEmptyText, TEXT_LIMITS.name).meta({ description: '三级指标名称' }),
  target: textCell.meta({ description: '年度指标值，如 "≥95%"、"500篇以上"、"长期"；不适用写 "/"' }),
  maxScore: maxScore.meta({ description: '分值；不适用写 "/"' }),
  direction: z.enum(['higherIsBetter', 'lowerIsBetter', 'equal'], { error: 'direction' }).optional().meta({
    description:
      '方向：年度指标值只写数字时如何比较 —— higherIsBetter 正向 / lowerIsBetter 反向 / equal 等于（缺省按名称判断，否则正向）',
  }),
  note: z.string().optional().meta({ description: '备注（不打印）' }),
});

export const level2Schema = z.strictObject({
  level2: nonEmptyText.meta({ description: '二级指标，如 数量指标' }),
  indicators: z.array(indicatorDefinitionSchema).min(1),
});

export const level1Schema = z.strictObject({
  level1: nonEmptyText.meta({ description: '一级指标，如 产出指标' }),
  weight: points.optional().meta({ description: '表上申报的一级指标分值，如 产出指标(50分) 写 50' }),
  groups: z.array(level2Schema).min(1),
});

export const definitionsSchema = z
  .strictObject({
    form: z
      .enum(['project', 'department'], { error: 'form' })
      .meta({ description: 'project 项目支出 / department 部门整体支出' }),
    layout: z.enum(['ministry', 'hunan']).optional().meta({
      description: '项目表的版式：ministry 财政部样表（默认）/ hunan 湖南省样表（部门名称、专项名称、支出方向名称）',
    }),
    columns: z
      .strictObject({
        target: limited(nonEmptyText, TEXT_LIMITS.name)
          .optional()
          .meta({ description: '年度指标值一栏的栏名，如 年初目标值' }),
        actual: limited(nonEmptyText, TEXT_LIMITS.name)
          .optional()
          .meta({ description: '实际完成值一栏的栏名，如 全年实际值' }),
        deviation: limited(nonEmptyText, TEXT_LIMITS.name)
          .optional()
          .meta({ description: '偏差原因一栏的栏名，如 未完成原因' }),
      })
      .optional()
      .meta({ description: '指标表的栏名按表上印的写（缺省用版式的栏名）' }),
    title: z.string().optional().meta({ description: '表名，默认按年度与表类生成' }),
    fiscalYear: z.number({ error: 'fiscalYear' }).int().min(2000).max(2100),
    ruleSet: nonEmptyText.meta({ description: '评分规则集编号或文件路径，如 caiyu-2020-10' }),
    department: limited(nonEmptyText, TEXT_LIMITS.name).meta({ description: '部门名称（项目表为主管部门）' }),
    implementingUnit: limited(z.string(), TEXT_LIMITS.name).optional().meta({ description: '实施单位（项目表）' }),
    project: z
      .strictObject({
        name: limited(nonEmptyText, TEXT_LIMITS.name).meta({ description: '项目名称' }),
        subProject: z.string().optional().meta({ description: '支出方向名称（子项目）' }),
        totalInvestment: amount.optional().meta({ description: '项目总投资（万元）' }),
        fiscalFunding: amount.optional().meta({ description: '其中：财政拨款（万元）' }),
        period: z.string().optional().meta({ description: '项目总实施期' }),
      })
      .optional(),
    budget: z.strictObject({ maxScore: points.meta({ description: '预算执行率分值' }) }),
    // a published form can leave 预期目标 blank: it is read, and said (GOAL_BLANK), not refused
    overallGoal: z.strictObject({
      expected: limited(z.string(), TEXT_LIMITS.goal).meta({
        description: '年度总体目标：预期目标（空着时警告 GOAL_BLANK）',
      }),
    }),
    declaredTotal: points.optional().meta({ description: '表上总分行印的分值合计（如 100）' }),
    levels: z.array(level1Schema).min(1),
  })
  .check(
    z.refine((d) => d.form !== 'project' || d.project !== undefined, {
      path: ['project'],
      params: { code: 'PROJECT_REQUIRED' },
    }),
  );

export type DefinitionsFile = z.output<typeof definitionsSchema>;
export type IndicatorDefinition = z.output<typeof indicatorDefinitionSchema>;
