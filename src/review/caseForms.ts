import { dec, plain, sum } from '../domain/decimal';
import type { Grade } from '../domain/model';
import type { ReviewCaseForm } from '../schema/reviewRuleSet';
import { parseValue } from '../targets/parse';
import type { ReviewForm, ReviewRow } from './model';

/** The default grade bands of a test form (优 ≥ 90, 良 ≥ 80, 中 ≥ 60): a case may state its grade instead. */
function gradeOf(total: string): Grade {
  const t = dec(total);
  return t.gte(90) ? 'excellent' : t.gte(80) ? 'good' : t.gte(60) ? 'fair' : 'poor';
}

/** What scoring would say of a target and an actual, as far as the re-check rules look: comparator, unit, completion. */
function readingOf(
  target: string,
  actual: string,
): Pick<ReviewRow, 'comparator' | 'unit' | 'targetValue' | 'kind' | 'completion'> {
  const t = parseValue(target);
  const a = parseValue(actual);
  if (t.kind !== 'number')
    return { comparator: null, unit: '', targetValue: null, kind: 'qualitative', completion: null };
  const lowerIsBetter = t.comparator === '<=' || t.comparator === '<';
  const completion =
    a.kind !== 'number' || t.value.isZero() || (lowerIsBetter && a.value.isZero())
      ? null
      : plain(lowerIsBetter ? t.value.dividedBy(a.value) : a.value.dividedBy(t.value));
  return { comparator: t.comparator, unit: t.unit, targetValue: plain(t.value), kind: 'quantitative', completion };
}

/** A test form's row, its scores defaulting to full marks and its completion read from its target and actual. */
function caseRow(r: ReviewCaseForm['rows'][number], i: number): ReviewRow {
  const maxScore = plain(dec(r.maxScore));
  const ruleScore = plain(dec(r.ruleScore ?? r.score ?? r.maxScore));
  const finalScore = plain(dec(r.score ?? ruleScore));
  const id = r.id ?? String(i + 1);
  return {
    id,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.target,
    actual: r.actual,
    maxScore,
    ruleScore,
    finalScore,
    declaredScore: r.declaredScore === undefined ? null : plain(dec(r.declaredScore)),
    manual: r.manual,
    ...readingOf(r.target, r.actual),
    deviationReason: r.deviationReason,
    evidence: r.evidence,
    cells: { definition: `0:${i + 1}:1`, actual: `0:${i + 1}:1` },
  };
}

/** A rule-set test's small form as the re-check reads a scored one. */
export function caseForm(form: ReviewCaseForm, index: number): ReviewForm {
  const key = `case-${index + 1}`;
  const rows = form.rows.map((r, i) => caseRow(r, i));
  const budgetScore = plain(dec(form.budget.score ?? form.budget.maxScore));
  const total =
    form.total === undefined
      ? plain(sum([dec(budgetScore), ...rows.map((r) => dec(r.finalScore))]))
      : plain(dec(form.total));
  const manualGain = sum(rows.filter((r) => r.manual).map((r) => dec(r.finalScore).minus(dec(r.ruleScore))));
  return {
    key,
    file: key,
    source: form.verified === undefined ? 'yaml' : 'pdf',
    department: form.department,
    project: form.project,
    title: form.project,
    fiscalYear: null,
    status: form.status,
    problems: [],
    ruleSet: 'test',
    budget: {
      initialBudget: null,
      fullYearBudget: '100',
      executed: plain(dec(form.budget.rate).times(100)),
      rate: plain(dec(form.budget.rate)),
      maxScore: plain(dec(form.budget.maxScore)),
      score: budgetScore,
    },
    total,
    maxTotal: null,
    grade: form.grade ?? gradeOf(total),
    gradeLabel: null,
    declaredTotal: form.declaredTotal === undefined ? null : plain(dec(form.declaredTotal)),
    totalWithoutManual: plain(dec(total).minus(manualGain)),
    signatures:
      form.verified === undefined
        ? null
        : { signed: form.signedRoles, required: 4, verified: form.verified, intact: form.verified, verdict: '' },
    rows: form.status === 'failed' ? [] : rows,
    cells: {},
    sources: [key],
  };
}
