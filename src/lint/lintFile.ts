import * as path from 'node:path';
import { InputError, sortByLocation, type Diagnostic } from '../errors/diagnostic';
import { lintDefinitions } from './indicatorLint';
import { lintRuleSet } from './ruleSetLint';
import type { RuleSet } from '../rules/ruleSet';
import { definitionsSchema } from '../schema/definitions';
import { ruleSetSchema } from '../schema/ruleset';
import { validateDocument } from '../source/validate';
import { readSource, sha256 } from '../load/files';
import { KNOWN_NAMES, loadRuleSet } from '../load/ruleSets';

export interface LintReport {
  file: string;
  kind: 'ruleset' | 'definitions';
  findings: Diagnostic[];
}

/** Lints a rule set or an indicator definitions file, telling them apart by their keys. */
export async function lintFile(file: string): Promise<LintReport> {
  const doc = readSource(file);
  const data = (doc.data ?? {}) as Record<string, unknown>;
  if ('rules' in data) {
    const { value, diagnostics } = validateDocument(doc, ruleSetSchema);
    if (!value) return { file, kind: 'ruleset', findings: sortByLocation(diagnostics) };
    const ruleSet: RuleSet = { file: value, sha256: sha256(doc.text), path: file, text: doc.text, ruleLocations: value.rules.map((_, i) => doc.locate(['rules', i])) };
    const findings = await lintRuleSet(ruleSet, KNOWN_NAMES, { file: (p) => doc.locate(p, { key: true }) });
    return { file, kind: 'ruleset', findings: sortByLocation(findings) };
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
  findings.push(...lintDefinitions(value, (p) => doc.locate(p), ruleSet));
  return { file, kind: 'definitions', findings: sortByLocation(findings) };
}
