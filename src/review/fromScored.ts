import { dec, plain, sum } from '../domain/decimal';
import type { SourceLocation } from '../domain/model';
import { formatDiagnostic } from '../errors/message';
import type { Diagnostic } from '../errors/diagnostic';
import type { ScoredForm } from '../pipeline/stages';
import type { IndicatorResult } from '../scoring/result';
import type { ReviewForm, ReviewRow, ReviewSignatures } from './model';

/**
 * Where values were read, kept compactly: each place refers to a file of the form's `sources` by its index
 * (`0:23:5` in YAML, `1!自评表!F12` in a workbook). A year of forms holds a hundred thousand of them.
 */
class Places {
  readonly sources: string[] = [];

  ref(location: SourceLocation | undefined): string | undefined {
    if (!location) return undefined;
    let i = this.sources.indexOf(location.file);
    if (i < 0) i = this.sources.push(location.file) - 1;
    return location.cell ? `${i}!${location.cell}` : `${i}:${location.line}:${location.column}`;
  }
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

/**
 * Where a row's cells are: its line in the definitions (name, target, 分值) and its actual; in a workbook every
 * filled cell of the row, whose places cost a lookup (in YAML, finding a key's position is most of a form's time).
 */
function rowCells(scored: ScoredForm, r: IndicatorResult, places: Places, workbook: boolean): ReviewRow['cells'] {
  const input = scored.loaded.input.indicators.find((i) => i.id === r.id);
  const cells: ReviewRow['cells'] = {
    definition: places.ref(input?.locations.definition),
    actual: places.ref(input?.locations.actual),
  };
  if (workbook)
    for (const field of ['declaredScore', 'deviationReason', 'evidence'])
      cells[field] = places.ref(scored.loaded.actualsDoc.locate(['indicators', r.id, field]));
  return cells;
}

function rowOf(scored: ScoredForm, r: IndicatorResult, cells: ReviewRow['cells']): ReviewRow {
  const filled = filledRow(scored, r.id);
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
    cells,
  };
}

/** A scored form as the re-check reads it. */
export function reviewFormOf(scored: ScoredForm, origin: FormOrigin, signatures: ReviewSignatures | null): ReviewForm {
  const { result } = scored;
  const places = new Places();
  const rows = result.indicators.map((r) => rowOf(scored, r, rowCells(scored, r, places, origin.source === 'xlsx')));
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
      total: places.ref(doc.locate(['declaredTotal'])),
      grade: places.ref(doc.locate(['declaredGrade'])),
      budget: places.ref(doc.locate(['budget', 'executed'])),
    },
    sources: places.sources,
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
    cells: {},
    sources: [origin.file],
  };
}
