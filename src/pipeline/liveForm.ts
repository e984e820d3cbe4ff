import * as path from 'node:path';
import { InputError, type Diagnostic } from '../errors/diagnostic';
import type { SourceLocation } from '../domain/model';
import { editActuals, type FieldEdit } from '../load/actualsEdits';
import { loadFormFromDocument } from '../load/loadForm';
import { compiled } from '../load/ruleSets';
import { scoreForm } from '../scoring/scoreForm';
import { parseYaml, type DataPath, type SourceDocument } from '../source/yamlSource';
import type { ScoredForm } from './stages';

/** A form as a clerk is editing it: the actuals text with their edits, scored by the one loader and scorer, or refused. */
export interface EditedForm {
  /** The actuals file's text with the edits applied (what save writes). */
  text: string;
  scored?: ScoredForm;
  /**
   * Why the edited form cannot be read (schema, unreadable numbers, unknown ids): each at its cell. With `scored`
   * beside them, the form was scored without the cells they mark (each left at its saved value), so one unreadable
   * amount does not blank every other score; such a form is neither saved nor printed until they are fixed.
   */
  problems: Diagnostic[];
  /** The data path a diagnostic's location was asked for, so the page can mark the cell it belongs to. */
  fieldOf(location: SourceLocation | undefined): string[] | undefined;
}

/**
 * Every place the loader asks for is remembered with the data path it asked about: the page marks a message at its
 * cell even where the file has no value yet (a missing actual is located at its row, but asked for as `actual`).
 */
function recordingFields(doc: SourceDocument): { doc: SourceDocument; fieldOf: EditedForm['fieldOf'] } {
  const byObject = new WeakMap<SourceLocation, string[]>();
  const byPlace = new Map<string, string[]>();
  const place = (l: SourceLocation): string => `${l.line}:${l.column}`;
  const locate = (dataPath: DataPath, options?: { key?: boolean }): SourceLocation => {
    const location = doc.locate(dataPath, options);
    const field = dataPath.map(String);
    byObject.set(location, field);
    const known = byPlace.get(place(location));
    if (!known || field.length > known.length) byPlace.set(place(location), field);
    return location;
  };
  return {
    doc: { ...doc, locate },
    fieldOf: (location) =>
      location && location.file === doc.file ? (byObject.get(location) ?? byPlace.get(place(location))) : undefined,
  };
}

/**
 * Scores an actuals file as edited on the web form, touching no file: the same loader and scorer as `jixiao score`,
 * from the file's own folder (so its definitions and rule set resolve as they do on disk).
 */
export async function scoreEdited(
  actualsPath: string,
  baseText: string,
  edits: readonly FieldEdit[],
): Promise<EditedForm> {
  let text = baseText;
  try {
    text = editActuals(baseText, edits);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { text, problems: error.diagnostics, fieldOf: () => undefined };
  }
  const { doc, fieldOf } = recordingFields(parseYaml(text, path.basename(actualsPath), path.resolve(actualsPath)));
  try {
    const loaded = loadFormFromDocument(doc);
    const result = await scoreForm(loaded.input, compiled(loaded.ruleSet));
    return { text, scored: { loaded, result }, problems: [], fieldOf };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return (
      (await withoutRefusedEdits(actualsPath, baseText, edits, error.diagnostics, text, fieldOf)) ?? {
        text,
        problems: error.diagnostics,
        fieldOf,
      }
    );
  }
}

/**
 * When every error sits at a cell the clerk edited, the form is scored again without those edits (the cells keep
 * their saved values) and the errors are kept for their cells; null when an error lies elsewhere or it still fails.
 */
async function withoutRefusedEdits(
  actualsPath: string,
  baseText: string,
  edits: readonly FieldEdit[],
  problems: Diagnostic[],
  text: string,
  fieldOf: EditedForm['fieldOf'],
): Promise<EditedForm | null> {
  const refused = new Set(
    problems.filter((d) => d.severity === 'error').map((d) => JSON.stringify(fieldOf(d.location) ?? null)),
  );
  const kept = edits.filter((e) => !refused.has(JSON.stringify(e.path)));
  if (refused.has('null') || kept.length === edits.length) return null;
  const rest = await scoreEdited(actualsPath, baseText, kept);
  if (!rest.scored || rest.problems.length > 0) return null;
  return { text, scored: rest.scored, problems, fieldOf: (location) => fieldOf(location) ?? rest.fieldOf(location) };
}
