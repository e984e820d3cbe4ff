import type { Severity } from '../../domain/model';

/**
 * One error, warning or flag jixiao can report: its severity, and what it says in Chinese and English.
 * `{name}` in a text is filled from the diagnostic's data; the hint says how to fix it.
 */
export interface CatalogEntry {
  severity: Severity;
  zh: string;
  en: string;
  hintZh?: string;
  hintEn?: string;
  /** The hint for a clerk at a form (web page, workbook) when the file's hint names YAML keys. */
  formHintZh?: string;
  formHintEn?: string;
}

/** The `{name}` placeholders of a template, as a union of names (so each code's data is typed). */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;
