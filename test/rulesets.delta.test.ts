import { mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import * as path from 'node:path';
import { InputError, type Diagnostic } from '../src/errors/diagnostic';
import { lintFile } from '../src/lint/lintFile';
import { loadRuleSet, ruleSetFromText } from '../src/load/ruleSets';
import { scoreFile } from '../src/pipeline/stages';
import { ROOT, runCli, tempDir } from './helpers';

const FIXTURES = path.join(ROOT, 'test/fixtures/rulesets');
const fixture = (name: string): string => path.join(FIXTURES, name);

function thrown(work: () => unknown): Diagnostic[] {
  try {
    work();
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected an input error');
}

describe('method options are checked against each method’s schema', () => {
  test('`kap: 89` is refused when the rule set loads, at the option’s line, naming the allowed keys', () => {
    const [d, ...rest] = thrown(() => loadRuleSet(fixture('kap.yaml')));
    expect(rest).toEqual([]);
    expect(d!.code).toBe('EVENT_OPTION_UNKNOWN');
    expect(d!.data).toMatchObject({ option: 'kap', name: 'totalCap', allowed: { zh: 'cap', en: 'cap' } });
    expect(d!.location).toMatchObject({ file: 'test/fixtures/rulesets/kap.yaml', line: 13 });
  });

  test('lint reports the same at the same line', async () => {
    const { findings } = await lintFile(fixture('kap.yaml'));
    const option = findings.find((f) => f.code === 'EVENT_OPTION_UNKNOWN');
    expect(option?.location?.line).toBe(13);
  });

  test('a budget rule naming an indicator method, and a penalty with a misspelt option, are lint errors', async () => {
    const { findings } = await lintFile(fixture('budget-scope.yaml'));
    const codes = findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.location?.line]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['EVENT_SCOPE', 13],
        ['EVENT_OPTION_UNKNOWN', 19],
      ]),
    );
    await expect(runCli('lint', fixture('budget-scope.yaml'))).resolves.toMatchObject({ code: 1 });
  });

  test('a required option left out is named', () => {
    const text = readFileSync(fixture('kap.yaml'), 'utf8').replace(', kap: 89', '');
    const [d] = thrown(() => ruleSetFromText(text, 'no-cap.yaml'));
    expect(d).toMatchObject({ code: 'EVENT_OPTION_MISSING', data: { option: 'cap', name: 'totalCap' } });
  });

  test('an option of the wrong type names the option and why, in both languages', async () => {
    const text = readFileSync(fixture('kap.yaml'), 'utf8').replace('kap: 89', 'cap: "eighty-nine"');
    const [d] = thrown(() => ruleSetFromText(text, 'cap-text.yaml'));
    expect(d!.code).toBe('EVENT_OPTION_INVALID');
    expect(d!.data.option).toBe('cap');
    const run = await runCli('--lang', 'en', 'lint', writeTemp('cap-text.yaml', text));
    expect(run.out).toMatch(
      /EVENT_OPTION_INVALID: Rule "执行率低于80%总分不超过89分" gives totalCap an invalid "cap": Invalid input: expected number/,
    );
  });
});

function writeTemp(name: string, text: string): string {
  const dir = tempDir();
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('rule sets as deltas', () => {
  test('hubei and provincial-linear extend the default and are each under 60 lines', () => {
    for (const id of ['hubei', 'provincial-linear']) {
      const text = readFileSync(path.join(ROOT, 'indicators/rulesets', `${id}.yaml`), 'utf8');
      expect(text).toMatch(/^extends: caiyu-2020-10$/m);
      expect(text.split('\n').length).toBeLessThan(60);
      expect(loadRuleSet(id).chain).toEqual([id, 'caiyu-2020-10']);
    }
  });

  test('hubei resolves to the default with its own weights and bands, and keeps each parameter’s basis', () => {
    const hubei = loadRuleSet('hubei');
    const base = loadRuleSet('caiyu-2020-10');
    expect(hubei.file.framework.budget.maxScore).toBe(20);
    expect(hubei.file.framework.level1.map((l) => [l.name, l.weight])).toEqual([
      ['产出指标', 40],
      ['效益指标', 30],
      ['满意度指标', 10],
    ]);
    expect(hubei.file.parameters.qualitativeBands).toEqual({
      achieved: [80, 100],
      partial: [50, 80],
      notAchieved: [0, 50],
    });
    expect(hubei.file.rules).toEqual(base.file.rules);
    expect(hubei.provenance['qualitativeBands.partial']).toMatchObject({ ruleSet: 'hubei', effective: '2021-01-01' });
    expect(hubei.provenance['lowExecutionRate']).toEqual({ ruleSet: 'caiyu-2020-10' });
  });

  test('provincial-linear swaps one rule and adds the adjustments', () => {
    const names = loadRuleSet('provincial-linear').file.rules.map((r) => r.name);
    expect(names).not.toContain('反向指标未达标按比例计分');
    expect(names).toEqual(
      expect.arrayContaining(['反向指标未达标线性扣分', '偏离目标30%及以上扣2分', '执行率低于50%总分不超过59分']),
    );
  });

  test('the embedded text of a delta is self-contained and hashes like the delta (what scores, not the bytes)', () => {
    const hubei = loadRuleSet('hubei');
    expect(hubei.text).not.toMatch(/^extends:/m);
    const again = ruleSetFromText(hubei.text, 'embedded-hubei.yaml');
    expect(again.file).toEqual(hubei.file);
    expect(again.sha256).toBe(hubei.sha256);
    expect(hubei.sha256).not.toBe(loadRuleSet('caiyu-2020-10').sha256);
  });

  test('an extends cycle, and a rule to remove that the base lacks, are errors at their lines', () => {
    expect(thrown(() => loadRuleSet(fixture('loop-a.yaml')))[0]!.code).toBe('RULESET_EXTENDS_CYCLE');
    const [d] = thrown(() => loadRuleSet(fixture('unknown-rule.yaml')));
    expect(d).toMatchObject({ code: 'RULESET_DELTA_UNKNOWN_RULE', location: { line: 6 } });
  });

  test('`jixiao ruleset show hubei` prints the resolved set with provenance; its YAML loads back to the same rules', async () => {
    const run = await runCli('ruleset', 'show', 'hubei');
    expect(run.code).toBe(0);
    expect(run.out).toContain('hubei ← caiyu-2020-10');
    expect(run.out).toMatch(/qualitativeBands\.partial = \[50,80\] ← hubei（2021-01-01）/);
    expect(run.out).toMatch(/lowExecutionRate = 0\.9 ← caiyu-2020-10（2020-02-25）/);
    const json = JSON.parse((await runCli('ruleset', 'show', 'hubei', '--json')).out);
    expect(json.sha256).toBe(loadRuleSet('hubei').sha256);
  });

  test('a province’s rule set is found by id in a rulesets/ folder beside the forms, or in JIXIAO_RULESETS', async () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'rulesets'));
    writeFileSync(path.join(dir, 'rulesets', 'grades-85.yaml'), readFileSync(fixture('grades-85.yaml')));
    const definitions = path.join(dir, 'project.indicators.yaml');
    writeFileSync(definitions, readFileSync(definitions, 'utf8').replace(/^ruleSet: .*$/m, 'ruleSet: grades-85'));
    const scored = await scoreFile(path.join(dir, 'project.actuals.yaml'));
    expect(scored.result.ruleSet.id).toBe('grades-85');

    const elsewhere = tempDir();
    writeFileSync(path.join(elsewhere, 'grades-85.yaml'), readFileSync(fixture('grades-85.yaml')));
    const previous = process.env.JIXIAO_RULESETS;
    process.env.JIXIAO_RULESETS = elsewhere;
    try {
      expect(loadRuleSet('grades-85', undefined, tempDir()).file.grades.bands[0]!.min).toBe(85);
    } finally {
      if (previous === undefined) delete process.env.JIXIAO_RULESETS;
      else process.env.JIXIAO_RULESETS = previous;
    }
    expect(thrown(() => loadRuleSet('grades-85', undefined, tempDir()))[0]!.code).toBe('UNKNOWN_RULESET');
  });

  test('a file found by id must carry that id', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'rulesets'));
    writeFileSync(path.join(dir, 'rulesets', 'other-name.yaml'), readFileSync(fixture('grades-85.yaml')));
    expect(thrown(() => loadRuleSet('other-name', undefined, dir))[0]!.code).toBe('RULESET_ID_MISMATCH');
  });
});

describe('lint on grade lines and bands', () => {
  test('inverted grade lines are an error', async () => {
    const { findings } = await lintFile(fixture('inverted-grades.yaml'));
    const grades = findings.filter((f) => f.code === 'LINT_GRADE_BANDS');
    expect(grades).toHaveLength(1);
    expect(JSON.stringify(grades[0]!.data)).toContain('lint.grades.inverted');
  });

  test('the shipped rule sets lint clean', async () => {
    for (const id of ['caiyu-2020-10', 'hubei', 'provincial-linear']) {
      const { findings } = await lintFile(path.join(ROOT, 'indicators/rulesets', `${id}.yaml`));
      expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    }
  });
});

describe('a rule set read once is reused, never stale', () => {
  test('the same rule set for many forms is the same object; an edit to the delta or to its base is read afresh', () => {
    const dir = tempDir('jixiao-ruleset-cache-');
    const base = path.join(dir, 'base.yaml');
    const delta = path.join(dir, 'delta.yaml');
    writeFileSync(
      base,
      readFileSync(path.join(ROOT, 'indicators/rulesets/caiyu-2020-10.yaml'), 'utf8').replace(
        /^id: .*$/m,
        'id: cache-base',
      ),
    );
    writeFileSync(delta, 'id: cache-delta\nversion: "1"\nname: 缓存测试\nextends: ./base.yaml\n');
    const first = loadRuleSet(delta);
    expect(loadRuleSet(delta)).toBe(first);
    const excellent = (r: ReturnType<typeof loadRuleSet>): string =>
      String(r.file.grades.bands.find((g) => g.grade === 'excellent')?.min);
    expect(excellent(first)).toBe('90');
    // the base changes under the same delta: the delta is resolved again
    writeFileSync(
      base,
      readFileSync(base, 'utf8').replace('{ grade: excellent, min: 90 }', '{ grade: excellent, min: 70 }'),
    );
    const edited = loadRuleSet(delta);
    expect(edited).not.toBe(first);
    expect(excellent(edited)).toBe('70');
    // the delta itself changes
    writeFileSync(delta, 'id: cache-delta\nversion: "2"\nname: 缓存测试\nextends: ./base.yaml\n');
    expect(loadRuleSet(delta).file.version).toBe('2');
  });
});
