import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { InputError } from '../src/errors/diagnostic';
import { caseForm } from '../src/review/caseForms';
import { findYear } from '../src/review/findings';
import { lintReviewRuleSet } from '../src/review/reviewLint';
import { loadReviewRuleSet } from '../src/review/reviewRuleSet';
import { runReviewTestFile, runReviewTests } from '../src/review/reviewTests';
import { reviewTestsSchema } from '../src/schema/reviewRuleSet';
import { drawSample, sampleCount } from '../src/review/sample';
import type { ReviewForm } from '../src/review/model';
import { ROOT, runCli, tempDir } from './helpers';

// The re-check rules are data (kind: review) on json-rules-engine, with the scoring rule sets' machinery: extends,
// dated parameters, tests beside the rules, lint.

const DEFAULT = path.join(ROOT, 'indicators', 'reviews', 'review-default.yaml');
const dir = tempDir('jixiao-review-rules-');

describe('the default review rule set', () => {
  test('every test case beside it passes', async () => {
    const [file] = await runReviewTests();
    expect(file?.ruleSet).toBe('review-default');
    expect(file?.cases.filter((c) => !c.passed)).toEqual([]);
    expect(file?.cases.length).toBeGreaterThanOrEqual(40);
  });

  test('each rule has a case where it fires and one where it does not', () => {
    const rules = (parse(readFileSync(DEFAULT, 'utf8')) as { rules: { event: { params: { code: string } } }[] }).rules;
    const tests = parse(readFileSync(DEFAULT.replace('.yaml', '.test.yaml'), 'utf8')) as {
      cases: { fires?: string[]; silent?: string[] }[];
    };
    const fires = new Set(tests.cases.flatMap((c) => c.fires ?? []));
    const silent = new Set(tests.cases.flatMap((c) => c.silent ?? []));
    const codes = rules.map((r) => r.event.params.code);
    expect(codes.length).toBeGreaterThanOrEqual(20);
    expect(codes.filter((c) => !fires.has(c))).toEqual([]);
    expect(codes.filter((c) => !silent.has(c))).toEqual([]);
    expect(lintReviewRuleSet(DEFAULT)).toEqual([]);
  });

  test('the fast evaluator finds exactly what json-rules-engine finds, on every case of the test file', async () => {
    const ruleSet = loadReviewRuleSet(DEFAULT);
    const tests = parse(readFileSync(DEFAULT.replace('.yaml', '.test.yaml'), 'utf8')) as { cases: unknown[] };
    const cases = reviewTestsSchema.parse(tests).cases;
    let found = 0;
    for (const c of cases) {
      const forms = c.forms.map(caseForm);
      const previous = (c.previous ?? []).map(caseForm);
      const fast = await findYear(ruleSet, forms, previous);
      const engine = await findYear(ruleSet, forms, previous, { reference: true });
      expect([...fast.byForm]).toEqual([...engine.byForm]);
      expect([...fast.byDepartment]).toEqual([...engine.byDepartment]);
      found += [...fast.byForm.values()].flat().length;
    }
    expect(found).toBeGreaterThan(40);
  });

  test('a case that expects the wrong thing fails, naming the code', async () => {
    const file = path.join(dir, 'wrong.test.yaml');
    writeFileSync(
      file,
      [
        `ruleSet: ${DEFAULT}`,
        'cases:',
        '  - name: 满分却说不触发',
        '    forms: [{ rows: [{ name: 培训人次, target: "≥500人次", actual: "520人次" }] }]',
        '    silent: [ALL_FULL_MARKS]',
        '    fires: [COMPLETION_LOW]',
      ].join('\n'),
    );
    const outcome = await runReviewTestFile(file);
    expect(outcome.cases[0]?.passed).toBe(false);
    expect(outcome.cases[0]?.failures.map((f) => [f.field, f.expected])).toEqual([
      ['fires', 'COMPLETION_LOW'],
      ['silent', 'ALL_FULL_MARKS'],
    ]);
  });
});

describe('a province tunes the rules: extends, parameters, remove', () => {
  const delta = path.join(dir, 'province.yaml');
  writeFileSync(
    delta,
    [
      'kind: review',
      'id: province',
      'version: "2024"',
      'name: 某省复核规则',
      `extends: ${DEFAULT}`,
      'parameters:',
      '  overAchievementAt: { value: 1.2, basis: 某省财政厅2024年通知, effective: 2024-01-01 }',
      'remove: [三级指标与二级不符]',
      'rules:',
      '  - name: 偏差无原因',
      '    scope: row',
      '    conditions: { all: [{ fact: deviates, operator: equal, value: true }, { fact: hasDeviationReason, operator: equal, value: false }] }',
      '    event: { type: finding, params: { code: DEVIATION_NO_REASON, severity: P0, weight: 9, field: deviationReason, title: 未说明偏差原因 } }',
    ].join('\n'),
  );

  test('the delta keeps the base rules, replaces one by name, removes one, and records where a parameter comes from', async () => {
    const base = loadReviewRuleSet(DEFAULT);
    const province = loadReviewRuleSet(delta);
    expect(province.chain).toEqual(['province', 'review-default']);
    expect(province.rules).toHaveLength(base.rules.length - 1);
    expect(province.rules.find((r) => r.name === '偏差无原因')?.event.params.severity).toBe('P0');
    expect(province.parameters.overAchievementAt).toBe(1.2);
    expect(province.provenance.overAchievementAt).toEqual({
      ruleSet: 'province',
      basis: '某省财政厅2024年通知',
      effective: '2024-01-01',
    });
    const form = caseForm({ ...formOf('125人次'), rows: [{ ...rowOf('125人次') }] }, 0);
    const codes = async (ruleSet: typeof base): Promise<string[]> =>
      ((await findYear(ruleSet, [form])).byForm.get(form.key) ?? []).map((f) => f.code);
    expect(await codes(base)).not.toContain('TARGET_TOO_LOW');
    expect(await codes(province)).toContain('TARGET_TOO_LOW');
  });

  test('a rule naming a fact that does not exist, or a parameter that is not there, is an error at its line', () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      [
        'kind: review',
        'id: bad',
        'version: "1"',
        'name: 坏规则',
        'rules:',
        '  - name: 拼错的事实',
        '    scope: row',
        '    conditions: { all: [{ fact: completoin, operator: atLeast, value: 1 }] }',
        '    event: { type: finding, params: { code: X, severity: P1, weight: 1, field: actual, title: 拼错 } }',
      ].join('\n'),
    );
    expect(() => loadReviewRuleSet(bad)).toThrow(InputError);
    const problems = lintReviewRuleSet(bad);
    expect(problems.map((p) => [p.code, p.location?.line])).toContainEqual(['UNKNOWN_FACT', 6]);
    writeFileSync(
      bad,
      readFileSync(bad, 'utf8')
        .replace('completoin', 'completion')
        .replace('value: 1 }', 'value: { fact: parameter, path: $.nowhere } }'),
    );
    expect(lintReviewRuleSet(bad).map((p) => [p.code, p.location?.line])).toEqual([
      ['REVIEW_TESTS_MISSING', 1],
      ['REVIEW_PARAMETER_UNKNOWN', 6],
    ]);
  });

  test('`jixiao lint` and `jixiao test` take review rule sets too', async () => {
    const lint = await runCli('lint', DEFAULT);
    expect(lint.code).toBe(0);
    expect(lint.out).toContain('复核规则集');
    const run = await runCli('test', 'review-default');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/\d+ passed, 0 failed/);
  });
});

function rowOf(actual: string) {
  return {
    level1: '产出指标',
    level2: '数量指标',
    name: '培训人次',
    target: '≥100人次',
    actual,
    maxScore: 10,
    manual: false,
    deviationReason: '',
    evidence: [],
  };
}
function formOf(actual: string) {
  return {
    department: '甲局',
    project: '项目',
    status: 'complete' as const,
    budget: { maxScore: 10, rate: 1 },
    signedRoles: 0,
    rows: [rowOf(actual)],
  };
}

describe('the sample', () => {
  const forms: ReviewForm[] = Array.from({ length: 40 }, (_, i) =>
    caseForm(
      { ...formOf('100人次'), department: ['甲局', '乙局', '丙局', '丁局'][i % 4] ?? '', project: `项目${i}` },
      i,
    ),
  );
  const none = new Map();

  test('the same seed draws the same forms; another seed others', () => {
    const options = { size: { percent: 25 }, seed: 7, byDepartment: true, includeP0: true };
    const a = drawSample(forms, none, options);
    expect([...drawSample([...forms].reverse(), none, options)].sort()).toEqual([...a].sort());
    expect(a.size).toBe(10);
    expect([...drawSample(forms, none, { ...options, seed: 8 })].sort()).not.toEqual([...a].sort());
  });

  test('stratified by department: each department in proportion to its forms', () => {
    const a = drawSample(forms, none, { size: { count: 8 }, seed: 3, byDepartment: true, includeP0: true });
    const perDepartment = new Map<string, number>();
    for (const f of forms)
      if (a.has(f.key)) perDepartment.set(f.department, (perDepartment.get(f.department) ?? 0) + 1);
    expect([...perDepartment.values()]).toEqual([2, 2, 2, 2]);
  });

  test('every P0 form is in the sample, over its size if need be, unless told otherwise; failed forms are never drawn', () => {
    const findings = new Map(forms.slice(0, 5).map((f) => [f.key, [{ severity: 'P0' } as never]]));
    const failed = { ...(forms[5] as ReviewForm), status: 'failed' as const };
    const year = [...forms.slice(0, 5), failed, ...forms.slice(6)];
    const withP0 = drawSample(year, findings, { size: { count: 2 }, seed: 1, byDepartment: false, includeP0: true });
    expect(withP0.size).toBe(5);
    for (const f of forms.slice(0, 5)) expect(withP0.has(f.key)).toBe(true);
    const without = drawSample(year, findings, { size: { count: 2 }, seed: 1, byDepartment: false, includeP0: false });
    expect(without.size).toBe(2);
    const all = drawSample(year, findings, { size: { percent: 100 }, seed: 1, byDepartment: true, includeP0: true });
    expect(all.has(failed.key)).toBe(false);
    expect(sampleCount({ percent: 20 }, 31)).toBe(7);
  });
});
