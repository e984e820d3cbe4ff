import { dec, plain } from '../domain/decimal';
import type { FactValue } from '../rules/facts';
import { factsNamed, type FiredFinding } from '../rules/findingEngine';
import type { ReviewScope } from '../schema/reviewRuleSet';
import { departmentFacts, formFacts, reasonKey, rowFacts } from './facts';
import { placeText, type Finding, type ReviewForm, type ReviewRow } from './model';
import { findingEngine, type ReviewRuleSet } from './reviewRuleSet';

/** A form matched with last year's: by department and project name. */
export const matchKey = (form: Pick<ReviewForm, 'department' | 'project'>): string =>
  `${form.department.trim()}\u0000${form.project.trim()}`;

/** The findings of a year: per form (its rows' and its own), per department. */
export interface YearFindings {
  byForm: Map<string, Finding[]>;
  byDepartment: Map<string, Finding[]>;
}

/** How often each reason for a deviation is given across the year's rows. */
function reasonCounts(forms: readonly ReviewForm[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const form of forms)
    for (const row of form.rows) {
      const key = reasonKey(row.deviationReason);
      if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return counts;
}

/** The facts a finding shows: those its rule's conditions name, with their values. */
function detailOf(ruleSet: ReviewRuleSet, rule: string, facts: Record<string, FactValue>): string {
  const written = ruleSet.rules.find((r) => r.name === rule);
  if (!written) return '';
  return factsNamed(written)
    .map((f) => `${f}=${facts[f] === null ? 'null' : String(facts[f])}`)
    .join(', ');
}

/** The fields a row's definition holds; the others are filled in the actuals, at the row's actual or their own cell. */
const DEFINED = new Set(['name', 'target', 'maxScore']);

/** The place a finding cites: the field's own cell where it is known, else its row's line, else the form's file. */
function cellOf(form: ReviewForm, row: ReviewRow | undefined, field: string): string {
  const ref = row ? (row.cells[field] ?? row.cells[DEFINED.has(field) ? 'definition' : 'actual']) : form.cells[field];
  return ref === undefined ? (form.sources[0] ?? form.key) : placeText(form.sources, ref);
}

function finding(
  ruleSet: ReviewRuleSet,
  fired: FiredFinding,
  facts: Record<string, FactValue>,
  where: { form?: ReviewForm; row?: ReviewRow; department: string; scope: ReviewScope },
): Finding {
  const { params } = fired;
  const { form, row } = where;
  const cell = form ? cellOf(form, row, params.field) : where.department;
  return {
    code: params.code,
    severity: params.severity,
    weight: params.weight,
    deduction: params.deduction === undefined ? null : plain(dec(params.deduction)),
    title: params.title,
    rule: fired.rule,
    ruleSet: ruleSet.id,
    formKey: form?.key ?? '',
    department: where.department,
    indicatorId: row?.id ?? null,
    indicatorName: row?.name ?? null,
    field: params.field,
    cell,
    detail: detailOf(ruleSet, fired.rule, facts),
  };
}

/**
 * Runs a review rule set over a year of forms (and last year's, matched by department and project): every row,
 * every form, every department. Each finding cites its rule and its cell.
 */
export async function findYear(
  ruleSet: ReviewRuleSet,
  forms: readonly ReviewForm[],
  previous: readonly ReviewForm[] = [],
  options: { reference?: boolean } = {},
): Promise<YearFindings> {
  const compiledRules = findingEngine(ruleSet);
  // json-rules-engine itself when asked (the reference), else its synchronous mirror
  const engine = options.reference
    ? compiledRules
    : { run: async (scope: ReviewScope, facts: Record<string, FactValue>) => compiledRules.runFast(scope, facts) };
  const reasons = reasonCounts(forms);
  const lastYear = new Map(previous.map((f) => [matchKey(f), f]));
  const byForm = new Map<string, Finding[]>();
  for (const form of forms) {
    const before = lastYear.get(matchKey(form));
    const found: Finding[] = [];
    const department = form.department;
    for (const row of form.rows) {
      const facts = rowFacts(row, form, ruleSet.parameters, {
        reasonUses: (reason) => reasons.get(reasonKey(reason)) ?? 0,
        previous: before?.rows.find((r) => r.name === row.name),
      });
      for (const fired of await engine.run('row', facts))
        found.push(finding(ruleSet, fired, facts, { form, row, department, scope: 'row' }));
    }
    const facts = formFacts(form, before);
    for (const fired of await engine.run('form', facts))
      found.push(finding(ruleSet, fired, facts, { form, department, scope: 'form' }));
    byForm.set(form.key, found);
  }
  const byDepartment = new Map<string, Finding[]>();
  for (const [department, members] of groupBy(forms, (f) => f.department)) {
    const facts = departmentFacts(department, members);
    const fired = await engine.run('department', facts);
    byDepartment.set(
      department,
      fired.map((f) => finding(ruleSet, f, facts, { department, scope: 'department' })),
    );
  }
  return { byForm, byDepartment };
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A form's risk: the weights of its findings added up. */
export const riskOf = (findings: readonly Finding[]): number => findings.reduce((sum, f) => sum + f.weight, 0);

const p0Count = (findings: readonly Finding[]): number => findings.filter((f) => f.severity === 'P0').length;

/** The forms by risk, highest first; ties by P0 findings, then by the input's name (a stable order). */
export function ranked(forms: readonly ReviewForm[], byForm: Map<string, Finding[]>): ReviewForm[] {
  const of = (f: ReviewForm): Finding[] => byForm.get(f.key) ?? [];
  return [...forms].sort(
    (a, b) =>
      riskOf(of(b)) - riskOf(of(a)) || p0Count(of(b)) - p0Count(of(a)) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
