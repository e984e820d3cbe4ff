/**
 * Words a row is written in that say how to read it: the input vocabulary of indicator names and actuals, beside
 * the parser's own (parse.ts) and the direction words (directionWords.ts).
 */

/** Words that may stand before an actual number without changing what it counts (累计12处, 共38个). */
export const HARMLESS_QUALIFIERS = new Set([
  '共',
  '累计',
  '合计',
  '全年',
  '实际',
  '完成',
  '达',
  '达到',
  '实现',
  '约',
  '计',
  '新增',
  '总计',
]);

/** Saying a deadline was kept, without a date. */
export const ON_TIME = /^(已|均|全部)?(按期|按时|如期|提前|准时)(完成|完工|办结|交付|上线|竣工|实施)?(任务)?$/;

/** A 二级 of costs (成本指标, 经济成本指标). */
export const COST_GROUP = /成本/;
/** A name about money (成本、费用、造价…), and one that ends in the money word (成本下降额 is a saving, not a cost). */
export const MONEY_NAME = /成本|费用|经费|投入|造价|资金|金额|价/;
export const MONEY_NAME_ENDING = /(?:成本|费用|经费|投入|造价)$/;
/** A rate is no amount, whatever it is a rate of (成本控制率 100). */
export const RATE_NAME = /率$/;
/** A unit in 元 (元, 万元, 元/公里). */
export const YUAN_UNIT = /元/;
