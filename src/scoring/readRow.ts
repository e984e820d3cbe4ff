import type { Band, Comparator, Direction, ParsedNumber, ParsedValue, SourceLocation } from '../domain/model';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import { textRef, type TextRef } from '../errors/texts';
import { compareDates, compareNumbers, type NumberComparison } from '../targets/compare';
import { lowerIsBetterWord, nameEnding } from '../targets/directionWords';
import { looksLikeNumber, normalize } from '../targets/parse';
import { sharedValue } from '../targets/sharedValues';
import type { RuleSetParameters } from '../rules/ruleSet';
import { bandRange, inBand } from './methods/bands';
import { unclearBareNumber } from './bareNumber';
import {
  COST_GROUP,
  HARMLESS_QUALIFIERS,
  MONEY_NAME,
  MONEY_NAME_ENDING,
  ON_TIME,
  RATE_NAME,
  YUAN_UNIT,
} from '../targets/rowWords';
import type { IndicatorInput, ReadingNote, RowReading } from './reading';

export type ReadResult = { reading: RowReading } | { problem: Diagnostic };

/** The text of a number as the explanation shows it: 2.4万条, 97.64%, 同比下降8%. */
export function showNumber(p: ParsedNumber): string {
  return `${p.qualifier}${p.number.toFixed()}${p.magnitude ?? ''}${p.unit}`;
}

/**
 * Decides what kind of row this is and reads its values: quantitative when target and actual are both
 * numbers, date when both are dates, not applicable when the row says so, qualitative otherwise.
 * A number target with a non-number actual, mixed units, or a qualitative row whose band cannot be told
 * are input errors at the actual's line.
 */
export function readRow(input: IndicatorInput, fiscalYear: number, parameters?: RuleSetParameters): ReadResult {
  const actualText = input.actual ?? '';
  const { target, actual } = parsedTexts(input, actualText, fiscalYear);
  const where = input.locations.actual ?? input.locations.actualsIndicators ?? input.locations.definition;
  const base = { id: input.id, name: input.name, target: input.target, actual: actualText };

  if (input.maxScore === null || (target.kind === 'notApplicable' && actual.kind === 'notApplicable')) {
    return { reading: { kind: 'notApplicable', target, actual } };
  }
  // a blank actual is missing, even when the target is blank too: that is not a question of bands
  if (input.actual === null || actual.kind === 'empty') {
    return {
      problem: diagnostic(
        'MISSING_ACTUAL',
        { ...base, target: input.target.trim() === '' ? textRef('term.blankCell') : input.target },
        where,
      ),
    };
  }

  if (target.kind === 'number') return readNumbers(input, { target, actual }, parameters, { base, where });

  if (target.kind === 'date' && actual.kind === 'date') {
    const { met, daysLate } = compareDates(target, actual);
    return { reading: { kind: 'date', target, actual, met, daysLate } };
  }
  if (target.kind === 'date' && actual.kind === 'text' && ON_TIME.test(normalize(actual.raw))) {
    // 已按期完工 / 按时完成 against a deadline: done by then, as the words say
    return {
      reading: {
        kind: 'date',
        target,
        actual: { ...target, raw: actual.raw },
        met: true,
        daysLate: 0,
        onTimeWords: true,
      },
    };
  }

  const band = qualitativeBand(input.band, target, actual) ?? bandOfDeclaredScore(input, parameters);
  // a comparator and a number that did not read as one is a number written wrongly, not a band question
  if (!band && looksLikeNumber(target))
    return { problem: diagnostic('TARGET_NOT_READ', base, input.locations.definition ?? where) };
  if (!band) return { problem: diagnostic('BAND_REQUIRED', base, where) };
  return { reading: { kind: 'qualitative', target, actual, band: band.band, bandSource: band.source } };
}

/** Each row's texts as last read: a form scored under two rule sets (compare) reads them once. */
const lastRead = new WeakMap<
  IndicatorInput,
  { target: string; actual: string; fiscalYear: number; parsed: { target: ParsedValue; actual: ParsedValue } }
>();

/** A row's two texts as read: what the form cache keeps beside the input, so a form read back is not parsed again. */
export interface ParsedTexts {
  target: ParsedValue;
  actual: ParsedValue;
}

/** Keeps a row's texts as read elsewhere (the form cache); checked against the texts when used, like any kept reading. */
export function rememberParsed(row: IndicatorInput, fiscalYear: number, parsed: ParsedTexts): void {
  lastRead.set(row, { target: row.target, actual: row.actual ?? '', fiscalYear, parsed });
}

export function parsedTexts(input: IndicatorInput, actualText: string, fiscalYear: number): ParsedTexts {
  const last = lastRead.get(input);
  if (last && last.target === input.target && last.actual === actualText && last.fiscalYear === fiscalYear)
    return last.parsed;
  const parsed = { target: sharedValue(input.target, { fiscalYear }), actual: sharedValue(actualText, { fiscalYear }) };
  lastRead.set(input, { target: input.target, actual: actualText, fiscalYear, parsed });
  return parsed;
}

const AS_COMPARATOR: Record<Direction, Comparator> = { higherIsBetter: '>=', lowerIsBetter: '<=', equal: '=' };

/**
 * How a target is compared. One with its own comparator reads as written; a bare one (`150万`, `5‰`) takes the
 * direction the definitions state, else is a ceiling on a cost row, else lower-is-better when its name says so
 * (受害率, 投诉率: the vocabulary, unless the rule set turns it off), else higher-is-better.
 */
function howTargetReads(
  input: IndicatorInput,
  target: ParsedNumber,
  parameters: RuleSetParameters | undefined,
): { read: ParsedNumber; notes: ReadingNote[]; directionWord?: string } {
  if (target.comparator !== 'none') return { read: target, notes: [] };
  if (input.direction) return { read: { ...target, comparator: AS_COMPARATOR[input.direction] }, notes: [] };
  // a bare amount on a cost row (80万元, 150万 under 成本指标) is a budget not to exceed
  if (isCostRow(input, target)) return { read: { ...target, comparator: '<=' }, notes: ['costCeiling'] };
  const word = parameters?.directionFromName === false ? null : lowerIsBetterWord(input.name, target);
  if (word) return { read: { ...target, comparator: '<=' }, notes: ['directionFromName'], directionWord: word };
  return { read: target, notes: [] };
}

/**
 * A row about money spent with an amount for target: under a 成本 二级 (成本指标, 经济成本指标) an amount in 元, or
 * one with no unit written as 万/亿 or under a money name (150万); elsewhere an amount in 元 under a money name.
 */
function isCostRow(input: IndicatorInput, target: ParsedNumber): boolean {
  if (COST_GROUP.test(input.level2)) {
    const amountName = MONEY_NAME.test(input.name) && !RATE_NAME.test(input.name);
    return YUAN_UNIT.test(target.unit) || (target.unit === '' && (target.magnitude !== null || amountName));
  }
  // elsewhere the name must end in the money word: 成本下降额 and 费用节约额 are savings, higher is better
  return YUAN_UNIT.test(target.unit) && MONEY_NAME_ENDING.test(nameEnding(input.name));
}

/**
 * A qualitative row with a declared score but no band word (as printed forms are: 得分 4 of 5, 实际 "较好")
 * takes the band its score falls in, unless the rule set says `bandFromDeclaredScore: false`.
 */
function bandOfDeclaredScore(
  input: IndicatorInput,
  parameters: RuleSetParameters | undefined,
): { band: Band; source: 'declared' } | null {
  if (
    !parameters ||
    parameters.bandFromDeclaredScore === false ||
    input.declaredScore === undefined ||
    input.maxScore === null
  )
    return null;
  for (const band of ['achieved', 'partial', 'notAchieved'] as const) {
    if (inBand(input.declaredScore, bandRange(band, input.maxScore, parameters))) return { band, source: 'declared' };
  }
  return null;
}

function qualitativeBand(
  stated: Band | undefined,
  target: ParsedValue,
  actual: ParsedValue,
): { band: Band; source: 'stated' | 'wording' | 'sameAsTarget' } | null {
  if (stated) return { band: stated, source: 'stated' };
  if (actual.kind === 'text' && actual.band) return { band: actual.band, source: 'wording' };
  if (actual.kind !== 'empty' && normalize(actual.raw) === normalize(target.raw))
    return { band: 'achieved', source: 'sameAsTarget' };
  return null;
}

/** Each actual's last comparison, with the target and comparator it was compared under. */
const lastCompared = new WeakMap<
  ParsedNumber,
  { target: ParsedNumber; comparator: Comparator; comparison: NumberComparison }
>();

/**
 * The comparison of an actual with its target as read (`read` is the target with the comparator it reads with):
 * a form scored under two rule sets (compare) reads its texts once and, where both read the target alike, divides
 * for the completion rate once.
 */
function comparedOnce(target: ParsedNumber, read: ParsedNumber, actual: ParsedNumber): NumberComparison {
  const last = lastCompared.get(actual);
  if (last && last.target === target && last.comparator === read.comparator) return last.comparison;
  const comparison = compareNumbers(read, actual);
  lastCompared.set(actual, { target, comparator: read.comparator, comparison });
  return comparison;
}

/** A number target: the actual must be a number of the same unit and qualifier, read the way the target is. */
function readNumbers(
  input: IndicatorInput,
  parsed: { target: ParsedNumber; actual: ParsedValue },
  parameters: RuleSetParameters | undefined,
  at: { base: { id: string; name: string; target: string; actual: string }; where: SourceLocation | undefined },
): ReadResult {
  const { target, actual } = parsed;
  const { base, where } = at;
  if (
    actual.kind === 'number' &&
    actual.qualifier !== '' &&
    target.qualifier === '' &&
    !HARMLESS_QUALIFIERS.has(actual.qualifier)
  ) {
    // words before the number that the target does not have (a garbled 到0次): unreadable, never read as 0
    const example = `${target.number.toFixed()}${target.magnitude ?? ''}${target.unit}`;
    return { problem: diagnostic('ACTUAL_NOT_NUMBER', { ...base, example }, where) };
  }
  if (actual.kind !== 'number') {
    const example = `${target.number.toFixed()}${target.magnitude ?? ''}${target.unit}`;
    return { problem: diagnostic('ACTUAL_NOT_NUMBER', { ...base, example }, where) };
  }
  // a bare number whose reading under the target's unit is implausible (12650 under 1.2万户): asked, not guessed
  const unclear = unclearBareNumber(target, actual);
  if (unclear?.code === 'ACTUAL_MAGNITUDE_UNCLEAR')
    return { problem: diagnostic(unclear.code, { ...base, ...unclear }, where) };
  if (unclear?.code === 'ACTUAL_PERCENT_UNCLEAR')
    return { problem: diagnostic(unclear.code, { ...base, ...unclear }, where) };
  const { read, notes, directionWord } = howTargetReads(input, target, parameters);
  if (actual.comparator !== 'none') notes.push('actualComparator');
  if (target.lookalikes || actual.lookalikes) notes.push('lookalike');
  const comparison = comparedOnce(target, read, actual);
  if (!comparison.ok) {
    if (comparison.problem === 'unit') {
      const unitOf = (p: ParsedNumber): string | TextRef => `${p.magnitude ?? ''}${p.unit}` || textRef('unit.none');
      return {
        problem: diagnostic(
          'UNIT_MISMATCH',
          { ...base, targetUnit: unitOf(target), actualUnit: unitOf(actual) },
          where,
        ),
      };
    }
    return {
      problem: diagnostic(
        'QUALIFIER_MISMATCH',
        { ...base, targetQualifier: target.qualifier, actualQualifier: actual.qualifier },
        where,
      ),
    };
  }
  return {
    reading: {
      kind: 'quantitative',
      target: read,
      actual: comparison.actual,
      comparison,
      ...(notes.length > 0 ? { notes } : {}),
      ...(directionWord ? { directionWord } : {}),
    },
  };
}
