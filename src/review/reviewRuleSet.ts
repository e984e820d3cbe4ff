import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceLocation } from '../domain/model';
import { REVIEWS_DIR } from '../domain/paths';
import { builtOrThrow, diagnostic, inputError, type Diagnostic } from '../errors/diagnostic';
import { listOf, textRef } from '../errors/texts';
import { decodeText, readInput, sha256 } from '../load/files';
import { canonicalJson } from '../domain/canonicalJson';
import { checkFindingRules, FindingEngine } from '../rules/findingEngine';
import {
  reviewRuleSetSchema,
  type ReviewParameterValue,
  type ReviewRuleInput,
  type ReviewRuleSetFile,
} from '../schema/reviewRuleSet';
import { validateDocument } from '../source/validate';
import { parseYaml } from '../source/yamlSource';
import { REVIEW_FACTS } from './facts';

/** Where a parameter's value comes from: the rule set that set it, and the document and date it cites. */
export interface ParameterSource {
  ruleSet: string;
  basis?: string;
  effective?: string;
}

/** A review rule set with `extends` applied: its rules, plain parameters, and where each came from. */
export interface ReviewRuleSet {
  id: string;
  version: string;
  name: string;
  path: string;
  /** Ids from this set down to the one that extends nothing. */
  chain: string[];
  rules: ReviewRuleInput[];
  ruleLocations: (SourceLocation | undefined)[];
  parameters: Record<string, ReviewParameterValue>;
  provenance: Record<string, ParameterSource>;
  /** sha256 of the resolved rules and parameters: what re-checks, however it was written. */
  sha256: string;
}

type Annotated = { value: ReviewParameterValue; basis?: string; effective?: string };
const isAnnotated = (v: unknown): v is Annotated =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'value' in v;

/** The file of a review rule set named by path, or by id in a `reviews/` folder here or in the shipped ones. */
function reviewRuleSetPath(idOrPath: string, namedAt?: SourceLocation, relativeTo?: string): string {
  if (/\.ya?ml$/.test(idOrPath) || idOrPath.includes('/') || idOrPath.includes(path.sep)) {
    const asPath = relativeTo && !path.isAbsolute(idOrPath) ? path.join(relativeTo, idOrPath) : idOrPath;
    if (existsSync(asPath)) return asPath;
    throw inputError('FILE_NOT_FOUND', { path: asPath }, namedAt);
  }
  const folders = [path.join(relativeTo ?? process.cwd(), 'reviews'), REVIEWS_DIR];
  for (const folder of folders) {
    const file = path.join(folder, `${idOrPath}.yaml`);
    if (existsSync(file)) return file;
  }
  throw inputError('UNKNOWN_RULESET', { id: idOrPath, known: listOf(shippedReviewRuleSetIds()) }, namedAt);
}

/** Ids of the review rule sets shipped in indicators/reviews/. */
export function shippedReviewRuleSetIds(): string[] {
  if (!existsSync(REVIEWS_DIR)) return [];
  return readdirSync(REVIEWS_DIR)
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** The review rule set a run uses when none is named. */
export const DEFAULT_REVIEW_RULESET = 'review-default';

/** Reads a review rule set by id or path, resolving `extends`; every problem is reported at its line together. */
export function loadReviewRuleSet(idOrPath: string = DEFAULT_REVIEW_RULESET): ReviewRuleSet {
  const { ruleSet, problems } = readReviewRuleSet(idOrPath, undefined, undefined, []);
  return builtOrThrow(ruleSet, problems);
}

function readReviewRuleSet(
  idOrPath: string,
  namedAt: SourceLocation | undefined,
  relativeTo: string | undefined,
  seen: string[],
): { ruleSet: ReviewRuleSet | null; problems: Diagnostic[] } {
  const file = reviewRuleSetPath(idOrPath, namedAt, relativeTo);
  const absolute = path.resolve(file);
  if (seen.includes(absolute))
    throw inputError('RULESET_EXTENDS_CYCLE', { chain: [...seen, absolute].map((f) => path.basename(f)).join(' → ') });
  const { text, notes } = decodeText(readInput(file, 'yaml', namedAt), file);
  const doc = parseYaml(text, file);
  doc.diagnostics.push(...notes);
  const { value, diagnostics } = validateDocument(doc, reviewRuleSetSchema);
  if (!value) return { ruleSet: null, problems: diagnostics };
  const own = resolveOwn(value, file, (p) => doc.locate(p));
  if (!value.extends) return finish(own, diagnostics);
  const base = readReviewRuleSet(value.extends, doc.locate(['extends']), path.dirname(file), [...seen, absolute]);
  if (!base.ruleSet) return { ruleSet: null, problems: [...diagnostics, ...base.problems] };
  return finish(
    merged(base.ruleSet, own, value.remove ?? [], (p) => doc.locate(p)),
    [...diagnostics, ...base.problems],
  );
}

/** A file's own rules and parameters, as if it extended nothing. */
function resolveOwn(
  value: ReviewRuleSetFile,
  file: string,
  locate: (p: (string | number)[]) => SourceLocation,
): ReviewRuleSet & { problems: Diagnostic[] } {
  const parameters: Record<string, ReviewParameterValue> = {};
  const provenance: Record<string, ParameterSource> = {};
  for (const [key, written] of Object.entries(value.parameters)) {
    parameters[key] = isAnnotated(written) ? written.value : (written as ReviewParameterValue);
    provenance[key] = {
      ruleSet: value.id,
      ...(isAnnotated(written) && written.basis ? { basis: written.basis } : {}),
      ...(isAnnotated(written) && written.effective ? { effective: written.effective } : {}),
    };
  }
  return {
    id: value.id,
    version: value.version,
    name: value.name,
    path: file,
    chain: [value.id],
    rules: value.rules,
    ruleLocations: value.rules.map((_, i) => locate(['rules', i])),
    parameters,
    provenance,
    sha256: '',
    problems: [],
  };
}

/** A delta over its base: rules replaced by name or added, `remove` dropping base rules, parameters overriding. */
function merged(
  base: ReviewRuleSet,
  own: ReviewRuleSet & { problems: Diagnostic[] },
  remove: string[],
  locate: (p: (string | number)[]) => SourceLocation,
): ReviewRuleSet & { problems: Diagnostic[] } {
  const problems = remove.flatMap((name, i) =>
    base.rules.some((r) => r.name === name)
      ? []
      : [
          diagnostic(
            'RULESET_DELTA_UNKNOWN_RULE',
            { rule: name, base: base.id, action: textRef('ruleset.action.remove') },
            locate(['remove', i]),
          ),
        ],
  );
  const ownNames = new Map(own.rules.map((r, i) => [r.name, i]));
  const rules: ReviewRuleInput[] = [];
  const ruleLocations: (SourceLocation | undefined)[] = [];
  base.rules.forEach((rule, i) => {
    if (remove.includes(rule.name)) return;
    const replaced = ownNames.get(rule.name);
    rules.push(replaced === undefined ? rule : (own.rules[replaced] ?? rule));
    ruleLocations.push(replaced === undefined ? base.ruleLocations[i] : own.ruleLocations[replaced]);
  });
  own.rules.forEach((rule, i) => {
    if (base.rules.some((r) => r.name === rule.name)) return;
    rules.push(rule);
    ruleLocations.push(own.ruleLocations[i]);
  });
  return {
    ...own,
    chain: [own.id, ...base.chain],
    rules,
    ruleLocations,
    parameters: { ...base.parameters, ...own.parameters },
    provenance: { ...base.provenance, ...own.provenance },
    problems,
  };
}

function finish(
  ruleSet: ReviewRuleSet & { problems: Diagnostic[] },
  diagnostics: Diagnostic[],
): { ruleSet: ReviewRuleSet; problems: Diagnostic[] } {
  const { problems, ...rest } = ruleSet;
  const resolved: ReviewRuleSet = {
    ...rest,
    sha256: sha256(canonicalJson({ rules: rest.rules, parameters: rest.parameters })),
  };
  const checks = checkFindingRules(resolved.rules, REVIEW_FACTS, resolved.ruleLocations);
  return { ruleSet: resolved, problems: [...diagnostics, ...problems, ...checks] };
}

const engines = new Map<string, FindingEngine>();

/** A review rule set is compiled once per process. */
export function findingEngine(ruleSet: ReviewRuleSet): FindingEngine {
  let engine = engines.get(ruleSet.sha256);
  if (!engine) {
    engine = new FindingEngine(ruleSet.rules, ruleSet.parameters, REVIEW_FACTS, ruleSet.ruleLocations);
    engines.set(ruleSet.sha256, engine);
  }
  return engine;
}
