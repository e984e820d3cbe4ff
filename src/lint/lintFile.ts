import * as path from 'node:path';
import { InputError, sortByLocation, type Diagnostic } from '../errors/diagnostic';
import { lintDefinitions } from './indicatorLint';
import { lintRuleSet } from './ruleSetLint';
import type { RuleSet } from '../rules/ruleSet';
import { definitionsSchema } from '../schema/definitions';
import { validateDocument } from '../source/validate';
import { readSource } from '../load/files';
import { KNOWN_EVENTS, loadRuleSet, readRuleSet } from '../load/ruleSets';

export interface LintReport {
  file: string;
  kind: 'ruleset' | 'definitions';
  findings: Diagnostic[];
}

/** Lints a rule set or an indicator definitions file, telling them apart by their keys. */
export async function lintFile(file: string): Promise<LintReport> {
  const doc = readSource(file);
  const data = (doc.data ?? {}) as Record<string, unknown>;
  if ('rules' in data || 'extends' in data) {
    // through the loader: extends resolved, events checked against the registry, like any command would
    const { ruleSet, problems } = readRuleSet(file, undefined, undefined, []);
    if (!ruleSet || problems.some((d) => d.severity === 'error' && !isRuleProblem(d))) return { file, kind: 'ruleset', findings: sortByLocation(problems) };
    const findings = await lintRuleSet(ruleSet, KNOWN_EVENTS, { file: (p) => doc.locate(p, { key: true }) });
    return { file, kind: 'ruleset', findings: sortByLocation([...problems, ...findings]) };
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

/** Problems with single rules (lint reports them and probes the other rules) rather than with the file's shape. */
function isRuleProblem(d: Diagnostic): boolean {
  return d.code.startsWith('RULESET_DELTA_') || d.code === 'RULESET_ID_MISMATCH';
}
