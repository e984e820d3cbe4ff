import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceLocation } from '../domain/model';
import { RULESETS_DIR } from '../domain/paths';
import type { Code } from '../errors/catalog';
import { inputError, throwIfErrors } from '../errors/diagnostic';
import { CompiledRuleSet, type KnownNames } from '../rules/compile';
import type { RuleSet } from '../rules/ruleSet';
import { ruleSetSchema } from '../schema/ruleset';
import { validateDocument } from '../source/validate';
import { ADJUST_METHODS } from '../scoring/adjustments';
import { INDICATOR_METHODS } from '../scoring/methods';
import { BUDGET_METHODS } from '../scoring/methods/budgetExecution';
import { parseYaml } from '../source/yamlSource';
import { readFileSync } from 'node:fs';
import { sha256 } from './files';

/** Flags a rule's event may raise; the others come from the scorer itself (declared scores, weights, adjustments). */
export const RULE_FLAGS: Code[] = ['OVER_ACHIEVEMENT', 'REASON_REQUIRED', 'LOW_EXECUTION_RATE', 'EXECUTED_ABOVE_BUDGET', 'NOT_MEASURABLE'];

export const KNOWN_NAMES: KnownNames = {
  scoreMethods: [...Object.keys(INDICATOR_METHODS), ...Object.keys(BUDGET_METHODS)],
  adjustMethods: Object.keys(ADJUST_METHODS),
  flags: RULE_FLAGS,
};

/** Ids of the rule sets shipped in indicators/rulesets/. */
export function shippedRuleSetIds(): string[] {
  if (!existsSync(RULESETS_DIR)) return [];
  return readdirSync(RULESETS_DIR)
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A rule set named by id (shipped) or by path (an evaluator's own file). */
export function ruleSetPath(idOrPath: string, namedAt?: SourceLocation, relativeTo?: string): string {
  const asPath = relativeTo && !path.isAbsolute(idOrPath) ? path.join(relativeTo, idOrPath) : idOrPath;
  if (/\.ya?ml$/.test(idOrPath)) {
    if (existsSync(asPath)) return asPath;
    if (existsSync(idOrPath)) return idOrPath;
  }
  const shipped = path.join(RULESETS_DIR, `${idOrPath}.yaml`);
  if (existsSync(shipped)) return shipped;
  throw inputError('UNKNOWN_RULESET', { id: idOrPath, known: shippedRuleSetIds().join('、') }, namedAt);
}

export function loadRuleSet(idOrPath: string, namedAt?: SourceLocation, relativeTo?: string): RuleSet {
  const file = ruleSetPath(idOrPath, namedAt, relativeTo);
  const text = readFileSync(file, 'utf8');
  return ruleSetFromText(text, displayPath(file));
}

const parsedBySha = new Map<string, RuleSet>();

/** Parses and validates rule-set YAML text (also used for the copy embedded in a PDF); the same text is parsed once. */
export function ruleSetFromText(text: string, file: string): RuleSet {
  const sha = sha256(text);
  const known = parsedBySha.get(`${file}\n${sha}`);
  if (known) return known;
  const doc = parseYaml(text, file);
  const { value, diagnostics } = validateDocument(doc, ruleSetSchema);
  throwIfErrors(diagnostics);
  if (!value) throw inputError('INTERNAL', { detail: `rule set ${file} did not validate` });
  const ruleSet: RuleSet = {
    file: value,
    sha256: sha,
    path: file,
    text,
    ruleLocations: value.rules.map((_, i) => doc.locate(['rules', i])),
  };
  parsedBySha.set(`${file}\n${sha}`, ruleSet);
  return ruleSet;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

const compiledBySha = new Map<string, CompiledRuleSet>();

/** A rule set is compiled once per process and reused for every form. */
export function compiled(ruleSet: RuleSet): CompiledRuleSet {
  let c = compiledBySha.get(ruleSet.sha256);
  if (!c) {
    c = CompiledRuleSet.compile(ruleSet, KNOWN_NAMES);
    compiledBySha.set(ruleSet.sha256, c);
  }
  return c;
}
