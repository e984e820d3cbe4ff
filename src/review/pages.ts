import { dec, plain, roundScore } from '../domain/decimal';
import { GRADE_LABEL, REVIEW_ROLE_LABEL, REVIEW_ROLES } from '../domain/glossary';
import { REVIEW_WORDS } from '../domain/reviewWording';
import { beijingDateTime, rateText } from '../report/format';
import { bars, type ReviewIndexView, type ReviewReportView } from '../report/reviewPages';
import type { Finding } from './model';
import type { DepartmentLine, RankedForm, ReviewRun } from './run';

const money = (text: string | null | undefined): string => (text == null ? '' : plain(roundScore(dec(text))));
const rate = (text: string | null | undefined): string => (text == null ? '' : rateText(dec(text)));
const gradeOf = (f: RankedForm): string => f.gradeLabel ?? (f.grade ? GRADE_LABEL[f.grade] : '');
const deptName = (name: string): string => name || REVIEW_WORDS.unreadable;

/** The year the forms are for (the most common fiscal year), '' when none says. */
function yearOf(run: ReviewRun): string {
  const counts = new Map<number, number>();
  for (const f of run.forms) if (f.fiscalYear !== null) counts.set(f.fiscalYear, (counts.get(f.fiscalYear) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return top ? REVIEW_WORDS.report.year(top[0]) : '';
}

function sampleText(run: ReviewRun): string {
  const s = run.sample;
  if (!s) return `${REVIEW_WORDS.summary.sampleMethod}：${REVIEW_WORDS.none}`;
  const size = 'count' in s.size ? `${s.size.count}` : `${s.size.percent}%`;
  return `${REVIEW_WORDS.summary.sampleMethod}：${REVIEW_WORDS.summary.sampleText(size, s.seed, s.byDepartment, s.includeP0)}（${s.drawn}）`;
}

/** Findings counted by code, the most severe and the most frequent first. */
function byCode(run: ReviewRun): ReviewIndexView['codes'] {
  const all: Finding[] = [...run.forms.flatMap((f) => f.findings), ...run.departments.flatMap((d) => d.findings)];
  const codes = new Map<string, { severity: string; code: string; title: string; count: number; forms: Set<string> }>();
  for (const f of all) {
    const c = codes.get(f.code) ?? { severity: f.severity, code: f.code, title: f.title, count: 0, forms: new Set() };
    c.count += 1;
    c.forms.add(f.formKey || f.department);
    codes.set(f.code, c);
  }
  return [...codes.values()]
    .sort((a, b) => a.severity.localeCompare(b.severity) || b.count - a.count)
    .map((c) => ({ severity: c.severity, code: c.code, title: c.title, count: c.count, forms: c.forms.size }));
}

function riskBars(run: ReviewRun): ReviewIndexView['risks'] {
  const bands = [
    { label: '0', test: (r: number) => r === 0 },
    { label: '1–9', test: (r: number) => r > 0 && r < 10 },
    { label: '10–19', test: (r: number) => r >= 10 && r < 20 },
    { label: '20–39', test: (r: number) => r >= 20 && r < 40 },
    { label: '≥40', test: (r: number) => r >= 40 },
  ];
  return bars(bands.map((b) => ({ label: b.label, count: run.forms.filter((f) => b.test(f.risk)).length })));
}

function formLine(f: RankedForm): Record<string, string | number> {
  return {
    rank: f.rank,
    risk: f.risk,
    project: f.project,
    department: deptName(f.department),
    status: f.status,
    statusText: REVIEW_WORDS.status[f.status],
    budget: money(f.budget?.fullYearBudget),
    budgetValue: f.budget?.fullYearBudget ?? '',
    rate: rate(f.budget?.rate),
    rateValue: f.budget?.rate ?? '',
    total: money(f.total),
    totalValue: f.total ?? '',
    grade: gradeOf(f),
    signatures: f.signatures ? `${f.signatures.signed}/${f.signatures.required} ${f.signatures.verdict}` : '',
    p0: f.counts.P0,
    p1: f.counts.P1,
    p2: f.counts.P2,
    sampled: f.sampled ? REVIEW_WORDS.yes : REVIEW_WORDS.no,
    sampledKey: f.sampled ? 'yes' : 'no',
    codes: [...new Set(f.findings.map((x) => x.code))].join(' '),
    key: f.key,
  };
}

function departmentLine(d: DepartmentLine): Record<string, string | number> {
  return {
    name: deptName(d.department),
    forms: d.forms,
    draft: d.draft,
    failed: d.failed,
    budget: money(d.fullYearBudget),
    executed: money(d.executed),
    rate: rate(d.executionRate),
    meanTotal: money(d.meanTotal),
    p0: d.counts.P0,
    p1: d.counts.P1,
    p2: d.counts.P2,
    risk: d.risk,
    sampled: d.sampled,
    findings: d.findings.map((f) => f.title).join('；'),
  };
}

function summaryLines(run: ReviewRun): { label: string; value: string }[] {
  const t = run.totals;
  const w = REVIEW_WORDS.summary;
  return [
    { label: w.forms, value: String(t.forms) },
    { label: w.complete, value: String(t.complete) },
    { label: w.draft, value: String(t.draft) },
    { label: w.failed, value: String(t.failed) },
    { label: w.fullYearBudget, value: money(t.fullYearBudget) },
    { label: w.executed, value: money(t.executed) },
    { label: w.executionRate, value: rate(t.executionRate) },
    { label: w.meanTotal, value: money(t.meanTotal) },
    { label: w.fullySigned, value: String(t.fullySigned) },
    ...(['P0', 'P1', 'P2'] as const).map((s) => ({ label: w.findings(s), value: String(t.counts[s]) })),
    { label: w.sampled, value: String(t.sampled) },
  ];
}

const w = REVIEW_WORDS.summary;
/** The figures at the top of the work list. */
const CARDS = new Set<string>([
  w.forms,
  w.draft,
  w.failed,
  w.executionRate,
  w.fullySigned,
  w.findings('P0'),
  w.sampled,
]);

export function indexView(run: ReviewRun): ReviewIndexView {
  const t = run.totals;
  const gradeCounts = (['excellent', 'good', 'fair', 'poor'] as const).map((g) => ({
    label: GRADE_LABEL[g],
    count: t.grades[g],
  }));
  return {
    title: REVIEW_WORDS.report.title(yearOf(run)),
    generatedAt: beijingDateTime(run.createdAt),
    ruleSet: `${run.ruleSet.id} ${run.ruleSet.version}`,
    sampleText: sampleText(run),
    cards: summaryLines(run).filter((l) => CARDS.has(l.label)),
    grades: bars([...gradeCounts, { label: REVIEW_WORDS.none, count: t.grades.none }]),
    risks: riskBars(run),
    departments: run.departments.map((d) => deptName(d.department)).sort(),
    forms: run.forms.map(formLine),
    departmentLines: run.departments.map(departmentLine),
    codes: byCode(run),
  };
}

/** The report as its template lays it out; `boxLink` marks where each reviewer signs (the printed PDF's links). */
export function reportView(run: ReviewRun, boxLink = ''): ReviewReportView {
  return {
    title: REVIEW_WORDS.report.title(yearOf(run)),
    generatedAt: beijingDateTime(run.createdAt),
    ruleSet: `${run.ruleSet.id} ${run.ruleSet.version}`,
    sampleText: sampleText(run),
    summary: summaryLines(run),
    departments: run.departments.map(departmentLine),
    codes: byCode(run),
    sampled: run.forms.filter((f) => f.sampled).map(formLine),
    signers: REVIEW_ROLES.map((role) => ({ role, label: REVIEW_ROLE_LABEL[role], href: `${boxLink}${role}` })),
  };
}
