import type { TextEntry } from './entry';

/**
 * The cells of an actuals file as the form names them: a message shown on the web page or about a workbook cell
 * says 「全年执行数」, never `budget.executed` (the YAML key is for those who edit the file).
 */
export const FIELD_TEXTS = {
  'field.actual': { zh: '实际完成值', en: 'actual' },
  'field.band': { zh: '档次', en: 'band' },
  'field.declaredScore': { zh: '申报得分', en: 'declared score' },
  'field.reason': { zh: '申报得分的理由', en: 'reason for the declared score' },
  'field.deviationReason': { zh: '偏差原因', en: 'reason for deviation' },
  'field.improvement': { zh: '改进措施', en: 'improvement' },
  'field.initialBudget': { zh: '年初预算数', en: 'initial budget' },
  'field.fullYearBudget': { zh: '全年预算数', en: 'full-year budget' },
  'field.executed': { zh: '全年执行数', en: 'executed' },
  'field.budgetReason': { zh: '执行率偏低的原因', en: 'why execution is low' },
  'field.declaredRate': { zh: '表上的执行率', en: 'execution rate as printed' },
  'field.budgetDeclaredScore': { zh: '预算执行申报得分', en: 'declared budget score' },
  'field.line.total': { zh: '年度资金总额', en: 'total funds' },
  'field.line.currentYear': { zh: '当年财政拨款', en: 'current-year appropriation' },
  'field.line.carryOver': { zh: '上年结转资金', en: 'carried over' },
  'field.line.other': { zh: '其他资金', en: 'other funds' },
  'field.goalActual': { zh: '年度总体目标的实际完成情况', en: 'the overall goal as achieved' },
  'field.declaredTotal': { zh: '申报总分', en: 'declared total' },
  'field.declaredGrade': { zh: '申报等级', en: 'declared grade' },
  'field.preparer': { zh: '填表人', en: 'prepared by' },
  'field.phone': { zh: '联系电话', en: 'phone' },
  'field.date': { zh: '填报日期', en: 'date' },
  'field.reviewer': { zh: '审核人', en: 'reviewed by' },
  'field.head': { zh: '单位负责人', en: 'head of unit' },
  'field.row': { zh: '指标「{id}」的{field}', en: '{field} of indicator "{id}"' },
  'field.budgetLine': { zh: '{line}的{field}', en: '{field} of {line}' },
  // where a reason is written, as the form names it
  'term.reasonField.row.form': { zh: '“偏差原因”栏', en: 'the "reason for deviation" column' },
  'term.reasonField.budget.form': { zh: '“执行率偏低的原因”一栏', en: 'the "why execution is low" line' },
} as const satisfies Record<string, TextEntry>;
