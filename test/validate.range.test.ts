import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLEAN, runCli, tempDir } from './helpers';

/** A number out of its range says the bound it broke and the value it has; a share written as a percentage says the fraction. */
describe('range errors say the range', () => {
  const dir = tempDir('jixiao-range-');
  const ruleSet = (name: string, parameters: string): string => {
    const file = path.join(dir, `${name}.yaml`);
    writeFileSync(
      file,
      `id: ${name}\nextends: caiyu-2020-10\nversion: 0.0.1\nname: 测试\nparameters:\n${parameters}\n`,
    );
    return file;
  };

  it('lowExecutionRate: 95 → at most 1, and 95% is written 0.95', async () => {
    const run = await runCli('score', CLEAN, '--rules', ruleSet('r95', '  lowExecutionRate: 95'));
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'r95.yaml:6:21: 错误 INVALID_VALUE: 「parameters.lowExecutionRate」的值无效：现为 95，应不超过 1（这里写比例而不是百分数：95% 写作 0.95）',
    );
    const en = await runCli('score', CLEAN, '--rules', ruleSet('r95en', '  lowExecutionRate: 95'), '--lang', 'en');
    expect(en.err).toContain('is 95; it must be at most 1 (a share, not a percentage: 95% is 0.95)');
  });

  it('a bound broken without a percentage mix-up says just the bound (lowExecutionRate: 150)', async () => {
    const run = await runCli('score', CLEAN, '--rules', ruleSet('r150', '  lowExecutionRate: 150'));
    expect(run.err).toContain('现为 150，应不超过 1');
    expect(run.err).not.toContain('写作');
  });

  it('a lower bound: overAchievement.flagAt must be more than 0', async () => {
    const run = await runCli('score', CLEAN, '--rules', ruleSet('rneg', '  overAchievement:\n    flagAt: 0'));
    expect(run.code).toBe(1);
    expect(run.err).toContain('现为 0，应大于 0');
  });
});
