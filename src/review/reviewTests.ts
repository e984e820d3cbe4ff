import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { InputError, throwIfErrors } from '../errors/diagnostic';
import { readSource } from '../load/files';
import type { CaseOutcome, TestFileOutcome } from '../lint/ruleSetTests';
import { reviewTestsSchema } from '../schema/reviewRuleSet';
import { validateDocument } from '../source/validate';
import { caseForm } from './caseForms';
import { findYear } from './findings';
import { loadReviewRuleSet, shippedReviewRuleSetIds, type ReviewRuleSet } from './reviewRuleSet';

/** The test file beside a review rule set: <id>.test.yaml. */
export const reviewTestFileFor = (ruleSet: ReviewRuleSet): string => ruleSet.path.replace(/\.ya?ml$/, '.test.yaml');

/** Runs review rule-set tests: the shipped sets' when none is named. */
export async function runReviewTests(idsOrPaths: string[] = []): Promise<TestFileOutcome[]> {
  const targets = idsOrPaths.length > 0 ? idsOrPaths : shippedReviewRuleSetIds();
  const outcomes: TestFileOutcome[] = [];
  for (const target of targets)
    outcomes.push(
      await runReviewTestFile(target.endsWith('.test.yaml') ? target : reviewTestFileFor(loadReviewRuleSet(target))),
    );
  return outcomes;
}

/**
 * Each case is a small year: its forms (the first is the one checked), and last year's. A case passes when every
 * code under `fires` is found on its first form (its rows, itself or its department) and none under `silent` is.
 */
export async function runReviewTestFile(file: string): Promise<TestFileOutcome> {
  const doc = readSource(file);
  const { value, diagnostics } = validateDocument(doc, reviewTestsSchema);
  throwIfErrors(diagnostics);
  if (!value) throw new InputError(diagnostics);
  const beside = path.join(path.dirname(file), `${value.ruleSet}.yaml`);
  const ruleSet = loadReviewRuleSet(existsSync(beside) ? beside : value.ruleSet);
  const cases: CaseOutcome[] = [];
  for (const [i, c] of value.cases.entries()) {
    const forms = c.forms.map(caseForm);
    const previous = (c.previous ?? []).map((f, k) => ({ ...caseForm(f, k), key: `previous-${k + 1}` }));
    const found = await findYear(ruleSet, forms, previous);
    const first = forms[0];
    const codes = new Set(
      [...(found.byForm.get(first?.key ?? '') ?? []), ...(found.byDepartment.get(first?.department ?? '') ?? [])].map(
        (f) => f.code,
      ),
    );
    const failures = [
      ...c.fires
        .filter((code) => !codes.has(code))
        .map((code) => ({ field: 'fires', expected: code, actual: [...codes].join(', ') })),
      ...c.silent.filter((code) => codes.has(code)).map((code) => ({ field: 'silent', expected: code, actual: code })),
    ];
    cases.push({ name: c.name, line: doc.locate(['cases', i]).line, passed: failures.length === 0, failures });
  }
  return { ruleSet: ruleSet.id, file, cases };
}
