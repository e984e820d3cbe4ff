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
    hintEn:
      'Fill actual for "{id}" under indicators; for a row that does not apply, set its maxScore to "/" in the definitions.',
    formHintZh: '在这一行的“实际完成值”栏填写；这一行确实不适用时，请预算编制部门在指标定义中把分值改为 "/"。',
    formHintEn:
      'Fill the "actual" cell of this row; if the row truly does not apply, ask whoever keeps the definitions to set its score to "/".',
  },
  UNIT_MISMATCH: {
    severity: 'error',
    zh: '指标「{id} {name}」单位不一致：目标是「{targetUnit}」，实际是「{actualUnit}」',
    en: 'Indicator "{id} {name}": units differ, target in "{targetUnit}", actual in "{actualUnit}"',
    hintZh: '把实际完成值换算成与目标相同的单位（例如 人次 与 人 不能直接比较）。',
    hintEn: "Express the actual in the target's unit (person-times and persons, say, cannot be compared).",
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
    formHintZh: '填写数值，例如 {example}；如确实无法量化，在“档次”一栏选择档次，并在“偏差原因”说明理由。',
    formHintEn:
      'Enter a number such as {example}; if it truly cannot be measured, choose a band in the "band" list and give the reason.',
  },
  BAND_REQUIRED: {
    severity: 'error',
    zh: '指标「{id} {name}」是定性指标，无法从实际完成值「{actual}」判断档次',
    en: 'Indicator "{id} {name}" is qualitative and its band cannot be told from the actual "{actual}"',
    hintZh: '填写 band：达成、部分达成 或 未达成。',
    hintEn: 'Set band: achieved, partial or notAchieved.',
    formHintZh: '在“档次”一栏选择：达成、部分达成 或 未达成。',
    formHintEn: 'Choose in the "band" list: achieved, partial or not achieved.',
  },
  ACTUAL_MAGNITUDE_UNCLEAR: {
    severity: 'error',
    zh: '指标「{id} {name}」的实际完成值「{actual}」没有写单位：按年度指标值的单位读是 {asTarget}（完成率 {asTargetCompletion}），按 {asBase} 读则是 {asBaseInTarget}',
    en: 'Indicator "{id} {name}": the actual "{actual}" has no unit: in the target\'s unit it is {asTarget} ({asTargetCompletion} of the target), as {asBase} it is {asBaseInTarget}',
    hintZh: '写明单位：{asBase} 或 {asBaseInTarget}（若确是 {asTarget}，照写 {asTarget}）。',
    hintEn: 'Write the unit: {asBase} or {asBaseInTarget} (or {asTarget} if that is what was meant).',
  },
  ACTUAL_PERCENT_UNCLEAR: {
    severity: 'error',
    zh: '指标「{id} {name}」的实际完成值「{actual}」没有写 %：是 {asFraction}，还是 {asPercent}？',
    en: 'Indicator "{id} {name}": the actual "{actual}" has no %: is it {asFraction} or {asPercent}?',
    hintZh: '写成百分数，如 {asFraction}。',
    hintEn: 'Write it as a percentage, such as {asFraction}.',
  },
  LATE_DATE_BAND_REQUIRED: {
    severity: 'error',
    zh: '时效指标「{id} {name}」实际 {actual}，比期限「{target}」晚 {days} 天：请选择档次（部分达成 或 未达成）并在档内评分',
    en: 'Deadline row "{id} {name}": done {actual}, {days} day(s) after "{target}": choose a band (partial or notAchieved) and score within it',
    hintZh: '写明 band（部分达成 或 未达成）、档内的 declaredScore，并在 deviationReason 中写明逾期原因。',
    hintEn:
      'Set band (partial or notAchieved), a declaredScore within it and the reason for the delay in deviationReason.',
    formHintZh: '在“档次”一栏选择 部分达成 或 未达成，在“申报得分”填档内的分数，并在“偏差原因”写明逾期原因。',
    formHintEn:
      'Choose the band (partial or not achieved), give a score within it as the declared score, and the reason for the delay.',
  },
  TARGET_NOT_READ: {
    severity: 'error',
    zh: '指标「{id} {name}」的年度指标值「{target}」含比较符号和数字，却读不出一个数值',
    en: 'Indicator "{id} {name}": the target "{target}" holds a comparator and a number but does not read as one',
    hintZh:
      '在指标定义中把年度指标值改写为一个比较符号加一个数，如 ≥95%、≤300万元、500篇以上，说明文字写在 note 中；这一行若本就按档次评，在实际完成值处填写 band（达成、部分达成 或 未达成）。',
    hintEn:
      'Rewrite the target in the definitions as one comparator and one number, e.g. ≥95% or ≤300 (with its unit), remarks in note; if the row is meant to be judged by band, set band on the actual (achieved, partial or notAchieved).',
    formHintZh:
      '年度指标值由预算编制部门在指标定义中改写（一个比较符号加一个数，如 ≥95%）；这一行若本就按档次评，在“档次”一栏选择 达成、部分达成 或 未达成。',
    formHintEn:
      'The target is rewritten in the definitions by whoever keeps them (one comparator and one number, e.g. ≥95%); if the row is meant to be judged by band, choose it in the "band" list.',
  },
  MANUAL_SCORE_REQUIRED: {
    severity: 'error',
    zh: '指标「{id} {name}」为「{band}」，须填写得分（{range}）及理由',
    en: 'Indicator "{id} {name}" is "{band}": a score ({range}) and a reason are required',
    hintZh: '填写 declaredScore 与 reason。',
    hintEn: 'Fill declaredScore and reason.',
    formHintZh: '在“申报得分”填写分数，并在“理由”栏写明理由。',
    formHintEn: 'Enter the declared score and its reason.',
  },
  MANUAL_SCORE_OUT_OF_BAND: {
    severity: 'error',
    zh: '指标「{id} {name}」得分 {score} 不在「{band}」档次的范围内（{range}）',
    en: 'Indicator "{id} {name}": score {score} is outside the "{band}" band ({range})',
    hintZh: '调整得分或档次。',
    hintEn: 'Change the score or the band.',
  },
  UNKNOWN_LEVEL1: {
    severity: 'warning',
    zh: '一级指标「{name}」不在规则集 {ruleSet} 的指标体系（{allowed}）中；{consequence}',
    en: 'Level-1 "{name}" is not in the framework of rule set {ruleSet} ({allowed}); {consequence}',
    hintZh: '认识这些一级指标的内置规则集：{knownBy}。在指标定义中把 ruleSet 改为其一，按该指标体系评分。',
    hintEn:
      'Shipped rule sets that know them: {knownBy}. Set ruleSet in the definitions to one of them to score under that framework.',
  },
  UNKNOWN_LEVEL2: {
    severity: 'warning',
    zh: '二级指标「{name}」不属于一级指标「{level1}」',
    en: 'Level-2 indicator "{name}" does not belong under "{level1}"',
    hintZh: '「{level1}」下可用的二级指标：{allowed}。',
    hintEn: 'Allowed under "{level1}": {allowed}.',
  },
  GOAL_BLANK: {
    severity: 'warning',
    zh: '年度总体目标的预期目标一格是空的',
    en: 'The expected overall goal of the year is blank',
    hintZh: '按批复的绩效目标填写预期目标，实际完成情况才有可对照的目标。',
    hintEn: 'Write the approved goal, so the achieved result can be read against it.',
  },
  BUDGET_ZERO: {
    severity: 'error',
    zh: '全年预算数为 0，无法计算执行率',
    en: 'The full-year budget is 0: the execution rate cannot be computed',
    hintZh: '填写 fullYearBudget（调整后的全年预算数，单位万元）。',
    hintEn: 'Fill fullYearBudget (the adjusted full-year budget, in units of 10,000 yuan).',
    formHintZh: '在“全年预算数”栏填写调整后的全年预算数（万元）。',
    formHintEn: 'Fill the "full-year budget" cell (the adjusted budget, in units of 10,000 yuan).',
  },
} as const satisfies Record<string, CatalogEntry>;
