/** A rule as the value a type error expected: 应为文本 → 文本, must be text → text. */
export function expectedOf(rule: { zh: string; en: string }): { zh: string; en: string } {
  return { zh: rule.zh.replace(/^应为/, ''), en: rule.en.replace(/^must be /, '') };
}

/** What a field must hold, for messages about a value of the wrong shape. Keys are the `error` names in the schemas. */
export const FIELD_RULES: Record<string, { zh: string; en: string }> = {
  textCell: { zh: '应为文本，如 "≥95%"', en: 'must be text such as "≥95%"' },
  points: { zh: '应为不小于 0 的数字', en: 'must be a number ≥ 0' },
  maxScore: { zh: '分值应为不小于 0 的数字，或 "/"（不适用）', en: 'must be a number ≥ 0, or "/" (not applicable)' },
  amount: { zh: '金额应为数字（万元），如 5531.1', en: 'must be an amount in units of 10,000 yuan, such as 5531.1' },
  amountFullWidth: {
    zh: '金额应为半角数字（万元），这里用了中文逗号「，」、顿号「、」、全角冒号「：」或全角数字：如 2，450.6 请写作 2450.6',
    en: 'must be an amount in half-width digits; it holds a full-width comma, enumeration comma, colon or digit (typed with a Chinese input method): write it as 2450.6',
  },
  text: { zh: '应为文本', en: 'must be text' },
  band: { zh: '档次应为 达成、部分达成 或 未达成', en: 'must be achieved, partial or notAchieved' },
  gradeLabel: {
    zh: '等级应为文字，如 优、良、中、差（或规则集所用的等级词）',
    en: 'must be a grade word, such as excellent, good, fair or poor',
  },
  form: { zh: '表类应为 project（项目支出）或 department（部门整体支出）', en: 'must be project or department' },
  fiscalYear: { zh: '年度应为四位整数，如 2020', en: 'must be a four-digit year such as 2020' },
  condition: {
    zh: '条件应为 {fact, operator, value} 或 {all: [...]} / {any: [...]} / {not: ...}',
    en: 'must be {fact, operator, value} or {all: [...]} / {any: [...]} / {not: ...}',
  },
  topCondition: { zh: '规则的 conditions 应以 all、any 或 not 开头', en: 'conditions must start with all, any or not' },
  event: {
    zh: 'event 应为 {type: score, params: {method}}、{type: flag, params: {code}} 或 {type: adjust, params: {method}}',
    en: 'event must be {type: score, params: {method}}, {type: flag, params: {code}} or {type: adjust, params: {method}}',
  },
  scope: { zh: 'scope 应为 indicator、budget 或 total', en: 'scope must be indicator, budget or total' },
  percentRange: {
    zh: '应为 [下限, 上限]，单位为分值的百分比',
    en: "must be [low, high] in percent of the row's points",
  },
  rulesetId: {
    zh: '规则集编号只能用小写字母、数字和连字符',
    en: 'may use lower-case letters, digits and hyphens only',
  },
  NEGATIVE_POINTS: { zh: '不能为负数', en: 'cannot be negative' },
  ONE_CASE_INPUT: {
    zh: '每个用例须且只能有 indicator、budget、form 之一',
    en: 'each case needs exactly one of indicator, budget, form',
  },
};
