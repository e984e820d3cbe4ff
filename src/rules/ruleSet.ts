import type { SourceLocation } from '../domain/model';
import type { RuleSetFile, RuleSetParameters } from '../schema/ruleset';

export type { RuleSetFile, RuleSetParameters };

/** A rule set as loaded: its validated content, where it came from and a hash of its bytes. */
export interface RuleSet {
  file: RuleSetFile;
  /** sha256 of the YAML file's bytes. */
  sha256: string;
  path: string;
  /** The YAML text, embedded in signed PDFs so anyone can re-score. */
  text: string;
  /** Where each rule (by index in file.rules) starts, for lint findings and errors. */
  ruleLocations: SourceLocation[];
}
