import type { SourceLocation } from '../domain/model';
import type { Provenance, RuleSetFile, RuleSetParameters } from '../schema/ruleset';
import type { ResolvedRuleSet } from './resolve';

export type { RuleSetFile, RuleSetParameters };

/** A rule set as loaded: its validated content, where it came from and a hash of its bytes. */
export interface RuleSet {
  file: RuleSetFile;
  /** sha256 of the resolved content (canonical JSON): what scores, however it was written. */
  sha256: string;
  path: string;
  /** Self-contained YAML of the resolved set (the file itself when it extends nothing), embedded in signed PDFs. */
  text: string;
  /** Ids from this rule set down to the one that extends nothing. */
  chain: string[];
  /** Where each parameter's value comes from, by dotted path. */
  provenance: Record<string, Provenance>;
  resolved: ResolvedRuleSet;
  /** Where each rule (by index in file.rules) starts, for lint findings and errors. */
  ruleLocations: SourceLocation[];
  /** Where a path inside rule `index` was written (an event option, say), in whichever file defined the rule. */
  locateInRule?: (index: number) => (path: (string | number)[]) => SourceLocation;
}
