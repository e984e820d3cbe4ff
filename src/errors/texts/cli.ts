import type { TextEntry } from './entry';

/** The command line: help for every command and option, commander's headings, and what each command says. */
export const CLI_TEXTS = {
  'cli.errorCount': { zh: '共 {count} 处错误。', en: '{count} error(s).' },
  'cli.formsFailed': {
    zh: '{total} 张表中 {failed} 张无法评分（见上），其余已评分。',
    en: '{failed} of {total} forms could not be scored (see above); the rest were scored.',
  },
  'cli.internal': { zh: '内部错误：{message}', en: 'Internal error: {message}' },
  'cli.internalHint': {
    zh: '这是 jixiao 的缺陷；设置 JIXIAO_DEBUG=1 可看到详细信息。',
    en: 'This is a bug in jixiao; set JIXIAO_DEBUG=1 for details.',
  },
  'cli.wroteCarriedDefinitions': {
    zh: '指标定义不在工作簿旁，已按工作簿内嵌的副本写出：{path}',
    en: 'The definitions were not beside the workbook; wrote the copy it carries: {path}',
  },
  'cli.wrote': { zh: '已生成 {path}', en: 'Wrote {path}' },
  'cli.wroteDraft': {
    zh: '已生成草稿 {path}（{count} 项待补充，印有“草稿”，不能签章）',
    en: 'Wrote a draft {path} ({count} item(s) to complete; marked as a draft, cannot be signed)',
  },
  'cli.wroteBlank': { zh: '已生成空白表 {path}（供手工填写）', en: 'Wrote the blank form {path} (to fill by hand)' },
  'cli.notWritten': { zh: '未生成 {path}', en: 'Not written: {path}' },
  'cli.signed': { zh: '{role}「{signer}」已签署：{path}', en: 'Signed as {role} by {signer}: {path}' },
  'cli.wroteTestCert': {
    zh: '已生成测试证书 {path}（CN={cn}，主题中标明“仅供测试”）',
    en: 'Wrote test certificate {path} (CN={cn}, marked TEST ONLY)',
  },
  'cli.passwordFor': { zh: '请输入证书 {path} 的密码：', en: 'Password for {path}: ' },
  'cli.passwordNew': { zh: '请设置新证书的密码：', en: 'Password for the new certificate: ' },
  'cli.passwordIssuer': { zh: '请输入颁发者证书 {path} 的密码：', en: 'Password for the issuer {path}: ' },
  'cli.compareProgress': {
    zh: '比较 {bar} {value}/{total} 张表 {eta_formatted}',
    en: 'comparing {bar} {value}/{total} forms {eta_formatted}',
  },
  'cli.compareCache': {
    zh: '表单缓存 {dir}：{hits} 张从缓存读回，{misses} 张从文件读取；{reused} 个得分从缓存读回（规则集未变）',
    en: 'form cache {dir}: {hits} forms read back, {misses} read from their files; {reused} scores read back (rule set unchanged)',
  },
  'cli.cacheUnwritable': {
    zh: '表单缓存 {dir} 无法写入（{detail}），本次运行未缓存；结果不受影响',
    en: 'form cache {dir} cannot be written ({detail}); this run cached nothing; the results are unaffected',
  },
  'cli.testFile': { zh: '{ruleSet}（{file}）', en: '{ruleSet} ({file})' },
  'cli.testFailedCase': { zh: '{name}（{file}:{line}）', en: '{name} ({file}:{line})' },
  'cli.testDifference': {
    zh: '{field}：期望 {expected}，实际 {actual}',
    en: '{field}: expected {expected}, got {actual}',
  },
  'cli.lintSummary': {
    zh: '{file}{kind}：{errors} 个错误，{warnings} 个警告',
    en: '{file}{kind}: {errors} error(s), {warnings} warning(s)',
  },
  'cli.kind.parenthesized': { zh: '（{kind}）', en: ' ({kind})' },
  'cli.kind.ruleset': { zh: '评分规则集', en: 'rule set' },
  'cli.kind.review': { zh: '复核规则集', en: 'review rule set' },
  'cli.kind.definitions': { zh: '指标定义', en: 'definitions' },
  'cli.noForms': { zh: '目录 {path} 中没有 *.actuals.yaml 文件', en: 'no *.actuals.yaml file in the folder {path}' },

  'usage.missingArgument': { zh: '缺少参数 {name}', en: 'missing argument {name}' },
  'usage.missingOption': { zh: '缺少必需的选项 {name}', en: 'missing required option {name}' },
  'usage.optionValue': { zh: '选项 {name} 缺少取值', en: 'option {name} needs a value' },
  'cli.internalError': { zh: '内部错误', en: 'internal error' },
  'usage.unknownOption': { zh: '未知的选项 {name}', en: 'unknown option {name}' },
  'usage.unknownCommand': { zh: '未知的命令 {name}', en: 'unknown command {name}' },
  'usage.excessArguments': { zh: '参数过多：{name}', en: 'too many arguments: {name}' },
  'usage.other': { zh: '命令行有误：{name}', en: 'command line error: {name}' },
  'usage.manyFormsNeedFolder': {
    zh: '多个表单须输出到目录：-o out/',
    en: 'several forms need an output folder: -o out/',
  },
  'usage.htmlOneForm': { zh: '--html 只能用于单个表单', en: '--html works with one form only' },
  'usage.range': {
    zh: '{option} 应为 {min} 至 {max} 之间的{kind}，实际是 {value}',
    en: '{option} must be {kind} from {min} to {max}, got {value}',
  },
  'usage.sample': {
    zh: '--sample 须为张数（如 12）或 0 到 100 的比例（如 20%），实际「{value}」',
    en: '--sample takes a count (12) or a share from 0 to 100 (20%), not "{value}"',
  },
  'usage.sampleBy': { zh: '--by 只能是 department，实际「{value}」', en: '--by takes department only, not "{value}"' },
  'usage.twoRuleSets': { zh: '须给出两个 --rules（实际 {count} 个）', en: 'give --rules twice (got {count})' },
  'usage.lang': {
    zh: '--lang（或环境变量 JIXIAO_LANG）只能是 zh 或 en，实际是 {value}',
    en: '--lang (or JIXIAO_LANG) must be zh or en, got {value}',
  },
  'usage.integer': { zh: '整数', en: 'an integer' },
  'usage.number': { zh: '数', en: 'a number' },
} as const satisfies Record<string, TextEntry>;
