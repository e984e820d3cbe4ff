import type { CatalogEntry } from './entry';

/** A form's definitions and actuals read together: ids, rows, bands, levels. */
export const FORMS = {
  DUPLICATE_ID: {
    severity: 'error',
    zh: '指标编号「{id}」重复（第一次出现在第 {firstLine} 行）',
    en: 'Indicator id "{id}" is used twice (first at line {firstLine})',
    hintZh: '每个三级指标的编号必须唯一。',
    hintEn: 'Each indicator id must be unique.',
  },
  UNKNOWN_INDICATOR: {
    severity: 'error',
    zh: '指标编号「{id}」在指标定义文件 {definitions} 中不存在',
    en: 'Indicator id "{id}" does not exist in the definitions file {definitions}',
    hintZh: '可用的编号：{known}。用 jixiao init 重新生成填报文件可避免此错误。',
    hintEn: 'Known ids: {known}. Regenerating the file with jixiao init avoids this.',
  },
  MISSING_ACTUAL: {
    severity: 'error',
    zh: '指标「{id} {name}」缺少实际完成值（目标：{target}）',
    en: 'Indicator "{id} {name}" has no actual value (target: {target})',
    hintZh: '在 indicators 下为「{id}」填写 actual；不适用的指标在定义文件中把分值写成 "/"。',
    hintEn: 'Fill actual for "{id}" under indicators; for a row that does not apply, set its maxScore to "/" in the definitions.',
  },
  UNIT_MISMATCH: {
    severity: 'error',
    zh: '指标「{id} {name}」单位不一致：目标是「{targetUnit}」，实际是「{actualUnit}」',
    en: 'Indicator "{id} {name}": units differ, target in "{targetUnit}", actual in "{actualUnit}"',
    hintZh: '把实际完成值换算成与目标相同的单位（例如 人次 与 人 不能直接比较）。',
    hintEn: 'Express the actual in the target\'s unit (person-times and persons, say, cannot be compared).',
  },
  QUALIFIER_MISMATCH: {
    severity: 'error',
    zh: '指标「{id} {name}」口径不一致：目标是「{targetQualifier}」，实际是「{actualQualifier}」',
    en: 'Indicator "{id} {name}": the target says "{targetQualifier}" but the actual says "{actualQualifier}"',
    hintZh: '实际完成值应与目标使用相同的表述口径。',
    hintEn: 'Write the actual with the same qualifier as the target.',
  },
  ACTUAL_NOT_NUMBER: {
    severity: 'error',
    zh: '指标「{id} {name}」是定量指标（目标 {target}），实际完成值「{actual}」不是数值',
    en: 'Indicator "{id} {name}" is quantitative (target {target}), but the actual "{actual}" is not a number',
    hintZh: '填写数值，例如 {example}；如确实无法量化，请在 band 中注明档次并说明理由。',
    hintEn: 'Enter a number such as {example}; if it truly cannot be measured, state a band and a reason.',
  },
  BAND_REQUIRED: {
    severity: 'error',
    zh: '指标「{id} {name}」是定性指标，无法从实际完成值「{actual}」判断档次',
    en: 'Indicator "{id} {name}" is qualitative and its band cannot be told from the actual "{actual}"',
    hintZh: '填写 band：达成、部分达成 或 未达成。',
    hintEn: 'Set band: achieved, partial or notAchieved.',
  },
  MANUAL_SCORE_REQUIRED: {
    severity: 'error',
    zh: '指标「{id} {name}」为「{band}」，须填写得分（{range}）及理由',
    en: 'Indicator "{id} {name}" is "{band}": a score ({range}) and a reason are required',
    hintZh: '填写 declaredScore 与 reason。',
    hintEn: 'Fill declaredScore and reason.',
  },
  MANUAL_SCORE_OUT_OF_BAND: {
    severity: 'error',
    zh: '指标「{id} {name}」得分 {score} 不在「{band}」档次的范围内（{range}）',
    en: 'Indicator "{id} {name}": score {score} is outside the "{band}" band ({range})',
    hintZh: '调整得分或档次。',
    hintEn: 'Change the score or the band.',
  },
  UNKNOWN_LEVEL1: {
    severity: 'error',
    zh: '一级指标「{name}」不在规则集 {ruleSet} 的指标体系中',
    en: 'Level-1 indicator "{name}" is not in the framework of rule set {ruleSet}',
    hintZh: '可用的一级指标：{allowed}。',
    hintEn: 'Allowed level-1 names: {allowed}.',
  },
  UNKNOWN_LEVEL2: {
    severity: 'warning',
    zh: '二级指标「{name}」不属于一级指标「{level1}」',
    en: 'Level-2 indicator "{name}" does not belong under "{level1}"',
    hintZh: '「{level1}」下可用的二级指标：{allowed}。',
    hintEn: 'Allowed under "{level1}": {allowed}.',
  },
  BUDGET_ZERO: {
    severity: 'error',
    zh: '全年预算数为 0，无法计算执行率',
    en: 'The full-year budget is 0: the execution rate cannot be computed',
    hintZh: '填写 fullYearBudget（调整后的全年预算数，单位万元）。',
    hintEn: 'Fill fullYearBudget (the adjusted full-year budget, in units of 10,000 yuan).',
  },
} as const satisfies Record<string, CatalogEntry>;
