import type { TextEntry } from './entry';

/** Each scoring method's and adjustment's name (in 计算过程, lint and the web form) and what it does (lint). */
export const METHOD_TEXTS = {
  'method.proportional': { zh: '按完成比例计分', en: 'pro rata to completion' },
  'method.proportional.description': {
    zh: '未达标的正向指标：分值×实际值÷目标值。',
    en: 'a higher-is-better row not met: points × actual ÷ target.',
  },
  'method.budgetExecution': { zh: '预算执行率计分', en: 'budget execution rate' },
  'method.budgetExecution.description': {
    zh: '分值×执行率（全年执行数÷全年预算数），不超过分值。',
    en: 'points × execution rate (executed ÷ full-year budget), at most the points.',
  },
  'method.equal': { zh: '等于型/零目标计分', en: 'equal-to / zero target' },
  'method.equal.description': {
    zh: '实际等于目标得满分；目标为0时实际≤0得满分，否则0分；其余按正向比例。',
    en: 'actual equal to the target: full points; a zero target is met by an actual ≤ 0, else 0; otherwise pro rata.',
  },
  'method.full': { zh: '达标得满分', en: 'full points when met' },
  'method.full.description': { zh: '达到年度指标值，得满分。', en: 'the target is met: full points.' },
  'method.linearPenalty': { zh: '按偏离度线性扣分', en: 'linear by deviation' },
  'method.linearPenalty.description': {
    zh: '未达标指标：分值×max(0, 1−偏离值÷目标值)。',
    en: 'a row not met: points × max(0, 1 − deviation ÷ target).',
  },
  'method.qualitativeBand': { zh: '定性指标分档计分', en: 'qualitative bands' },
  'method.qualitativeBand.description': {
    zh: '达成：满分或档内人工评分；部分达成、未达成：须在档内人工评分。',
    en: 'achieved: full points or a score within its band; partly or not achieved: a score within the band, by hand.',
  },
  'method.inverseProportional': { zh: '反向按比例计分', en: 'inverse pro rata' },
  'method.inverseProportional.description': {
    zh: '未达标的反向指标：分值×目标值÷实际值。',
    en: 'a lower-is-better row not met: points × target ÷ actual.',
  },
  'method.manual': { zh: '人工评分', en: 'manual score' },
  'method.manual.description': {
    zh: '按填报得分计分，须填写理由，且不超过分值。',
    en: 'the declared score, with a reason, at most the points.',
  },
  'method.notApplicable': { zh: '不适用', en: 'not applicable' },
  'method.notApplicable.description': {
    zh: '指标不适用，不计分，其分值不计入总分值。',
    en: 'the row does not apply: no score, and its points leave the total.',
  },
  'method.satisfactionRate': { zh: '满意度按比例计分', en: 'satisfaction rate' },
  'method.satisfactionRate.description': {
    zh: '分值×满意度（百分比），达标也按比例，不超过分值。',
    en: 'points × the satisfaction rate, pro rata even when met, at most the points.',
  },
  'method.deviationPenalty': { zh: '偏离度扣分', en: 'deviation penalty' },
  'method.deviationPenalty.description': {
    zh: '偏离目标达到规定比例的指标，从总分中扣除规定分数（options: points）。',
    en: 'rows far from their target take the given points off the total (options: points).',
  },
  'method.totalCap': { zh: '执行率封顶', en: 'execution cap' },
  'method.totalCap.description': {
    zh: '预算执行率低于规定比例时，总分不超过规定上限（options: cap）。',
    en: 'a low execution rate caps the total (options: cap).',
  },
  'method.pending': { zh: '待补充', en: 'to be completed' },
} as const satisfies Record<string, TextEntry>;
