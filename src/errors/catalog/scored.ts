import type { CatalogEntry } from './entry';

/** Flags and warnings on a scored form. */
export const SCORED = {
  DECLARED_SCORE_MISMATCH: {
    severity: 'warning',
    zh: '「{id} {name}」申报得分 {declared} 与规则得分 {rule} 不符，{why}：按规则得分计',
    en: '"{id} {name}": declared score {declared} differs from the rule score {rule}, {why}; the rule score stands',
    hintZh: '{fix}',
    hintEn: '{fix}',
  },
  MANUAL_OVERRIDE: {
    severity: 'info',
    zh: '「{id} {name}」人工评分 {declared}（规则得分 {rule}），理由：{reason}',
    en: '"{id} {name}": manual score {declared} (rule score {rule}), reason: {reason}',
  },
  DECLARED_TOTAL_MISMATCH: {
    severity: 'warning',
    zh: '申报总得分 {declared} 与计算总分 {computed} 不符（各行申报得分合计 {declaredRows}）',
    en: 'Declared total {declared} differs from the computed total {computed} (declared rows add up to {declaredRows})',
  },
  DECLARED_GRADE_MISMATCH: {
    severity: 'warning',
    zh: '申报等级「{declared}」与计算等级「{computed}」不符',
    en: 'Declared grade "{declared}" differs from the computed grade "{computed}"',
  },
  WEIGHT_SUM_MISMATCH: {
    severity: 'warning',
    zh: '「{level}」申报分值 {declared}，但所含指标分值合计 {sum}',
    en: '"{level}" declares {declared} points, but its rows add up to {sum}',
    hintZh: '核对各指标分值或申报的权重。',
    hintEn: "Check the rows' scores or the declared weight.",
  },
  OVER_ACHIEVEMENT: {
    severity: 'warning',
    zh: '「{id} {name}」完成率 {completion}，达到超额提示线 {threshold}：{why}',
    en: '"{id} {name}": completion {completion} reaches the over-achievement line {threshold}: {why}',
  },
  REASON_REQUIRED: {
    severity: 'warning',
    zh: '「{id} {name}」须说明原因：{because}',
    en: '"{id} {name}" needs an explanation: {because}',
    hintZh: '在{reasonField}中填写原因分析及改进措施。',
    hintEn: 'Write the reason in {reasonField}.',
  },
  LOW_EXECUTION_RATE: {
    severity: 'warning',
    zh: '预算执行率 {rate} 低于 {threshold}',
    en: 'Budget execution rate {rate} is below {threshold}',
  },
  EXECUTED_ABOVE_BUDGET: {
    severity: 'warning',
    zh: '全年执行数 {executed} 万元超过全年预算数 {budget} 万元',
    en: 'Executed {executed} exceeds the full-year budget {budget} (10,000 yuan)',
    hintZh: '核对执行数；执行率按 100% 封顶计分。',
    hintEn: 'Check the executed amount; the rate is capped at 100% for scoring.',
  },
  BUDGET_FROM_BREAKDOWN: {
    severity: 'warning',
    zh: '年度资金总额为 0，已按「其中」各项合计 {sum} 万元计算{field}',
    en: 'The total is 0: {field} computed from the breakdown rows, {sum} (10k yuan)',
  },
  WEIGHT_RULESET_MISMATCH: {
    severity: 'warning',
    zh: '「{level}」在表上是 {form} 分，评分规则集 {ruleSet} 定为 {framework} 分；{scoredWith}',
    en: '"{level}" is worth {form} on the form but {framework} in the rule set {ruleSet}; {scoredWith}',
    hintZh: '核对指标定义中的分值是否按此规则集编制。',
    hintEn: 'Check that the definitions were drawn up for this rule set.',
  },
  LEVEL_NOT_ON_FORM: {
    severity: 'warning',
    zh: '评分规则集 {ruleSet} 有「{level}」（{framework} 分），表上没有这一级指标；{scoredWith}',
    en: 'The rule set {ruleSet} has "{level}" ({framework} points), which the form lacks; {scoredWith}',
    hintZh: '补上这一级指标，或核对此表是否应按此规则集评分。',
    hintEn: 'Add this level of indicators, or check that the form is meant for this rule set.',
  },
  BUDGET_BREAKDOWN_MISMATCH: {
    severity: 'warning',
    zh: '年度资金总额{field}为 {total} 万元，但“其中”各行合计 {sum} 万元',
    en: 'The total{field} is {total}, but its breakdown rows add up to {sum} (10,000 yuan)',
    hintZh: '核对年度资金总额与当年财政拨款、上年结转资金、其他资金各行。',
    hintEn: 'Check the total against the current-year, carried-over and other rows.',
  },
  NOT_APPLICABLE: {
    severity: 'info',
    zh: '「{id} {name}」不适用，不计分{rescale}',
    en: '"{id} {name}" does not apply and is not scored{rescale}',
  },
  DEVIATION_PENALTY: {
    severity: 'info',
    zh: '「{id} {name}」偏离目标 {deviation}，扣 {points} 分',
    en: '"{id} {name}" deviates {deviation} from target: {points} points deducted',
  },
  TOTAL_CAPPED: {
    severity: 'info',
    zh: '预算执行率 {rate}，总分封顶 {cap} 分',
    en: 'Execution rate {rate}: total capped at {cap}',
  },
  NOT_MEASURABLE: {
    severity: 'warning',
    zh: '「{id} {name}」的目标「{target}」不可衡量',
    en: '"{id} {name}": target "{target}" cannot be measured',
    hintZh: '改写为可量化、可核验的目标（SMART），例如“≥95%”“500篇以上”“2021年11月30日前”。',
    hintEn: 'Rewrite it as a measurable target, e.g. "≥95%", "≤300" or a deadline.',
  },
  COST_AS_CEILING: {
    severity: 'info',
    zh: '「{id} {name}」是成本类指标，年度指标值「{target}」没有写比较方向，按上限（不超过）计',
    en: '"{id} {name}" is a cost row and its target "{target}" names no direction: read as a ceiling (not to exceed)',
  },
  DECLARED_RATE_MISMATCH: {
    severity: 'warning',
    zh: '表上印的执行率 {declared} 与计算不符：全年执行数 {executed} ÷ 全年预算数 {budget} = {rule}',
    en: 'The printed execution rate {declared} does not match: executed {executed} ÷ full-year budget {budget} = {rule}',
    hintZh: '核对全年预算数、全年执行数与表上的执行率；评分按计算的执行率。',
    hintEn: 'Check the budget, the spending and the printed rate; the score uses the computed rate.',
  },
  DIRECTION_FROM_NAME: {
    severity: 'info',
    zh: '「{id} {name}」的年度指标值「{target}」没有写比较方向，指标名称以「{word}」结尾，按反向指标（越低越好）计',
    en: '"{id} {name}": the target "{target}" names no direction and the name ends in "{word}": read as lower-is-better',
    hintZh: '若此指标其实越高越好，在指标定义的这一行写 direction: higherIsBetter（或在年度指标值前写 ≥）。',
    hintEn:
      'If higher is better here, write direction: higherIsBetter on this row of the definitions (or put ≥ before the target).',
  },
  LOOKALIKE_CHARACTER: {
    severity: 'info',
    zh: '「{id} {name}」的「{text}」中有形似的字符，按 {replaced} 读取（表上照原样印）',
    en: '"{id} {name}": "{text}" holds look-alike characters, read as {replaced} (printed as written)',
    hintZh: '录入时请用标准符号：≥ ≤ = > < 和阿拉伯数字。',
    hintEn: 'Type the standard signs ≥ ≤ = > < and digits.',
  },
  ACTUAL_COMPARATOR: {
    severity: 'warning',
    zh: '「{id} {name}」的实际完成值「{actual}」带有比较符号，实际值应写确切的数',
    en: '"{id} {name}": the actual "{actual}" carries a comparator; an actual is an exact figure',
    hintZh: '去掉 ≥、≤ 等符号，只写实际达到的数，例如 92%。',
    hintEn: 'Drop the ≥ or ≤ and write the figure reached, e.g. 92%.',
  },
  DATE_BY_WORDS: {
    severity: 'info',
    zh: '「{id} {name}」的实际完成值「{actual}」没有日期，按文字所说已在期限内完成',
    en: '"{id} {name}": the actual "{actual}" gives no date; taken as done by the deadline, as it says',
  },
  BAND_FROM_DECLARED: {
    severity: 'info',
    zh: '「{id} {name}」没有写档次，按申报得分 {score} 分所在的档次计为「{band}」',
    en: '"{id} {name}" names no band; the declared score {score} puts it in "{band}"',
  },
  UNSUPPORTED_CHARACTER: {
    severity: 'warning',
    zh: '字符「{char}」（{codePoint}）不在 jixiao 自带的字体中，PDF 上印作“〓”（内嵌数据中保留原字）',
    en: 'The character "{char}" ({codePoint}) is not in the fonts jixiao bundles; the PDF prints a geta mark (U+3013) in its place (the embedded data keeps it)',
    hintZh: '如有可能换用常用字；生僻字（扩展 B 区等）请在打印稿上核对。',
    hintEn: 'Use a common character if you can; check rare characters (CJK Extension B and beyond) on the printout.',
  },
} as const satisfies Record<string, CatalogEntry>;
