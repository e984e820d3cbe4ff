import { dec, plain, sum } from '../domain/decimal';
import type { SourceLocation } from '../domain/model';
import { formatDiagnostic } from '../errors/message';
import type { Diagnostic } from '../errors/diagnostic';
import type { ScoredForm } from '../pipeline/stages';
import type { IndicatorResult } from '../scoring/result';
import type { ReviewForm, ReviewRow, ReviewSignatures } from './model';

/** Where a value was read, as a reviewer looks it up: sheet!cell in a workbook, file:line:column in YAML. */
export function placeOf(location: SourceLocation | undefined): string | undefined {
  if (!location) return undefined;
  return location.cell ? `${location.file}!${location.cell}` : `${location.file}:${location.line}:${location.column}`;
}

/** Where the input came from, and what it is called in the work list. */
export interface FormOrigin {
  key: string;
  file: string;
  source: ReviewForm['source'];
}

type Filled = Record<string, unknown>;

function filledRow(scored: ScoredForm, id: string): Filled {
  const rows = (scored.loaded.actuals as { indicators?: Record<string, Filled> }).indicators;
  return rows?.[id] ?? {};
}

function rowOf(scored: ScoredForm, r: IndicatorResult): ReviewRow {
  const input = scored.loaded.input.indicators.find((i) => i.id === r.id);
  const filled = filledRow(scored, r.id);
  const at = (field: string): string | undefined =>
    placeOf(scored.loaded.actualsDoc.locate(['indicators', r.id, field]));
  const defined = placeOf(input?.locations.definition);
  const evidence = Array.isArray(filled.evidence)
    ? filled.evidence.filter((e): e is string => typeof e === 'string')
    : [];
  const target = r.parsedTarget;
  return {
    id: r.id,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.target,
    actual: r.actual,
    maxScore: r.maxScore === null ? null : plain(r.maxScore),
    ruleScore: plain(r.ruleScore),
    finalScore: plain(r.finalScore),
    declaredScore: r.declaredScore === null ? null : plain(r.declaredScore),
    manual: r.override !== null,
    completion: r.completion === null ? null : plain(r.completion),
    comparator: target.kind === 'number' ? target.comparator : null,
    unit: target.kind === 'number' ? target.unit : '',
    targetValue: target.kind === 'number' ? plain(target.value) : null,
    kind: r.kind,
    deviationReason: typeof filled.deviationReason === 'string' ? filled.deviationReason : '',
    evidence,
    cells: {
      name: defined,
      target: defined,
      maxScore: defined,
      actual: placeOf(input?.locations.actual) ?? at('actual'),
      score: placeOf(input?.locations.declaredScore) ?? at('actual'),
      declaredScore: placeOf(input?.locations.declaredScore) ?? at('declaredScore'),
      deviationReason: at('deviationReason'),
      evidence: at('evidence'),
    },
  };
}

/** A scored form as the re-check reads it. */
export function reviewFormOf(scored: ScoredForm, origin: FormOrigin, signatures: ReviewSignatures | null): ReviewForm {
  const { result } = scored;
  const rows = result.indicators.map((r) => rowOf(scored, r));
  const manualGain = sum(rows.filter((r) => r.manual).map((r) => dec(r.finalScore).minus(dec(r.ruleScore))));
  const b = result.budget;
  const doc = scored.loaded.actualsDoc;
  return {
    ...origin,
    department: result.department,
    project: result.header.project?.name ?? result.title,
    title: result.title,
    fiscalYear: result.fiscalYear,
    status: result.status,
    problems: result.pending.map((d) => formatDiagnostic(d)),
    ruleSet: `${result.ruleSet.id}@${result.ruleSet.version}`,
    budget: {
      initialBudget: b.initialBudget === null ? null : plain(b.initialBudget),
      fullYearBudget: plain(b.fullYearBudget),
      executed: plain(b.executed),
      rate: plain(b.rate),
      maxScore: plain(b.maxScore),
      score: plain(b.finalScore),
    },
    total: plain(result.total),
    maxTotal: plain(result.maxTotal),
    grade: result.grade,
    gradeLabel: result.gradeLabel,
    declaredTotal: result.declared.total === null ? null : plain(result.declared.total),
    totalWithoutManual: plain(result.total.minus(manualGain)),
    signatures,
    rows,
    cells: {
      total: placeOf(doc.locate(['declaredTotal'])) ?? placeOf(doc.locate([])),
      declaredTotal: placeOf(doc.locate(['declaredTotal'])),
      grade: placeOf(doc.locate(['declaredGrade'])),
      budget: placeOf(doc.locate(['budget', 'executed'])),
    },
  };
}

/** A form that could not be read or scored: listed with why, so it can be sent back. */
export function failedForm(origin: FormOrigin, problems: readonly Diagnostic[], department = ''): ReviewForm {
  return {
    ...origin,
    department,
    project: '',
    title: '',
    fiscalYear: null,
    status: 'failed',
    problems: problems.map((d) => formatDiagnostic(d)),
    ruleSet: '',
    budget: null,
    total: null,
    maxTotal: null,
    grade: null,
    gradeLabel: null,
    declaredTotal: null,
    totalWithoutManual: null,
    signatures: null,
    rows: [],
    cells: { total: origin.file },
  };
}
