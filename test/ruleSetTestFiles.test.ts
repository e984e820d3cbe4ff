import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { runTestFile } from '../src/lint/ruleSetTests';
import { isReviewRuleSetFile } from '../src/review/reviewLint';
import { runReviewTestFile } from '../src/review/reviewTests';
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
      'indicators/reviews/review-default.test.yaml',
    ]),
  );
});

it.each(files)('%s: every case passes', async (file) => {
  // a review rule set's tests (kind: review beside them) run on the review rules; the others on scoring's
  const full = path.join(ROOT, file);
  const review = isReviewRuleSetFile(full.replace(/\.test\.yaml$/, '.yaml'));
  const outcome = review ? await runReviewTestFile(full) : await runTestFile(full);
  expect(outcome.cases.length).toBeGreaterThan(0);
  expect(outcome.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${JSON.stringify(c.failures)}`)).toEqual([]);
});
