import { dec } from '../domain/decimal';
import type { CalendarDay, Comparator, ParsedValue } from '../domain/model';
import { bandOfText } from './bands';
import { canonicalText, type CanonicalText } from './lookalikes';
import { MAGNITUDE_SCALE } from '../domain/glossary';

/**
 * Reads 年度指标值 / 实际完成值 as people write them (DESIGN §2.5): `≥95%`, `500篇以上`, `2.4万余条`,
 * `不超过5%`, `同比下降5%`, `2021年11月30日前`, `全省前列`, `/`. Text that is not wholly a number or a
 * date stays text (a qualitative row); nothing is pulled out of the middle of a sentence.
 */

const NOT_APPLICABLE = new Set(['/', '-', '—', '——', '–', 'N/A', 'NA', '不适用']);

/** Longest first, so 不超过 is not read as 超过. */
const PREFIX_COMPARATORS: readonly [string, Comparator][] = [
  ['大于等于', '>='],
  ['小于等于', '<='],
  ['大于或等于', '>='],
  ['小于或等于', '<='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['控制在', '<='],
  ['至少', '>='],
  ['达到', '>='],
  ['高于', '>'],
  ['大于', '>'],
  ['多于', '>'],
  ['超过', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['等于', '='],
  ['>=', '>='],
  ['<=', '<='],
  ['=>', '>='],
  ['=<', '<='],
  ['⩾', '>='],
  ['⩽', '<='],
  ['≥=', '>='],
  ['≤=', '<='],
  ['≥', '>='],
  ['≧', '>='],
  ['≤', '<='],
  ['≦', '<='],
  ['>', '>'],
  ['<', '<'],
  ['==', '='],
  ['=', '='],
];

const SUFFIX_COMPARATORS: readonly [string, Comparator][] = [
  ['及以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['内', '<='],
];

const APPROX_PREFIX = ['大约', '约', '近'];
const APPROX_SUFFIX = ['余', '多', '左右'];
/** 左右 after the number or its unit (80%左右): the value is approximate. */
const APPROX_AROUND = '左右';
/** Words that may stand before a number and qualify it (同比下降5%). Only CJK letters, at most 8. */
const QUALIFIER = /^[\u4e00-\u9fff]{1,8}/;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
/** A unit: a short run of CJK letters, Latin letters, % or ‰, possibly compound (元/人, 元/人·月, 人次/年). */
const UNIT = /^(?:%|‰|℃|[a-zA-Z\u4e00-\u9fff]{1,4}(?:[/·][a-zA-Z\u4e00-\u9fff]{1,3}){0,2})/;

/** Different spellings of one unit, so 95百分比 compares with 96% and 80公里 with 85km. */
const UNIT_ALIASES: Record<string, string> = {
  百分比: '%',
  百分点: '%',
  公里: 'km',
  千米: 'km',
  米: 'm',
  平方米: 'm²',
  平米: 'm²',
};

/** A unit as compared: aliases resolved, the separators of compound units written one way (元/人*月 is 元/人·月). */
function unitOf(text: string): string {
  const joined = text.replace(/[*×•∙]/g, '·');
  return UNIT_ALIASES[joined] ?? joined;
}

export interface ParseOptions {
  /** Year used when a date target leaves it out (12月底前完成). */
  fiscalYear?: number;
}

/** The text as compared: NFKC, look-alike comparators and OCR digits replaced, spaces and （含） dropped. */
function normalizeNoting(raw: string): CanonicalText {
  const { text: nfkc, replaced } = canonicalText(raw);
  // a space between two digits (`9 5%`) is a typing mistake, not 95: keep it so the text is not read as a number
  const digitsApart = /\d\s+[\d.]/.test(nfkc);
  const text = (digitsApart ? nfkc.replace(/\s+/g, ' ').trim() : nfkc.replace(/\s+/g, '')).replace(
    /（含）|\(含\)/g,
    '',
  );
  return { text, replaced };
}

export function normalize(raw: string): string {
  return normalizeNoting(raw).text;
}

export function parseValue(raw: string, options: ParseOptions = {}): ParsedValue {
  const { text, replaced } = normalizeNoting(raw);
  if (text === '') return { kind: 'empty', raw };
  if (NOT_APPLICABLE.has(text) || /^\/+$/.test(text)) return { kind: 'notApplicable', raw };
  const date = parseDate(text, raw, options);
  if (date === 'invalid') return { kind: 'text', raw, band: null };
  const read = date ?? parseNumber(text, raw);
  if (!read) return { kind: 'text', raw, band: bandOfText(text) };
  return replaced.length > 0 && (read.kind === 'number' || read.kind === 'date')
    ? { ...read, lookalikes: replaced }
    : read;
}

/** A comparator and a digit in a text that was not read as a number or a date: a number written wrongly, never a band. */
export function looksLikeNumber(value: ParsedValue): boolean {
  if (value.kind !== 'text') return false;
  const text = normalize(value.raw);
  return /[<>=≤≥]|以上|以下|以内|不低于|不少于|不超过|不高于/.test(text) && /\d/.test(text);
}

function stripPrefix(text: string, table: readonly [string, Comparator][]): [Comparator | null, string] {
  for (const [word, comparator] of table) if (text.startsWith(word)) return [comparator, text.slice(word.length)];
  return [null, text];
}

function stripSuffix(text: string, table: readonly [string, Comparator][]): [Comparator | null, string] {
  for (const [word, comparator] of table)
    if (text.endsWith(word) && text.length > word.length) return [comparator, text.slice(0, -word.length)];
  return [null, text];
}

function startsWithAny(text: string, words: readonly string[]): string | null {
  return words.find((w) => text.startsWith(w)) ?? null;
}

/** Qualifier words before the number (同比下降, 满意度), cut where a comparator, an approximation word or a digit begins. */
function splitQualifier(
  text: string,
  leading: Comparator | null,
): { qualifier: string; comparator: Comparator | null; rest: string } {
  if (NUMBER.test(text) || startsWithAny(text, APPROX_PREFIX))
    return { qualifier: '', comparator: leading, rest: text };
  const q = QUALIFIER.exec(text)?.[0] ?? '';
  let cut = q.length;
  for (let i = 1; i < q.length; i++) {
    const tail = text.slice(i);
    if (stripPrefix(tail, PREFIX_COMPARATORS)[0] || startsWithAny(tail, APPROX_PREFIX)) {
      cut = i;
      break;
    }
  }
  const [comparator, rest] = leading ? [leading, text.slice(cut)] : stripPrefix(text.slice(cut), PREFIX_COMPARATORS);
  return { qualifier: q.slice(0, cut), comparator, rest };
}

/** A comparator word after the number (以上, 以内, 及以上) and 左右, off the end of what follows the number. */
function splitSuffix(text: string): { comparator: Comparator | null; approximate: boolean; rest: string } {
  const approximate = text.endsWith(APPROX_AROUND);
  const rest = approximate ? text.slice(0, -APPROX_AROUND.length) : text;
  // the whole rest may be the comparator word (5以内, 5及以上): never leave 以 or 及 behind as a unit
  const whole = SUFFIX_COMPARATORS.find(([w]) => rest === w);
  if (whole) return { comparator: whole[1], approximate, rest: '' };
  const [comparator, left] = stripSuffix(rest, SUFFIX_COMPARATORS);
  return { comparator, approximate, rest: left };
}

function parseNumber(text: string, raw: string): ParsedValue | null {
  let rest = text;
  let approximate = false;
  const [leading, afterLeading] = stripPrefix(rest, PREFIX_COMPARATORS);
  let comparator: Comparator | null = leading;
  rest = afterLeading;

  // Qualifier words (同比下降), possibly followed by a comparator (满意度≥95%).
  const qualified = splitQualifier(rest, comparator);
  const qualifier = qualified.qualifier;
  comparator = qualified.comparator;
  rest = qualified.rest;
  const approxWord = startsWithAny(rest, APPROX_PREFIX);
  if (approxWord) {
    approximate = true;
    rest = rest.slice(approxWord.length);
  }

  const numberText = NUMBER.exec(rest)?.[0];
  if (!numberText) return null;
  rest = rest.slice(numberText.length);

  let magnitude: '万' | '亿' | null = null;
  if (rest.startsWith('万') || rest.startsWith('亿')) {
    magnitude = rest[0] as '万' | '亿';
    rest = rest.slice(1);
  }
  const approxSuffix = APPROX_SUFFIX.slice(0, 2).find((w) => rest.startsWith(w));
  if (approxSuffix) {
    approximate = true;
    rest = rest.slice(approxSuffix.length);
  }

  const suffix = splitSuffix(rest);
  const suffixComparator = suffix.comparator;
  approximate ||= suffix.approximate;
  rest = suffix.rest;

  // a unit explained in brackets, as forms print it: %(百分比), 个(处)
  const bracket = /^(.*?)\(([^()]+)\)$/.exec(rest);
  if (bracket) rest = bracket[1] || (bracket[2] ?? '');
  rest = rest.replace(/[*×•∙]/g, '·');
  let unit = '';
  if (rest !== '') {
    const u = UNIT.exec(rest)?.[0];
    if (!u || u.length !== rest.length) return null;
    unit = unitOf(u);
  }
  if (comparator && suffixComparator && comparator !== suffixComparator) return null;

  const number = dec(numberText.replace(/,/g, ''));
  const value = magnitude ? number.times(MAGNITUDE_SCALE[magnitude]) : number;
  return {
    kind: 'number',
    raw,
    comparator: comparator ?? suffixComparator ?? 'none',
    number,
    magnitude,
    value,
    unit,
    approximate,
    qualifier,
  };
}

const DATE =
  /^(?:(\d{4})年)?(?:(\d{1,2})月(?:(\d{1,2})日|(底|末|上旬|中旬|下旬))?|(年底|年末))(之前|以前|前)?(?:完成|前完成|办结|完工|上线)?$/;
const ISO_DATE = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(之前|以前|前)?(?:完成)?$/;

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date, null when the text is not shaped like one, 'invalid' when it is shaped like one but no such day exists. */
function parseDate(text: string, raw: string, options: ParseOptions): ParsedValue | null | 'invalid' {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const date: CalendarDay = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
    if (!validDay(date)) return 'invalid';
    return { kind: 'date', raw, comparator: iso[4] ? '<=' : 'none', date, yearImplied: false };
  }
  const m = DATE.exec(text);
  if (!m) return null;
  const [, yearText, monthText, dayText, part, yearEnd, before] = m;
  if (!monthText && !yearEnd) return null;
  const yearImplied = yearText === undefined;
  const year = yearText ? Number(yearText) : (options.fiscalYear ?? 0);
  const month = yearEnd ? 12 : Number(monthText);
  if (month < 1 || month > 12) return 'invalid';
  let day: number;
  if (dayText) day = Number(dayText);
  else if (part === '上旬') day = 10;
  else if (part === '中旬') day = 20;
  else day = lastDayOf(year || 2000, month);
  const date = { year, month, day };
  if (!validDay(date)) return 'invalid';
  // A deadline with 前 or 底/末 or no day at all means "by then"; a bare full date is a completion date.
  const comparator: Comparator = before || part || yearEnd || !dayText ? '<=' : 'none';
  return { kind: 'date', raw, comparator, date, yearImplied };
}

function validDay(d: CalendarDay): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= lastDayOf(d.year || 2000, d.month);
}

/** Days since an epoch, for comparing calendar days exactly. */
export function dayNumber(d: CalendarDay): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}
