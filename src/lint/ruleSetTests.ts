import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { dec, plain } from '../domain/decimal';
import { GRADE_LABEL } from '../domain/glossary';
import { InputError, throwIfErrors } from '../errors/diagnostic';
import type { Band } from '../domain/model';
import type { RuleSet } from '../rules/ruleSet';
import { ruleSetTestsSchema, type RuleSetTestCase } from '../schema/rulesetTests';
import { validateDocument } from '../source/validate';
import type { IndicatorInput } from '../scoring/reading';
import type { FormResult } from '../scoring/result';
import { scoreForm, type FormInput } from '../scoring/scoreForm';
import { BAND_INPUT } from '../targets/bands';
import { readSource } from '../load/files';
import { compiled, loadRuleSet, shippedRuleSetIds } from '../load/ruleSets';
import { inputStamps } from '../load/formInput';

/** Nothing where something was expected (no error, no pending need): the CLI says it in the reader's words. */
export const NONE = '';

export interface CaseOutcome {
  name: string;
  line: number;
  passed: boolean;
  /** What differed: field, expected, actual. */
  failures: { field: string; expected: string; actual: string }[];
}

export interface TestFileOutcome {
  ruleSet: string;
  file: string;
  cases: CaseOutcome[];
}

/** The test file beside a rule set: <id>.test.yaml. */
export function testFileFor(ruleSet: RuleSet): string {
  return ruleSet.path.replace(/\.ya?ml$/, '.test.yaml');
}

/** Runs rule-set test files: for shipped ids, or the test file beside a rule-set path. */
export async function runRuleSetTests(idsOrPaths: string[]): Promise<TestFileOutcome[]> {
  const targets = idsOrPaths.length > 0 ? idsOrPaths : shippedRuleSetIds();
  const outcomes: TestFileOutcome[] = [];
  for (const target of targets) {
    const file = target.endsWith('.test.yaml') ? target : testFileFor(loadRuleSet(target));
    outcomes.push(await runTestFile(file));
  }
  return outcomes;
}

export async function runTestFile(file: string): Promise<TestFileOutcome> {
  const doc = readSource(file);
  const { value, diagnostics } = validateDocument(doc, ruleSetTestsSchema);
  throwIfErrors(diagnostics);
  if (!value) throw new InputError(diagnostics);
  const beside = path.join(path.dirname(file), `${value.ruleSet}.yaml`);
  const ruleSet = loadRuleSet(existsSync(beside) ? beside : value.ruleSet, doc.locate(['ruleSet']));
  const engine = compiled(ruleSet);
  const cases: CaseOutcome[] = [];
  for (const [i, c] of value.cases.entries()) {
    const line = doc.locate(['cases', i]).line;
    const failures = await runCase(c, ruleSet, engine);
    cases.push({ name: c.name, line, passed: failures.length === 0, failures });
  }
  return { ruleSet: ruleSet.file.id, file, cases };
}

type Engine = ReturnType<typeof compiled>;

const EMPTY_HEADER: FormInput['header'] = {
  layout: 'ministry',
  columns: {},
  implementingUnit: '',
  project: null,
  overallGoal: { expected: '', actual: '' },
  signOff: { preparer: '', phone: '', date: '', reviewer: '', head: '' },
};
type IndicatorCase = NonNullable<RuleSetTestCase['indicator']>;
type BudgetCase = NonNullable<RuleSetTestCase['budget']>;

function rowInput(row: IndicatorCase, index: number, ruleSet: RuleSet): IndicatorInput {
  const level1 = row.level1 ?? ruleSet.file.framework.level1[0]?.name ?? '';
  const level2 = row.level2 ?? ruleSet.file.framework.level1.find((l) => l.name === level1)?.level2[0] ?? '';
  const input: IndicatorInput = {
    id: String(index + 1),
    name: row.name ?? `#${index + 1}`,
    level1,
    level2,
    target: row.target,
    maxScore: row.maxScore === '/' ? null : dec(String(row.maxScore)),
    actual: row.actual,
    locations: {},
  };
  if (row.band) input.band = BAND_INPUT[row.band] as Band;
  if (row.declaredScore !== undefined) input.declaredScore = dec(String(row.declaredScore));
  if (row.reason !== undefined) input.reason = row.reason;
  if (row.deviationReason !== undefined) input.deviationReason = row.deviationReason;
  if (row.direction !== undefined) input.direction = row.direction;
  return input;
}

/** A small form around the case's rows and budget; a case without a budget gets one fully executed. */
function caseForm(rows: IndicatorCase[], budget: BudgetCase | undefined, ruleSet: RuleSet): FormInput {
  const indicators = rows.map((r, i) => rowInput(r, i, ruleSet));
  const byLevel = new Map<string, IndicatorInput[]>();
  for (const r of indicators) byLevel.set(r.level1, [...(byLevel.get(r.level1) ?? []), r]);
  return {
    form: 'project',
    title: 'jixiao test',
    fiscalYear: 2020,
    department: 'jixiao test',
    header: EMPTY_HEADER,
    budget: {
      maxScore: dec(String(budget?.maxScore ?? ruleSet.file.framework.budget.maxScore)),
      initialBudget: null,
      fullYearBudget: dec(budget?.fullYearBudget ?? '100'),
      executed: dec(budget?.executed ?? '100'),
      breakdown: [],
      declaredScore: null,
      declaredRate: null,
      reason: budget?.reason ?? '',
      locations: {},
    },
    indicators,
    levels: [...byLevel.entries()].map(([name, list]) => ({
      name,
      declaredWeight: null,
      groups: [{ name: list[0]?.level2 ?? '', ids: list.map((r) => r.id) }],
    })),
    declared: { total: null, grade: null, maxTotal: null },
    stamps: inputStamps('', ''),
  };
}

async function runCase(c: RuleSetTestCase, ruleSet: RuleSet, engine: Engine): Promise<CaseOutcome['failures']> {
  const rows = c.indicator ? [c.indicator] : (c.form?.indicators ?? []);
  const form = caseForm(rows, c.budget ?? c.form?.budget, ruleSet);
  const failures: CaseOutcome['failures'] = [];
  const check = (field: string, expected: string | undefined, actual: string): void => {
    if (expected !== undefined && expected !== actual) failures.push({ field, expected, actual });
  };
  let result: FormResult;
  try {
    result = await scoreForm(form, engine);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const codes = error.diagnostics.map((d) => d.code).join(' ');
    if (c.expect.error === undefined) failures.push({ field: 'error', expected: NONE, actual: codes });
    else check('error', c.expect.error, error.diagnostics.find((d) => d.code === c.expect.error)?.code ?? codes);
    return failures;
  }
  check('error', c.expect.error, NONE);
  const e = c.expect;
  // rows a person must still complete: the case names what they need, or there must be none
  const needs = [...new Set(result.indicators.flatMap((r) => (r.pending ? [r.pending.code] : [])))].join(' ') || NONE;
  if (e.pending !== undefined || needs !== NONE) check('pending', e.pending ?? NONE, needs);
  if (needs !== NONE) return failures;
  const sortedCodes = (list: string[]): string => [...new Set(list)].sort().join(' ');
  if (c.indicator) {
    const row = result.indicators[0];
    if (!row) return [{ field: 'indicator', expected: 'scored', actual: 'missing' }];
    check('score', e.score === undefined ? undefined : plain(dec(String(e.score))), plain(row.finalScore));
    check('method', e.method, row.method);
    check('rule', e.rule, row.rule.rule);
    check('flags', e.flags && sortedCodes(e.flags), sortedCodes(row.flags.map((f) => f.code)));
  } else if (c.budget) {
    check('score', e.score === undefined ? undefined : plain(dec(String(e.score))), plain(result.budget.finalScore));
    check('method', e.method, result.budget.method);
    check('rule', e.rule, result.budget.rule.rule);
    check('flags', e.flags && sortedCodes(e.flags), sortedCodes(result.budget.flags.map((f) => f.code)));
  } else {
    check(
      'flags',
      e.flags && sortedCodes(e.flags),
      sortedCodes([...result.warnings, ...result.notes].map((f) => f.code)),
    );
    check('adjustments', e.adjustments && e.adjustments.join(' '), result.adjustments.map((a) => a.method).join(' '));
  }
  check('total', e.total === undefined ? undefined : plain(dec(String(e.total))), plain(result.total));
  // the grade as the rule set prints it (优秀, 合格 …), or the default word for the same grade (优, 中 …)
  const printed = result.gradeLabel ?? (result.grade ? GRADE_LABEL[result.grade] : '');
  check(
    'grade',
    e.grade !== undefined && result.grade && e.grade === GRADE_LABEL[result.grade] ? printed : e.grade,
    printed,
  );
  return failures;
}
