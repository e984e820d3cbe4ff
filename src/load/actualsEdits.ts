import { parseDocument } from 'yaml';
import { rowField } from '../domain/fields';
import { inputError } from '../errors/diagnostic';
import { cellValue, numberValue, set, type Path } from './actualsWriter';

/** One cell a clerk changed on the web form: the data path in the actuals file and the text typed. */
export interface FieldEdit {
  path: string[];
  value: string;
}

type FieldKind = 'text' | 'number' | 'optionalText' | 'optionalNumber';

/**
 * The cells a clerk may fill, by data path: everything else in an actuals file (the definitions it names, the seal
 * image) is not editable from a form, so a request can never point the form at another file.
 */
function fieldKind(path: readonly string[]): FieldKind | null {
  const [top, a, b, c] = path;
  if (top === 'indicators' && path.length === 3 && a) {
    const field = b === undefined ? undefined : rowField(b);
    if (field) return field.type === 'points' ? 'optionalNumber' : field.emptied === 'kept' ? 'text' : 'optionalText';
  }
  if (top === 'budget' && path.length === 2) {
    if (a === 'fullYearBudget' || a === 'executed') return 'number';
    if (a === 'initialBudget' || a === 'declaredScore') return 'optionalNumber';
    if (a === 'reason') return 'optionalText';
  }
  if (
    top === 'budget' &&
    a === 'breakdown' &&
    path.length === 4 &&
    (b === 'currentYear' || b === 'carryOver' || b === 'other') &&
    (c === 'initialBudget' || c === 'fullYearBudget' || c === 'executed')
  )
    return 'optionalNumber';
  if (top === 'overallGoal' && a === 'actual' && path.length === 2) return 'text';
  if (
    top === 'signOff' &&
    path.length === 2 &&
    (a === 'preparer' || a === 'phone' || a === 'date' || a === 'reviewer' || a === 'head')
  )
    return 'text';
  // the form's own 申报总分 and 等级, checked against what the rules give
  if (top === 'declaredTotal' && path.length === 1) return 'optionalNumber';
  if (top === 'declaredGrade' && path.length === 1) return 'optionalText';
  return null;
}

export function isEditableField(path: readonly string[]): boolean {
  return fieldKind(path) !== null;
}

/**
 * Applies a form's edits to the actuals file's text with yaml's Document API: comments, key order and every value
 * not edited stay as written. No edits gives back the text itself, byte for byte. An emptied optional cell removes
 * its key; an emptied amount stays as "" so the loader reports it at that cell instead of scoring a silent 0.
 */
export function editActuals(baseText: string, edits: readonly FieldEdit[]): string {
  if (edits.length === 0) return baseText;
  const doc = parseDocument(baseText);
  for (const edit of edits) {
    const kind = fieldKind(edit.path);
    if (!kind) throw inputError('FIELD_NOT_EDITABLE', { field: edit.path.join('.') });
    const path: Path = [...edit.path];
    const value = edit.value.trim() === '' && kind !== 'text' ? '' : edit.value;
    if (value === '') {
      if (kind.startsWith('optional')) set(doc, path, undefined);
      else if (doc.hasIn(path) || kind === 'number') set(doc, path, '');
      continue;
    }
    const field = edit.path[0] === 'indicators' ? rowField(edit.path[2] ?? '') : undefined;
    if (field?.type === 'list') set(doc, path, cellValue(field, value));
    else set(doc, path, kind === 'number' || kind === 'optionalNumber' ? numberValue(value.trim()) : value);
  }
  return doc.toString({ lineWidth: 0 });
}
