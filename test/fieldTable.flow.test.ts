import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type * as Fields from '../src/domain/fields';
import type * as ActualsTemplate from '../src/load/actualsTemplate';
import type * as Workbook from '../src/pipeline/workbook';
import type * as Render from '../src/pipeline/render';
import type * as Kinds from '../src/schema/kinds';
import type * as Folder from '../src/serve/folder';
import type * as FormPage from '../src/serve/formPage';
import type * as Pages from '../src/serve/pages';

type RowFieldSpec = Fields.RowFieldSpec;
import { ROOT, tempDir } from './helpers';
import { pdfText, squeeze } from './pdfTools';

/**
 * One field added to the field table, and nothing else changed: it must reach every surface. The table module is
 * replaced for this file only (the modules that read it are loaded after), as a contributor's one-line edit would.
 */
const TEST_FIELD: RowFieldSpec = {
  key: 'checkNote',
  type: 'text',
  header: { zh: '核查备注', en: 'Check note' },
  note: '核查时记下的备注',
  limit: 200,
  skeleton: 'blank',
  emptied: 'kept',
  place: 'deviation',
  printed: true,
  width: 14,
};

jest.doMock('../src/domain/fields', () => {
  const actual = jest.requireActual<typeof Fields>('../src/domain/fields');
  const extended: readonly RowFieldSpec[] = [...actual.ROW_FIELDS, TEST_FIELD];
  return {
    ...actual,
    ROW_FIELDS: extended,
    rowFields: () => extended,
    rowField: (key: string) => extended.find((f) => f.key === key),
  };
});

/* eslint-disable @typescript-eslint/no-require-imports -- loaded after the table is replaced */
const { jsonSchemaOf } = require('../src/schema/kinds') as typeof Kinds;
const { actualsTemplateFor } = require('../src/load/actualsTemplate') as typeof ActualsTemplate;
const { exportWorkbookFile, workbookActuals } = require('../src/pipeline/workbook') as typeof Workbook;
const { renderForms } = require('../src/pipeline/render') as typeof Render;
const { FormFolder } = require('../src/serve/folder') as typeof Folder;
const { formPage } = require('../src/serve/formPage') as typeof FormPage;
const { editPage } = require('../src/serve/pages') as typeof Pages;
/* eslint-enable @typescript-eslint/no-require-imports */

const NOTE = '已与统计台账逐项核对';

/** The clean example with the new field filled on row 1.1. */
function exampleFolder(): { dir: string; actuals: string } {
  const dir = tempDir('jixiao-field-');
  const from = path.join(ROOT, 'examples/water-2023');
  for (const name of ['project.indicators.yaml', 'seal.png']) copyFileSync(path.join(from, name), path.join(dir, name));
  const text = readFileSync(path.join(from, 'project.actuals.yaml'), 'utf8');
  const filled = text.replace(
    '"1.1": { actual: 12处, declaredScore: 10 }',
    `"1.1": { actual: 12处, declaredScore: 10, checkNote: ${NOTE} }`,
  );
  expect(filled).not.toBe(text);
  const actuals = path.join(dir, 'project.actuals.yaml');
  writeFileSync(actuals, filled);
  return { dir, actuals };
}

test('the JSON schema of actuals files describes the new field', () => {
  const schema = JSON.stringify(jsonSchemaOf('actuals'));
  expect(schema).toContain('"checkNote":{"description":"核查时记下的备注"');
});

test('the init skeleton has a blank for it on every row that applies, with its note', () => {
  const { dir } = exampleFolder();
  const skeleton = actualsTemplateFor(path.join(dir, 'project.indicators.yaml'), path.join(dir, 'new.actuals.yaml'));
  const rows = skeleton.split('\n').filter((l) => l === '    actual: ""').length;
  expect(rows).toBeGreaterThan(5);
  expect(skeleton.split('\n').filter((l) => l === '    checkNote: "" # 核查时记下的备注')).toHaveLength(rows);
});

test('the web form has a cell for it in the 偏差原因 column, holding what was filled', async () => {
  const { dir } = exampleFolder();
  const folder = new FormFolder(dir);
  const page = editPage(await formPage(folder, folder.file('project.actuals.yaml'), 'zh'));
  const field = JSON.stringify(['indicators', '1.1', 'checkNote']).replace(/"/g, '&quot;');
  expect(page).toContain(`data-field="${field}" data-col="checkNote" value="${NOTE}"`);
  expect(page).toContain('placeholder="核查备注"');
});

test('the workbook has a column for it; a value typed there comes back into the YAML on import', async () => {
  const { dir, actuals } = exampleFolder();
  const xlsx = path.join(dir, 'project.xlsx');
  const { workbook } = await exportWorkbookFile(actuals, xlsx);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(workbook as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('自评表');
  if (!sheet) throw new Error('no form sheet');
  let headerRow = 0;
  let column = 0;
  sheet.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (cell.value === '核查备注') [headerRow, column] = [r, c];
    }),
  );
  expect(headerRow).toBeGreaterThan(0);
  let noteRow = 0;
  sheet.eachRow((row, r) => {
    if (r > headerRow && row.getCell(1).value === '1.1') noteRow = r;
  });
  expect(sheet.getCell(noteRow, column).value).toBe(NOTE);
  sheet.getCell(noteRow, column).value = '复核后改写的备注';
  writeFileSync(xlsx, Buffer.from(await book.xlsx.writeBuffer()));
  const imported = await workbookActuals(xlsx, { output: actuals });
  expect(imported.text).toContain('checkNote: 复核后改写的备注');
});

test('the printed PDF prints it in the 偏差原因分析及改进措施 column', async () => {
  const { dir, actuals } = exampleFolder();
  const [form] = await renderForms([actuals], { explain: false });
  if (!form?.pdf) throw new Error(`not printed: ${JSON.stringify(form?.problems)}`);
  const file = path.join(dir, 'project.pdf');
  writeFileSync(file, form.pdf);
  expect(squeeze(pdfText(file))).toContain(NOTE);
});
