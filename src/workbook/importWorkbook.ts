import ExcelJS from 'exceljs';
import { rowFields, type FilledRow, type RowFieldSpec } from '../domain/fields';
import { WORKBOOK } from '../domain/formWording';
import type { SourceLocation } from '../domain/model';
import { diagnostic, InputError, inputError, type Diagnostic } from '../errors/diagnostic';
import type { FilledActuals } from '../load/actualsWriter';
import type { DefinitionsFile, IndicatorDefinition } from '../schema/definitions';
import { textRef } from '../errors/texts';
import { CellReader } from './cellReader';
import { textOf } from './cellValue';
import { AMOUNT_FIELDS, BAND_CHOICES, BUDGET_LINES, GRADE_CHOICES, SHEET_FORM } from './layout';
import { embeddedDefinitions } from './embeddedDefinitions';
import { readMeta } from './meta';

export interface WorkbookMeta {
  definitionsRef: string;
  definitionsSha256: string;
  jixiaoVersion: string;
}

export interface ReadWorkbook {
  meta: WorkbookMeta;
  filled: FilledActuals;
  /** Where each actuals data path was read from (`indicators.1.1.actual` → 自评表!F21). */
  cells: Map<string, SourceLocation>;
  notes: Diagnostic[];
}

export interface OpenedWorkbook {
  meta: WorkbookMeta;
  /** The definitions' YAML text the workbook carries (null when made by a version that did not embed them). */
  definitionsText: string | null;
  /** Reads the fill cells against the definitions the workbook was made from. */
  read(definitions: DefinitionsFile): ReadWorkbook;
}

/** Opens a jixiao workbook: its meta first (which definitions it was made from), then its cells. */
export async function openWorkbook(bytes: Buffer, file: string): Promise<OpenedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw inputError('WORKBOOK_UNREADABLE', { path: file, detail: (error as Error).message.split('\n')[0] ?? '' });
  }
  const meta = readMeta(workbook, file);
  const sheet = workbook.getWorksheet(SHEET_FORM);
  if (!sheet) throw inputError('WORKBOOK_NOT_JIXIAO', { path: file });
  return {
    meta: {
      definitionsRef: meta.get('definitions') ?? '',
      definitionsSha256: meta.get('definitionsSha256') ?? '',
      jixiaoVersion: meta.get('jixiaoVersion') ?? '',
    },
    definitionsText: embeddedDefinitions(workbook),
    read: (definitions) => readCells(sheet, meta, file, definitions),
  };
}

/** A cell address recorded below row `after`, moved down `rows` rows (rows inserted above it); others as they are. */
function belowMoved(address: string | undefined, after: number, rows: number): string | undefined {
  const m = address === undefined || rows === 0 ? null : /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return address;
  const row = Number(m[2]);
  return row > after ? `${m[1]}${row + rows}` : address;
}

/** 年度指标值 and 分值 edited in the workbook: locked cells from the definitions, said at the cell, never imported. */
function lockedEdits(
  id: string,
  definition: IndicatorDefinition,
  cell: (key: 'target' | 'maxScore') => { text: string; at: SourceLocation },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, defined] of [
    ['target', definition.target.trim()],
    ['maxScore', String(definition.maxScore)],
  ] as const) {
    const { text, at } = cell(key);
    if (text !== defined)
      out.push(
        diagnostic(
          'WORKBOOK_LOCKED_EDITED',
          { id, field: textRef(`workbook.locked.${key}`), edited: text, defined },
          at,
        ),
      );
  }
  return out;
}

/** Where the form sheet's parts are, as its meta records them; the table read on past rows the clerk inserted. */
interface SheetPlan {
  column(key: string): string;
  first: number;
  /** The table's last row now: its recorded end, moved down by rows inserted within it. */
  end: number;
  /** The cell of a field recorded below the table (申报总分, 等级, the sign-off), moved down as far as the table grew. */
  at(field: string): string | undefined;
  idAt(row: number): string;
  byId: Map<string, IndicatorDefinition>;
}

function sheetPlan(sheet: ExcelJS.Worksheet, meta: Map<string, string>, definitions: DefinitionsFile): SheetPlan {
  const column = (key: string): string => meta.get(`column.${key}`) ?? '';
  const last = Number(meta.get('tableLastRow'));
  const byId = new Map(
    definitions.levels.flatMap((l) => l.groups.flatMap((g) => g.indicators.map((i) => [i.id, i] as const))),
  );
  const idAt = (r: number): string => textOf(sheet.getCell(`${column('id')}${r}`).value).trim();
  // rows the clerk inserted push the table down: it is read on past its recorded end while the rows carry known ids
  let end = last;
  while (byId.has(idAt(end + 1))) end++;
  return {
    column,
    first: Number(meta.get('tableFirstRow')),
    end,
    at: (field) => belowMoved(meta.get(`cell.${field}`), last, end - last),
    idAt,
    byId,
  };
}

function readCells(
  sheet: ExcelJS.Worksheet,
  meta: Map<string, string>,
  file: string,
  definitions: DefinitionsFile,
): ReadWorkbook {
  const reader = new CellReader(sheet, file);
  const plan = sheetPlan(sheet, meta, definitions);
  const budget = readBudget(reader, plan);
  const indicators = readRows(reader, sheet, plan, meta);
  const gradeAt = plan.at('declaredGrade');
  const grade = gradeAt ? reader.read(gradeAt, 'declaredGrade') : undefined;
  if (gradeAt && grade !== undefined && !(GRADE_CHOICES as readonly string[]).includes(grade)) {
    reader.problems.push(
      diagnostic('WORKBOOK_BAD_CHOICE', { value: grade, choices: GRADE_CHOICES.join(' / ') }, reader.where(gradeAt)),
    );
  }
  const signOff: Record<string, string> = {};
  for (const key of ['preparer', 'phone', 'date', 'reviewer', 'head']) {
    const address = plan.at(`signOff.${key}`);
    const v = address ? reader.read(address, `signOff.${key}`) : undefined;
    if (v !== undefined) signOff[key] = v;
  }
  const goalCell = plan.at('overallGoal.actual');
  const totalCell = plan.at('declaredTotal');
  const declaredTotal = totalCell ? reader.read(totalCell, 'declaredTotal', 'number') : undefined;
  const filled: FilledActuals = {
    budget,
    overallGoal: (goalCell ? reader.read(goalCell, 'overallGoal.actual') : undefined) ?? '',
    indicators,
    signOff,
    ...(declaredTotal !== undefined ? { declaredTotal } : {}),
    ...(grade !== undefined ? { declaredGrade: grade } : {}),
  };
  if (reader.problems.length > 0) throw new InputError(reader.problems);
  const described = {
    definitionsRef: meta.get('definitions') ?? '',
    definitionsSha256: meta.get('definitionsSha256') ?? '',
    jixiaoVersion: meta.get('jixiaoVersion') ?? '',
  };
  return { meta: described, filled, cells: reader.cells, notes: reader.notes };
}

/** The budget lines' amounts, the declared budget score and the reason for a low rate. */
function readBudget(reader: CellReader, plan: SheetPlan): FilledActuals['budget'] {
  const budget: FilledActuals['budget'] = { breakdown: {} };
  for (const line of BUDGET_LINES) {
    const values: Record<string, string | undefined> = {};
    for (const f of AMOUNT_FIELDS) {
      const address = plan.at(`budget.${line.key}.${f.key}`);
      const dataPath = line.key === 'total' ? `budget.${f.key}` : `budget.breakdown.${line.key}.${f.key}`;
      if (address) values[f.key] = reader.read(address, dataPath, 'number');
    }
    if (line.key === 'total') Object.assign(budget, values);
    else budget.breakdown[line.key] = values;
  }
  const declaredBudget = plan.at('budget.declaredScore');
  if (declaredBudget) budget.declaredScore = reader.read(declaredBudget, 'budget.declaredScore', 'number');
  const budgetReason = plan.at('budget.reason');
  if (budgetReason) budget.reason = reader.read(budgetReason, 'budget.reason');
  return budget;
}

/** The indicator rows, each found by the id in its own 编号 cell: a row the clerk moved is found where it is. */
function readRows(
  reader: CellReader,
  sheet: ExcelJS.Worksheet,
  plan: SheetPlan,
  meta: Map<string, string>,
): FilledActuals['indicators'] {
  const indicators: FilledActuals['indicators'] = new Map();
  const seenAt = new Map<string, number>();
  const idCell = (r: number): SourceLocation => reader.where(`${plan.column('id')}${r}`);
  // the fill columns this workbook has (one made before a field was added has no column for it)
  const fields = rowFields().filter((f) => plan.column(f.key) !== '');
  for (let r = plan.first; r <= plan.end; r++) {
    const id = plan.idAt(r);
    if (id === '') {
      const filled = fields
        .map((f) => textOf(sheet.getCell(`${plan.column(f.key)}${r}`).value).trim())
        .find((t) => t !== '');
      if (filled !== undefined)
        reader.notes.push(diagnostic('WORKBOOK_ROW_INSERTED', { row: r, text: filled }, idCell(r)));
      continue;
    }
    const definition = plan.byId.get(id);
    const first = seenAt.get(id);
    if (!definition) reader.problems.push(diagnostic('WORKBOOK_UNKNOWN_ROW', { id }, idCell(r)));
    else if (first !== undefined) reader.problems.push(diagnostic('WORKBOOK_DUPLICATE_ROW', { id, first }, idCell(r)));
    if (!definition || first !== undefined) continue;
    seenAt.set(id, r);
    const locked = (key: 'target' | 'maxScore') => ({
      text: textOf(sheet.getCell(`${plan.column(key)}${r}`).value).trim(),
      at: reader.where(`${plan.column(key)}${r}`),
    });
    reader.notes.push(...lockedEdits(id, definition, locked));
    if (String(meta.get(`row.${id}`)) !== String(r))
      reader.notes.push(diagnostic('WORKBOOK_ROW_MOVED', { id, from: meta.get(`row.${id}`) ?? '?', to: r }, idCell(r)));
    indicators.set(
      id,
      readRow(reader, fields, definition, (key) => `${plan.column(key)}${r}`),
    );
  }
  for (const [id, definition] of plan.byId) {
    if (!seenAt.has(id))
      reader.problems.push(
        diagnostic(
          'WORKBOOK_ROW_MISSING',
          { id, name: definition.name },
          { file: reader.file, line: 0, column: 0, cell: SHEET_FORM },
        ),
      );
  }
  return indicators;
}

/**
 * One row's cells, as the field table types them: a 档次 from its list (不适用 only on a row whose 分值 is "/",
 * and then the actual is "/"), points as numbers, text as typed.
 */
function readRow(
  reader: CellReader,
  fields: readonly RowFieldSpec[],
  definition: IndicatorDefinition,
  cell: (key: string) => string,
): FilledRow {
  const row: Record<string, string> = {};
  const base = `indicators.${definition.id}`;
  for (const f of fields) {
    const kind = f.required ? 'value' : f.type === 'points' ? 'number' : 'text';
    const value = reader.read(cell(f.key), `${base}.${f.key}`, kind);
    if (value === undefined) continue;
    if (f.type !== 'band') row[f.key] = value;
    else if (!(BAND_CHOICES as readonly string[]).includes(value)) {
      reader.problems.push(
        diagnostic('WORKBOOK_BAD_CHOICE', { value, choices: BAND_CHOICES.join(' / ') }, reader.where(cell(f.key))),
      );
    } else if (value === WORKBOOK.notApplicable) {
      if (definition.maxScore !== '/')
        reader.problems.push(
          diagnostic(
            'WORKBOOK_NOT_APPLICABLE',
            { id: definition.id, name: definition.name },
            reader.where(cell(f.key)),
          ),
        );
      row.actual = '/';
    } else row[f.key] = value;
  }
  return { ...row, actual: row.actual ?? '' };
}
