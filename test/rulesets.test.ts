import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULESETS_DIR } from '../src/domain/paths';
import { runRuleSetTests, runTestFile } from '../src/lint/ruleSetTests';
import { shippedRuleSetIds } from '../src/load/ruleSets';
import { runCli, tempDir } from './helpers';

describe('every shipped rule set passes its own test file', () => {
  const ids = shippedRuleSetIds();

  it('ships the default and its variants', () => {
    expect(ids).toEqual(expect.arrayContaining(['caiyu-2020-10', 'hubei', 'provincial-linear']));
  });

  it.each(ids)('%s has at least 15 cases and all pass', async (id) => {
    const [outcome] = await runRuleSetTests([id]);
    expect(outcome!.cases.length).toBeGreaterThanOrEqual(15);
    const failed = outcome!.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${JSON.stringify(c.failures)}`);
    expect(failed).toEqual([]);
  });
});

describe('a rule-set test can fail', () => {
  it('changing one expected value in a test file makes `jixiao test` fail with exit 1', async () => {
    const dir = tempDir();
    copyFileSync(path.join(RULESETS_DIR, 'caiyu-2020-10.yaml'), path.join(dir, 'caiyu-2020-10.yaml'));
    const text = readFileSync(path.join(RULESETS_DIR, 'caiyu-2020-10.test.yaml'), 'utf8');
    const broken = text.replace(
      'expect: { score: 9.38, method: inverseProportional',
      'expect: { score: 9.37, method: inverseProportional',
    );
    expect(broken).not.toBe(text);
    writeFileSync(path.join(dir, 'caiyu-2020-10.test.yaml'), broken);

    const outcome = await runTestFile(path.join(dir, 'caiyu-2020-10.test.yaml'));
    const failed = outcome.cases.filter((c) => !c.passed);
    expect(failed.map((c) => c.name)).toEqual(['反向指标超出按 目标÷实际']);
    expect(failed[0]!.failures).toEqual([{ field: 'score', expected: '9.37', actual: '9.38' }]);

    const run = await runCli('test', path.join(dir, 'caiyu-2020-10.yaml'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/✗ 反向指标超出按 目标÷实际/);
    expect(run.out).toMatch(/score：期望 9.37，实际 9.38/);
  });

  it('a case that expects an error fails when the input scores cleanly', async () => {
    const dir = tempDir();
    copyFileSync(path.join(RULESETS_DIR, 'caiyu-2020-10.yaml'), path.join(dir, 'caiyu-2020-10.yaml'));
    writeFileSync(
      path.join(dir, 'caiyu-2020-10.test.yaml'),
      'ruleSet: caiyu-2020-10\ncases:\n  - name: 不该报错\n    indicator: { target: 100, actual: 100, maxScore: 5 }\n    expect: { error: UNIT_MISMATCH }\n',
    );
    const outcome = await runTestFile(path.join(dir, 'caiyu-2020-10.test.yaml'));
    expect(outcome.cases[0]!.passed).toBe(false);
  });
});
