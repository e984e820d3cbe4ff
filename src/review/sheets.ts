import { GRADE_LABEL } from '../domain/glossary';
import {
  AMOUNT_HEADERS,
  RATE_HEADERS,
  DEPARTMENT_COLUMNS,
  FINDING_COLUMNS,
  FORM_COLUMNS,
  REVIEW_SHEETS,
  REVIEW_WORDS,
  SUMMARY_COLUMNS,
  WORKSHEET_COLUMNS,
} from '../domain/reviewWording';
import { beijingDateTime } from '../report/format';
import type { SheetCell, SheetColumn, SheetSpec } from '../workbook/sheets';
import type { Finding } from './model';
import type { RankedForm, ReviewRun, Totals } from './run';

/** What a reviewer wrote on a row of the 复核底稿: kept from one run of `review` to the next. */
export interface ReviewerEntry {
  reviewActual?: string | undefined;
  reviewScore?: string | undefined;
  note?: string | undefined;
}

/** A row of the 复核底稿 is the indicator `id` of the form `key`. */
export const entryKey = (form: string, id: string): string => `${form}\u0000${id}`;

const num = (text: string | null | undefined): SheetCell => (text == null || text === '' ? null : Number(text));
const MONEY = '0.00';
const PERCENT = '0.00%';
/** Columns by their headers: amounts and scores as 0.00, rates as percentages (the wording says which are which). */
const columns = (headers: readonly string[]): SheetColumn[] =>
  headers.map((header) =>
    (AMOUNT_HEADERS as readonly string[]).includes(header)
      ? { header, numFmt: MONEY }
      : (RATE_HEADERS as readonly string[]).includes(header)
        ? { header, numFmt: PERCENT }
        : { header },
  );

const gradeText = (f: RankedForm): string => f.gradeLabel ?? (f.grade ? GRADE_LABEL[f.grade] : REVIEW_WORDS.none);

function summarySheet(run: ReviewRun): SheetSpec {
  const t = run.totals;
  const w = REVIEW_WORDS.summary;
  const size = run.sample
    ? 'count' in run.sample.size
      ? `${run.sample.size.count}`
      : `${run.sample.size.percent}%`
    : '';
  const rows: SheetCell[][] = [
    [w.forms, t.forms],
    [w.complete, t.complete],
    [w.draft, t.draft],
    [w.failed, t.failed],
    [w.initialBudget, num(t.initialBudget)],
    [w.fullYearBudget, num(t.fullYearBudget)],
    [w.executed, num(t.executed)],
    [w.executionRate, num(t.executionRate)],
    [w.meanTotal, num(t.meanTotal)],
    ...(['excellent', 'good', 'fair', 'poor'] as const).map((g): SheetCell[] => [w.grade(GRADE_LABEL[g]), t.grades[g]]),
    [w.noGrade, t.grades.none],
    [w.fullySigned, t.fullySigned],
    ...(['P0', 'P1', 'P2'] as const).map((s): SheetCell[] => [w.findings(s), t.counts[s]]),
    [w.sampled, t.sampled],
    [
      w.sampleMethod,
      run.sample
        ? w.sampleText(size, run.sample.seed, run.sample.byDepartment, run.sample.includeP0)
        : REVIEW_WORDS.none,
    ],
    [w.ruleSet, `${run.ruleSet.id} ${run.ruleSet.version}`],
    [w.previous, run.previousForms],
    [w.createdAt, beijingDateTime(run.createdAt)],
  ];
  return { name: REVIEW_SHEETS.summary, columns: columns(SUMMARY_COLUMNS), rows };
}

const moneyCells = (
  t: Pick<Totals, 'initialBudget' | 'fullYearBudget' | 'executed' | 'executionRate'>,
): SheetCell[] => [num(t.initialBudget), num(t.fullYearBudget), num(t.executed), num(t.executionRate)];

function departmentSheet(run: ReviewRun): SheetSpec {
  const rows = run.departments.map((d): SheetCell[] => [
    d.department || REVIEW_WORDS.unreadable,
    d.forms,
    d.complete,
    d.draft,
    d.failed,
    ...moneyCells(d),
    num(d.meanTotal),
    d.grades.excellent,
    d.grades.good,
    d.grades.fair,
    d.grades.poor,
    d.counts.P0,
    d.counts.P1,
    d.counts.P2,
    d.risk,
    d.sampled,
    d.findings.map((f) => `${f.code} ${f.title}`).join('；'),
  ]);
  return { name: REVIEW_SHEETS.departments, columns: columns(DEPARTMENT_COLUMNS), rows };
}

function formSheet(run: ReviewRun): SheetSpec {
  const rows = run.forms.map((f): SheetCell[] => [
    f.rank,
    f.risk,
    f.project,
    f.department || REVIEW_WORDS.unreadable,
    f.key,
    REVIEW_WORDS.source[f.source],
    REVIEW_WORDS.status[f.status],
    num(f.budget?.initialBudget),
    num(f.budget?.fullYearBudget),
    num(f.budget?.executed),
    num(f.budget?.rate),
    num(f.total),
    gradeText(f),
    f.signatures ? `${f.signatures.signed}/${f.signatures.required}` : REVIEW_WORDS.none,
    f.signatures?.verdict ?? REVIEW_WORDS.none,
    f.counts.P0,
    f.counts.P1,
    f.counts.P2,
    f.sampled ? REVIEW_WORDS.yes : REVIEW_WORDS.no,
    f.problems.join('；'),
  ]);
  return { name: REVIEW_SHEETS.forms, columns: columns(FORM_COLUMNS), rows };
}

/** Every finding, the forms' in rank order then the departments', one row each as the sheet is written. */
function* findingRows(run: ReviewRun): Generator<SheetCell[]> {
  let i = 0;
  const all = function* (): Generator<Finding> {
    for (const f of run.forms) yield* f.findings;
    for (const d of run.departments) yield* d.findings;
  };
  for (const f of all()) yield findingRow(f, ++i);
}

function findingRow(f: Finding, n: number): SheetCell[] {
  return [
    n,
    f.severity,
    f.code,
    f.title,
    f.department,
    f.formKey,
    f.indicatorId ?? '',
    f.indicatorName ?? '',
    f.cell,
    `${f.ruleSet} · ${f.rule}`,
    f.detail,
    num(f.deduction),
    f.weight,
  ];
}

function findingSheet(run: ReviewRun): SheetSpec {
  return { name: REVIEW_SHEETS.findings, columns: columns(FINDING_COLUMNS), rows: findingRows(run) };
}

/** A column's letter (A, B … Z, AA …) by its 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The 复核底稿: one row per indicator of the sampled forms, the form's own values, then the reviewer's three
 * cells (kept from an earlier run) and 偏离度 as a formula: (自评得分 − 复核得分) ÷ 分值.
 */
export function worksheetSheet(run: ReviewRun, entries: ReadonlyMap<string, ReviewerEntry>): SheetSpec {
  const c = WORKSHEET_COLUMNS;
  const headers = Object.values(c);
  const at = (header: string): string => columnLetter(headers.indexOf(header as (typeof headers)[number]));
  const sampled = run.forms.filter((f) => f.sampled);
  const rows = sampled.flatMap((f) =>
    f.rows
      .filter((r) => r.maxScore !== null)
      .map((r): SheetCell[] => {
        const e = entries.get(entryKey(f.key, r.id)) ?? {};
        return [
          f.key,
          f.department,
          f.project,
          r.id,
          r.level1,
          r.level2,
          r.name,
          r.target,
          num(r.maxScore),
          r.actual,
          num(r.finalScore),
          e.reviewActual ?? null,
          num(e.reviewScore),
          null,
          e.note ?? null,
        ];
      }),
  );
  rows.forEach((row, i) => {
    const n = i + 2;
    const [score, max, self] = [`${at(c.reviewScore)}${n}`, `${at(c.maxScore)}${n}`, `${at(c.selfScore)}${n}`];
    row[headers.indexOf(c.deviation)] = { formula: `IF(OR(${score}="",${max}=0),"",(${self}-${score})/${max})` };
  });
  const toFill = new Set<string>([c.reviewActual, c.reviewScore, c.note]);
  return {
    name: REVIEW_SHEETS.worksheet,
    columns: headers.map((header) => ({
      header,
      ...(toFill.has(header) ? { toFill: true } : {}),
      ...(header === c.deviation
        ? { numFmt: PERCENT }
        : header === c.maxScore || header === c.selfScore || header === c.reviewScore
          ? { numFmt: MONEY }
          : {}),
    })),
    rows,
  };
}

/** The five sheets of 复核.xlsx. */
export function reviewSheets(run: ReviewRun, entries: ReadonlyMap<string, ReviewerEntry>): SheetSpec[] {
  return [summarySheet(run), departmentSheet(run), formSheet(run), findingSheet(run), worksheetSheet(run, entries)];
}
