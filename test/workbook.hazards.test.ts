import { cpSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, runCli, tempDir } from './helpers';

/**
 * What a spreadsheet program can leave in a workbook that is no plain value: a formula with no cached result, a
 * formula that computed an error, a date-formatted amount or score, a hidden-sheet value someone edited. Each is an
 * error at file!sheet!cell in import and in score (exit 1, no stack trace), never "[object Object]", 0 or a crash.
 */
const dir = tempDir('jixiao-workbook-hazards-');
cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
const blank = path.join(dir, 'blank.xlsx');

function metaValue(wb: ExcelJS.Workbook, key: string): { row: number; value: string } {
  let found = { row: 0, value: '' };
  wb.getWorksheet('jixiao')?.eachRow((row, r) => {
    if (row.getCell(1).value === key) found = { row: r, value: String(row.getCell(2).value) };
  });
  if (!found.row) throw new Error(`no meta key ${key}`);
  return found;
}

function rowOf(wb: ExcelJS.Workbook, id: string): number {
  return Number(metaValue(wb, `row.${id}`).value);
}

/** The blank workbook with every fill cell given a plain value, then `edit` applied, written to a file of its own. */
async function workbookWith(
  name: string,
  edit: (wb: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(blank);
  const sheet = wb.getWorksheet('自评表');
  if (!sheet) throw new Error('no form sheet');
  for (const [id, actual] of [
    ['1.1', '12处'],
    ['1.2', '86公里'],
    ['1.3', '97.5%'],
    ['1.4', '2023年11月18日'],
    ['1.5', '23.6万元/公里'],
    ['2.1', '2.3元/吨'],
    ['2.2', '5.4万人'],
    ['2.3', '38个'],
    ['2.4', '/'],
    ['2.5', '达成'],
    ['3.1', '93.2%'],
  ]) {
    sheet.getCell(`F${rowOf(wb, id ?? '')}`).value = actual ?? '';
  }
  sheet.getCell(metaValue(wb, 'cell.budget.total.fullYearBudget').value).value = 1180;
  sheet.getCell(metaValue(wb, 'cell.budget.total.executed').value).value = 1156.4;
  edit(wb, sheet);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

type Found = { code: string; cell?: string; file?: string };

async function errorsOf(command: 'import' | 'score', file: string): Promise<Found[]> {
  const argv =
    command === 'import'
      ? ['import', file, '-o', file.replace('.xlsx', '.actuals.yaml'), '--json']
      : ['score', file, '--json'];
  const run = await runCli(...argv);
  expect(run.code).toBe(1);
  expect(run.err + run.out).not.toMatch(/\[object Object\]|内部错误|\n\s+at /);
  return (JSON.parse(run.out) as { errors: Found[] }).errors;
}

beforeAll(async () => {
  expect((await runCli('export', path.join(dir, 'project.indicators.yaml'), '-o', blank)).code).toBe(0);
});

describe('workbook cells that hold no plain value', () => {
  it('a clean fill imports (the control case)', async () => {
    const file = await workbookWith('clean', () => undefined);
    expect((await runCli('import', file, '-o', path.join(dir, 'clean.actuals.yaml'))).code).toBe(0);
  });

  it.each(['import', 'score'] as const)(
    '%s: formulas without a cached result or with an error value, at their cells',
    async (command) => {
      let cells: Record<string, string> = {};
      const file = await workbookWith(`formulas-${command}`, (wb, s) => {
        const actual = `F${rowOf(wb, '1.1')}`;
        const reason = `K${rowOf(wb, '1.2')}`;
        const goal = metaValue(wb, 'cell.overallGoal.actual').value;
        s.getCell(actual).value = { formula: 'B3*2' } as ExcelJS.CellFormulaValue;
        s.getCell(reason).value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
        s.getCell(goal).value = { formula: 'WEBSERVICE("http://127.0.0.1/")' } as ExcelJS.CellFormulaValue;
        cells = { actual, reason, goal };
      });
      const errors = await errorsOf(command, file);
      expect(errors.map((e) => [e.code, e.cell])).toEqual(
        expect.arrayContaining([
          ['WORKBOOK_FORMULA_NO_VALUE', `自评表!${cells.actual}`],
          ['WORKBOOK_FORMULA_ERROR', `自评表!${cells.reason}`],
          ['WORKBOOK_FORMULA_NO_VALUE', `自评表!${cells.goal}`],
        ]),
      );
      expect(existsSync(path.join(dir, `formulas-${command}.actuals.yaml`))).toBe(false);
    },
  );

  it.each(['import', 'score'] as const)(
    '%s: a date in an amount or a score cell is refused at its cell, never read as 0',
    async (command) => {
      let cells: string[] = [];
      const file = await workbookWith(`dates-${command}`, (wb, s) => {
        const executed = metaValue(wb, 'cell.budget.total.executed').value;
        const initial = metaValue(wb, 'cell.budget.total.initialBudget').value;
        const carryOver = metaValue(wb, 'cell.budget.carryOver.fullYearBudget').value;
        const declared = `I${rowOf(wb, '1.1')}`;
        for (const c of [executed, initial, carryOver, declared]) {
          const cell = s.getCell(c);
          cell.value = new Date(Date.UTC(2023, 11, 31));
          // a style of its own: exceljs shares style objects between cells, and a neighbour must stay a number
          cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
        }
        cells = [executed, initial, carryOver, declared];
      });
      const errors = await errorsOf(command, file);
      expect(
        errors
          .filter((e) => e.code === 'WORKBOOK_DATE_IN_NUMBER')
          .map((e) => e.cell)
          .sort(),
      ).toEqual(cells.map((c) => `自评表!${c}`).sort());
    },
  );

  it.each(['import', 'score'] as const)(
    '%s: a column letter edited in the hidden sheet (ZZZZ) is an error at that cell',
    async (command) => {
      let at = 0;
      const file = await workbookWith(`meta-${command}`, (wb) => {
        const column = metaValue(wb, 'column.actual');
        const meta = wb.getWorksheet('jixiao');
        if (meta) meta.getCell(`B${column.row}`).value = 'ZZZZ';
        at = column.row;
      });
      const errors = await errorsOf(command, file);
      expect(errors.map((e) => [e.code, e.cell])).toEqual([['WORKBOOK_META_DAMAGED', `jixiao!B${at}`]]);
    },
  );

  it('a row inserted in the table is reported as inserted (its content not imported), not as a row deleted further down', async () => {
    let lastRow = 0;
    const file = await workbookWith('inserted', (wb, s) => {
      // 插入行 above the last indicator, as a spreadsheet does it: every row from there down moves one row
      const last = rowOf(wb, '3.1');
      // a field below the table, filled before the insertion: it moves down with its row
      s.getCell(metaValue(wb, 'cell.declaredTotal').value).value = 99.8;
      s.spliceRows(last, 0, []);
      s.getCell(`F${last}`).value = '新增一项：水质抽检 12 次';
      lastRow = last;
    });
    const run = await runCli('score', file, '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as {
      total: string;
      warnings: { code: string; location?: { cell?: string } }[];
      notes: { code: string }[];
    };
    const codes = [...json.warnings, ...json.notes].map((w) => w.code);
    expect(codes).not.toContain('WORKBOOK_ROW_MISSING');
    expect(json.warnings.filter((w) => w.code === 'WORKBOOK_ROW_INSERTED').map((w) => w.location?.cell)).toEqual([
      `自评表!A${lastRow}`,
    ]);
    // the moved last row was read where it now is: the form scores as the clean fill does; the declared total too
    expect(json.total).toBe('99.8');
    expect((JSON.parse(run.out) as { declared: { total: string | null } }).declared.total).toBe('99.8');
  });

  it('edited 年度指标值 and 分值 cells are warned of at their cells and not imported: the definitions stand', async () => {
    let cells: string[] = [];
    const file = await workbookWith('locked', (wb, s) => {
      s.getCell(`E${rowOf(wb, '1.1')}`).value = '≥10处';
      s.getCell(`G${rowOf(wb, '1.2')}`).value = 20;
      cells = [`自评表!E${rowOf(wb, '1.1')}`, `自评表!G${rowOf(wb, '1.2')}`];
    });
    const run = await runCli('score', file, '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as {
      total: string;
      maxTotal: string;
      warnings: { code: string; message: string; location?: { cell?: string } }[];
    };
    const locked = json.warnings.filter((w) => w.code === 'WORKBOOK_LOCKED_EDITED');
    expect(locked.map((w) => w.location?.cell)).toEqual(cells);
    expect(locked[0]?.message).toContain('被改成了「≥10处」');
    expect([json.total, json.maxTotal]).toEqual(['99.8', '100']);
  });
});
