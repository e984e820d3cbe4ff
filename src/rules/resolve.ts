import type { SourceLocation } from '../domain/model';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import type {
  Provenance,
  RuleInput,
  RuleSetDelta,
  RuleSetFile,
  RuleSetParameters,
  RuleSetWritten,
} from '../schema/ruleset';

type Locate = (path: (string | number)[]) => SourceLocation;

/** A rule set with `extends` applied: its content, each parameter's provenance, and where each rule was written. */
export interface ResolvedRuleSet {
  file: RuleSetFile;
  provenance: Record<string, Provenance>;
  /** For rule i of file.rules: locates a path inside that rule, in the file that wrote it. */
  ruleLocators: Locate[];
  /** Ids from this rule set down to the one that extends nothing. */
  chain: string[];
}

type Annotated = { value: unknown; basis?: string; effective?: string };

function isAnnotated(value: unknown): value is Annotated {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'value' in value;
}

/** The dotted paths of the parameter leaves (the only places a value may be annotated). */
export const PARAMETER_PATHS = [
  'qualitativeBands.achieved',
  'qualitativeBands.partial',
  'qualitativeBands.notAchieved',
  'overAchievement.flagAt',
  'overAchievement.reasonAt',
  'lowExecutionRate',
  'notApplicable.rescale',
  'bandFromDeclaredScore',
  'weights',
  'directionFromName',
] as const;

function read(tree: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      tree,
    );
}

function write(tree: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  const leaf = keys.pop() ?? dotted;
  let node = tree;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[leaf] = value;
}

/** Copies written parameters (bare or annotated) onto plain values, recording where each came from. */
function applyParameters(
  target: Record<string, unknown>,
  provenance: Record<string, Provenance>,
  written: unknown,
  ruleSet: string,
): void {
  for (const dotted of PARAMETER_PATHS) {
    const value = read(written, dotted);
    if (value === undefined) continue;
    if (isAnnotated(value)) {
      write(target, dotted, value.value);
      provenance[dotted] = {
        ruleSet,
        ...(value.basis ? { basis: value.basis } : {}),
        ...(value.effective ? { effective: value.effective } : {}),
      };
    } else {
      write(target, dotted, value);
      provenance[dotted] = { ruleSet };
    }
  }
}

/** A rule set that extends nothing, with its parameters unannotated. */
export function resolveWhole(written: RuleSetWritten, locate: Locate): ResolvedRuleSet {
  const parameters: Record<string, unknown> = {};
  const provenance: Record<string, Provenance> = {};
  applyParameters(parameters, provenance, written.parameters, written.id);
  return {
    file: { ...written, parameters: parameters as unknown as RuleSetParameters },
    provenance,
    ruleLocators: written.rules.map((_, i) => (path) => locate(['rules', i, ...path])),
    chain: [written.id],
  };
}

/**
 * Applies a delta to its resolved base. Every rule named by remove/replace must exist in the base and every
 * added rule must be new, so a renamed rule upstream is an error here rather than a silent duplicate.
 */
export function applyDelta(
  base: ResolvedRuleSet,
  delta: RuleSetDelta,
  locate: Locate,
): { resolved: ResolvedRuleSet; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const parameters = structuredClone(base.file.parameters) as unknown as Record<string, unknown>;
  const provenance = { ...base.provenance };
  if (delta.parameters) applyParameters(parameters, provenance, delta.parameters, delta.id);

  const level1 = deltaLevel1(base, delta, locate, problems);
  const { rules, locators } = deltaRules(base, delta, locate, problems);

  const b = base.file;
  const file: RuleSetFile = {
    id: delta.id,
    version: delta.version,
    name: delta.name,
    basis: delta.basis ?? b.basis,
    effective: delta.effective ?? b.effective,
    ...(delta.description !== undefined
      ? { description: delta.description }
      : b.description !== undefined
        ? { description: b.description }
        : {}),
    framework: {
      total: delta.framework?.total ?? b.framework.total,
      budget: delta.framework?.budget ?? b.framework.budget,
      level1,
      ...mergedSynonyms(b.framework.synonyms, delta.framework?.synonyms),
      ...((delta.framework?.unknownLevel2 ?? b.framework.unknownLevel2)
        ? { unknownLevel2: delta.framework?.unknownLevel2 ?? b.framework.unknownLevel2 }
        : {}),
      ...((delta.framework?.unknownLevel1 ?? b.framework.unknownLevel1)
        ? { unknownLevel1: delta.framework?.unknownLevel1 ?? b.framework.unknownLevel1 }
        : {}),
    },
    grades: { print: delta.grades?.print ?? b.grades.print, bands: delta.grades?.bands ?? b.grades.bands },
    parameters: parameters as unknown as RuleSetParameters,
    rules,
  };
  return { resolved: { file, provenance, ruleLocators: locators, chain: [delta.id, ...base.chain] }, problems };
}

/** The 一级 of the base with the delta's changes: removed, reweighted, given other 二级, or new (weight and 二级 both given). */
function deltaLevel1(
  base: ResolvedRuleSet,
  delta: RuleSetDelta,
  locate: Locate,
  problems: Diagnostic[],
): RuleSetFile['framework']['level1'] {
  const level1 = base.file.framework.level1.map((l) => ({ ...l, level2: [...l.level2] }));
  (delta.framework?.level1 ?? []).forEach((change, i) => {
    const existing = level1.find((l) => l.name === change.name);
    if (existing && change.remove) level1.splice(level1.indexOf(existing), 1);
    else if (existing) {
      if (change.weight !== undefined) existing.weight = change.weight;
      if (change.level2) existing.level2 = [...change.level2];
    } else if (change.weight !== undefined && change.level2) {
      level1.push({ name: change.name, weight: change.weight, level2: [...change.level2] });
    } else {
      problems.push(
        diagnostic(
          'RULESET_DELTA_LEVEL1',
          { name: change.name, base: base.file.id },
          locate(['framework', 'level1', i]),
        ),
      );
    }
  });
  return level1;
}

/** The base's rules with the delta's removed, replaced and added, each keeping where it was written. */
function deltaRules(
  base: ResolvedRuleSet,
  delta: RuleSetDelta,
  locate: Locate,
  problems: Diagnostic[],
): { rules: RuleInput[]; locators: Locate[] } {
  const rules: RuleInput[] = [...base.file.rules];
  const locators: Locate[] = [...base.ruleLocators];
  const indexOf = (name: string): number => rules.findIndex((r) => r.name === name);
  (delta.rules?.remove ?? []).forEach((name, i) => {
    const at = indexOf(name);
    if (at < 0)
      problems.push(
        diagnostic(
          'RULESET_DELTA_UNKNOWN_RULE',
          { rule: name, base: base.file.id, action: textRef('ruleset.action.remove') },
          locate(['rules', 'remove', i]),
        ),
      );
    else {
      rules.splice(at, 1);
      locators.splice(at, 1);
    }
  });
  (delta.rules?.replace ?? []).forEach((rule, i) => {
    const at = indexOf(rule.name);
    if (at < 0)
      problems.push(
        diagnostic(
          'RULESET_DELTA_UNKNOWN_RULE',
          { rule: rule.name, base: base.file.id, action: textRef('ruleset.action.replace') },
          locate(['rules', 'replace', i]),
        ),
      );
    else {
      rules[at] = rule;
      locators[at] = (path) => locate(['rules', 'replace', i, ...path]);
    }
  });
  (delta.rules?.add ?? []).forEach((rule, i) => {
    if (indexOf(rule.name) >= 0)
      problems.push(
        diagnostic(
          'RULESET_DELTA_DUPLICATE_RULE',
          { rule: rule.name, base: base.file.id },
          locate(['rules', 'add', i]),
        ),
      );
    else {
      rules.push(rule);
      locators.push((path) => locate(['rules', 'add', i, ...path]));
    }
  });
  return { rules, locators };
}

/** Synonyms add up: a delta's names join its base's (the delta wins on the same name). */
function mergedSynonyms(
  base: RuleSetFile['framework']['synonyms'],
  delta: RuleSetFile['framework']['synonyms'],
): Pick<RuleSetFile['framework'], 'synonyms'> {
  if (!base && !delta) return {};
  return { synonyms: { level1: { ...base?.level1, ...delta?.level1 }, level2: { ...base?.level2, ...delta?.level2 } } };
}
