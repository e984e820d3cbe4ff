import { dec, plain, sum } from '../domain/decimal';
import type { Grade } from '../domain/model';
import { collectForms, reviewOrigins, type CollectOptions } from './collect';
import { addCounts, type CacheCounts } from '../load/formCache';
import { findYear, groupBy, ranked, riskOf } from './findings';
import type { Finding, ReviewForm } from './model';
import { loadReviewRuleSet } from './reviewRuleSet';
import { drawSample, type SampleOptions } from './sample';

export interface ReviewOptions extends CollectOptions {
  /** The review rule set, by id or path (review-default when left out). */
  rules?: string;
  /** Last year's forms, matched by department and project. */
  previous?: string[];
  sample?: SampleOptions;
  now?: Date;
}

export type SeverityCounts = { P0: number; P1: number; P2: number };

/** One form of the year in the work list: where it ranks, its findings, whether it was drawn. */
export interface RankedForm extends ReviewForm {
  rank: number;
  risk: number;
  findings: Finding[];
  counts: SeverityCounts;
  sampled: boolean;
}

/** What a set of forms adds up to: the 汇总 sheet, and one line per department. */
export interface Totals {
  forms: number;
  complete: number;
  draft: number;
  failed: number;
  initialBudget: string;
  fullYearBudget: string;
  executed: string;
  /** Σ执行 ÷ Σ全年预算: the rate of the money, not the mean of the forms' rates; null with no budget. */
  executionRate: string | null;
  grades: Record<Grade | 'none', number>;
  /** Signed PDFs with every role signed and verified. */
  fullySigned: number;
  meanTotal: string | null;
  counts: SeverityCounts;
  risk: number;
  sampled: number;
}

export interface DepartmentLine extends Totals {
  department: string;
  findings: Finding[];
}

export interface ReviewRun {
  createdAt: string;
  ruleSet: { id: string; version: string; name: string; sha256: string };
  sample: (SampleOptions & { drawn: number }) | null;
  previousForms: number;
  totals: Totals;
  departments: DepartmentLine[];
  forms: RankedForm[];
  /** With a cache folder: forms read back, forms read from their files (both years). */
  cache: CacheCounts | null;
}

const countSeverities = (findings: readonly Finding[]): SeverityCounts => ({
  P0: findings.filter((f) => f.severity === 'P0').length,
  P1: findings.filter((f) => f.severity === 'P1').length,
  P2: findings.filter((f) => f.severity === 'P2').length,
});

export function totalsOf(forms: readonly RankedForm[]): Totals {
  const scored = forms.filter((f) => f.status !== 'failed');
  const money = (pick: (f: ReviewForm) => string | null | undefined): string =>
    plain(sum(scored.map((f) => dec(pick(f) ?? '0'))));
  const full = dec(money((f) => f.budget?.fullYearBudget));
  const grades: Totals['grades'] = { excellent: 0, good: 0, fair: 0, poor: 0, none: 0 };
  for (const f of forms) grades[f.grade ?? 'none'] += 1;
  const findings = forms.flatMap((f) => f.findings);
  return {
    forms: forms.length,
    complete: forms.filter((f) => f.status === 'complete').length,
    draft: forms.filter((f) => f.status === 'draft').length,
    failed: forms.length - scored.length,
    initialBudget: money((f) => f.budget?.initialBudget),
    fullYearBudget: plain(full),
    executed: money((f) => f.budget?.executed),
    executionRate: full.isZero() ? null : plain(dec(money((f) => f.budget?.executed)).dividedBy(full)),
    grades,
    fullySigned: forms.filter((f) => f.signatures?.verified === true).length,
    meanTotal: scored.length === 0 ? null : plain(sum(scored.map((f) => dec(f.total ?? '0'))).dividedBy(scored.length)),
    counts: countSeverities(findings),
    risk: riskOf(findings),
    sampled: forms.filter((f) => f.sampled).length,
  };
}

/**
 * The re-check of a year: every form read and re-scored (signed PDFs verified), last year's matched, the review
 * rules run, the forms ranked by risk, a sample drawn, and the totals per department and overall.
 */
export async function reviewYear(targets: string[], options: ReviewOptions): Promise<ReviewRun> {
  const ruleSet = loadReviewRuleSet(options.rules);
  const year = await collectForms(reviewOrigins(targets), options);
  const last = options.previous
    ? await collectForms(reviewOrigins(options.previous), { ...options, onProgress: () => undefined })
    : { forms: [], cache: null };
  const forms = year.forms;
  const previous = last.forms;
  const { byForm, byDepartment } = await findYear(ruleSet, forms, previous);
  const sampled = options.sample ? drawSample(forms, byForm, options.sample) : new Set<string>();
  const order = ranked(forms, byForm);
  const rankedForms: RankedForm[] = order.map((form, i) => {
    const findings = byForm.get(form.key) ?? [];
    return {
      ...form,
      rank: i + 1,
      risk: riskOf(findings),
      findings,
      counts: countSeverities(findings),
      sampled: sampled.has(form.key),
    };
  });
  const departments = [...groupBy(rankedForms, (f) => f.department)].map(([department, members]) => ({
    department,
    ...totalsOf(members),
    findings: byDepartment.get(department) ?? [],
  }));
  departments.sort((a, b) => b.risk - a.risk || (a.department < b.department ? -1 : 1));
  return {
    createdAt: (options.now ?? new Date()).toISOString(),
    ruleSet: { id: ruleSet.id, version: ruleSet.version, name: ruleSet.name, sha256: ruleSet.sha256 },
    sample: options.sample ? { ...options.sample, drawn: sampled.size } : null,
    previousForms: previous.length,
    totals: totalsOf(rankedForms),
    departments,
    forms: rankedForms,
    cache: addCounts(year.cache ? { ...year.cache } : null, last.cache),
  };
}
