import { createHash } from 'node:crypto';
import { dec, Decimal, percent, plain, roundScore, sum, ZERO } from '../domain/decimal';
import { FIELD_LABEL, GRADE_LABEL } from '../domain/glossary';
import type { FormHeader, Grade, SourceLocation } from '../domain/model';
import { JIXIAO_VERSION } from '../domain/version';
import { diagnostic, InputError, type Diagnostic } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import type { AdjustDecision, RuleEvaluator } from '../rules/compile';
import { deviationPenalty, reweightToFramework, rescaleForNotApplicable, totalCap, type PendingAdjustment, type WeightedPart } from './adjustments';
import { scoreBudget, type BudgetInput } from './budget';
import { isPending, pendingBudget, pendingRow } from './pending';
import { gradeOf } from './grade';
import { scoreIndicator } from './indicator';
import { readRow } from './readRow';
import type { IndicatorInput } from './reading';
import type { Adjustment, BudgetResult, FormResult, IndicatorResult, LevelResult } from './result';

/** Everything needed to score one form, already validated and located. */
export interface FormInput {
  form: 'project' | 'department';
  title: string;
  fiscalYear: number;
  department: string;
  header: FormHeader;
  budget: BudgetInput;
  indicators: IndicatorInput[];
  /** The level tree; `key` is the framework's name for a level printed under another (效果指标 → 效益指标). */
  levels: { name: string; key?: string; declaredWeight: Decimal | null; location?: SourceLocation | undefined; groups: { name: string; ids: string[] }[] }[];
  declared: {
    total: Decimal | null;
    grade: string | null;
    maxTotal: Decimal | null;
  } & Partial<Record<'totalLocation' | 'maxTotalLocation' | 'gradeLocation', SourceLocation | undefined>>;
  hashes: { definitionsSha256: string; actualsSha256: string };
  /** Warnings and notes from reading the files (an encoding, say), reported with the scored form. */
  readingNotes?: Diagnostic[];
}

/**
 * Scores a whole form: every row, the budget, the level subtotals, the adjustments, the total and the grade.
 * Every input problem of every row is collected and thrown together, so a department fixes all in one pass.
 */
export async function scoreForm(input: FormInput, compiled: RuleEvaluator): Promise<FormResult> {
  const problems: Diagnostic[] = [];
  const indicators: IndicatorResult[] = [];
  const pending: PendingAdjustment[] = [];
  const ruleSetId = compiled.ruleSet.file.id;

  for (const row of input.indicators) {
    const read = readRow(row, input.fiscalYear, compiled.ruleSet.file.parameters);
    const scored = 'problem' in read ? read : await scoreIndicator(row, read.reading, compiled);
    if ('problem' in scored) {
      // a row a person must still complete scores provisionally 0 and makes the form a draft; anything else is an error
      if (isPending(scored.problem)) indicators.push(pendingRow(row, input.fiscalYear, scored.problem, ruleSetId));
      else problems.push(scored.problem);
      continue;
    }
    indicators.push(scored.result);
    pending.push(...scored.adjustments);
  }
  const budgetOutcome = await scoreBudget(input.budget, compiled);
  let budget: BudgetResult;
  let budgetNeeds: Diagnostic | null = null;
  if ('problem' in budgetOutcome) {
    if (!isPending(budgetOutcome.problem)) problems.push(budgetOutcome.problem);
    budgetNeeds = budgetOutcome.problem;
    budget = pendingBudget(input.budget, ruleSetId);
  } else budget = budgetOutcome.result;
  if (problems.length > 0) throw new InputError(problems);
  return finish(input, compiled, indicators, pending, budget, budgetNeeds);
}

/** Level and group subtotals; a declared level weight that differs from its rows is reported, never fixed. */
function rollUpLevels(input: FormInput, byId: Map<string, IndicatorResult>, warnings: Diagnostic[]): LevelResult[] {
  return input.levels.map((level) => {
    const groups = level.groups.map((g) => {
      const rows = g.ids.map((id) => byId.get(id)).filter((r): r is IndicatorResult => r !== undefined);
      const applicable = rows.filter((r) => r.kind !== 'notApplicable');
      return {
        name: g.name,
        maxScore: sum(applicable.map((r) => r.maxScore ?? ZERO)),
        score: sum(applicable.map((r) => r.finalScore)),
        indicatorIds: g.ids,
      };
    });
    const printedMax = sum(level.groups.flatMap((g) => g.ids.map((id) => byId.get(id)?.maxScore ?? ZERO)));
    if (level.declaredWeight !== null && !level.declaredWeight.equals(printedMax)) {
      warnings.push(diagnostic('WEIGHT_SUM_MISMATCH', { level: level.name, declared: plain(level.declaredWeight), sum: plain(printedMax) }, level.location));
    }
    return {
      name: level.name,
      declaredWeight: level.declaredWeight,
      maxScore: sum(groups.map((g) => g.maxScore)),
      score: sum(groups.map((g) => g.score)),
      groups,
    };
  });
}

/**
 * The budget row and each 一级 as parts with the framework's weight, for `weights: framework`. With rows that do
 * not apply rescaled, a level's base is what applies in it (the rescaling happens inside the level).
 */
function weightedParts(input: FormInput, compiled: RuleEvaluator, levels: LevelResult[], budget: BudgetResult, byId: Map<string, IndicatorResult>): WeightedPart[] {
  const framework = compiled.ruleSet.file.framework;
  const rescale = compiled.ruleSet.file.parameters.notApplicable.rescale;
  const budgetPart: WeightedPart = { name: FIELD_LABEL.budget, score: budget.finalScore, base: budget.maxScore, applicableMax: budget.maxScore, framework: dec(String(framework.budget.maxScore)) };
  return [
    budgetPart,
    ...levels.map((level, i) => {
      const key = input.levels[i]?.key ?? level.name;
      const weight = framework.level1.find((l) => l.name === key)?.weight;
      const printed = sum((input.levels[i]?.groups ?? []).flatMap((g) => g.ids.map((id) => byId.get(id)?.maxScore ?? ZERO)));
      return { name: level.name, score: level.score, base: rescale ? level.maxScore : printed, applicableMax: level.maxScore, framework: weight === undefined ? null : dec(String(weight)) };
    }),
  ];
}

/**
 * Adjustments stay apart from the rows and apply in order: penalties, then the framework's weights (when the rule
 * set asks for them), then rescaling for rows that do not apply, then caps. Returns them with the adjusted
 * (unrounded) total.
 */
async function adjust(
  input: FormInput,
  compiled: RuleEvaluator,
  scored: { indicators: IndicatorResult[]; levels: LevelResult[]; budget: BudgetResult },
  pending: PendingAdjustment[],
  maxima: { applicable: Decimal; printed: Decimal },
  warnings: Diagnostic[],
): Promise<{ adjustments: Adjustment[]; subtotal: Decimal; running: Decimal; maxTotal: Decimal }> {
  const { indicators, budget } = scored;
  const subtotal = budget.finalScore.plus(sum(indicators.map((r) => r.finalScore)));
  const adjustments: Adjustment[] = pending.map((p) => deviationPenalty.apply(p));
  let applicableMax = maxima.applicable;
  const framework = compiled.ruleSet.file.parameters.weights === 'framework';
  if (framework) {
    const reweighted = reweightToFramework(weightedParts(input, compiled, scored.levels, budget, new Map(indicators.map((r) => [r.id, r]))));
    adjustments.push(...reweighted.adjustments);
    applicableMax = reweighted.applicableMax;
  }
  let running = subtotal.plus(sum(adjustments.map((a) => a.delta)));
  const notApplicableRows = indicators.filter((x) => x.kind === 'notApplicable');
  const hasNotApplicable = notApplicableRows.length > 0;
  // rescaled onto the form's full score (its printed 总分, else the rule set's; the rule set's when its weights
  // count), never beyond it: a total above its maximum is a bug, whatever the rows' 分值 add up to
  const frameworkTotal = dec(String(compiled.ruleSet.file.framework.total));
  const fullMax = framework ? frameworkTotal : (input.declared.maxTotal ?? frameworkTotal);
  const rescale =
    hasNotApplicable && compiled.ruleSet.file.parameters.notApplicable.rescale && fullMax.greaterThan(applicableMax)
      ? rescaleForNotApplicable(running, applicableMax, fullMax)
      : null;
  if (rescale) {
    adjustments.push(rescale);
    running = running.plus(rescale.delta);
  }
  for (const r of notApplicableRows) {
    const location = input.indicators.find((row) => row.id === r.id)?.locations.definition;
    warnings.push(diagnostic('NOT_APPLICABLE', { id: r.id, name: r.name, rescale: textRef(rescale ? 'note.rescaled' : 'note.none') }, location));
  }
  const totalOutcome = await compiled.evaluate('total', { executionRate: plain(budget.rate), total: plain(running), hasNotApplicable });
  const cap = totalCap.apply(outcomeAdjustments(totalOutcome.adjustments, 'totalCap'), running, budget.rate);
  if (cap) {
    adjustments.push(cap);
    running = running.plus(cap.delta);
    warnings.push(diagnostic('TOTAL_CAPPED', { rate: percent(budget.rate), cap: plain(running) }));
  }
  const byId = new Map(indicators.map((r) => [r.id, r]));
  for (const a of adjustments.filter((x) => x.method === 'deviationPenalty')) {
    const row = byId.get(a.indicatorId ?? '');
    warnings.push(diagnostic('DEVIATION_PENALTY', { id: a.indicatorId ?? '', name: row?.name ?? '', deviation: a.deviation ?? '—', points: plain(a.delta.negated()) }));
  }
  return { adjustments, subtotal, running, maxTotal: rescale ? fullMax : applicableMax };
}

/** What the form itself declares (total, maximum, grade) against what the rows give. */
function checkDeclared(input: FormInput, total: Decimal, grade: Grade | null, gradeLabel: string | null, declaredRowsTotal: Decimal, warnings: Diagnostic[]): void {
  const d = input.declared;
  if (d.total !== null && !d.total.equals(total)) {
    warnings.push(diagnostic('DECLARED_TOTAL_MISMATCH', { declared: plain(d.total), computed: plain(total), declaredRows: plain(declaredRowsTotal) }, d.totalLocation));
  }
  if (d.grade !== null && grade !== null && d.grade !== GRADE_LABEL[grade] && d.grade !== gradeLabel) {
    warnings.push(diagnostic('DECLARED_GRADE_MISMATCH', { declared: d.grade, computed: gradeLabel ?? GRADE_LABEL[grade] }, d.gradeLocation));
  }
}

/** The form's result from its scored rows and budget: subtotals, adjustments, total, grade and every check. */
async function finish(
  input: FormInput,
  compiled: RuleEvaluator,
  indicators: IndicatorResult[],
  pending: PendingAdjustment[],
  budget: BudgetResult,
  budgetNeeds: Diagnostic | null,
): Promise<FormResult> {
  const ruleSet = compiled.ruleSet;
  const formWarnings: Diagnostic[] = [];
  const levels = rollUpLevels(input, new Map(indicators.map((r) => [r.id, r])), formWarnings);
  const applicableMax = budget.maxScore.plus(sum(levels.map((l) => l.maxScore)));
  const printedMaxTotal = budget.maxScore.plus(sum(indicators.map((r) => r.maxScore ?? ZERO)));
  const declaredMax = input.declared.maxTotal;
  if (declaredMax !== null && !declaredMax.equals(printedMaxTotal)) {
    formWarnings.push(diagnostic('WEIGHT_SUM_MISMATCH', { level: textRef('term.total'), declared: plain(declaredMax), sum: plain(printedMaxTotal) }, input.declared.maxTotalLocation));
  }
  const { adjustments, subtotal, running, maxTotal } = await adjust(input, compiled, { indicators, levels, budget }, pending, { applicable: applicableMax, printed: printedMaxTotal }, formWarnings);
  const total = roundScore(Decimal.max(ZERO, running));
  const grade = gradeOf(total, ruleSet.file.grades);
  const gradeLabel = grade === null ? null : (ruleSet.file.grades.bands.find((b) => b.grade === grade)?.label ?? GRADE_LABEL[grade]);
  const declaredRowsTotal = (budget.declaredScore ?? budget.ruleScore).plus(sum(indicators.map((r) => r.declaredScore ?? r.ruleScore)));
  checkDeclared(input, total, grade, gradeLabel, declaredRowsTotal, formWarnings);

  const all = [...(input.readingNotes ?? []), ...budget.flags, ...indicators.flatMap((r) => r.flags), ...formWarnings];
  // what still needs a person: rows that could not score, and reasons the rules ask for
  const needs = [
    ...(budgetNeeds ? [budgetNeeds] : []),
    ...indicators.flatMap((r) => (r.pending ? [r.pending] : [])),
    ...all.filter(isPending),
  ];
  return {
    form: input.form,
    title: input.title,
    fiscalYear: input.fiscalYear,
    department: input.department,
    header: input.header,
    budget,
    levels,
    indicators,
    adjustments,
    subtotal,
    maxTotal,
    total,
    grade,
    gradeLabel,
    declared: { total: input.declared.total, grade: input.declared.grade, rowsTotal: declaredRowsTotal, maxTotal: input.declared.maxTotal },
    status: needs.length > 0 ? 'draft' : 'complete',
    pending: needs,
    warnings: all.filter((x) => x.severity !== 'info' && !isPending(x)),
    notes: all.filter((x) => x.severity === 'info'),
    ruleSet: { id: ruleSet.file.id, version: ruleSet.file.version, name: ruleSet.file.name, sha256: ruleSet.sha256 },
    inputs: {
      ...input.hashes,
      sha256: createHash('sha256').update(`${input.hashes.definitionsSha256}\n${input.hashes.actualsSha256}`).digest('hex'),
    },
    jixiaoVersion: JIXIAO_VERSION,
  };
}

function outcomeAdjustments(list: AdjustDecision[], method: string): AdjustDecision[] {
  return list.filter((a) => a.method === method);
}
