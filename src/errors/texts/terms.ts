import type { TextEntry } from './entry';

/** Domain terms that appear inside messages, in both languages (the glossary of DESIGN §8 for people). */
export const TERM_TEXTS = {
  'term.budgetRow': { zh: '预算执行率', en: 'budget execution' },
  'term.total': { zh: '总分', en: 'total' },
  // where a reason is written: the printed column for people, the YAML key for those who edit the file
  'term.reasonField.row': { zh: '“偏差原因分析及改进措施”栏（YAML 中的 deviationReason）', en: 'the "reason for deviation" column (deviationReason in YAML)' },
  'term.reasonField.budget': { zh: '预算执行的原因说明（YAML 中的 budget.reason）', en: 'the reason under the budget lines (budget.reason in YAML)' },
  // a cell the form leaves empty, named in a message rather than shown as nothing
  'term.blankCell': { zh: '空白', en: 'blank' },
  'term.none': { zh: '（无）', en: '(none)' },
  'link.dangling': { zh: '而那里没有文件（断开的链接）', en: 'points at nothing (a broken link)' },
  'link.loop': { zh: '链接绕成了环（ELOOP）', en: 'loops back on itself (ELOOP)' },
  'level1.scoredAnyway': { zh: '这些行按年度指标值与实际完成值照常评分，分值按表上的计', en: 'their rows score by target and actual, with the form\'s own points' },
  'level1.refused': { zh: '规则集 {ruleSet} 规定不认识的一级指标不评分（unknownLevel1: error）', en: 'the rule set refuses unknown level-1 names (unknownLevel1: error)' },
  'term.initialBudget': { zh: '（年初预算数）', en: ' (initial budget)' },
  'term.fullYearBudget': { zh: '（全年预算数）', en: ' (full-year budget)' },
  'term.executed': { zh: '（全年执行数）', en: ' (executed)' },
  'term.kind.quantitative': { zh: '定量指标', en: 'quantitative' },
  'term.kind.date': { zh: '时效指标（日期）', en: 'date' },
  'term.kind.qualitative': { zh: '定性指标', en: 'qualitative' },
  'term.kind.notApplicable': { zh: '不适用指标', en: 'not-applicable' },
  'role.preparer': { zh: '填表人', en: 'preparer' },
  'role.reviewer': { zh: '审核人', en: 'reviewer' },
  'role.head': { zh: '单位负责人', en: 'head of unit' },
  'role.seal': { zh: '单位盖章', en: 'unit seal' },
  'band.achieved': { zh: '达成', en: 'achieved' },
  'band.partial': { zh: '部分达成', en: 'partly achieved' },
  'band.notAchieved': { zh: '未达成', en: 'not achieved' },
  'band.manual': { zh: '人工评分', en: 'manual score' },
  'band.range': { zh: '{low} 至 {high} 分', en: '{low} to {high} points' },
  'band.rangeOpen': { zh: '{low} 至 {high} 分，不含 {high}', en: '{low} to under {high} points' },
  'term.list': { zh: '{items}', en: '{items}' },
  'lint.grades.noGradeBelow': { zh: '低于 {min} 分的总分没有等级', en: 'totals below {min} get no grade' },
  'lint.grades.sameMin': { zh: '有两个等级的下限相同（{min} 分）', en: 'two grades share the lower bound {min}' },
  'lint.grades.inverted': { zh: '等级线顺序颠倒：{lower}的下限 {lowerMin} 分不低于{higher}的下限 {higherMin} 分', en: 'grade lines are inverted: {lower} starts at {lowerMin}, not below {higher} at {higherMin}' },
} as const satisfies Record<string, TextEntry>;
