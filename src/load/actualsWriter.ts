import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { listEntries, rowFields, type FilledRow, type RowFieldSpec } from '../domain/fields';

/** What a clerk filled (from a workbook or a form), as text; amounts and scores as exact decimal text. */
export interface FilledActuals {
  budget: {
    initialBudget?: string | undefined;
    fullYearBudget?: string | undefined;
    executed?: string | undefined;
    declaredScore?: string | undefined;
    reason?: string | undefined;
    breakdown: Record<string, Record<string, string | undefined>>;
  };
  overallGoal: string;
  indicators: Map<string, FilledRow>;
  declaredTotal?: string;
  declaredGrade?: string;
  signOff: Record<string, string>;
}

/**
 * One row's cells, as the field table says: points as numbers; a blank the skeleton wrote stays a blank (`kept`),
 * an optional cell left empty is removed.
 */
function writeRow(doc: Document, id: string, row: FilledRow): void {
  const cells = row as Record<string, string | undefined>;
  for (const field of rowFields()) {
    const at: Path = ['indicators', id, field.key];
    const value = cells[field.key];
    if (value === undefined) set(doc, at, field.emptied === 'kept' && doc.hasIn(at) ? '' : undefined);
    else set(doc, at, cellValue(field, value));
  }
}

/** A cell's text as the YAML value its field holds: points as a number, a list as its entries, text as typed. */
export function cellValue(field: RowFieldSpec, text: string): string | number | string[] | undefined {
  if (field.type === 'points') return numberValue(text);
  if (field.type !== 'list') return text;
  const entries = listEntries(text);
  return entries.length > 0 ? entries : undefined;
}

/** A decimal text as a YAML number when a double holds it exactly as written, else as a quoted string. */
export function numberValue(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

export type Path = (string | number)[];

/**
 * Sets a value, keeping the scalar node (and the comment on it) when there is one, so the file a clerk
 * or `init` wrote keeps its comments and key order; `undefined` removes the key.
 */
export function set(doc: Document, path: Path, value: string | number | string[] | undefined): void {
  if (value === undefined) {
    if (doc.hasIn(path)) doc.deleteIn(path);
    return;
  }
  if (Array.isArray(value)) {
    // a list is written on one line, as the skeleton shows it: [a.pdf, b.xlsx]
    doc.setIn(path, doc.createNode(value, { flow: true }));
    return;
  }
  const node = doc.getIn(path, true);
  if (isScalar(node)) {
    node.value = value;
    // let the writer choose quoting again: a number written where "" stood should print as a number
    delete node.type;
    return;
  }
  doc.setIn(path, value);
}

/**
 * Writes filled values into an actuals file's YAML (an existing file, or the `init` skeleton for a new one) with
 * yaml's Document API: comments, key order and untouched values stay as they were.
 */
export function writeFilledActuals(baseText: string, filled: FilledActuals): string {
  const doc = parseDocument(baseText, { keepSourceTokens: false });
  const b = filled.budget;
  for (const key of ['initialBudget', 'fullYearBudget', 'executed'] as const) {
    const value = b[key];
    set(doc, ['budget', key], value === undefined ? (key === 'initialBudget' ? undefined : 0) : numberValue(value));
  }
  for (const [line, values] of Object.entries(b.breakdown)) {
    for (const key of ['initialBudget', 'fullYearBudget', 'executed']) {
      const v = values[key];
      if (v !== undefined || doc.hasIn(['budget', 'breakdown', line, key]))
        set(doc, ['budget', 'breakdown', line, key], v === undefined ? undefined : numberValue(v));
    }
    const lineNode = doc.getIn(['budget', 'breakdown', line], true);
    if (isMap(lineNode) && lineNode.items.length === 0) doc.deleteIn(['budget', 'breakdown', line]);
  }
  set(doc, ['budget', 'declaredScore'], b.declaredScore === undefined ? undefined : numberValue(b.declaredScore));
  set(doc, ['budget', 'reason'], b.reason ?? (doc.hasIn(['budget', 'reason']) ? '' : undefined));
  set(doc, ['overallGoal', 'actual'], filled.overallGoal);
  for (const [id, row] of filled.indicators) writeRow(doc, id, row);
  set(doc, ['declaredTotal'], filled.declaredTotal === undefined ? undefined : numberValue(filled.declaredTotal));
  set(doc, ['declaredGrade'], filled.declaredGrade);
  for (const [key, value] of Object.entries(filled.signOff)) set(doc, ['signOff', key], value);
  return doc.toString({ lineWidth: 0 });
}
