import * as path from 'node:path';
import type { LoadedForm } from './loadForm';
import { loadRuleSet } from './ruleSets';

/**
 * The rule set a value kept in the form cache was made with, as the form's definitions name it: the name, the
 * folder it was resolved from, and the hash of what it resolved to (its base files included).
 */
export interface KeptRuleSet {
  name: string;
  relativeTo: string;
  sha256: string;
}

/** The rule set a form was loaded with, as a kept value names it. */
export function keptRuleSetOf(loaded: LoadedForm): KeptRuleSet {
  return {
    name: loaded.definitions.ruleSet,
    relativeTo: path.dirname(loaded.definitionsDoc.absolutePath),
    sha256: loaded.ruleSet.sha256,
  };
}

/** Whether the name still resolves to the same rules: an edited rule set (or base) makes the kept value stale. */
export function sameRuleSet(kept: KeptRuleSet): boolean {
  try {
    return loadRuleSet(kept.name, undefined, kept.relativeTo).sha256 === kept.sha256;
  } catch {
    return false;
  }
}
