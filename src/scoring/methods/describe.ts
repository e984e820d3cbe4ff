import { percent, plain, type Decimal } from '../../domain/decimal';
import { COMPARATOR_SYMBOL } from '../../domain/glossary';
import { textRef, type TextRef } from '../../errors/texts';
import type { CalendarDay } from '../../domain/model';
import { showNumber } from '../readRow';
import type { Comparison } from '../reading';
import type { RowReading } from '../reading';

type Quantitative = Extract<RowReading, { kind: 'quantitative' }>;

/** `正向指标：实际600篇 ≥ 目标500篇，完成率120%` — the comparison part of a 计算过程. */
export function describeComparison(reading: Quantitative): TextRef {
  const c: Comparison = reading.comparison;
  return textRef('explain.comparison', {
    direction: textRef(`explain.direction.${c.direction}`),
    how: howDirectionWasRead(reading),
    actual: showNumber(reading.actual),
    symbol: relationSymbol(reading),
    target: showNumber(reading.target),
    completion: c.completion ? textRef('explain.completion', { rate: percent(c.completion) }) : '',
  });
}

/** Where a bare target's direction came from, when not from its own words: `（按名称「投诉率」判断）`. */
function howDirectionWasRead(reading: Quantitative): TextRef | string {
  if (reading.directionWord) return textRef('explain.byName', { word: reading.directionWord });
  if (reading.notes?.includes('costCeiling')) return textRef('explain.costCeiling');
  return '';
}

/** `{head}，{tail}`: a comparison, then how it scored. */
export function then(head: TextRef, tail: TextRef): TextRef {
  return textRef('explain.then', { head, tail });
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

export function points(value: Decimal): TextRef {
  return textRef('explain.points', { value: plain(value) });
}

export function showDay(d: CalendarDay): TextRef {
  // ISO in English (2024-01-05), as written in Chinese (2024年1月5日)
  return textRef('explain.day', {
    year: d.year,
    month: d.month,
    day: d.day,
    mm: String(d.month).padStart(2, '0'),
    dd: String(d.day).padStart(2, '0'),
  });
}
