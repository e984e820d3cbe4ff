import { text } from '../../errors/texts';
import { runRuleSetTests } from '../../pipeline/forms';
import { isReviewRuleSetFile, runReviewTests, shippedReviewRuleSetIds } from '../../review';
import { EXIT, type OutputMode } from '../exitCodes';
import type { Io } from '../io';
import { paint } from '../style';

/** `jixiao test [ruleset…]`: runs each rule set's <id>.test.yaml and says which cases fail and why. */
export async function testCommand(
  targets: string[],
  options: { json?: boolean },
  io: Io,
  mode: OutputMode,
): Promise<number> {
  // review rule sets (kind: review) by id or file, and their test files; every other target is a scoring rule set
  const isReview = (t: string): boolean =>
    shippedReviewRuleSetIds().includes(t) || isReviewRuleSetFile(t.replace(/\.test\.yaml$/, '.yaml'));
  const reviews = targets.filter(isReview);
  const scoring = targets.filter((t) => !isReview(t));
  const outcomes = [
    ...(targets.length === 0 || scoring.length > 0 ? await runRuleSetTests(scoring) : []),
    ...(targets.length === 0 || reviews.length > 0 ? await runReviewTests(reviews) : []),
  ];
  const passed = outcomes.flatMap((f) => f.cases).filter((c) => c.passed).length;
  const failed = outcomes.flatMap((f) => f.cases).length - passed;
  if (options.json) {
    io.out(JSON.stringify({ passed, failed, files: outcomes }, null, 2));
    return failed === 0 ? EXIT.ok : EXIT.input;
  }
  for (const file of outcomes) {
    io.out(text('cli.testFile', mode.lang, { ruleSet: file.ruleSet, file: file.file }));
    for (const c of file.cases) {
      if (c.passed) {
        io.out(`  ${paint('✓', 'info', io.colour)} ${c.name}`);
        continue;
      }
      io.out(
        `  ${paint('✗', 'error', io.colour)} ${text('cli.testFailedCase', mode.lang, { name: c.name, file: file.file, line: c.line })}`,
      );
      // an empty side is "none" (no error, nothing pending), said in the reader's words
      const said = (value: string): string => value || text('term.none', mode.lang);
      for (const f of c.failures)
        io.out(
          `      ${text('cli.testDifference', mode.lang, { field: f.field, expected: said(f.expected), actual: said(f.actual) })}`,
        );
    }
  }
  io.out(`${passed} passed, ${failed} failed`);
  return failed === 0 ? EXIT.ok : EXIT.input;
}
