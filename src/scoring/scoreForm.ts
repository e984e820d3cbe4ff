import { Decimal, plain, roundScore, sum, ZERO } from '../domain/decimal';
import { GRADE_LABEL } from '../domain/glossary';
import type { Grade } from '../domain/model';
import { diagnostic, InputError, type Diagnostic } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import type { RuleEvaluator } from '../rules/compile';
import type { PendingAdjustment } from './adjustments';
import { adjust } from './totalAdjustments';
import { scoreBudget } from './budget';
import type { FormInput } from './formInput';
import { isPending, pendingBudget, pendingRow } from './pending';
import { gradeOf } from './grade';
import { scoreIndicator } from './indicator';
import { readRow } from './readRow';
import type { BudgetResult, FormResult, IndicatorResult, LevelResult } from './result';

export type { FormInput } from './formInput';

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
      warnings.push(
        diagnostic(
          'WEIGHT_SUM_MISMATCH',
          { level: level.name, declared: plain(level.declaredWeight), sum: plain(printedMax) },
          level.location,
        ),
      );
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

/** What the form itself declares (total, maximum, grade) against what the rows give. */
function checkDeclared(
  input: FormInput,
  total: Decimal,
  grade: Grade | null,
  gradeLabel: string | null,
  declaredRowsTotal: Decimal,
  warnings: Diagnostic[],
): void {
  const d = input.declared;
  if (d.total !== null && !d.total.equals(total)) {
    warnings.push(
      diagnostic(
        'DECLARED_TOTAL_MISMATCH',
        { declared: plain(d.total), computed: plain(total), declaredRows: plain(declaredRowsTotal) },
        d.totalLocation,
      ),
    );
  }
  if (d.grade !== null && grade !== null && d.grade !== GRADE_LABEL[grade] && d.grade !== gradeLabel) {
    warnings.push(
      diagnostic(
        'DECLARED_GRADE_MISMATCH',
        { declared: d.grade, computed: gradeLabel ?? GRADE_LABEL[grade] },
        d.gradeLocation,
      ),
    );
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
  const formWarnings: Diagnostic[] = [];
  const levels = rollUpLevels(input, new Map(indicators.map((r) => [r.id, r])), formWarnings);
  const applicableMax = budget.maxScore.plus(sum(levels.map((l) => l.maxScore)));
  const printedMaxTotal = checkedMaxTotal(input, indicators, budget, formWarnings);
  const { adjustments, subtotal, running, maxTotal } = await adjust(
    input,
    compiled,
    { indicators, levels, budget },
    pending,
    { applicable: applicableMax, printed: printedMaxTotal },
    formWarnings,
  );
  const total = roundScore(Decimal.max(ZERO, running));
  const { grade, gradeLabel } = gradeWithLabel(total, compiled);
  const declaredRowsTotal = (budget.declaredScore ?? budget.ruleScore).plus(
    sum(indicators.map((r) => r.declaredScore ?? r.ruleScore)),
  );
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
    declared: {
      total: input.declared.total,
      grade: input.declared.grade,
      rowsTotal: declaredRowsTotal,
      maxTotal: input.declared.maxTotal,
    },
    status: needs.length > 0 ? 'draft' : 'complete',
    pending: needs,
    warnings: all.filter((x) => x.severity !== 'info' && !isPending(x)),
    notes: all.filter((x) => x.severity === 'info'),
    ...stamps(input, compiled),
  };
}

/** The 总分 the form prints as its maximum against its rows' 分值 and the budget's. */
function checkedMaxTotal(
  input: FormInput,
  indicators: IndicatorResult[],
  budget: BudgetResult,
  warnings: Diagnostic[],
): Decimal {
  const printedMaxTotal = budget.maxScore.plus(sum(indicators.map((r) => r.maxScore ?? ZERO)));
  const declaredMax = input.declared.maxTotal;
  if (declaredMax !== null && !declaredMax.equals(printedMaxTotal)) {
    const data = { level: textRef('term.total'), declared: plain(declaredMax), sum: plain(printedMaxTotal) };
    warnings.push(diagnostic('WEIGHT_SUM_MISMATCH', data, input.declared.maxTotalLocation));
  }
  return printedMaxTotal;
}

/** What the result was scored with: the rule set, and the inputs' hashes and the jixiao the loader stamped. */
function stamps(input: FormInput, compiled: RuleEvaluator): Pick<FormResult, 'ruleSet' | 'inputs' | 'jixiaoVersion'> {
  const ruleSet = compiled.ruleSet;
  return {
    ruleSet: { id: ruleSet.file.id, version: ruleSet.file.version, name: ruleSet.file.name, sha256: ruleSet.sha256 },
    inputs: input.stamps.inputs,
    jixiaoVersion: input.stamps.jixiaoVersion,
  };
}

/** The grade of a total, and the word the rule set prints for it (优秀, 合格 …; else 优/良/中/差). */
function gradeWithLabel(total: Decimal, compiled: RuleEvaluator): { grade: Grade | null; gradeLabel: string | null } {
  const grades = compiled.ruleSet.file.grades;
  const grade = gradeOf(total, grades);
  return {
    grade,
    gradeLabel: grade === null ? null : (grades.bands.find((b) => b.grade === grade)?.label ?? GRADE_LABEL[grade]),
  };
}
