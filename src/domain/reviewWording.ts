/**
 * The re-check bench's own wording: the 复核.xlsx sheets, the 复核底稿 columns a reviewer fills and jixiao reads
 * back, and the 复核报告. Like the printed form, these are Chinese whatever language the tool speaks (the 财政
 * side files them); messages about them are in the catalog (`src/errors`).
 */

export const REVIEW_SHEETS = {
  summary: '汇总',
  departments: '部门',
  forms: '表单',
  findings: '发现',
  worksheet: '复核底稿',
} as const;

/** The 复核底稿's columns, in order: the first eleven are the form's, the next three the reviewer's. */
export const WORKSHEET_COLUMNS = {
  form: '表单',
  department: '部门',
  project: '项目名称',
  id: '指标编号',
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  target: '年度指标值',
  maxScore: '分值',
  selfActual: '自评完成值',
  selfScore: '自评得分',
  reviewActual: '复核完成值',
  reviewScore: '复核得分',
  deviation: '偏离度',
  note: '备注',
} as const;

export const FORM_COLUMNS = [
  '风险排名',
  '风险分',
  '项目名称',
  '部门',
  '来源文件',
  '类型',
  '状态',
  '年初预算数（万元）',
  '全年预算数（万元）',
  '全年执行数（万元）',
  '执行率',
  '总分',
  '等级',
  '已签角色',
  '核验结论',
  'P0',
  'P1',
  'P2',
  '抽中',
  '问题',
] as const;

export const DEPARTMENT_COLUMNS = [
  '部门',
  '表单数',
  '完成',
  '草稿',
  '失败',
  '年初预算数（万元）',
  '全年预算数（万元）',
  '全年执行数（万元）',
  '执行率',
  '平均总分',
  '优',
  '良',
  '中',
  '差',
  'P0',
  'P1',
  'P2',
  '风险分',
  '抽中',
  '部门发现',
] as const;

export const FINDING_COLUMNS = [
  '序号',
  '严重程度',
  '代码',
  '发现',
  '部门',
  '表单',
  '指标编号',
  '指标名称',
  '单元格',
  '规则',
  '依据',
  '扣分',
  '权重',
] as const;

/** Columns of amounts and scores (written 0.00) and of rates (written as percentages). */
export const AMOUNT_HEADERS = [
  '年初预算数（万元）',
  '全年预算数（万元）',
  '全年执行数（万元）',
  '平均总分',
  '总分',
] as const;
export const RATE_HEADERS = ['执行率'] as const;

export const SUMMARY_COLUMNS = ['项目', '数值'] as const;

export const REVIEW_WORDS = {
  status: { complete: '完成', draft: '草稿', failed: '失败' },
  source: { yaml: 'YAML', xlsx: 'Excel', pdf: '签章PDF' },
  yes: '是',
  no: '否',
  none: '—',
  unreadable: '（无法读取）',
  summary: {
    forms: '表单数',
    complete: '完成',
    draft: '草稿',
    failed: '失败',
    initialBudget: '年初预算数合计（万元）',
    fullYearBudget: '全年预算数合计（万元）',
    executed: '全年执行数合计（万元）',
    executionRate: '加权执行率（执行数合计 ÷ 全年预算数合计）',
    meanTotal: '平均总分',
    grade: (label: string): string => `等级：${label}`,
    noGrade: '等级：无',
    fullySigned: '签章齐全且核验通过',
    findings: (severity: string): string => `${severity} 发现`,
    sampled: '抽中表单',
    sampleMethod: '抽样',
    sampleText: (size: string, seed: number, stratified: boolean, p0: boolean): string =>
      `${size}，种子 ${seed}${stratified ? '，按部门分层' : ''}${p0 ? '，含全部 P0 表单' : ''}`,
    ruleSet: '复核规则集',
    previous: '上年表单',
    createdAt: '生成时间（北京时间）',
  },
  report: {
    title: (year: string): string => `${year}绩效自评复核报告`,
    year: (year: number): string => `${year}年度`,
    overall: '总体情况',
    byDepartment: '分部门情况',
    findings: '主要发现',
    sample: '抽样复核表单',
    signatures: '复核签署',
  },
  roles: { checker: '复核人', checkLead: '复核负责人' },
  /** The reason a 复核得分 is kept under when the reviewer wrote no 备注. */
  reviewerScore: '复核人员评分',
} as const;

/** The files of a review folder, by name. */
export const REVIEW_FILES = {
  workbook: '复核.xlsx',
  index: 'index.html',
  json: 'review.json',
  report: '复核报告.pdf',
  results: '复核结果.json',
  resultsWorkbook: '复核结果.xlsx',
} as const;

/** The 复核结果 workbook that `review import` writes. */
export const RESULT_SHEETS = {
  forms: '复核结果',
  rows: '复核明细',
  formColumns: [
    '表单',
    '部门',
    '项目名称',
    '自评总分',
    '自评等级',
    '复核总分',
    '复核等级',
    '偏离度（(自评−复核)÷复核）',
    '状态',
  ],
  rowColumns: [
    '表单',
    '指标编号',
    '三级指标',
    '分值',
    '自评得分',
    '复核完成值',
    '复核得分',
    '偏离度（(自评−复核)÷分值）',
    '备注',
  ],
} as const;
