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

/** How to write each kind of value, with an example: the fix a message about that value gives. */
export const FIELD_FIXES: Record<string, { zh: string; en: string }> = {
  textCell: {
    zh: '写成文本，如 "≥95%"、"600余篇"、"全年无故障"',
    en: 'write it as text, such as "≥95%" or "600 articles"',
  },
  points: { zh: '写一个不小于 0 的数，如 10 或 9.5', en: 'write a number of at least 0, such as 10 or 9.5' },
  maxScore: {
    zh: '写不小于 0 的数，如 10；不适用的行写 "/"',
    en: 'write a number of at least 0, such as 10, or "/" for a row that does not apply',
  },
  amount: {
    zh: '写成以万元计的数字，如 5531.1（不要写单位）',
    en: 'write the amount in units of 10,000 yuan as a number, such as 5531.1 (no unit)',
  },
  amountFullWidth: { zh: '改用半角数字与小数点，如 2450.6', en: 'use half-width digits and point, such as 2450.6' },
  text: { zh: '写成文本（可加引号），如 "张三"', en: 'write it as text (quotes allowed), such as "Zhang San"' },
  band: {
    zh: '写 达成、部分达成、未达成 之一，如 部分达成',
    en: 'write one of achieved, partial, notAchieved (or 达成, 部分达成, 未达成), such as partial',
  },
  gradeLabel: { zh: '写等级的文字，如 优', en: 'write the grade as a word, such as 优 (or excellent)' },
  form: { zh: '写 project 或 department，如 form: project', en: 'write project or department, such as form: project' },
  fiscalYear: { zh: '写四位年份，如 fiscalYear: 2020', en: 'write a four-digit year, such as fiscalYear: 2020' },
  condition: {
    zh: '写成一项条件，如 { fact: kind, operator: equal, value: quantitative }',
    en: 'write one condition, such as { fact: kind, operator: equal, value: quantitative }',
  },
  topCondition: {
    zh: '以 all 开头，如 conditions: { all: [ { fact: kind, operator: equal, value: quantitative } ] }',
    en: 'start with all, such as conditions: { all: [ { fact: kind, operator: equal, value: quantitative } ] }',
  },
  event: {
    zh: '写成 event: { type: score, params: { method: full } } 这样的事件',
    en: 'write an event such as event: { type: score, params: { method: full } }',
  },
  scope: {
    zh: '写 indicator、budget、total 之一，如 scope: budget',
    en: 'write one of indicator, budget, total, such as scope: budget',
  },
  percentRange: {
    zh: '写成两个百分数，如 [60, 80]（下限在前）',
    en: 'write two percentages, lower first, such as [60, 80]',
  },
  rulesetId: {
    zh: '只用小写字母、数字和连字符，如 hunan-2021',
    en: 'use lower-case letters, digits and hyphens, such as hunan-2021',
  },
  NEGATIVE_POINTS: { zh: '改为 0 或正数，如 0', en: 'use 0 or a positive number, such as 0' },
  ONE_CASE_INPUT: {
    zh: '每个用例只写 indicator、budget、form 中的一项',
    en: 'give each case exactly one of indicator, budget, form',
  },
};

/** How to write a value of a type a type error expected. */
export const TYPE_FIXES: Record<string, { zh: string; en: string }> = {
  string: { zh: '写成文本（可加引号），如 "≥95%"', en: 'write it as text (quotes allowed), such as "≥95%"' },
  number: { zh: '写成数字，不加引号，如 10', en: 'write a number without quotes, such as 10' },
  boolean: { zh: '写 true 或 false', en: 'write true or false' },
  array: { zh: '写成列表：每项一行，以 "- " 开头', en: 'write a list: one item a line, each starting with "- "' },
  object: { zh: '写成“键: 值”的映射，每个键一行并缩进', en: 'write a mapping of key: value lines, indented' },
};
