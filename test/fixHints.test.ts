import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempDir } from './helpers';

/** The clean example with one value replaced, scored from the command line (as JSON, in the language asked). */
async function scoreWith(
  from: string,
  to: string,
  lang: 'zh' | 'en',
): Promise<{ code: string; message: string; hint: string }[]> {
  const dir = tempDir('jixiao-fix-');
  const source = path.join(ROOT, 'examples/water-2023');
  for (const name of ['project.indicators.yaml', 'seal.png'])
    copyFileSync(path.join(source, name), path.join(dir, name));
  const text = readFileSync(path.join(source, 'project.actuals.yaml'), 'utf8');
  expect(text).toContain(from);
  writeFileSync(path.join(dir, 'project.actuals.yaml'), text.replace(from, to));
  const run = await runCli('score', path.join(dir, 'project.actuals.yaml'), '--json', '--lang', lang);
  expect(run.code).toBe(1);
  return (JSON.parse(run.out) as { errors: { code: string; message: string; hint: string }[] }).errors;
}

describe('a value refused says how to write it, with an example', () => {
  test('an amount that is not a number: the form of an amount', async () => {
    const [error] = await scoreWith('  fullYearBudget: 1180\n', '  fullYearBudget: 一千万\n', 'zh');
    expect(error).toMatchObject({ code: 'INVALID_VALUE' });
    expect(error?.hint).toContain('写成以万元计的数字，如 5531.1');
  });

  test('a score above its bound: the bound, in both languages', async () => {
    const zh = await scoreWith('  declaredScore: 9.8', '  declaredScore: -3', 'zh');
    expect(zh[0]?.hint).toMatch(/改为 0 或正数，如 0/);
    const en = await scoreWith('  declaredScore: 9.8', '  declaredScore: -3', 'en');
    expect(en[0]?.hint).toMatch(/use 0 or a positive number, such as 0/);
  });

  test('a list where a mapping is expected: how a mapping is written', async () => {
    const [error] = await scoreWith('overallGoal:\n  actual: ', 'overallGoal:\n  - ', 'zh');
    expect(error?.code).toBe('WRONG_TYPE');
    expect(error?.hint).toContain('写成“键: 值”的映射');
  });
});
