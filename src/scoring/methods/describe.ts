import { percent, plain, type Decimal } from '../../domain/decimal';
import { COMPARATOR_SYMBOL, DIRECTION_LABEL } from '../../domain/glossary';
import type { CalendarDay } from '../../domain/model';
import { showNumber } from '../readRow';
import type { Comparison } from '../reading';
import type { RowReading } from '../reading';

type Quantitative = Extract<RowReading, { kind: 'quantitative' }>;

/** `正向指标：实际600篇 ≥ 目标500篇，完成率120%` — the comparison part of a 计算过程. */
export function describeComparison(reading: Quantitative): string {
  const c: Comparison = reading.comparison;
  const symbol = relationSymbol(reading);
  const completion = c.completion ? `，完成率${percent(c.completion)}` : '';
  return `${DIRECTION_LABEL[c.direction]}${howDirectionWasRead(reading)}：实际${showNumber(reading.actual)} ${symbol} 目标${showNumber(reading.target)}${completion}`;
}

/** Where a bare target's direction came from, when not from its own words: `（名称含「投诉率」，按反向）`. */
function howDirectionWasRead(reading: Quantitative): string {
  if (reading.directionWord) return `（按名称「${reading.directionWord}」判断）`;
  if (reading.notes?.includes('costCeiling')) return '（成本按上限）';
  return '';
}

/** The relation that actually holds between actual and target, in the target's terms. */
function relationSymbol(reading: Quantitative): string {
  // the actual as written (a negative one is counted as 0 for the ratio, but -4 is still below 0)
  const a = reading.actual.value;
  const t = reading.comparison.targetValue;
  if (a.equals(t)) return '=';
  const wanted = COMPARATOR_SYMBOL[reading.target.comparator] || '≥';
  if (reading.comparison.met) return wanted === '=' ? '=' : wanted;
  return a.greaterThan(t) ? '>' : '<';
}

export function points(value: Decimal): string {
  return `${plain(value)}分`;
}

export function showDay(d: CalendarDay): string {
  return `${d.year}年${d.month}月${d.day}日`;
}
