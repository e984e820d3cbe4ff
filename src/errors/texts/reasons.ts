import type { TextEntry } from './entry';

/** Why a rule asks for an explanation: REASON_REQUIRED's `because` (rule sets name these keys, never prose). */
export const REASON_TEXTS = {
  'reason.belowTarget': { zh: '未达到年度指标值', en: 'the target was not met' },
  'reason.farAboveTarget': {
    zh: '大幅超额完成，目标可能定得过低',
    en: 'far above target; the target may have been set too low',
  },
  'reason.qualitativeNotAchieved': { zh: '定性指标未完全达成', en: 'the qualitative target was not fully achieved' },
  'reason.lowExecution': { zh: '预算执行率偏低', en: 'the budget execution rate is low' },
  'over.low': { zh: '目标可能定得过低', en: 'the target may have been set too low' },
  'over.loose': { zh: '远低于上限，上限可能定得过宽', en: 'far under its ceiling; the ceiling may be loose' },
  'note.rescaled': { zh: '，其余指标按比例折算', en: '; the other rows are rescaled' },
  'note.none': { zh: '', en: '' },
  'weights.form': {
    zh: '按表上的分值评分（规则集参数 weights: framework 可改按规则集分值折算）',
    en: "scored with the form's points (the rule-set parameter weights: framework rescales onto the rule set's)",
  },
  'weights.framework': {
    zh: '按规则集的分值折算（规则集参数 weights: framework）',
    en: "rescaled onto the rule set's points (rule-set parameter weights: framework)",
  },
} as const satisfies Record<string, TextEntry>;
