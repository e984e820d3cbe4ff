import { existsSync } from 'node:fs';
import { diagnostic, InputError, sortByLocation, type Diagnostic } from '../errors/diagnostic';
import { readSource } from '../load/files';
import { parameterPaths } from '../rules/findingEngine';
import { reviewTestsSchema } from '../schema/reviewRuleSet';
import { validateDocument } from '../source/validate';
import { loadReviewRuleSet, type ReviewRuleSet } from './reviewRuleSet';
import { reviewTestFileFor } from './reviewTests';

/** A file is a review rule set when it says so (`kind: review`) at its top level. */
export function isReviewRuleSetFile(file: string): boolean {
  return (
    /\.ya?ml$/.test(file) &&
    !file.endsWith('.test.yaml') &&
    existsSync(file) &&
    /^kind:\s*review\s*$/m.test(readSource(file).text)
  );
}

/** A rule that names a parameter the rule set does not have would compare with nothing and never fire. */
function unknownParameters(ruleSet: ReviewRuleSet): Diagnostic[] {
  return ruleSet.rules.flatMap((rule, i) =>
    parameterPaths(rule)
      .filter((p) => !(p in ruleSet.parameters))
      .map((p) =>
        diagnostic(
          'REVIEW_PARAMETER_UNKNOWN',
          { rule: rule.name, parameter: p, known: Object.keys(ruleSet.parameters).join('、') },
          ruleSet.ruleLocations[i],
        ),
      ),
  );
}

/** Each rule should have a test case where it fires and one where it does not (warnings: the set still works). */
function untested(ruleSet: ReviewRuleSet): Diagnostic[] {
  const file = reviewTestFileFor(ruleSet);
  if (!existsSync(file))
    return [diagnostic('REVIEW_TESTS_MISSING', { path: file }, { file: ruleSet.path, line: 1, column: 1 })];
  const doc = readSource(file);
  const { value, diagnostics } = validateDocument(doc, reviewTestsSchema);
  if (!value) return diagnostics;
  const fires = new Set(value.cases.flatMap((c) => c.fires));
  const silent = new Set(value.cases.flatMap((c) => c.silent));
  return ruleSet.rules.flatMap((rule, i) => {
    const code = rule.event.params.code;
    const at = ruleSet.ruleLocations[i];
    return [
      ...(fires.has(code) ? [] : [diagnostic('REVIEW_RULE_UNTESTED', { rule: rule.name, code, when: 'fires' }, at)]),
      ...(silent.has(code) ? [] : [diagnostic('REVIEW_RULE_UNTESTED', { rule: rule.name, code, when: 'silent' }, at)]),
    ];
  });
}

/** Lints a review rule set: what loading finds (at its lines), parameters that are not there, rules no test covers. */
export function lintReviewRuleSet(file: string): Diagnostic[] {
  let ruleSet: ReviewRuleSet;
  try {
    ruleSet = loadReviewRuleSet(file);
  } catch (error) {
    if (error instanceof InputError) return sortByLocation(error.diagnostics);
    throw error;
  }
  return sortByLocation([...unknownParameters(ruleSet), ...untested(ruleSet)]);
}
