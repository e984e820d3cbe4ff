import type { TextEntry } from './entry';

/**
 * 计算过程: how each score was computed, in the reader's language. The Chinese is what the printed form and the
 * embedded data carry (a signed PDF re-scores to the same words); `score --lang en` reads the English.
 */
export const EXPLAIN_TEXTS = {
  'explain.direction.higherIsBetter': { zh: '正向指标', en: 'Higher is better' },
  'explain.direction.lowerIsBetter': { zh: '反向指标', en: 'Lower is better' },
  'explain.direction.equal': { zh: '等于型指标', en: 'Must equal' },
  'explain.band.achieved': { zh: '达成年度指标', en: 'target achieved' },
  'explain.band.partial': { zh: '部分达成年度指标并具有一定效果', en: 'target partly achieved, with some effect' },
  'explain.band.notAchieved': { zh: '未达成年度指标且效果较差', en: 'target not achieved, little effect' },
  'explain.byName': { zh: '（按名称「{word}」判断）', en: ' (judged by the word "{word}" in its name)' },
  'explain.costCeiling': { zh: '（成本按上限）', en: ' (a cost, read as a ceiling)' },
  'explain.completion': { zh: '，完成率{rate}', en: ', completion {rate}' },
  'explain.comparison': {
    zh: '{direction}{how}：实际{actual} {symbol} 目标{target}{completion}',
    en: '{direction}{how}: actual {actual} {symbol} target {target}{completion}',
  },
  'explain.day': { zh: '{year}年{month}月{day}日', en: '{year}-{mm}-{dd}' },
  'explain.points': { zh: '{value}分', en: '{value} pts' },
  'explain.full': { zh: '得满分{max}', en: 'full score {max}' },
  'explain.then': { zh: '{head}，{tail}', en: '{head}; {tail}' },
  'explain.dateMet': {
    zh: '时效指标：实际{actual}，不晚于目标{target}，{award}',
    en: 'Deadline: done {actual}, not later than {target}; {award}',
  },
  'explain.qualitativeFull': { zh: '定性指标：{band}，{award}', en: 'Qualitative: {band}; {award}' },
  'explain.zeroTargetMet': {
    zh: '目标为0且实际不大于0，得满分{max}',
    en: 'target 0 and actual not above 0: full score {max}',
  },
  'explain.zeroTargetMissed': { zh: '目标为0而实际大于0，得0分', en: 'target 0 but actual above 0: 0 pts' },
  'explain.ratio': { zh: '{max}×{top}÷{bottom}={score}', en: '{max}×{top}÷{bottom}={score}' },
  'explain.zeroTargetFull': { zh: '目标为0，得满分{max}', en: 'target 0: full score {max}' },
  'explain.belowZeroTarget': { zh: '低于目标0，得0分', en: 'below the target of 0: 0 pts' },
  'explain.belowTarget': {
    zh: '低于目标{gap}，{max}×(1−{gap}÷{target})={score}',
    en: '{gap} below target: {max}×(1−{gap}÷{target})={score}',
  },
  'explain.zeroTarget': { zh: '目标为0', en: 'target 0' },
  'explain.linearPenalty': {
    zh: '{max}×(1−|{actual}−{target}|÷{target})={score}',
    en: '{max}×(1−|{actual}−{target}|÷{target})={score}',
  },
  'explain.satisfaction': {
    zh: '满意度按比例计分：{max}×{rate}={score}',
    en: 'satisfaction scored in proportion: {max}×{rate}={score}',
  },
  'explain.kind.date': { zh: '时效指标', en: 'Deadline' },
  'explain.kind.dateLate': { zh: '时效指标（逾期{days}天）', en: 'Deadline ({days} days late)' },
  'explain.kind.qualitative': { zh: '定性指标', en: 'Qualitative' },
  'explain.bandRange': {
    zh: '{band}（{lowPct}%–{highPct}%档，{low}–{high}分）',
    en: '{band} ({lowPct}%–{highPct}% band, {low}–{high} pts)',
  },
  'explain.bandScored': { zh: '{kind}：{band}，按评定得分{score}', en: '{kind}: {band}; scored {score} as judged' },
  'explain.bandFull': { zh: '{kind}：{band}，得满分{max}', en: '{kind}: {band}; full score {max}' },
  'explain.manual': { zh: '人工评分：{score}，理由：{reason}', en: 'Scored by hand: {score}; reason: {reason}' },
  'explain.notApplicable': { zh: '不适用，不计分', en: 'Does not apply; not scored' },
  'explain.budget': {
    zh: '预算执行率：全年执行数{executed}万元÷全年预算数{budget}万元={rate}{capped}，{max}×{used}={score}',
    en: 'Budget execution: executed {executed} ÷ full-year budget {budget} (10,000 yuan) = {rate}{capped}; {max}×{used}={score}',
  },
  'explain.budgetCapped': { zh: '（执行率超过100%，按100%计）', en: ' (over 100%, counted as 100%)' },
  'explain.pending': { zh: '待补充，暂按0分计', en: 'Still to complete; 0 for now' },
  'explain.budgetPending': {
    zh: '预算执行率：待补充全年预算数与全年执行数，暂按0分计',
    en: 'Budget execution: the full-year budget and amount executed are still to complete; 0 for now',
  },
  'explain.adjust.penalty': {
    zh: '「{id} {name}」偏离目标{deviation}，扣{points}分',
    en: '"{id} {name}" is {deviation} off target: {points} pts off',
  },
  'explain.adjust.cap': {
    zh: '预算执行率{rate}，总分由{total}分封顶为{cap}分',
    en: 'Budget execution {rate}: the total {total} is capped at {cap}',
  },
  'explain.adjust.rescale': {
    zh: '有不适用指标，适用分值合计{applicable}分，总分按 {total}×{full}÷{applicable} 折算',
    en: 'Some rows do not apply: the applicable scores add to {applicable}, so the total is rescaled as {total}×{full}÷{applicable}',
  },
  'explain.adjust.level': {
    zh: '「{name}」表上分值{base}分，按规则集分值{framework}分折算：{score}×{framework}÷{base}',
    en: '"{name}" is worth {base} on the form, rescaled to the rule set\'s {framework}: {score}×{framework}÷{base}',
  },
} as const satisfies Record<string, TextEntry>;
