import type { SourceLocation } from '../domain/model';
import type { Diagnostic } from '../errors/diagnostic';

/** A value's place in a parsed file: keys and list indexes from the top. */
export type DataPath = readonly (string | number)[];

/** A YAML file read with positions, so any data path can be reported as file:line:column. */
export interface SourceDocument {
  /** The path as the user wrote it (used in messages). */
  file: string;
  /** Absolute path (used to resolve files named inside it). */
  absolutePath: string;
  text: string;
  data: unknown;
  /** Problems found while reading: syntax errors (fatal) and duplicate keys. */
  diagnostics: Diagnostic[];
  /** Where the value at `dataPath` is; `key: true` points at its key instead. Falls back to the nearest parent. */
  locate(dataPath: DataPath, options?: { key?: boolean }): SourceLocation;
  /** The keys of the mapping at `dataPath` as written: a key written as a number (1.10) reads as 1.1. */
  keysAt(dataPath: DataPath): { key: string; source: string; writtenAsNumber: boolean; location: SourceLocation }[];
}
