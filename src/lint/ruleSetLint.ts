import { dec } from '../domain/decimal';
import { GRADE_LABEL } from '../domain/glossary';
import type { IndicatorKind } from '../domain/model';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import { checkRules } from '../rules/checkRules';
import { CompiledRuleSet, type Outcome } from '../rules/compile';
import type { EventSpecs } from '../rules/events';
import type { FactValue, Scope } from '../rules/facts';
import type { RuleSet } from '../rules/ruleSet';
import { INDICATOR_METHODS } from '../scoring/methods';
import { BAND_SHORT_LABEL } from '../domain/glossary';
import { budgetProbes, indicatorProbes, showFacts, totalProbes } from './probe';
import { adjacentPairs } from '../domain/sequence';

/**
 * Finds a rule set's holes before it is used: static problems (unknown methods, flags, facts, operators),
 * then, by running its rules over a grid of facts, conflicts, gaps, rules that never fire or never decide,
 * methods given rows they cannot score; and the framework's weights, qualitative bands and grade lines.
 */
export async function lintRuleSet(
  ruleSet: RuleSet,
  known: EventSpecs,
  where: { file: (path: (string | number)[]) => Diagnostic['location'] },
): Promise<Diagnostic[]> {
  const run = new ProbeRun(ruleSet, CompiledRuleSet.compile(ruleSet, known, { skipInvalid: true }));
  const rulesAt = where.file(['rules']);
  for (const facts of indicatorProbes(ruleSet.file.framework.level1.map((l) => l.name))) {
    const outcome = await run.probe('indicator', facts);
    if (!outcome.score)
      run.once(
        `gap ${facts.kind} ${facts.direction} ${facts.met} ${facts.band}`,
        diagnostic('LINT_GAP', { scope: 'indicator', example: showFacts(facts) }, rulesAt),
      );
    else run.methodFitsKind(outcome.score.rule.name, outcome.score.method, facts);
  }
  for (const facts of budgetProbes()) {
    const outcome = await run.probe('budget', facts);
    if (!outcome.score)
      run.once('gap budget', diagnostic('LINT_GAP', { scope: 'budget', example: showFacts(facts) }, rulesAt));
  }
  for (const facts of totalProbes()) await run.probe('total', facts);
  return [...checkRules(ruleSet, known), ...run.findings, ...run.unusedRules(), ...frameworkFindings(ruleSet, where)];
}

/**
 * One lint's run of the rules over the grid of facts: which rules ever fire, which ever decide a score, which
 * are shadowed and by what; each finding said once.
 */
class ProbeRun {
  readonly findings: Diagnostic[] = [];
  private readonly firedEver = new Set<string>();
  private readonly decidedEver = new Set<string>();
  private readonly shadowedBy = new Map<string, { by: string; example: string }>();
  private readonly seen = new Set<string>();
  private readonly indexOf: Map<string, number>;

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly compiled: CompiledRuleSet,
  ) {
    this.indexOf = new Map(ruleSet.file.rules.map((r, i) => [r.name, i]));
  }

  private at(name: string): Diagnostic['location'] {
    return this.ruleSet.ruleLocations[this.indexOf.get(name) ?? 0];
  }

  once(key: string, d: Diagnostic): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(d);
  }

  async probe(scope: Scope, facts: Record<string, FactValue>): Promise<Outcome> {
    const rules = this.ruleSet.file.rules;
    const outcome = await this.compiled.evaluate(scope, facts);
    outcome.fired.forEach((n) => this.firedEver.add(n));
    if (outcome.score) this.decidedEver.add(outcome.score.rule.name);
    const example = showFacts(facts);
    for (const name of outcome.fired) {
      const rule = rules[this.indexOf.get(name) ?? -1];
      if (
        rule?.event.type === 'score' &&
        outcome.score &&
        outcome.score.rule.name !== name &&
        !this.shadowedBy.has(name)
      ) {
        this.shadowedBy.set(name, { by: outcome.score.rule.name, example });
      }
    }
    if (outcome.conflict) {
      const [a, b] = outcome.conflict;
      const methods = [a, b].map((r) => String(rules[this.indexOf.get(r.name) ?? -1]?.event.params.method)).join(' / ');
      this.once(
        `conflict ${a.name} ${b.name}`,
        diagnostic(
          'LINT_CONFLICT',
          { rule: a.name, other: b.name, priority: a.priority, methods, example },
          this.at(a.name),
        ),
      );
    }
    return outcome;
  }

  /** A rule that sends a row to a method that cannot score its kind. */
  methodFitsKind(rule: string, methodId: string, facts: Record<string, FactValue>): void {
    const method = INDICATOR_METHODS[methodId];
    const kind = facts.kind as IndicatorKind;
    if (!method || method.meta.appliesTo.includes(kind)) return;
    const data = {
      rule,
      method: method.meta.id,
      kind: textRef(`term.kind.${kind}`),
      applies: method.meta.appliesTo.join(', '),
      example: showFacts(facts),
    };
    this.once(`kind ${rule} ${kind}`, diagnostic('LINT_METHOD_KIND', data, this.at(rule)));
  }

  /** Rules that never fire over the grid, and score rules that fire but never decide (another always wins). */
  unusedRules(): Diagnostic[] {
    return this.compiled.ruleSet.file.rules.flatMap((rule) => {
      if (!this.firedEver.has(rule.name))
        return [diagnostic('LINT_NEVER_FIRES', { rule: rule.name }, this.at(rule.name))];
      if (rule.event.type !== 'score' || this.decidedEver.has(rule.name)) return [];
      const s = this.shadowedBy.get(rule.name);
      return [
        diagnostic(
          'LINT_SHADOWED',
          { rule: rule.name, by: s?.by ?? '', example: s?.example ?? '' },
          this.at(rule.name),
        ),
      ];
    });
  }
}

function frameworkFindings(
  ruleSet: RuleSet,
  where: { file: (path: (string | number)[]) => Diagnostic['location'] },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const f = ruleSet.file;
  const levels = f.framework.level1.reduce((s, l) => s.plus(dec(String(l.weight))), dec(0));
  const sum = levels.plus(dec(String(f.framework.budget.maxScore)));
  if (!sum.equals(dec(String(f.framework.total)))) {
    out.push(
      diagnostic(
        'LINT_WEIGHT_SUM',
        { sum: sum.toFixed(), budget: f.framework.budget.maxScore, levels: levels.toFixed(), total: f.framework.total },
        where.file(['framework']),
      ),
    );
  }
  out.push(...bandFindings(ruleSet, where), ...gradeFindings(ruleSet, where));
  return out;
}

/** The qualitative bands: holes and overlaps between 未达成, 部分达成 and 达成 over 0–100% of a row's points. */
function bandFindings(
  ruleSet: RuleSet,
  where: { file: (path: (string | number)[]) => Diagnostic['location'] },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const f = ruleSet.file;
  const bands = (['notAchieved', 'partial', 'achieved'] as const)
    .map((b) => ({ band: b, low: f.parameters.qualitativeBands[b][0], high: f.parameters.qualitativeBands[b][1] }))
    .sort((a, b) => a.low - b.low);
  const range = (b: { low: number; high: number; band: string }): string =>
    `[${b.low}%, ${b.high}%${b.band === 'achieved' ? ']' : ')'}`;
  const bandsAt = where.file(['parameters', 'qualitativeBands']);
  if (bands[0] && bands[0].low > 0) out.push(diagnostic('LINT_BAND_HOLE', { from: 0, to: bands[0].low }, bandsAt));
  for (const [prev, cur] of adjacentPairs(bands)) {
    if (cur.low < prev.high) {
      out.push(
        diagnostic(
          'LINT_BAND_OVERLAP',
          {
            first: BAND_SHORT_LABEL[prev.band],
            firstRange: range(prev),
            second: BAND_SHORT_LABEL[cur.band],
            secondRange: range(cur),
          },
          bandsAt,
        ),
      );
    } else if (cur.low > prev.high) out.push(diagnostic('LINT_BAND_HOLE', { from: prev.high, to: cur.low }, bandsAt));
  }
  const last = bands[bands.length - 1];
  if (last && last.high < 100) out.push(diagnostic('LINT_BAND_HOLE', { from: last.high, to: 100 }, bandsAt));
  return out;
}

/** The grade lines: a total below every grade, two grades with one lower bound, grades out of order. */
function gradeFindings(
  ruleSet: RuleSet,
  where: { file: (path: (string | number)[]) => Diagnostic['location'] },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const f = ruleSet.file;
  const grades = [...f.grades.bands].sort((a, b) => a.min - b.min);
  if (grades[0] && grades[0].min > 0) {
    out.push(
      diagnostic(
        'LINT_GRADE_BANDS',
        { detail: textRef('lint.grades.noGradeBelow', { min: grades[0].min }) },
        where.file(['grades']),
      ),
    );
  }
  const mins = grades.map((g) => g.min);
  const shared = mins.find((m, i) => mins.indexOf(m) !== i);
  if (shared !== undefined)
    out.push(
      diagnostic(
        'LINT_GRADE_BANDS',
        { detail: textRef('lint.grades.sameMin', { min: shared }) },
        where.file(['grades']),
      ),
    );
  // Grade lines must fall in the order 优 > 良 > 中 > 差, whatever order the file lists them in.
  const order = ['excellent', 'good', 'fair', 'poor'] as const;
  const minOf = new Map(f.grades.bands.map((g) => [g.grade, g.min]));
  for (const [higher, lower] of adjacentPairs(order)) {
    const hi = minOf.get(higher);
    const lo = minOf.get(lower);
    if (hi !== undefined && lo !== undefined && lo > hi) {
      const data = { lower: GRADE_LABEL[lower], lowerMin: lo, higher: GRADE_LABEL[higher], higherMin: hi };
      out.push(
        diagnostic('LINT_GRADE_BANDS', { detail: textRef('lint.grades.inverted', data) }, where.file(['grades'])),
      );
    }
  }
  return out;
}
