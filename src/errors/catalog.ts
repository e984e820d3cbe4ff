import type { Severity } from '../domain/model';

/**
 * Every error, warning and flag jixiao can report: its severity, and what it says in Chinese and English.
 * `{name}` in a text is filled from the diagnostic's data. The hint says how to fix it.
 */
export interface CatalogEntry {
  severity: Severity;
  zh: string;
  en: string;
  hintZh?: string;
  hintEn?: string;
}

export const CATALOG = {
  // ── reading files ─────────────────────────────────────────────
  FILE_NOT_FOUND: {
    severity: 'error',
    zh: '找不到文件：{path}',
    en: 'File not found: {path}',
    hintZh: '检查路径是否正确；相对路径以引用它的文件所在目录为准。',
    hintEn: 'Check the path; a relative path is resolved from the folder of the file that names it.',
  },
  YAML_SYNTAX: {
    severity: 'error',
    zh: 'YAML 语法错误：{detail}',
    en: 'YAML syntax error: {detailEn}',
    hintZh: '检查缩进、冒号后的空格和引号是否成对。',
    hintEn: 'Check indentation, the space after each colon, and that quotes are paired.',
  },
  DUPLICATE_KEY: {
    severity: 'error',
    zh: '键「{key}」重复出现',
    en: 'Key "{key}" appears twice',
    hintZh: '删除或合并重复的键；同一层级每个键只能出现一次。',
    hintEn: 'Remove or merge the duplicate; each key may appear once at its level.',
  },
  UNKNOWN_KEY: {
    severity: 'error',
    zh: '未知的键「{key}」',
    en: 'Unknown key "{key}"',
    hintZh: '此处可用的键：{allowed}。检查拼写。',
    hintEn: 'Keys allowed here: {allowed}. Check the spelling.',
  },
  WRONG_TYPE: {
    severity: 'error',
    zh: '「{field}」应为{expected}，实际是{received}',
    en: '"{field}" must be {expectedEn}, got {receivedEn}',
    hintZh: '按说明改写此值。',
    hintEn: 'Rewrite the value as described.',
  },
  ID_NOT_STRING: {
    severity: 'error',
    zh: '编号「{field}」必须是字符串，实际写成了数字 {received}',
    en: 'Id "{field}" must be a string, but a number {received} was written',
    hintZh: '给编号加引号，例如 id: "1.10"（不加引号 1.10 会被读成 1.1）。',
    hintEn: 'Quote the id, e.g. id: "1.10" (unquoted, 1.10 would be read as 1.1).',
  },
  REQUIRED: {
    severity: 'error',
    zh: '缺少必填项「{key}」',
    en: 'Required key "{key}" is missing',
    hintZh: '补上「{key}」。',
    hintEn: 'Add "{key}".',
  },
  INVALID_VALUE: {
    severity: 'error',
    zh: '「{field}」的值无效：{detail}',
    en: 'Invalid value for "{field}": {detailEn}',
    hintZh: '按说明改写此值。',
    hintEn: 'Rewrite the value as described.',
  },
  NUMBER_TOO_PRECISE: {
    severity: 'error',
    zh: '数字 {text} 的有效位数超过 15 位，无法精确读取',
    en: 'The number {text} has more than 15 significant digits and cannot be read exactly',
    hintZh: '给它加引号写成字符串，例如 "{text}"。',
    hintEn: 'Quote it as a string, e.g. "{text}".',
  },
  NEGATIVE_AMOUNT: {
    severity: 'error',
    zh: '金额「{field}」不能为负数：{value}',
    en: 'Amount "{field}" cannot be negative: {value}',
    hintZh: '填写 0 或正数（单位：万元）。',
    hintEn: 'Enter 0 or a positive amount (in 万元).',
  },
  NOT_A_NUMBER: {
    severity: 'error',
    zh: '「{field}」应为数字，实际是「{value}」',
    en: '"{field}" must be a number, got "{value}"',
    hintZh: '填写数字，例如 5531.1；不要带单位。',
    hintEn: 'Enter a number such as 5531.1, without a unit.',
  },

  // ── definitions and actuals ───────────────────────────────────
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
    hintEn: 'Express the actual in the target\'s unit (人次 and 人 cannot be compared).',
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
    hintEn: 'Set band: 达成 (achieved), 部分达成 (partial) or 未达成 (notAchieved).',
  },
  MANUAL_SCORE_REQUIRED: {
    severity: 'error',
    zh: '指标「{id} {name}」为「{band}」，须填写得分（{low}–{high} 分之间）及理由',
    en: 'Indicator "{id} {name}" is "{band}": a score between {low} and {high} and a reason are required',
    hintZh: '填写 declaredScore 与 reason。',
    hintEn: 'Fill declaredScore and reason.',
  },
  MANUAL_SCORE_OUT_OF_BAND: {
    severity: 'error',
    zh: '指标「{id} {name}」得分 {score} 不在「{band}」档次的范围 {low}–{high} 分内',
    en: 'Indicator "{id} {name}": score {score} is outside the "{band}" band, {low}–{high}',
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
    severity: 'error',
    zh: '二级指标「{name}」不属于一级指标「{level1}」',
    en: 'Level-2 indicator "{name}" does not belong under "{level1}"',
    hintZh: '「{level1}」下可用的二级指标：{allowed}。',
    hintEn: 'Allowed under "{level1}": {allowed}.',
  },
  UNKNOWN_RULESET: {
    severity: 'error',
    zh: '找不到评分规则集「{id}」',
    en: 'Rule set "{id}" not found',
    hintZh: '已有的规则集：{known}；也可以写规则集文件的路径。',
    hintEn: 'Shipped rule sets: {known}; a path to a rule-set file also works.',
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
  BUDGET_ZERO: {
    severity: 'error',
    zh: '全年预算数为 0，无法计算执行率',
    en: 'The full-year budget is 0: the execution rate cannot be computed',
    hintZh: '填写 fullYearBudget（调整后的全年预算数，单位万元）。',
    hintEn: 'Fill fullYearBudget (the adjusted full-year budget, in 万元).',
  },

  // ── flags and warnings on a scored form ───────────────────────
  DECLARED_SCORE_MISMATCH: {
    severity: 'warning',
    zh: '「{id} {name}」申报得分 {declared} 与规则得分 {rule} 不符，且未说明理由：按规则得分计',
    en: '"{id} {name}": declared score {declared} differs from the rule score {rule} and no reason is given; the rule score stands',
    hintZh: '若确需人工调整，请在 reason 中写明理由。',
    hintEn: 'To override by hand, give a reason.',
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
    hintEn: 'Check the rows\' maxScore or the declared weight.',
  },
  OVER_ACHIEVEMENT: {
    severity: 'warning',
    zh: '「{id} {name}」完成率 {completion}，达到超额提示线 {threshold}：目标可能定得过低',
    en: '"{id} {name}": completion {completion} reaches the over-achievement line {threshold}: the target may have been set too low',
  },
  REASON_REQUIRED: {
    severity: 'warning',
    zh: '「{id} {name}」须说明偏差原因：{why}',
    en: '"{id} {name}" needs an explanation: {whyEn}',
    hintZh: '在 deviationReason 中填写偏差原因分析及改进措施。',
    hintEn: 'Fill deviationReason.',
  },
  LOW_EXECUTION_RATE: {
    severity: 'warning',
    zh: '预算执行率 {rate} 低于 {threshold}',
    en: 'Budget execution rate {rate} is below {threshold}',
  },
  EXECUTED_ABOVE_BUDGET: {
    severity: 'warning',
    zh: '全年执行数 {executed} 万元超过全年预算数 {budget} 万元',
    en: 'Executed {executed} 万元 exceeds the full-year budget {budget} 万元',
    hintZh: '核对执行数；执行率按 100% 封顶计分。',
    hintEn: 'Check the executed amount; the rate is capped at 100% for scoring.',
  },
  BUDGET_FROM_BREAKDOWN: {
    severity: 'warning',
    zh: '年度资金总额为 0，已按「其中」各项合计 {sum} 万元计算{field}',
    en: 'The total is 0: {fieldEn} computed from the breakdown rows, {sum} 万元',
  },
  NOT_APPLICABLE: {
    severity: 'info',
    zh: '「{id} {name}」不适用，不计分{rescale}',
    en: '"{id} {name}" does not apply and is not scored{rescaleEn}',
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
    hintEn: 'Rewrite it as a measurable target, e.g. "≥95%", "500篇以上", "2021年11月30日前".',
  },
  OUTPUT_EXISTS: {
    severity: 'error',
    zh: '输出文件 {path} 已存在',
    en: 'Output file {path} already exists',
    hintZh: '换一个文件名，或加 --force 覆盖。',
    hintEn: 'Choose another name, or pass --force to overwrite.',
  },
  UNKNOWN_KIND: {
    severity: 'error',
    zh: '未知的文件类型「{kind}」',
    en: 'Unknown file kind "{kind}"',
    hintZh: '可用的类型：{known}。',
    hintEn: 'Known kinds: {known}.',
  },
  USAGE: {
    severity: 'error',
    zh: '命令用法有误：{detail}',
    en: 'Usage error: {detail}',
    hintZh: '运行 jixiao --help 查看用法。',
    hintEn: 'Run jixiao --help.',
  },
  BROWSER_NOT_FOUND: {
    severity: 'error',
    zh: '找不到用于生成 PDF 的 Chromium 浏览器（查找了：{where}）',
    en: 'No Chromium browser found to print the PDF (looked at: {where})',
    hintZh: '在 Debian/Ubuntu 上运行 sudo apt-get install -y chromium；或用环境变量 JIXIAO_CHROMIUM 指定浏览器路径。',
    hintEn: 'On Debian/Ubuntu run sudo apt-get install -y chromium, or set JIXIAO_CHROMIUM to the browser\'s path.',
  },
  BROWSER_LAUNCH_FAILED: {
    severity: 'error',
    zh: '无法启动浏览器 {path}：{detail}',
    en: 'Cannot start the browser {path}: {detail}',
    hintZh: '确认浏览器可以运行（例如 {path} --version）；以 root 运行时 jixiao 会自动加 --no-sandbox。',
    hintEn: 'Check that the browser runs ({path} --version); as root jixiao adds --no-sandbox itself.',
  },
  RENDER_TIMEOUT: {
    severity: 'error',
    zh: '「{name}」生成 PDF 超时（{seconds} 秒，已在新页面重试一次）',
    en: '"{name}": printing timed out ({seconds} s, retried once on a fresh page)',
    hintZh: '表格过大时可用 --timeout 加长时限；其余表单不受影响。',
    hintEn: 'For a very large form raise --timeout; the other forms are not affected.',
  },
  SEAL_FORMAT: {
    severity: 'error',
    zh: '公章图片 {path} 不是 PNG 或 JPEG',
    en: 'Seal image {path} is not PNG or JPEG',
    hintZh: '使用 .png 或 .jpg 格式的公章图片。',
    hintEn: 'Use a .png or .jpg seal image.',
  },
  WRONG_PASSWORD: {
    severity: 'error',
    zh: '证书文件 {path} 的密码不正确',
    en: 'Wrong password for the certificate file {path}',
    hintZh: '检查环境变量 JIXIAO_P12_PASSWORD，或在提示时重新输入密码。',
    hintEn: 'Check JIXIAO_P12_PASSWORD, or type the password again at the prompt.',
  },
  PASSWORD_REQUIRED: {
    severity: 'error',
    zh: '需要证书密码，但没有设置 JIXIAO_P12_PASSWORD，也无法在终端提示输入',
    en: 'A certificate password is needed, but JIXIAO_P12_PASSWORD is not set and there is no terminal to ask',
    hintZh: '设置环境变量 JIXIAO_P12_PASSWORD，或在终端中运行以便输入密码。密码不能写在命令行参数中。',
    hintEn: 'Set JIXIAO_P12_PASSWORD, or run in a terminal to be asked. The password is never taken from the command line.',
  },
  NON_RSA_KEY: {
    severity: 'error',
    zh: '证书文件 {path} 中的密钥不是 RSA 密钥',
    en: 'The key in {path} is not an RSA key',
    hintZh: 'jixiao 目前只支持 RSA 密钥签章（SM2、ECDSA 暂不支持），请换用 RSA 证书。',
    hintEn: 'jixiao signs with RSA keys only (not SM2 or ECDSA); use an RSA certificate.',
  },
  BAD_P12: {
    severity: 'error',
    zh: '无法读取证书文件 {path}：{detail}',
    en: 'Cannot read the certificate file {path}: {detail}',
    hintZh: '证书文件应为 PKCS#12（.p12/.pfx），含私钥与证书。',
    hintEn: 'The file must be PKCS#12 (.p12/.pfx) with a private key and its certificate.',
  },
  CERT_EXPIRED: {
    severity: 'error',
    zh: '签章证书「{name}」已于 {notAfter} 过期',
    en: 'The signing certificate "{name}" expired on {notAfter}',
    hintZh: '换用有效证书；如确需用过期证书（例如补签测试件），加 --allow-expired，签名将带有警告。',
    hintEn: 'Use a valid certificate; to sign anyway (e.g. a test file), pass --allow-expired and the signature carries a warning.',
  },
  CERT_EXPIRED_WARNING: {
    severity: 'warning',
    zh: '签章证书「{name}」已于 {notAfter} 过期，按 --allow-expired 仍然签署',
    en: 'The signing certificate "{name}" expired on {notAfter}; signed anyway (--allow-expired)',
  },
  CERT_NOT_YET_VALID: {
    severity: 'error',
    zh: '签章证书「{name}」要到 {notBefore} 才生效',
    en: 'The signing certificate "{name}" is not valid before {notBefore}',
  },
  ROLE_ALREADY_SIGNED: {
    severity: 'error',
    zh: '「{role}」已经签署过此文件（{signer}）',
    en: '"{role}" has already signed this file ({signer})',
    hintZh: '每个角色只签一次；如需重签，请从未签署的文件重新开始。',
    hintEn: 'Each role signs once; to sign again, start from the unsigned file.',
  },
  UNKNOWN_ROLE: {
    severity: 'error',
    zh: '未知的签署角色「{role}」',
    en: 'Unknown signing role "{role}"',
    hintZh: '可用的角色：填表人、审核人、单位负责人。',
    hintEn: 'Roles: 填表人 (preparer), 审核人 (reviewer), 单位负责人 (head).',
  },
  NOT_A_JIXIAO_PDF: {
    severity: 'error',
    zh: '{path} 不是 jixiao 生成的绩效自评表（没有内嵌数据 {detail}）',
    en: '{path} is not a form made by jixiao (no embedded data {detail})',
    hintZh: '先用 jixiao render 生成 PDF，再签章。',
    hintEn: 'Render the PDF with jixiao render first, then sign it.',
  },
  NO_SIGNATURE_BOX: {
    severity: 'error',
    zh: '文件中没有「{role}」的签章框',
    en: 'The file has no signature box for "{role}"',
  },
  PDF_UNREADABLE: {
    severity: 'error',
    zh: '无法读取 PDF {path}：{detail}',
    en: 'Cannot read the PDF {path}: {detail}',
  },
  INTERNAL: {
    severity: 'error',
    zh: '内部错误：{detail}',
    en: 'Internal error: {detail}',
    hintZh: '这是 jixiao 的缺陷，请附上输入文件报告问题。',
    hintEn: 'This is a bug in jixiao; please report it with the input files.',
  },
} satisfies Record<string, CatalogEntry>;

export type Code = keyof typeof CATALOG;

export function isCode(text: string): text is Code {
  return Object.prototype.hasOwnProperty.call(CATALOG, text);
}
