import { loadRuleSet, resolvedText } from '../load/ruleSets';
import { PARAMETER_PATHS } from '../rules/resolve';
import type { RuleSet } from '../rules/ruleSet';

export interface ParameterLine {
  path: string;
  value: unknown;
  ruleSet: string;
  basis: string;
  effective: string;
}

/** Each parameter of a resolved rule set, with the rule set that set it and its basis and date (falling back to that rule set's own). */
export function parameterLines(
  ruleSet: RuleSet,
  basisOf: (id: string) => { basis: string; effective: string },
): ParameterLine[] {
  return PARAMETER_PATHS.map((dotted) => {
    const value = dotted
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], ruleSet.file.parameters);
    const p = ruleSet.provenance[dotted] ?? { ruleSet: ruleSet.file.id };
    const fallback = basisOf(p.ruleSet);
    return {
      path: dotted,
      value,
      ruleSet: p.ruleSet,
      basis: p.basis ?? fallback.basis,
      effective: p.effective ?? fallback.effective,
    };
  });
}

/** `jixiao ruleset show`: the resolved rule set as YAML and its parameters' provenance. */
export function showRuleSet(idOrPath: string): { ruleSet: RuleSet; yaml: string; parameters: ParameterLine[] } {
  const ruleSet = loadRuleSet(idOrPath, undefined, process.cwd());
  const basisOf = (id: string): { basis: string; effective: string } => {
    const source = id === ruleSet.file.id ? ruleSet : loadRuleSet(id, undefined, process.cwd());
    return { basis: source.file.basis, effective: source.file.effective };
  };
  return { ruleSet, yaml: resolvedText(ruleSet.resolved), parameters: parameterLines(ruleSet, basisOf) };
}
