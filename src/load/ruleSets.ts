import * as path from 'node:path';
import { stringify } from 'yaml';
import { canonicalJson } from '../domain/canonicalJson';
import type { SourceLocation } from '../domain/model';
import { builtOrThrow, diagnostic, inputError, InputError, type Diagnostic } from '../errors/diagnostic';
import { checkRules } from '../rules/checkRules';
import { CompiledRuleSet } from '../rules/compile';
import { LevelNames } from '../rules/levels';
import { applyDelta, PARAMETER_PATHS, resolveWhole, type ResolvedRuleSet } from '../rules/resolve';
import type { RuleSet } from '../rules/ruleSet';
import { ruleSetDeltaSchema, ruleSetSchema } from '../schema/ruleset';
import { EVENT_SPECS } from '../scoring/registry';
import { validateDocument } from '../source/validate';
import { parseYaml, type SourceDocument } from '../source/yamlSource';
import { decodeText, readInput, sha256 } from './files';
import { ruleSetPath, shippedRuleSetIds } from './ruleSetFiles';
import { PRINTED } from '../domain/formWording';
import { RULESETS_DIR } from '../domain/paths';

export { shippedRuleSetIds, ruleSetFolders, RULESETS_ENV } from './ruleSetFiles';

/** What rule events may name (methods, adjustments, flags) and with which options: the scoring registry. */
export const KNOWN_EVENTS = EVENT_SPECS;

/** Loads a rule set by id or path, resolving `extends`; problems are thrown together, each at its line. */
export function loadRuleSet(idOrPath: string, namedAt?: SourceLocation, relativeTo?: string): RuleSet {
  const { ruleSet, problems } = readRuleSet(idOrPath, namedAt, relativeTo, []);
  return builtOrThrow(ruleSet, problems);
}

type ReadResult = { ruleSet: RuleSet | null; problems: Diagnostic[] };

/**
 * Rule sets already read, by the chain that reached them, with the hash of every file they were made from: a
 * compare over 100,000 forms names the same rule set for each form, and parsing it again was a third of the run.
 * Each use re-reads the files and checks the hashes, so an edited rule set (or its base) is read afresh.
 */
const readBefore = new Map<string, { files: Map<string, string>; result: ReadResult; idAt: SourceLocation }>();
/** The files (absolute path → sha256) read by the rule set being resolved, base files included. */
let filesRead: Map<string, string> | null = null;

const unchanged = (files: Map<string, string>, namedAt: SourceLocation | undefined): boolean =>
  [...files].every(([file, sha]) => sha256(readInput(file, 'yaml', namedAt)) === sha);

/** As loadRuleSet, but returns the problems instead of throwing (for lint, which reports them with its own). */
export function readRuleSet(
  idOrPath: string,
  namedAt: SourceLocation | undefined,
  relativeTo: string | undefined,
  seen: string[],
): ReadResult {
  const { file, byId } = ruleSetPath(idOrPath, namedAt, relativeTo);
  const absolute = path.resolve(file);
  if (seen.includes(absolute))
    throw inputError(
      'RULESET_EXTENDS_CYCLE',
      { chain: [...seen, absolute].map((f) => path.basename(f, '.yaml')).join(' → ') },
      namedAt,
    );
  const key = [...seen, absolute, file].join('\n');
  const outer = filesRead;
  let result: ReadResult;
  let idAt: SourceLocation;
  const before = readBefore.get(key);
  if (before && unchanged(before.files, namedAt)) {
    ({ result, idAt } = before);
    for (const [f, sha] of before.files) outer?.set(f, sha);
  } else {
    const shown = displayPath(file);
    const bytes = readInput(file, 'yaml', namedAt);
    const { text, notes } = decodeText(bytes, shown);
    const doc = parseYaml(text, shown);
    doc.diagnostics.push(...notes);
    const files = new Map([[absolute, sha256(bytes)]]);
    filesRead = files;
    try {
      result = ruleSetFromDocument(doc, [...seen, absolute]);
    } finally {
      filesRead = outer;
    }
    for (const [f, sha] of files) outer?.set(f, sha);
    idAt = doc.locate(['id']);
    readBefore.set(key, { files, result, idAt });
  }
  if (result.ruleSet && byId && result.ruleSet.file.id !== idOrPath) {
    return {
      ...result,
      problems: [
        ...result.problems,
        diagnostic('RULESET_ID_MISMATCH', { path: idAt.file, found: result.ruleSet.file.id, id: idOrPath }, idAt),
      ],
    };
  }
  // a copy of the list: a caller may add its own findings to it
  return { ...result, problems: [...result.problems] };
}

/** The rule set shipped with jixiao under this id (never a user's file of the same name), or null when none is. */
export function shippedRuleSet(id: string): RuleSet | null {
  return shippedRuleSetIds().includes(id) ? loadRuleSet(path.join(RULESETS_DIR, `${id}.yaml`)) : null;
}

/**
 * The shipped rule sets whose framework knows every one of these 一级 names (as written or as a synonym), so a
 * form scored under another can be told which to use: 投入指标, 过程指标 → gongxing-2013.
 */
export function shippedFrameworksKnowing(level1Names: readonly string[]): string[] {
  return shippedRuleSetIds().filter((id) => {
    const ruleSet = shippedRuleSet(id);
    if (!ruleSet) return false;
    const names = new LevelNames(ruleSet.file.framework);
    return level1Names.every((name) => names.canonical1(name) !== null);
  });
}

const byText = new Map<string, RuleSet>();

/** Parses, validates and resolves rule-set YAML text (also the copy embedded in a PDF); the same text is parsed once. */
export function ruleSetFromText(text: string, file: string): RuleSet {
  const key = `${file}\n${sha256(text)}`;
  const known = byText.get(key);
  if (known) return known;
  const { ruleSet, problems } = ruleSetFromDocument(parseYaml(text, file), []);
  const built = builtOrThrow(ruleSet, problems);
  byText.set(key, built);
  return built;
}

function ruleSetFromDocument(doc: SourceDocument, seen: string[]): { ruleSet: RuleSet | null; problems: Diagnostic[] } {
  const locate = (p: (string | number)[]): SourceLocation => doc.locate(p);
  const data = doc.data as Record<string, unknown> | null;
  if (data && typeof data === 'object' && 'extends' in data) {
    const { value, diagnostics } = validateDocument(doc, ruleSetDeltaSchema);
    if (!value) return { ruleSet: null, problems: diagnostics };
    let base: { ruleSet: RuleSet | null; problems: Diagnostic[] };
    try {
      base = readRuleSet(value.extends, doc.locate(['extends']), path.dirname(doc.file), seen);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { ruleSet: null, problems: [...diagnostics, ...error.diagnostics] };
    }
    if (!base.ruleSet) return { ruleSet: null, problems: [...diagnostics, ...base.problems] };
    const { resolved, problems } = applyDelta(base.ruleSet.resolved, value, locate);
    return finish(resolved, doc, resolvedText(resolved), [...diagnostics, ...base.problems, ...problems]);
  }
  const { value, diagnostics } = validateDocument(doc, ruleSetSchema);
  if (!value) return { ruleSet: null, problems: diagnostics };
  return finish(resolveWhole(value, locate), doc, doc.text, diagnostics);
}

function finish(
  resolved: ResolvedRuleSet,
  doc: SourceDocument,
  text: string,
  problems: Diagnostic[],
): { ruleSet: RuleSet; problems: Diagnostic[] } {
  const ruleSet: RuleSet = {
    file: resolved.file,
    // the hash of what scores, not of the bytes: the same rules written as a delta or in full hash alike
    sha256: sha256(canonicalJson(resolved.file)),
    path: doc.file,
    text,
    chain: resolved.chain,
    provenance: resolved.provenance,
    resolved,
    ruleLocations: resolved.ruleLocators.map((locate) => locate([])),
    locateInRule: (index) => resolved.ruleLocators[index] ?? ((p) => doc.locate(p)),
  };
  // Events are checked against the method registry as the rule set loads: `kap: 89` never reaches a form.
  return { ruleSet, problems: [...problems, ...checkRules(ruleSet, KNOWN_EVENTS)] };
}

/**
 * The resolved rule set as self-contained YAML (no `extends`), embedded in PDFs so a reviewer re-scores
 * without the base files; parameters keep their basis and date.
 */
export function resolvedText(resolved: ResolvedRuleSet): string {
  const parameters: Record<string, unknown> = structuredClone(resolved.file.parameters) as unknown as Record<
    string,
    unknown
  >;
  for (const dotted of PARAMETER_PATHS) {
    const p = resolved.provenance[dotted];
    if (!p || (!p.basis && !p.effective)) continue;
    const keys = dotted.split('.');
    const leaf = keys.pop() ?? dotted;
    const parent = keys.reduce<Record<string, unknown>>((node, k) => node[k] as Record<string, unknown>, parameters);
    parent[leaf] = {
      value: parent[leaf],
      ...(p.basis ? { basis: p.basis } : {}),
      ...(p.effective ? { effective: p.effective } : {}),
    };
  }
  const header = `${PRINTED.resolvedRuleSet(resolved.file.id, resolved.chain.join(' ← '))}\n`;
  return header + stringify({ ...resolved.file, parameters }, { lineWidth: 0, flowCollectionPadding: true });
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
    c = CompiledRuleSet.compile(ruleSet, KNOWN_EVENTS);
    compiledBySha.set(ruleSet.sha256, c);
  }
  return c;
}
