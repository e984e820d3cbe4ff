import type { CatalogEntry } from './entry';

/** Findings of `jixiao lint` on rule sets and indicator definitions. */
export const LINT = {
  LINT_CONFLICT: {
    severity: 'error',
    zh: '同一优先级 {priority} 的规则「{rule}」与「{other}」对同一组事实给出不同的计分方法（{methods}）；例：{example}',
    en: 'Rules "{rule}" and "{other}", both priority {priority}, give different methods ({methods}) for the same facts, e.g. {example}',
    hintZh: '调整其中一条的 priority，或收紧条件使二者不再同时命中。',
    hintEn: 'Change one priority, or narrow the conditions so they no longer both fire.',
  },
  LINT_NEVER_FIRES: {
    severity: 'warning',
    zh: '规则「{rule}」在任何一组探测事实下都不会命中（条件不可能同时成立）',
    en: 'Rule "{rule}" fires for none of the probed facts (its conditions cannot all hold)',
    hintZh: '检查条件是否互相矛盾，或使用了不会出现的事实值。',
    hintEn: 'Check for contradictory conditions or fact values that never occur.',
  },
  LINT_SHADOWED: {
    severity: 'warning',
    zh: '计分规则「{rule}」虽会命中，但总被更高优先级的规则「{by}」取代，从不决定得分；例：{example}',
    en: 'Score rule "{rule}" fires but is always overridden by the higher-priority rule "{by}", e.g. {example}',
    hintZh: '删除此规则，或调高它的优先级、收紧上位规则的条件。',
    hintEn: 'Remove it, raise its priority, or narrow the rule above it.',
  },
  LINT_GAP: {
    severity: 'error',
    zh: '没有任何计分规则适用于这组事实（{scope}）：{example}',
    en: 'No score rule covers these facts ({scope}): {example}',
    hintZh: '补一条覆盖这种情形的计分规则。',
    hintEn: 'Add a score rule for this case.',
  },
  LINT_METHOD_KIND: {
    severity: 'error',
    zh: '规则「{rule}」把{kind}交给只适用于{applies}的计分方法 {method}；例：{example}',
    en: 'Rule "{rule}" sends a {kind} row to method {method}, which scores {applies} rows only, e.g. {example}',
  },
  LINT_WEIGHT_SUM: {
    severity: 'error',
    zh: '指标体系的分值合计 {sum}（预算执行率 {budget} + 一级指标 {levels}），不等于总分 {total}',
    en: 'Framework weights add up to {sum} (budget {budget} + level 1 {levels}), not the total {total}',
  },
  LINT_BAND_OVERLAP: {
    severity: 'error',
    zh: '定性档次「{first}」{firstRange} 与「{second}」{secondRange} 重叠',
    en: 'Qualitative bands "{first}" {firstRange} and "{second}" {secondRange} overlap',
  },
  LINT_BAND_HOLE: {
    severity: 'error',
    zh: '定性档次之间有空档：{from}%–{to}% 不属于任何档次',
    en: 'The qualitative bands leave a hole: {from}%–{to}% belongs to no band',
  },
  LINT_GRADE_BANDS: {
    severity: 'error',
    zh: '等级线不完整：{detail}',
    en: 'Grade bands are incomplete: {detail}',
  },
  LINT_NO_UNIT: {
    severity: 'warning',
    zh: '「{id} {name}」的定量目标「{target}」没有单位',
    en: '"{id} {name}": quantitative target "{target}" has no unit',
    hintZh: '写明单位，如 500篇、95%、300万元。',
    hintEn: 'Add a unit to the target, e.g. a percent sign or the counted thing.',
  },
  LINT_NO_COMPARATOR: {
    severity: 'warning',
    zh: '「{id} {name}」的定量目标「{target}」没有写比较方向，按“不低于”理解',
    en: '"{id} {name}": quantitative target "{target}" has no comparator and is read as "at least"',
    hintZh: '写成 {ge}、{le} 或 {eq}，避免歧义。',
    hintEn: 'Write {ge}, {le} or {eq}.',
  },
  LINT_DUPLICATE_NAME: {
    severity: 'warning',
    zh: '三级指标名称「{name}」重复（编号 {ids}）',
    en: 'Indicator name "{name}" is used more than once (ids {ids})',
    hintZh: '同一张表中的指标名称应能区分，必要时加限定词。',
    hintEn: 'Names on one form should be distinguishable.',
  },
  LINT_FILE_KIND: {
    severity: 'error',
    zh: '{path} 既不是评分规则集，也不是指标定义文件',
    en: '{path} is neither a rule set nor an indicator definitions file',
    hintZh: 'jixiao lint 检查评分规则集（含 id、rules 或 extends 的映射）或指标定义（含 form、levels 的映射）。',
    hintEn:
      'jixiao lint reads a rule set (a mapping with id, rules or extends) or indicator definitions (a mapping with form, levels).',
  },
} as const satisfies Record<string, CatalogEntry>;
