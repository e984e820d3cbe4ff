import type { Band, Comparator, FormKind, Grade, IndicatorKind, Magnitude } from './model';

/**
 * The one map between identifiers (English, in code and YAML keys) and the Chinese labels people read.
 * DESIGN §8. Anything shown to a person goes through here or through the message catalogue.
 */
export const FORM_LABEL: Record<FormKind, string> = {
  project: '项目支出绩效自评表',
  department: '部门整体支出绩效自评表',
};

export const BAND_SHORT_LABEL: Record<Band, string> = {
  achieved: '达成',
  partial: '部分达成',
  notAchieved: '未达成',
};

export const GRADE_LABEL: Record<Grade, string> = {
  excellent: '优',
  good: '良',
  fair: '中',
  poor: '差',
};

export const KIND_LABEL: Record<IndicatorKind, string> = {
  quantitative: '定量指标',
  date: '时效指标（日期）',
  qualitative: '定性指标',
  notApplicable: '不适用',
};

export const COMPARATOR_SYMBOL: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
  none: '',
};

/** Sign-off roles, in signing order: three people, then the unit itself (its seal is a signature with the unit's certificate). */
export const ROLES = ['preparer', 'reviewer', 'head', 'seal'] as const;
export type Role = (typeof ROLES)[number];
/** The roles a person signs for, by the name the form prints. */
export const PERSON_ROLES = ['preparer', 'reviewer', 'head'] as const satisfies readonly Role[];
export const ROLE_LABEL: Record<Role, string> = {
  preparer: '填表人',
  reviewer: '审核人',
  head: '单位负责人',
  seal: '单位盖章',
};

/** Field labels used by the CLI table, the form and the messages. */
export const FIELD_LABEL = {
  id: '编号',
  level1: '一级指标',
  level2: '二级指标',
  indicator: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  maxScore: '分值',
  score: '得分',
  ruleScore: '规则得分',
  declaredScore: '申报得分',
  finalScore: '最终得分',
  deviationReason: '偏差原因分析及改进措施',
  initialBudget: '年初预算数',
  fullYearBudget: '全年预算数',
  executed: '全年执行数',
  executionRate: '执行率',
  total: '总分',
  grade: '等级',
  explanation: '计算过程',
  flags: '提示',
  weight: '权重',
  completion: '完成率',
  budget: '预算执行率',
  currentYear: '当年财政拨款',
  carryOver: '上年结转资金',
  other: '其他资金',
  fundTotal: '年度资金总额',
} as const;

/** How many ones a magnitude word written with a number stands for (150万 is 1,500,000). */
export const MAGNITUDE_SCALE: Record<Magnitude, number> = { 万: 10_000, 亿: 100_000_000 };

/**
 * How forms write level names: with or without the 指标 suffix (产出 is 产出指标), with a trailing 等, in any
 * quotes. The words are the glossary's; matching them is the rules' (rules/levels.ts).
 */
export const LEVEL_NAME = { suffix: '指标', trailing: /等$/, quotes: /[\s\u3000“”"「」『』‘’']+/g } as const;

/** The roles of a 复核报告, in signing order: the reviewer who re-checked, then the one in charge of the re-check. */
export const REVIEW_ROLES = ['checker', 'checkLead'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];
export const REVIEW_ROLE_LABEL: Record<ReviewRole, string> = { checker: '复核人', checkLead: '复核负责人' };

/** Any role a jixiao document is signed in: a form's, or a 复核报告's. */
export type SignRole = Role | ReviewRole;

/** A form's role (not a 复核报告's). */
export const isFormRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/** A role by its printed label (复核人) or identifier (checker), form roles first. */
export function signRoleFromLabel(text: string): SignRole | undefined {
  const review = (Object.entries(REVIEW_ROLE_LABEL) as [ReviewRole, string][]).find(
    ([id, label]) => label === text || id === text,
  );
  return roleFromLabel(text) ?? review?.[0];
}

export function roleFromLabel(text: string): Role | undefined {
  if (text === '单位（盖章）' || text === '盖章') return 'seal';
  const entry = (Object.entries(ROLE_LABEL) as [Role, string][]).find(([id, label]) => label === text || id === text);
  return entry?.[0];
}
