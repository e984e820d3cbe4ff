import { listOf, textRef } from '../errors/texts';
import { clamp, percent, plain, roundScore, ZERO, type Decimal } from '../domain/decimal';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import type { Outcome, RuleEvaluator } from '../rules/compile';
import type { IndicatorFacts } from '../rules/facts';
import type { RuleSetParameters } from '../rules/ruleSet';
import { indicatorFacts } from './facts';
import { flagFromRule } from './flags';
import { INDICATOR_METHODS } from './methods';
import { printedCells, type IndicatorInput, type RowReading } from './reading';
import type { IndicatorResult } from './result';
import type { SourceLocation } from '../domain/model';
import { ADJUST_METHODS, type PendingAdjustment } from './adjustments';

/** What reading the row assumed beyond its words, each said as a note at the cell it is about. */
function readingNotes(input: IndicatorInput, reading: RowReading, where: SourceLocation | undefined): Diagnostic[] {
  if (reading.kind !== 'quantitative') return [];
  const base = { id: input.id, name: input.name };
  const definition = input.locations.definition ?? where;
  return (reading.notes ?? []).map((note) => {
    switch (note) {
      case 'costCeiling':
        return diagnostic('COST_AS_CEILING', { ...base, target: input.target }, definition);
      case 'directionFromName':
        return diagnostic(
          'DIRECTION_FROM_NAME',
          { ...base, target: input.target, word: reading.directionWord ?? '' },
          definition,
        );
      case 'actualComparator':
        return diagnostic('ACTUAL_COMPARATOR', { ...base, actual: input.actual ?? '' }, where);
      case 'lookalike': {
        const replaced = [...(reading.target.lookalikes ?? []), ...(reading.actual.lookalikes ?? [])].join('、');
        const text = reading.target.lookalikes ? input.target : (input.actual ?? '');
        return diagnostic(
          'LOOKALIKE_CHARACTER',
          { ...base, text, replaced },
          reading.target.lookalikes ? definition : where,
        );
      }
    }
  });
}

function uniqueByCode(flags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return flags.filter((f) => !seen.has(f.code) && seen.add(f.code) !== undefined);
}

export type IndicatorOutcome = { result: IndicatorResult; adjustments: PendingAdjustment[] } | { problem: Diagnostic };

/**
 * Scores one row: the rule set picks a method (and flags), the method computes the rule score, and the
 * declared score is kept beside it — used only with a reason (DESIGN §2.9), else reported as a discrepancy.
 */
export async function scoreIndicator(
  input: IndicatorInput,
  reading: RowReading,
  compiled: RuleEvaluator,
): Promise<IndicatorOutcome> {
  const { file: ruleSet } = compiled.ruleSet;
  const facts = indicatorFacts(input, reading);
  const outcome = await compiled.evaluate('indicator', facts);
  const base = { id: input.id, name: input.name };
  const where = input.locations.actual ?? input.locations.definition;
  if (outcome.conflict || !outcome.score) return { problem: noDecision(outcome, facts, base, ruleSet.id, where) };

  const method = INDICATOR_METHODS[outcome.score.method];
  if (!method)
    return {
      problem: diagnostic(
        'UNKNOWN_METHOD',
        { rule: outcome.score.rule.name, method: outcome.score.method, known: listOf(Object.keys(INDICATOR_METHODS)) },
        where,
      ),
    };
  const maxScore = input.maxScore ?? ZERO;
  const computed = method.compute({ input, reading, maxScore, parameters: ruleSet.parameters }, outcome.score.options);
  if ('problem' in computed) return computed;

  const ruleScore = clamp(roundScore(computed.score), ZERO, maxScore);
  const declared = input.declaredScore ?? null;
  const flags = rowFlags(input, reading, { outcome, facts, parameters: ruleSet.parameters }, where);
  const { finalScore, override } = declaredDecision(input, reading, { ruleScore, maxScore }, flags, where);

  const adjustments = rowAdjustments(outcome.adjustments, input, facts.deviation, where);
  if ('problem' in adjustments) return adjustments;

  const q = reading.kind === 'quantitative' ? reading.comparison : null;
  const cells = printedCells(input);
  return {
    adjustments: adjustments.list,
    // written out field by field: a spread followed by twenty more fields made V8 build each result slowly
    // (this literal was a third of a compare's scoring time)
    result: {
      id: cells.id,
      name: cells.name,
      level1: cells.level1,
      level2: cells.level2,
      target: cells.target,
      actual: cells.actual,
      maxScore: cells.maxScore,
      kind: reading.kind,
      direction: q ? q.direction : null,
      parsedTarget: reading.target,
      parsedActual: reading.actual,
      completion: q ? q.completion : null,
      band: facts.band === 'none' ? null : (facts.band as IndicatorResult['band']),
      method: method.meta.id,
      rule: { ruleSet: ruleSet.id, rule: outcome.score.rule.name, facts: outcome.score.rule.facts },
      fired: outcome.fired,
      ruleScore,
      declaredScore: declared,
      finalScore,
      override,
      explanation: computed.explanation,
      flags,
    },
  };
}

/** What the rules flag on the row, and what its reading noted (a date said in words, a band taken from the score). */
function rowFlags(
  input: IndicatorInput,
  reading: RowReading,
  decided: { outcome: Outcome; facts: IndicatorFacts; parameters: RuleSetParameters },
  where: SourceLocation | undefined,
): Diagnostic[] {
  const { outcome, facts, parameters } = decided;
  const base = { id: input.id, name: input.name };
  // far under a ceiling says the ceiling may be loose; far over a floor, that the target may be low
  const why = textRef(facts.direction === 'lowerIsBetter' ? 'over.loose' : 'over.low');
  // the rate the facts carry as text, from the Decimal it was written from (not read back from forty digits)
  const rate = reading.kind === 'quantitative' ? reading.comparison.completion : null;
  // two rules may ask for the same thing (a late date row with a 部分达成 band and no reason): say it once
  const flags: Diagnostic[] = uniqueByCode(
    outcome.flags.map((f) =>
      flagFromRule(
        f,
        { ...base, target: input.target, completion: rate ? percent(rate) : '—', why },
        parameters,
        where,
      ),
    ),
  );
  flags.push(...readingNotes(input, reading, where));
  if (reading.kind === 'date' && reading.onTimeWords)
    flags.push(diagnostic('DATE_BY_WORDS', { ...base, actual: input.actual ?? '' }, where));

  if (
    reading.kind === 'qualitative' &&
    reading.bandSource === 'declared' &&
    input.declaredScore !== undefined &&
    input.declaredScore !== null
  ) {
    flags.push(
      diagnostic(
        'BAND_FROM_DECLARED',
        { ...base, band: textRef(`band.${reading.band}`), score: plain(input.declaredScore) },
        input.locations.declaredScore ?? where,
      ),
    );
  }
  return flags;
}

/** A row no rule decides: two rules of one priority disagree, or none matches (the facts are written out here only). */
function noDecision(
  outcome: Outcome,
  facts: IndicatorFacts,
  base: { id: string; name: string },
  ruleSet: string,
  where: SourceLocation | undefined,
): Diagnostic {
  if (outcome.conflict) {
    const [first, second] = outcome.conflict;
    return diagnostic('RULE_CONFLICT', { ...base, ruleSet, first: first.name, second: second.name }, where);
  }
  // the facts no rule matched, as the message shows them (written out only here: every scored row would pay for it)
  const factsText = Object.entries(facts)
    .filter(([, v]) => v !== null && v !== false)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
  return diagnostic('RULE_GAP', { ...base, ruleSet, facts: factsText }, where);
}

/**
 * The declared score against the rule score: taken with a reason when within the row's 分值 (a manual score),
 * else kept beside it and flagged (no reason, or above the 分值, which no reason allows).
 */
function declaredDecision(
  input: IndicatorInput,
  reading: RowReading,
  scores: { ruleScore: Decimal; maxScore: Decimal },
  flags: Diagnostic[],
  where: SourceLocation | undefined,
): { finalScore: Decimal; override: IndicatorResult['override'] } {
  const { ruleScore, maxScore } = scores;
  const declared = input.declaredScore ?? null;
  let finalScore = ruleScore;
  let override: IndicatorResult['override'] = null;
  if (declared !== null && !declared.equals(ruleScore) && reading.kind !== 'notApplicable') {
    const reason = input.reason?.trim();
    const data = { id: input.id, name: input.name, declared: plain(declared), rule: plain(ruleScore) };
    if (reason && declared.lessThanOrEqualTo(maxScore)) {
      finalScore = declared;
      override = { reason };
      flags.push(diagnostic('MANUAL_OVERRIDE', { ...data, reason }, input.locations.declaredScore ?? where));
    } else {
      // why it is not taken: no reason given, or above the row's 分值 (which no reason allows)
      const above = declared.greaterThan(maxScore);
      const why = above ? textRef('declared.aboveMax', { max: plain(maxScore) }) : textRef('declared.noReason');
      const fix = above ? textRef('declared.aboveMax.fix', { max: plain(maxScore) }) : textRef('declared.noReason.fix');
      flags.push(diagnostic('DECLARED_SCORE_MISMATCH', { ...data, why, fix }, input.locations.declaredScore ?? where));
    }
  }
  return { finalScore, override };
}

/** The adjustments a row's rules asked for, applied when the total is rolled up; an unknown one is a problem. */
function rowAdjustments(
  decisions: Outcome['adjustments'],
  input: IndicatorInput,
  deviation: string | null,
  where: SourceLocation | undefined,
): { list: PendingAdjustment[] } | { problem: Diagnostic } {
  const adjustments: PendingAdjustment[] = [];
  for (const a of decisions) {
    const adjust = ADJUST_METHODS[a.method];
    if (!adjust || adjust.meta.scope !== 'indicator') {
      return {
        problem: diagnostic(
          'UNKNOWN_METHOD',
          { rule: a.rule.name, method: a.method, known: listOf(Object.keys(ADJUST_METHODS)) },
          where,
        ),
      };
    }
    adjustments.push({ decision: a, indicator: { id: input.id, name: input.name, deviation } });
  }
  return { list: adjustments };
}
