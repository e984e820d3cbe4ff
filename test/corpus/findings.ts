/**
 * What jixiao finds on a real form, from `jixiao score --json`: what the corpus test checks against each form's
 * expected file, and what `npm run corpus` reports (rows, rows scored, rows whose declared score jixiao agrees
 * with, the faults it flags).
 */
export interface Findings {
  /** The rule set that scored the form (its framework) and the form's kind (project 项目 / department 部门整体). */
  ruleSet: string;
  form: 'project' | 'department';
  status: 'complete' | 'draft';
  total: string;
  maxTotal: string;
  grade: string | null;
  /** Each pending row's id and what it needs. */
  pending: { id: string; code: string }[];
  /** Every code on the form (warnings, notes, pending), with how many times it appears. */
  flags: Record<string, number>;
  rows: number;
  rowsScored: number;
  rowsMatchingDeclared: number;
}

interface ScoreJson {
  ruleSet: { id: string };
  form: 'project' | 'department';
  status: 'complete' | 'draft';
  total: string;
  maxTotal: string;
  grade: { label: string } | null;
  indicators: {
    id: string;
    kind: string;
    finalScore: string | null;
    declaredScore: string | null;
    pending: { code: string } | null;
  }[];
  warnings: { code: string }[];
  notes: { code: string }[];
  pending: { code: string }[];
}

export function findings(text: string): Findings {
  const json = JSON.parse(text) as ScoreJson;
  const flags: Record<string, number> = {};
  for (const { code } of [...json.warnings, ...json.notes, ...json.pending]) flags[code] = (flags[code] ?? 0) + 1;
  const scored = json.indicators.filter((r) => r.kind !== 'notApplicable' && r.pending === null);
  return {
    ruleSet: json.ruleSet.id,
    form: json.form,
    status: json.status,
    total: json.total,
    maxTotal: json.maxTotal,
    grade: json.grade?.label ?? null,
    pending: json.indicators.flatMap((r) => (r.pending ? [{ id: r.id, code: r.pending.code }] : [])),
    flags: Object.fromEntries(Object.entries(flags).sort(([a], [b]) => (a < b ? -1 : 1))),
    rows: json.indicators.length,
    rowsScored: scored.length,
    rowsMatchingDeclared: scored.filter(
      (r) => r.declaredScore !== null && r.finalScore !== null && Number(r.declaredScore) === Number(r.finalScore),
    ).length,
  };
}
