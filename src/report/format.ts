import { beijingClock } from '../domain/beijingTime';
import { text } from '../errors/texts';
import { type Decimal, percent, plain } from '../domain/decimal';
import { GRADE_LABEL } from '../domain/glossary';
import type { Grade } from '../domain/model';

/** The one place numbers become display text (DESIGN §4): scores, amounts, rates. */
export function scoreText(value: Decimal | null | undefined): string {
  return value === null || value === undefined ? '' : plain(value);
}

/** 分值: "/" for a row that does not apply. */
export function maxScoreText(value: Decimal | null): string {
  return value === null ? '/' : plain(value);
}

/** An amount with its unit as the reader's language writes it (万元), or as a bare figure (unit ''). */
export function amountText(value: Decimal | null | undefined, unit: string): string {
  return value === null || value === undefined ? '' : `${plain(value)}${unit}`;
}

export function rateText(ratio: Decimal | null | undefined): string {
  return ratio === null || ratio === undefined ? '' : percent(ratio);
}

export function gradeText(grade: Grade | null): string {
  return grade === null ? '' : GRADE_LABEL[grade];
}

/** 2026-11-28 09:30:05（北京时间）: times are printed in Asia/Shanghai, whatever the machine's zone. */
export function beijingDateTime(iso: string | null, lang: 'zh' | 'en' = 'zh'): string {
  if (!iso) return '';
  return text('time.beijing', lang, { clock: beijingClock(iso) });
}
