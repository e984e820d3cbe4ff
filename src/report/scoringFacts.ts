import { canonicalJson } from '../domain/canonicalJson';

/**
 * The scoring facts of a result as `score --json` writes it: what a form scores to (status, totals, grade, each
 * row's method and scores, the budget's score, adjustments), without its display text (titles, messages, the 计算过程).
 * Verify compares these between the result embedded in a signed PDF and a re-score now, so a PDF signed by an
 * older version still verifies after the output's wording or shape for people changes. A fact's name here is
 * kept for as long as signed PDFs carry it.
 */
export function scoringFacts(result: unknown): Record<string, unknown> {
  const r = record(result);
  const budget = record(r.budget);
  const grade = r.grade;
  return {
    status: r.status ?? null,
    total: r.total ?? null,
    maxTotal: r.maxTotal ?? null,
    // a grade was once written as its label alone; its id is the fact
    grade: typeof grade === 'string' ? grade : (record(grade).id ?? null),
    declared: pick(record(r.declared), ['total', 'grade', 'maxTotal']),
    budget: pick(budget, [
      'initialBudget',
      'fullYearBudget',
      'executed',
      'rate',
      'maxScore',
      'ruleScore',
      'declaredScore',
      'finalScore',
    ]),
    levels: list(r.levels).map((l) => pick(record(l), ['declaredWeight', 'maxScore', 'score'])),
    indicators: list(r.indicators).map((i) =>
      pick(record(i), [
        'id',
        'kind',
        'direction',
        'band',
        'completion',
        'maxScore',
        'method',
        'ruleScore',
        'declaredScore',
        'finalScore',
      ]),
    ),
    adjustments: list(r.adjustments).map((a) => pick(record(a), ['method', 'delta', 'indicatorId'])),
    subtotal: r.subtotal ?? null,
  };
}

/** The facts that differ between two results, by name (`total`, `indicators`), for the report. */
export function factDifferences(a: unknown, b: unknown): string[] {
  const fa = scoringFacts(a);
  const fb = scoringFacts(b);
  return Object.keys(fa).filter((k) => canonicalJson(fa[k]) !== canonicalJson(fb[k]));
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function pick(from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, from[k] ?? null]));
}
