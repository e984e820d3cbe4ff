import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { runTestFile } from '../src/lint/ruleSetTests';
import { ROOT } from './helpers';

/**
 * Every rule-set test file in the repository runs — the shipped rule sets' and the fixtures' alike — so a file of
 * hand-worked cases can never sit beside a rule set untested. Found by walking the tree, not by a list.
 */
function testFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return testFilesUnder(full);
    return name.endsWith('.test.yaml') ? [full] : [];
  });
}

const files = testFilesUnder(ROOT)
  .map((f) => path.relative(ROOT, f))
  .sort();

test('the rule-set test files are found where they are kept', () => {
  expect(files).toEqual(
    expect.arrayContaining([
      'indicators/rulesets/caiyu-2020-10.test.yaml',
      'test/fixtures/rulesets/satisfaction.test.yaml',
    ]),
  );
});

it.each(files)('%s: every case passes', async (file) => {
  const outcome = await runTestFile(path.join(ROOT, file));
  expect(outcome.cases.length).toBeGreaterThan(0);
  expect(outcome.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${JSON.stringify(c.failures)}`)).toEqual([]);
});
