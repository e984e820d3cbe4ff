import type { CatalogEntry } from './entry';

/** Rule sets: finding them, their rules, events and the methods they name. */
export const RULES = {
  UNKNOWN_RULESET: {
    severity: 'error',
    zh: '找不到评分规则集「{id}」',
    en: 'Rule set "{id}" not found',
    hintZh:
      '可用的规则集：{known}；也可以写规则集文件的路径，或把规则集放进表单旁的 rulesets/ 目录或 JIXIAO_RULESETS 所指的目录。',
    hintEn:
      'Rule sets found: {known}; a path to a rule-set file also works, or put it in a rulesets/ folder beside the forms or in a folder named by JIXIAO_RULESETS.',
  },
  RULESET_ID_MISMATCH: {
    severity: 'error',
    zh: '规则集文件 {path} 的编号是「{found}」，不是按编号查找的「{id}」',
    en: 'The rule-set file {path} has id "{found}", not the id "{id}" it was found by',
    hintZh: '让文件名与 id 一致：{found}.yaml。',
    hintEn: 'Name the file after its id: {found}.yaml.',
  },
  RULESET_EXTENDS_CYCLE: {
    severity: 'error',
    zh: '规则集的 extends 形成循环：{chain}',
    en: 'The rule sets extend each other in a cycle: {chain}',
    hintZh: '每个规则集只能扩展一个不（直接或间接）扩展它的规则集。',
    hintEn: 'A rule set may extend only one that does not (directly or indirectly) extend it.',
  },
  RULESET_DELTA_UNKNOWN_RULE: {
    severity: 'error',
    zh: '要{action}的规则「{rule}」不在所扩展的规则集 {base} 中',
    en: 'The rule "{rule}" to {action} is not in the extended rule set {base}',
    hintZh: '检查规则名称（jixiao ruleset show {base} 可列出全部规则）；新规则写在 rules.add 下。',
    hintEn: 'Check the rule name (jixiao ruleset show {base} lists them); new rules go under rules.add.',
  },
  RULESET_DELTA_DUPLICATE_RULE: {
    severity: 'error',
    zh: '要新增的规则「{rule}」在所扩展的规则集 {base} 中已有',
    en: 'The rule "{rule}" to add already exists in the extended rule set {base}',
    hintZh: '要改写它，写在 rules.replace 下；要新增，换一个名称。',
    hintEn: 'To change it, put it under rules.replace; to add one, give it another name.',
  },
  RULESET_DELTA_LEVEL1: {
    severity: 'error',
    zh: '一级指标「{name}」不在 {base} 中，新增时须同时写 weight 与 level2',
    en: 'The level-1 "{name}" is not in {base}; a new one needs both weight and level2',
    hintZh: '检查名称，或补上 weight 与 level2。',
    hintEn: 'Check the name, or give weight and level2.',
  },
  UNKNOWN_METHOD: {
    severity: 'error',
    zh: '规则「{rule}」使用了未知的计分方法「{method}」',
    en: 'Rule "{rule}" names an unknown scoring method "{method}"',
    hintZh: '可用的计分方法：{known}。',
    hintEn: 'Known methods: {known}.',
  },
  UNKNOWN_FLAG: {
    severity: 'error',
    zh: '规则「{rule}」使用了未知的提示代码「{flag}」',
    en: 'Rule "{rule}" names an unknown flag code "{flag}"',
    hintZh: '可用的提示代码：{known}。',
    hintEn: 'Known flag codes: {known}.',
  },
  UNKNOWN_FACT: {
    severity: 'error',
    zh: '规则「{rule}」的条件使用了未知的事实「{fact}」',
    en: 'Rule "{rule}" tests an unknown fact "{fact}"',
    hintZh: '{scope} 规则可用的事实：{known}。',
    hintEn: 'Facts for {scope} rules: {known}.',
  },
  UNKNOWN_OPERATOR: {
    severity: 'error',
    zh: '规则「{rule}」使用了未知的运算符「{operator}」',
    en: 'Rule "{rule}" uses an unknown operator "{operator}"',
    hintZh: '可用的运算符：{known}。',
    hintEn: 'Known operators: {known}.',
  },
  RULE_NAME_DUPLICATE: {
    severity: 'error',
    zh: '规则名称「{rule}」用了两次',
    en: 'The rule name "{rule}" is used twice',
    hintZh: '每条规则的 name 须各不相同（计算过程和 lint 按名称指明规则）：把其中一条改名，例如「{rule}（二）」。',
    hintEn:
      'Every rule needs a name of its own (explanations and lint name rules by it): rename one, for example "{rule} (2)".',
  },
  METHOD_NOT_FOR_KIND: {
    severity: 'error',
    zh: '计分方法 {method} 只适用于定量指标，但指标「{id} {name}」是{kind}',
    en: 'The method {method} scores quantitative rows only, and indicator "{id} {name}" is {kind}',
    hintZh:
      '在这条规则的 conditions 里加一项：fact 为 kind、operator 为 equal、value 为 quantitative；或给这类指标另写一条规则（定性指标用 qualitativeBand，人工评分用 manual）。',
    hintEn:
      'Add a condition to the rule: fact kind, operator equal, value quantitative; or give these rows a rule of their own (qualitativeBand for qualitative rows, manual for a score by hand).',
  },
  INVALID_RULE: {
    severity: 'error',
    zh: '规则「{rule}」无法加载：{detail}',
    en: 'Rule "{rule}" cannot be loaded: {detail}',
    hintZh: '按 json-rules-engine 的规则格式检查 conditions 与 event。',
    hintEn: 'Check conditions and event against the json-rules-engine rule format.',
  },
  RULE_GAP: {
    severity: 'error',
    zh: '规则集 {ruleSet} 没有任何计分规则适用于指标「{id} {name}」（{facts}）',
    en: 'No scoring rule of {ruleSet} applies to indicator "{id} {name}" ({facts})',
    hintZh: '这是规则集的缺口：请评价部门补充规则，或用 jixiao lint 检查规则集。',
    hintEn: 'The rule set has a gap: add a rule, or run jixiao lint on the rule set.',
  },
  RULE_CONFLICT: {
    severity: 'error',
    zh: '规则集 {ruleSet} 中同一优先级的规则「{first}」与「{second}」对指标「{id} {name}」给出不同的计分方法',
    en: 'Rules "{first}" and "{second}" of {ruleSet}, of equal priority, give different methods for "{id} {name}"',
    hintZh: '调整规则的 priority 或条件，使每组事实只命中一种计分方法。',
    hintEn: 'Change priorities or conditions so that each set of facts gets one method.',
  },
  EVENT_SCOPE: {
    severity: 'error',
    zh: '规则「{rule}」的范围是 {scope}，但 {name} 只能用于范围 {scopes} 的规则',
    en: 'Rule "{rule}" has scope {scope}, but {name} may be used only by rules of scope {scopes}',
    hintZh: '换用适合此范围的计分方法，或把规则的 scope 改为 {scopes}。',
    hintEn: "Use a method made for this scope, or set the rule's scope to {scopes}.",
  },
  EVENT_OPTION_UNKNOWN: {
    severity: 'error',
    zh: '规则「{rule}」给 {name} 的选项「{option}」不存在',
    en: 'Rule "{rule}" gives {name} an option "{option}" it does not have',
    hintZh: '{name} 可用的选项：{allowed}。检查拼写。',
    hintEn: 'Options of {name}: {allowed}. Check the spelling.',
  },
  EVENT_OPTION_MISSING: {
    severity: 'error',
    zh: '规则「{rule}」没有给 {name} 必需的选项「{option}」',
    en: 'Rule "{rule}" does not give {name} its required option "{option}"',
    hintZh: '在 event.params 中补上「{option}」（{name} 的选项：{allowed}）。',
    hintEn: 'Add "{option}" to event.params (options of {name}: {allowed}).',
  },
  EVENT_OPTION_INVALID: {
    severity: 'error',
    zh: '规则「{rule}」给 {name} 的选项「{option}」取值无效：{detail}',
    en: 'Rule "{rule}" gives {name} an invalid "{option}": {detail}',
    hintZh: '按 {name} 的说明改写此值。',
    hintEn: 'Rewrite the value as {name} expects.',
  },
} as const satisfies Record<string, CatalogEntry>;
