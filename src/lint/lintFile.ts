import * as path from 'node:path';
import { diagnostic, InputError, sortByLocation, type Diagnostic } from '../errors/diagnostic';
import { lintDefinitions } from './indicatorLint';
import { lintRuleSet } from './ruleSetLint';
import type { RuleSet } from '../rules/ruleSet';
import { definitionsSchema } from '../schema/definitions';
import { validateDocument } from '../source/validate';
import { readSource } from '../load/files';
import { checkDefinitions } from '../load/checkDefinitions';
import { KNOWN_EVENTS, loadRuleSet, readRuleSet } from '../load/ruleSets';

export interface LintReport {
  file: string;
  kind: LintKind;
  findings: Diagnostic[];
}

export type LintKind = 'ruleset' | 'definitions' | 'unknown';

/**
 * What a file YAML cannot read was meant to be, from its top-level keys as written (a rule set extends or has
 * rules, definitions have levels) or from a `rulesets/` folder it sits in; 'unknown' rather than a wrong guess.
 */
function kindOfUnreadable(text: string, file: string): LintKind {
  if (
    /^(extends|rules|grades|parameters)\s*:/m.test(text) ||
    path.basename(path.dirname(path.resolve(file))) === 'rulesets'
  )
    return 'ruleset';
  if (/^levels\s*:/m.test(text)) return 'definitions';
  return 'unknown';
}

/** Lints a rule set or an indicator definitions file, telling them apart by their keys. */
export async function lintFile(file: string): Promise<LintReport> {
  const doc = readSource(file);
  if (doc.diagnostics.some((d) => d.severity === 'error'))
    return { file, kind: kindOfUnreadable(doc.text, file), findings: sortByLocation(doc.diagnostics) };
  const data = doc.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    // `hello world` or `42`: say which files lint reads, instead of guessing
    return { file, kind: 'unknown', findings: [diagnostic('LINT_FILE_KIND', { path: file }, doc.locate([]))] };
  }
  if ('rules' in data || 'extends' in data) {
    // through the loader: extends resolved, events checked against the registry, like any command would
    const { ruleSet, problems } = readRuleSet(file, undefined, undefined, []);
    // problems with single rules are found again (with the rest) by lintRuleSet, which probes the valid rules
    const structural = problems.filter((d) => !RULE_PROBLEMS.has(d.code));
    if (!ruleSet || structural.some((d) => d.severity === 'error'))
      return { file, kind: 'ruleset', findings: sortByLocation(ruleSet ? structural : problems) };
    const findings = await lintRuleSet(ruleSet, KNOWN_EVENTS, { file: (p) => doc.locate(p, { key: true }) });
    return { file, kind: 'ruleset', findings: sortByLocation([...structural, ...findings]) };
  }
  const { value, diagnostics } = validateDocument(doc, definitionsSchema);
  if (!value) return { file, kind: 'definitions', findings: sortByLocation(diagnostics) };
  const findings: Diagnostic[] = [];
  let ruleSet: RuleSet | null = null;
  try {
    ruleSet = loadRuleSet(value.ruleSet, doc.locate(['ruleSet']), path.dirname(file));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    findings.push(...error.diagnostics);
  }
  if (ruleSet) findings.push(...checkDefinitions(value, doc, ruleSet));
  findings.push(...lintDefinitions(value, (p) => doc.locate(p)));
  return { file, kind: 'definitions', findings: sortByLocation(findings) };
}

/** What checkRules reports about single rules (lint reports these itself, beside what its probes find). */
const RULE_PROBLEMS = new Set<string>([
  'UNKNOWN_METHOD',
  'UNKNOWN_FLAG',
  'UNKNOWN_FACT',
  'UNKNOWN_OPERATOR',
  'INVALID_RULE',
  'RULE_NAME_DUPLICATE',
  'EVENT_SCOPE',
  'EVENT_OPTION_UNKNOWN',
  'EVENT_OPTION_MISSING',
  'EVENT_OPTION_INVALID',
]);
