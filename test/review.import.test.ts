import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { lintReviewRuleSet } from '../src/review/reviewLint';
import { writeForms } from './batchForms';
import { ROOT, runCli, tempDir } from './helpers';

// What a reviewer can get wrong on the way back, each said at its cell (file!sheet!cell) with nothing written.

jest.setTimeout(120_000);

const dir = tempDir('jixiao-review-import-');
const at = (...p: string[]): string => path.join(dir, ...p);
const out = at('review');

beforeAll(async () => {
  const run = await runCli('review', path.join(ROOT, 'examples'), '-o', out, '--sample', '100%', '--no-pdf');
  if (run.code !== 0) throw new Error(run.err);
});

/** A copy of the review folder whose 复核.xlsx the edit changes; gives the workbook's path. */
async function edited(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  mkdirSync(at(name));
  copyFileSync(path.join(out, 'review.json'), at(name, 'review.json'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, '复核.xlsx'));
  edit(wb);
  const file = at(name, '复核.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const worksheet = (wb: ExcelJS.Workbook): ExcelJS.Worksheet => {
  const sheet = wb.getWorksheet('复核底稿');
  if (!sheet) throw new Error('no 复核底稿');
  return sheet;
};

async function refused(file: string, code: string, where: string): Promise<void> {
  const run = await runCli('review', 'import', file);
  expect(run.code).toBe(1);
  expect(run.err).toContain(code);
  expect(run.err).toContain(where);
  expect(() => readFileSync(path.join(path.dirname(file), '复核结果.json'))).toThrow();
}

describe('review import refuses what it cannot trust, at the cell', () => {
  test('a row with entries but no form or indicator: REVIEW_ROW_UNNAMED', async () => {
    const file = await edited('unnamed', (wb) => {
      worksheet(wb).getCell('A2').value = null;
      worksheet(wb).getCell('M2').value = 1;
    });
    await refused(file, 'REVIEW_ROW_UNNAMED', '复核底稿!A2');
  });

  test('a form the review does not know: REVIEW_UNKNOWN_FORM', async () => {
    const file = await edited('form', (wb) => {
      worksheet(wb).getCell('A2').value = 'elsewhere.actuals.yaml';
      worksheet(wb).getCell('M2').value = 1;
    });
    await refused(file, 'REVIEW_UNKNOWN_FORM', '复核底稿!A2');
  });

  test('an indicator its form does not have: REVIEW_UNKNOWN_INDICATOR', async () => {
    const file = await edited('indicator', (wb) => {
      worksheet(wb).getCell('D2').value = '9.99';
      worksheet(wb).getCell('M2').value = 1;
    });
    await refused(file, 'REVIEW_UNKNOWN_INDICATOR', '复核底稿!D2');
  });

  test('a renamed header: SHEET_COLUMNS_MISSING; a renamed sheet: SHEET_MISSING', async () => {
    const header = await edited('header', (wb) => {
      worksheet(wb).getCell('M1').value = '得分';
    });
    await refused(header, 'SHEET_COLUMNS_MISSING', '复核得分');
    const sheet = await edited('sheet', (wb) => {
      worksheet(wb).name = '底稿';
    });
    await refused(sheet, 'SHEET_MISSING', '复核底稿');
  });

  test('a workbook whose sheets come before xl/workbook.xml in the zip (WPS, zip tools) is read the same', async () => {
    const plain = await edited('in-order', () => undefined);
    mkdirSync(at('reordered'));
    copyFileSync(path.join(out, 'review.json'), at('reordered', 'review.json'));
    const zip = await JSZip.loadAsync(readFileSync(plain));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    // shared strings and relations first, then the sheets, then the workbook: the order that broke the reader
    const rank = (n: string): number => (n === 'xl/workbook.xml' ? 2 : n.startsWith('xl/worksheets/') ? 1 : 0);
    const reordered = new JSZip();
    for (const name of [...names].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y)))
      reordered.file(name, (await zip.file(name)?.async('nodebuffer')) ?? Buffer.alloc(0));
    const file = at('reordered', '复核.xlsx');
    writeFileSync(file, await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const order = Object.keys((await JSZip.loadAsync(readFileSync(file))).files);
    expect(order.findIndex((n) => n.startsWith('xl/worksheets/sheet'))).toBeLessThan(order.indexOf('xl/workbook.xml'));
    for (const f of [plain, file]) expect((await runCli('review', 'import', f)).code).toBe(0);
    const result = (f: string): unknown =>
      JSON.parse(readFileSync(path.join(path.dirname(f), '复核结果.json'), 'utf8'));
    expect(result(file)).toEqual(result(plain));
  });

  test('a review.json that is not one: REVIEW_JSON_DAMAGED', async () => {
    const file = await edited('json', () => undefined);
    writeFileSync(at('json', 'review.json'), '{"format":"something else"}');
    await refused(file, 'REVIEW_JSON_DAMAGED', 'review.json');
  });

  test("--previous: last year's forms matched by department and project; a target lowered since is found at its line", async () => {
    mkdirSync(at('now'));
    mkdirSync(at('before'));
    writeForms(at('now'), 3, 10);
    writeForms(at('before'), 3, 10);
    // last year the first form's first count target was higher: this year's is lowered
    const defs = at('before', 'form-00000.indicators.yaml');
    const text = readFileSync(defs, 'utf8');
    const counted = /target: "(\d+)件以上"/.exec(text);
    if (!counted) throw new Error('no count target in the generated form');
    writeFileSync(defs, text.replace(counted[0], `target: "${Number(counted[1]) + 100}件以上"`));
    const run = await runCli(
      'review',
      at('now'),
      '-o',
      at('with-previous'),
      '--previous',
      at('before'),
      '--no-pdf',
      '--json',
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(at('with-previous', 'review.json'), 'utf8')) as {
      previousForms: number;
      forms: { input: string; findings: { code: string; cell: string }[] }[];
    };
    expect(json.previousForms).toBe(3);
    const lowered = json.forms.flatMap((f) =>
      f.findings.filter((x) => x.code === 'TARGET_LOWERED').map((x) => [f.input, x.cell]),
    );
    expect(lowered).toHaveLength(1);
    expect(lowered[0]?.[0]).toBe('form-00000.actuals.yaml');
    expect(lowered[0]?.[1]).toMatch(/form-00000\.indicators\.yaml:\d+:\d+$/);
  });

  test('a review of a folder holding no form: NO_REVIEW_INPUTS', async () => {
    mkdirSync(at('empty'));
    const run = await runCli('review', at('empty'), '-o', at('empty-out'));
    expect(run.code).toBe(1);
    expect(run.err).toContain('NO_REVIEW_INPUTS');
  });

  test('a review rule set whose tests leave a rule out: REVIEW_RULE_UNTESTED (a warning)', () => {
    const file = at('one.yaml');
    writeFileSync(
      file,
      [
        'kind: review',
        'id: one',
        'version: "1"',
        'name: 一条规则',
        'rules:',
        '  - name: 全部满分',
        '    scope: form',
        '    conditions: { all: [{ fact: allFull, operator: equal, value: true }] }',
        '    event: { type: finding, params: { code: ALL_FULL_MARKS, severity: P1, weight: 5, field: total, title: 满分 } }',
      ].join('\n'),
    );
    writeFileSync(
      at('one.test.yaml'),
      [
        'ruleSet: one',
        'cases:',
        '  - name: 满分',
        '    forms: [{ rows: [{ name: 人次, target: "≥1人次", actual: "1人次" }] }]',
        '    fires: [ALL_FULL_MARKS]',
      ].join('\n'),
    );
    expect(lintReviewRuleSet(file).map((d) => [d.code, d.severity, d.data.when])).toEqual([
      ['REVIEW_RULE_UNTESTED', 'warning', 'silent'],
    ]);
  });
});
