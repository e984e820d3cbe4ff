import ExcelJS from 'exceljs';
import { dec } from '../domain/decimal';
import type { SourceLocation } from '../domain/model';
import { diagnostic, InputError, inputError, type Diagnostic } from '../errors/diagnostic';
import type { FilledActuals } from '../load/actualsWriter';
import type { DefinitionsFile, IndicatorDefinition } from '../schema/definitions';
import { textRef } from '../errors/texts';
import { textOf, unwrapCell } from './cellValue';
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

/**
 * A number typed with a Chinese IME (`９５％`, `１，０５０．６`): full-width digits and the signs around them
 * become ASCII, with a note. Text without a full-width digit is left exactly as typed (prose keeps its ，。).
 */
function halfWidth(text: string): string {
  if (!/[\uFF10-\uFF19]/.test(text)) return text;
  return text.replace(/[\uFF10-\uFF19\uFF05\uFF0E\uFF0D\uFF0B\uFF0F\uFF0C\uFF1A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** A date as the parser reads it: 2023年11月18日. Spreadsheet dates are UTC midnight of the day shown. */
function dayText(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** A number as exact decimal text, from the binary double a spreadsheet stores (0.1 + 0.2 style noise removed). */
function numberText(value: number): string {
  return dec(value.toPrecision(15)).toString();
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
    meta: { definitionsRef: meta.get('definitions') ?? '', definitionsSha256: meta.get('definitionsSha256') ?? '', jixiaoVersion: meta.get('jixiaoVersion') ?? '' },
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

/** The columns a clerk fills: an inserted row with something in one of them was meant to be imported. */
const FILL_KEYS = ['actual', 'band', 'declaredScore', 'reason', 'deviationReason', 'improvement'] as const;

/** 年度指标值 and 分值 edited in the workbook: locked cells from the definitions, said at the cell, never imported. */
function lockedEdits(id: string, definition: IndicatorDefinition, cell: (key: 'target' | 'maxScore') => { text: string; at: SourceLocation }): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, defined] of [['target', definition.target.trim()], ['maxScore', String(definition.maxScore)]] as const) {
    const { text, at } = cell(key);
    if (text !== defined) out.push(diagnostic('WORKBOOK_LOCKED_EDITED', { id, field: textRef(`workbook.locked.${key}`), edited: text, defined }, at));
  }
  return out;
}

function readCells(sheet: ExcelJS.Worksheet, meta: Map<string, string>, file: string, definitions: DefinitionsFile): ReadWorkbook {
  const problems: Diagnostic[] = [];
  const notes: Diagnostic[] = [];
  const cells = new Map<string, SourceLocation>();
  const where = (address: string): SourceLocation => {
    const c = sheet.getCell(address);
    return { file, line: Number(c.row), column: Number(c.col), cell: `${SHEET_FORM}!${address}` };
  };

  /** A cell as text: trimmed, full-width folded (noted), percentages and dates written as people write them. */
  const read = (address: string, dataPath: string, kind: 'text' | 'number' | 'value' = 'text'): string | undefined => {
    const c = sheet.getCell(address);
    cells.set(dataPath, where(address));
    const unwrapped = unwrapCell(c.value);
    if (!('value' in unwrapped)) {
      const { problem, ...data } = unwrapped;
      problems.push(diagnostic(problem, { formula: data.formula, error: 'error' in data ? data.error : '' }, where(address)));
      return undefined;
    }
    const v = unwrapped.value;
    if (v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
    if (v instanceof Date) {
      // a date-formatted amount or score is refused, never read as 0 or blank
      if (kind === 'number') problems.push(diagnostic('WORKBOOK_DATE_IN_NUMBER', { value: dayText(v) }, where(address)));
      return kind === 'number' ? undefined : dayText(v);
    }
    if (typeof v === 'number') {
      if (kind !== 'number' && /%/.test(c.numFmt ?? '')) return `${dec(numberText(v)).times(100).toString()}%`;
      return numberText(v);
    }
    const raw = String(v).trim();
    // only values (an actual, an amount, a score) are read as numbers; a reason keeps every character
    const folded = kind === 'text' ? raw : halfWidth(raw);
    if (folded !== raw) notes.push(diagnostic('WORKBOOK_FULLWIDTH', { from: raw, to: folded }, where(address)));
    if (kind === 'number') {
      // numbers typed as text: 1,050.6 → 1050.6; anything else is refused at its cell, never read as 0
      const plain = folded.replace(/,/g, '');
      if (!/^-?\d+(\.\d+)?$/.test(plain)) {
        problems.push(diagnostic('WORKBOOK_NOT_A_NUMBER', { value: raw }, where(address)));
        return undefined;
      }
      return dec(plain).toString();
    }
    return folded;
  };

  const column = (key: string): string => meta.get(`column.${key}`) ?? '';
  const first = Number(meta.get('tableFirstRow'));
  const last = Number(meta.get('tableLastRow'));
  const byId = new Map(definitions.levels.flatMap((l) => l.groups.flatMap((g) => g.indicators.map((i) => [i.id, i] as const))));
  const idAt = (r: number): string => textOf(sheet.getCell(`${column('id')}${r}`).value).trim();
  // rows the clerk inserted push the table down: it is read on past its recorded end while the rows carry known ids,
  // and every field recorded below the table (申报总分, 等级, the sign-off) has moved down as many rows
  let end = last;
  while (byId.has(idAt(end + 1))) end++;
  const at = (field: string): string | undefined => belowMoved(meta.get(`cell.${field}`), last, end - last);
  const budget: FilledActuals['budget'] = { breakdown: {} };
  for (const line of BUDGET_LINES) {
    const values: Record<string, string | undefined> = {};
    for (const f of AMOUNT_FIELDS) {
      const address = at(`budget.${line.key}.${f.key}`);
      const dataPath = line.key === 'total' ? `budget.${f.key}` : `budget.breakdown.${line.key}.${f.key}`;
      if (address) values[f.key] = read(address, dataPath, 'number');
    }
    if (line.key === 'total') Object.assign(budget, values);
    else budget.breakdown[line.key] = values;
  }
  const declaredBudget = at('budget.declaredScore');
  if (declaredBudget) budget.declaredScore = read(declaredBudget, 'budget.declaredScore', 'number');
  const budgetReason = at('budget.reason');
  if (budgetReason) budget.reason = read(budgetReason, 'budget.reason');

  const indicators: FilledActuals['indicators'] = new Map();
  const seenAt = new Map<string, number>();
  // rows are read by the id in their own 编号 cell: a row the clerk moved is found where it is, never mis-assigned
  for (let r = first; r <= end; r++) {
    const id = idAt(r);
    if (id === '') {
      const filled = FILL_KEYS.map((key) => textOf(sheet.getCell(`${column(key)}${r}`).value).trim()).find((t) => t !== '');
      if (filled !== undefined) notes.push(diagnostic('WORKBOOK_ROW_INSERTED', { row: r, text: filled }, where(`${column('id')}${r}`)));
      continue;
    }
    const definition = byId.get(id);
    if (!definition) {
      problems.push(diagnostic('WORKBOOK_UNKNOWN_ROW', { id }, where(`${column('id')}${r}`)));
      continue;
    }
    const first = seenAt.get(id);
    if (first !== undefined) {
      problems.push(diagnostic('WORKBOOK_DUPLICATE_ROW', { id, first }, where(`${column('id')}${r}`)));
      continue;
    }
    seenAt.set(id, r);
    notes.push(...lockedEdits(id, definition, (key) => ({ text: textOf(sheet.getCell(`${column(key)}${r}`).value).trim(), at: where(`${column(key)}${r}`) })));
    if (String(meta.get(`row.${id}`)) !== String(r)) notes.push(diagnostic('WORKBOOK_ROW_MOVED', { id, from: meta.get(`row.${id}`) ?? '?', to: r }, where(`${column('id')}${r}`)));
    const cell = (key: string): string => `${column(key)}${r}`;
    const base = `indicators.${id}`;
    const band = read(cell('band'), `${base}.band`);
    let actual = read(cell('actual'), `${base}.actual`, 'value') ?? '';
    if (band !== undefined && !(BAND_CHOICES as readonly string[]).includes(band)) problems.push(diagnostic('WORKBOOK_BAD_CHOICE', { value: band, choices: BAND_CHOICES.join(' / ') }, where(cell('band'))));
    if (band === '不适用') {
      if (definition.maxScore !== '/') problems.push(diagnostic('WORKBOOK_NOT_APPLICABLE', { id, name: definition.name }, where(cell('band'))));
      actual = '/';
    }
    const row: NonNullable<ReturnType<FilledActuals['indicators']['get']>> = { actual };
    if (band && band !== '不适用' && (BAND_CHOICES as readonly string[]).includes(band)) row.band = band;
    const declared = read(cell('declaredScore'), `${base}.declaredScore`, 'number');
    if (declared !== undefined) row.declaredScore = declared;
    for (const key of ['reason', 'deviationReason', 'improvement'] as const) {
      const v = read(cell(key), `${base}.${key}`);
      if (v !== undefined) row[key] = v;
    }
    indicators.set(id, row);
  }
  for (const [id, definition] of byId) {
    if (!seenAt.has(id)) problems.push(diagnostic('WORKBOOK_ROW_MISSING', { id, name: definition.name }, { file, line: 0, column: 0, cell: SHEET_FORM }));
  }

  const gradeAt = at('declaredGrade');
  const grade = gradeAt ? read(gradeAt, 'declaredGrade') : undefined;
  if (gradeAt && grade !== undefined && !(GRADE_CHOICES as readonly string[]).includes(grade)) problems.push(diagnostic('WORKBOOK_BAD_CHOICE', { value: grade, choices: GRADE_CHOICES.join(' / ') }, where(gradeAt)));
  const signOff: Record<string, string> = {};
  for (const key of ['preparer', 'phone', 'date', 'reviewer', 'head']) {
    const address = at(`signOff.${key}`);
    const v = address ? read(address, `signOff.${key}`) : undefined;
    if (v !== undefined) signOff[key] = v;
  }
  const goalCell = at('overallGoal.actual');
  const totalCell = at('declaredTotal');
  const declaredTotal = totalCell ? read(totalCell, 'declaredTotal', 'number') : undefined;
  const filled: FilledActuals = {
    budget,
    overallGoal: (goalCell ? read(goalCell, 'overallGoal.actual') : undefined) ?? '',
    indicators,
    signOff,
    ...(declaredTotal !== undefined ? { declaredTotal } : {}),
    ...(grade !== undefined ? { declaredGrade: grade } : {}),
  };
  if (problems.length > 0) throw new InputError(problems);
  return { meta: { definitionsRef: meta.get('definitions') ?? '', definitionsSha256: meta.get('definitionsSha256') ?? '', jixiaoVersion: meta.get('jixiaoVersion') ?? '' }, filled, cells, notes };
}
