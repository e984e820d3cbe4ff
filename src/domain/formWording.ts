/**
 * The printed form's own wording, in one place: the official 绩效自评表 is Chinese whatever language the tool
 * speaks, and the PDF, the workbook, the `init` skeleton and the signature boxes say the same things in the same
 * words. Labels of single fields are in the glossary (`FIELD_LABEL`); messages are in the catalog (`src/errors`).
 */

/** The table's words on the PDF (view model and header block). */
export const PRINTED = {
  ruleScoreNote: (score: string): string => `规则${score}分`,
  declaredNote: (score: string): string => `表上${score}分`,
  manualReason: (reason: string): string => `人工评分理由：${reason}`,
  levelWeight: (points: string): string => `（${points}分）`,
  pending: '待补充',
  pendingBecause: (what: string): string => `待补充：${what}`,
  pendingReason: '待补充：须说明原因',
  /** A row's message begins with the row (指标「1.1」…): the pending cell is in that row already. */
  rowPrefix: /^指标「[^」]*」/,
  legendManual: '* 人工评分：得分为评价人员给出的分数，下方为规则得分，理由见偏差原因栏。',
  legendDeclared: '※ 表上填报得分与规则得分不符且未说明理由，按规则得分计；下方为表上所填分数。',
  legendDraft: (count: number): string => `草稿：尚有 ${count} 项待补充（表中以“待补充”标出），总分为暂计，不能签章。`,
  legendMismatch: (message: string): string => `※ ${message}`,
  declaredTotal: (total: string): string => `表上申报总分 ${total}`,
  /** The title's year, and the line printed under a title that does not say it. */
  yearIn: (year: number): string => `${year}年`,
  yearLine: (year: number): string => `（${year}年度）`,
  budgetLabel: { project: '年度项目资金（万元）', department: '资金情况（万元）' },
  breakdownFirst: (label: string): string => `其中：${label}`,
  footer: (version: string, ruleSet: string, ruleSetVersion: string, inputs: string): string =>
    `jixiao ${version} · 评分规则集 ${ruleSet} ${ruleSetVersion} · 输入 ${inputs}`,
  /** The footer of a blank form has no inputs: the hash is replaced by this. */
  footerInputs: / · 输入 [0-9a-f]+$/,
  footerBlank: ' · 空白表',
  /** The header of `ruleset show`, a resolved rule set written out. */
  resolvedRuleSet: (id: string, chain: string): string =>
    `# 评分规则集 ${id}，由 ${chain} 解析而成（jixiao ruleset show）`,
  /** A form's title when the definitions give none. */
  title: (year: number, form: string): string => `${year}年度${form}`,
  subject: (form: string, total: string, grade: string | null): string =>
    `${form}：总分 ${total}${grade ? `，等级 ${grade}` : ''}`,
  keywords: (year: number, ruleSet: string): string => `绩效自评,${year},${ruleSet}`,
  amount: (amount: string): string => `${amount} 万元`,
  /** The 得分 and grade cells the page check reads back from the printed page. */
  scoreHeading: '得分',
  /** What each signature box prints at its top left: the role's label (填表人：), the unit's seal box its own words. */
  boxLabel: (label: string): string => `${label}：`,
  sealBoxLabel: '单位（盖章）',
  rowsHeading: '三级指标',
  maxScoreHeading: '分值',
  budgetHeading: '年初预算数',
  gradePrefix: '等级：',
  /** The 总分 line's label: 总分, or 总分（暂计） on a draft. */
  totalLabel: /^总分(（暂计）)?$/,
  /** A date as people write it on the form and the parser reads it: 2023年11月18日. */
  day: (year: number, month: number, day: number): string => `${year}年${month}月${day}日`,
  /** The page the browser prints first, to load the form's fonts and styles. */
  warmUpHeading: '绩效自评表',
  warmUpCell: ['一级指标', '产出指标 100%'] as const,
  /** A character the bundled fonts lack prints as this (the typesetter's mark for a missing character). */
  missingCharacter: '〓',
} as const;

/** The project header block's labels, per layout. */
export const HEADER = {
  projectName: '项目名称',
  department: '主管部门',
  implementingUnit: '实施单位',
  totalInvestment: '项目总投资',
  fiscalFunding: '其中：财政拨款',
  period: '项目实施期',
  departmentName: '部门名称',
  hunanProject: '项目支出名称',
  hunanSpecial: '专项名称',
  hunanInvestment: '项目总投资（万元）',
  hunanSubProject: '支出方向名称（子项目）',
  hunanPeriod: '项目总实施期',
} as const;

/** The 自评表 workbook's own words (sheet names, blocks and the 评分 sheet). */
export const WORKBOOK = {
  formSheet: '自评表',
  scoresSheet: '评分',
  footer: '第 &P 页 / 共 &N 页',
  title: (year: number, project: boolean): string => `${year}年度${project ? '项目支出' : '部门整体支出'}绩效自评表`,
  listErrorTitle: '请从列表中选择',
  fundsBlock: '年度资金（万元）',
  budgetReason: '执行率偏低的原因',
  goal: '年度总体目标',
  goalExpected: '预期目标',
  goalActual: '实际完成情况',
  declaredTotal: '总分（表上申报）',
  notApplicable: '不适用',
  scoresNote: (version: string, day: string, ruleSet: string, ruleSetVersion: string): string =>
    `以下由 jixiao ${version} 于 ${day} 按评分规则集 ${ruleSet} ${ruleSetVersion} 计算，仅供核对；修改填报内容后请重新导出或运行 jixiao score。`,
  budgetRow: '预算',
  gradeCell: (grade: string): string => `等级：${grade}`,
} as const;

/** The comments of the actuals file `init` writes (the clerk reads them in the file). */
export const SKELETON = {
  heading: (year: number, department: string, project: string | null): string =>
    `# ${year}年度 ${department}${project ? ` · ${project}` : ''} —— 实际完成值填报`,
  notes: [
    '# 金额单位：万元。定性指标的档次写在 band（达成 / 部分达成 / 未达成）；表上的得分写 declaredScore，与规则得分不同时须写 reason。',
    '# 不适用的指标：指标定义中分值写成 "/" 的行，actual 也写 "/"（已在下面填好）；分值不是 "/" 的行不能标为不适用。',
    '# 编号是字符串：写成 "1.10"（带引号）；不带引号的 1.10 会被读成 1.1。',
  ],
  initialBudget: '年初预算数',
  fullYearBudget: '全年预算数（调整后）',
  executed: '全年执行数',
  breakdown: '其中（不计分，用来核对合计）',
  currentYear: '当年财政拨款',
  carryOver: '上年结转资金',
  other: '其他资金',
  budgetDeclared: '表上填的预算执行得分',
  budgetReason: '执行率偏低时说明原因',
  goal: (expected: string): string => `实际完成情况；预期目标：${expected}`,
  group: (level1: string, level2: string): string => `  # ── ${level1} / ${level2}`,
  row: (name: string, target: string, maxScore: string): string =>
    `${name}｜年度指标值：${target || '（空）'}｜分值：${maxScore}`,
  notApplicable: '不适用',
  declaredTotal: '表上填的总分',
  declaredGrade: '表上填的等级',
  preparer: '填表人',
  phone: '联系电话',
  date: '填报日期',
  reviewer: '审核人',
  head: '单位负责人',
  seal: '单位公章图片（PNG/JPEG）：单位盖章签名时画在盖章框里，出表时不印',
  sealFile: '公章.png',
} as const;

/** The words in a visible signature and on the signed file. */
export const SIGNATURE = {
  beijingTime: (clock: string): string => `${clock}（北京时间）`,
  signedAt: (time: string): string => `数字签名于 ${time}`,
  seal: '电子印章',
  onBehalf: (signer: string, printed: string): string => `${signer}（表上：${printed}）`,
  reason: (role: string): string => `${role}签署`,
  fieldName: (role: string): string => `${role}签章`,
  draft: '草稿',
  attachment: 'jixiao 绩效自评表的输入、评分结果与哈希（可用 jixiao verify 复核）',
  /** Test certificates say so in their subject, and verify names them as such. */
  testOrganization: 'jixiao 测试证书（仅供测试，不具法律效力）',
  testMarker: /仅供测试/,
} as const;
