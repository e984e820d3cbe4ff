import type { Lang } from '../../errors/message';
import { runRuleSetTests } from '../../pipeline';
import { EXIT } from '../exitCodes';
import type { Io } from '../io';

/** `jixiao test [ruleset…]`: runs each rule set's <id>.test.yaml and says which cases fail and why. */
export async function testCommand(targets: string[], io: Io, lang: Lang): Promise<number> {
  const outcomes = await runRuleSetTests(targets);
  let passed = 0;
  let failed = 0;
  for (const file of outcomes) {
    io.out(`${file.ruleSet}（${file.file}）`);
    for (const c of file.cases) {
      if (c.passed) {
        passed++;
        io.out(`  ✓ ${c.name}`);
      } else {
        failed++;
        io.out(`  ✗ ${c.name}（${file.file}:${c.line}）`);
        for (const f of c.failures) {
          io.out(lang === 'en' ? `      ${f.field}: expected ${f.expected}, got ${f.actual}` : `      ${f.field}：期望 ${f.expected}，实际 ${f.actual}`);
        }
      }
    }
  }
  io.out(`${passed} passed, ${failed} failed`);
  return failed === 0 ? EXIT.ok : EXIT.input;
}
