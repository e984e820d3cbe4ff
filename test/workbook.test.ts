import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { CLEAN, ROOT, runCli, tempDir } from './helpers';
import { describeWith, onPath } from './outsidePrograms';

// The 自评表 workbook: exported by jixiao, filled as a clerk would (exceljs, LibreOffice), imported back.

const dir = tempDir('jixiao-workbook-');
cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
const definitions = path.join(dir, 'project.indicators.yaml');
const blank = path.join(dir, 'blank.xlsx');

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The row of an indicator id on the form sheet. */
function rowOf(sheet: ExcelJS.Worksheet, id: string): number {
  let found = 0;
  sheet.getColumn(1).eachCell((cell, row) => {
    if (cell.value === id) found = row;
  });
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}

/** Where a field sits, from the hidden sheet. */
function cellOf(wb: ExcelJS.Workbook, field: string): string {
  let address = '';
  wb.getWorksheet('jixiao')!.eachRow((row) => {
    if (row.getCell(1).value === `cell.${field}`) address = String(row.getCell(2).value);
  });
  return address;
}

/** Fills the blank workbook as a clerk would in Excel: typed numbers, a percentage cell, a date cell, choices. */
async function fillLikeAClerk(target: string): Promise<void> {
  const wb = await open(blank);
  const s = wb.getWorksheet('自评表')!;
  const set = (address: string, value: ExcelJS.CellValue, numFmt?: string): void => {
    const c = s.getCell(address);
    // a style object may be shared between cells: give this one its own before changing its format
    if (numFmt) c.style = { ...c.style, numFmt };
    c.value = value;
  };
  set(cellOf(wb, 'budget.total.initialBudget'), 1200);
  set(cellOf(wb, 'budget.total.fullYearBudget'), 1180);
  set(cellOf(wb, 'budget.total.executed'), '1,156.4 '); // typed as text with a thousands comma and a trailing space
  set(cellOf(wb, 'budget.currentYear.fullYearBudget'), 1180);
  set(cellOf(wb, 'budget.currentYear.executed'), 1156.4);
  set(cellOf(wb, 'budget.declaredScore'), 9.8);
  set(cellOf(wb, 'overallGoal.actual'), '新建集中供水工程10处，改造管网86公里。');
  const row = (id: string, key: string): string =>
    `${{ actual: 'F', band: 'H', declaredScore: 'I', reason: 'J', deviationReason: 'K', improvement: 'L' }[key]}${rowOf(s, id)}`;
  set(row('1.1', 'actual'), '10处'); // a shortfall: 10 of ≥12
  set(row('1.1', 'deviationReason'), '两处工程因征地推迟至次年开工。');
  set(row('1.1', 'improvement'), '提前开展征地协调。');
  set(row('1.2', 'actual'), 86);
  set(row('1.2', 'actual'), '86公里');
  set(row('1.3', 'actual'), '９７．５％'); // full-width, typed with a Chinese IME
  set(row('1.4', 'actual'), new Date(Date.UTC(2023, 10, 18)), 'yyyy-mm-dd'); // a date cell
  set(row('1.5', 'actual'), '23.6万元/公里');
  set(row('2.1', 'actual'), '2.3元/吨');
  set(row('2.2', 'actual'), '5.4万人');
  set(row('2.3', 'actual'), '38个');
  set(row('2.4', 'band'), '不适用');
  set(row('2.5', 'actual'), '已出台管护办法并落实管护经费');
  set(row('2.5', 'band'), '达成');
  set(row('3.1', 'actual'), 0.932, '0.0%'); // a percentage cell: 0.932 shown as 93.2%
  set(cellOf(wb, 'signOff.preparer'), '张三');
  set(cellOf(wb, 'signOff.date'), '2024年1月15日');
  await wb.xlsx.writeFile(target);
}

beforeAll(async () => {
  const run = await runCli('export', definitions, '-o', blank);
  expect(run.code).toBe(0);
});

describe('jixiao export', () => {
  test('one sheet laid out like the form: merged levels, locked definitions, shaded fill cells, drop-downs, print setup', async () => {
    const wb = await open(blank);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['自评表', 'visible'],
      ['jixiao', 'hidden'],
      ['jixiao-definitions', 'hidden'],
    ]);
    const s = wb.getWorksheet('自评表')!;
    expect(s.getCell('A1').value).toBe('2023年度项目支出绩效自评表');
    const r11 = rowOf(s, '1.1');
    expect(s.getCell(`D${r11}`).value).toBe('新建集中供水工程');
    expect(s.getCell(`E${r11}`).value).toBe('≥12处');
    // the level-1 cell spans its rows
    expect(s.getCell(`B${r11}`).isMerged).toBe(true);
    expect(s.getCell(`B${r11 + 4}`).master.address).toBe(`B${r11}`);
    // definitions locked, fill cells unlocked and shaded, the sheet protected without a password
    expect(s.getCell(`E${r11}`).protection?.locked).not.toBe(false);
    expect(s.getCell(`F${r11}`).protection?.locked).toBe(false);
    expect((s.getCell(`F${r11}`).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect(s.getCell(`H${r11}`).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"达成,部分达成,未达成,不适用"'],
    });
    expect((s as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(s.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(s.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    // the not-applicable row is pre-filled
    expect(s.getCell(`H${rowOf(s, '2.4')}`).value).toBe('不适用');
    const meta = new Map<string, string>();
    wb.getWorksheet('jixiao')!.eachRow((row) => meta.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(meta.get('definitionsSha256')).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.get('jixiaoVersion')).toMatch(/^\d+\.\d+\.\d+/);
    expect(meta.get('row.3.1')).toBe(String(rowOf(s, '3.1')));
  });

  test('an actuals file exports with its values and a 评分 sheet of computed values, marked as jixiao’s', async () => {
    const filled = path.join(dir, 'filled.xlsx');
    expect((await runCli('export', path.join(dir, 'project.actuals.yaml'), '-o', filled)).code).toBe(0);
    const wb = await open(filled);
    const s = wb.getWorksheet('自评表')!;
    expect(s.getCell(`F${rowOf(s, '1.2')}`).value).toBe('86公里');
    const scores = wb.getWorksheet('评分')!;
    expect(String(scores.getCell('A1').value)).toContain('由 jixiao');
    const values: string[] = [];
    scores.eachRow((row) =>
      row.eachCell((c) => values.push(typeof c.value === 'object' && c.value !== null ? 'formula' : String(c.value))),
    );
    expect(values).not.toContain('formula');
    expect(values).toContain('99.8');
  });
});

describe('jixiao import', () => {
  jest.setTimeout(120_000);

  test('round trip: export → filled as a clerk would → import → score gives the expected total', async () => {
    const filled = path.join(dir, 'clerk.xlsx');
    await fillLikeAClerk(filled);
    const out = path.join(dir, 'clerk.actuals.yaml');
    const run = await runCli('import', filled, '-o', out, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).notes).toEqual(['WORKBOOK_FULLWIDTH']);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('executed: 1156.4');
    const actualOf = (id: string): string | undefined =>
      new RegExp(`"${id.replace('.', '\\.')}":\\n(?:\\s+#[^\\n]*\\n)?\\s+actual: ([^\\n#]*)`).exec(yaml)?.[1]?.trim();
    expect([actualOf('1.3'), actualOf('1.4'), actualOf('3.1'), actualOf('2.4')]).toEqual([
      '97.5%',
      '2023年11月18日',
      '93.2%',
      '/',
    ]);
    const scored = JSON.parse((await runCli('score', out, '--json')).out);
    // 1.1 scores 10 × 10 ÷ 12 = 8.33; everything else full: 9.8 + 8.33 + 80 = 98.13
    expect(scored.indicators.find((r: { id: string }) => r.id === '1.1').finalScore).toBe('8.33');
    expect(scored.total).toBe('98.13');
    // the workbook scores directly too, the same
    expect(JSON.parse((await runCli('score', filled, '--json')).out).total).toBe('98.13');
  });

  test('into an existing actuals file: comments and key order kept, values updated', async () => {
    const target = path.join(dir, 'existing.actuals.yaml');
    copyFileSync(path.join(dir, 'project.actuals.yaml'), target);
    writeFileSync(
      target,
      readFileSync(target, 'utf8').replace(
        '"1.1": { actual: 12处, declaredScore: 10 }',
        '"1.1": { actual: 12处, declaredScore: 10 } # 我的批注',
      ),
    );
    const filled = path.join(dir, 'clerk.xlsx');
    expect((await runCli('import', filled, '-o', target)).code).toBe(0);
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('# 农村饮水安全巩固提升工程 2023年度实际完成值（虚构示例）');
    expect(text).toContain('# 我的批注');
    expect(text).toContain('seal: ./seal.png # 演示用印章图片');
    expect(text.indexOf('definitions:')).toBeLessThan(text.indexOf('budget:'));
    // the workbook is what the clerk filled last: a score left blank there is no longer declared
    expect(text).toContain(
      '"1.1": { actual: 10处, deviationReason: 两处工程因征地推迟至次年开工。, improvement: 提前开展征地协调。 } # 我的批注',
    );
  });

  test('a workbook made from other definitions is refused (DEFINITIONS_CHANGED) unless --force', async () => {
    const other = tempDir();
    cpSync(dir, other, { recursive: true });
    const defs = path.join(other, 'project.indicators.yaml');
    writeFileSync(
      defs,
      readFileSync(defs, 'utf8').replace('新建集中供水工程, target: ≥12处', '新建集中供水工程, target: ≥11处'),
    );
    const refused = await runCli('import', path.join(other, 'clerk.xlsx'), '-o', path.join(other, 'x.actuals.yaml'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/clerk\.xlsx!jixiao!B4: 错误 DEFINITIONS_CHANGED/);
    expect(
      (await runCli('import', path.join(other, 'clerk.xlsx'), '-o', path.join(other, 'x.actuals.yaml'), '--force'))
        .code,
    ).toBe(0);
  });

  test('a row moved is read by its id (noted); a row deleted, a word in a number cell, a bad choice: errors at their cells', async () => {
    const wb = await open(path.join(dir, 'clerk.xlsx'));
    const s = wb.getWorksheet('自评表')!;
    const a = rowOf(s, '2.2');
    const b = rowOf(s, '2.3');
    // swap the two rows' own cells (id and fill values), as sorting or cut-and-paste would
    for (const col of ['A', 'F', 'H', 'I', 'J', 'K', 'L']) {
      const x = s.getCell(`${col}${a}`).value;
      s.getCell(`${col}${a}`).value = s.getCell(`${col}${b}`).value;
      s.getCell(`${col}${b}`).value = x;
    }
    const moved = path.join(dir, 'moved.xlsx');
    await wb.xlsx.writeFile(moved);
    const run = await runCli('import', moved, '-o', path.join(dir, 'moved.actuals.yaml'), '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).notes).toEqual(expect.arrayContaining(['WORKBOOK_ROW_MOVED']));
    const text = readFileSync(path.join(dir, 'moved.actuals.yaml'), 'utf8');
    expect(text).toMatch(/"2\.2":\n\s+#[^\n]*\n\s+actual: 5\.4万人/);
    expect(text).toMatch(/"2\.3":\n\s+#[^\n]*\n\s+actual: 38个/);

    s.getCell(`A${rowOf(s, '1.5')}`).value = null; // the row's id gone: as if deleted
    s.getCell(`A${rowOf(s, '2.1')}`).value = '9.9'; // an id the definitions lack
    s.getCell(`A${rowOf(s, '3.1')}`).value = '1.1'; // a copied row
    s.getCell(cellOf(wb, 'budget.total.fullYearBudget')).value = '一千一百八十';
    s.getCell(`H${rowOf(s, '2.5')}`).value = '很好';
    const broken = path.join(dir, 'broken.xlsx');
    await wb.xlsx.writeFile(broken);
    const bad = await runCli('import', broken, '-o', path.join(dir, 'broken.actuals.yaml'), '--json');
    expect(bad.code).toBe(1);
    const errors = JSON.parse(bad.out).errors.map((e: { code: string; cell?: string }) => [e.code, e.cell]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['WORKBOOK_NOT_A_NUMBER', `自评表!${cellOf(wb, 'budget.total.fullYearBudget')}`],
        ['WORKBOOK_BAD_CHOICE', `自评表!H${rowOf(s, '2.5')}`],
        ['WORKBOOK_ROW_MISSING', '自评表'],
        ['WORKBOOK_UNKNOWN_ROW', expect.stringMatching(/^自评表!A\d+$/)],
        ['WORKBOOK_DUPLICATE_ROW', expect.stringMatching(/^自评表!A\d+$/)],
      ]),
    );
    expect(bad.err).toBe('');
    const plain = await runCli('import', broken, '-o', path.join(dir, 'broken.actuals.yaml'));
    expect(plain.err).toMatch(
      new RegExp(`broken\\.xlsx!自评表!${cellOf(wb, 'budget.total.fullYearBudget')}: 错误 WORKBOOK_NOT_A_NUMBER`),
    );
    expect(existsSync(path.join(dir, 'broken.actuals.yaml'))).toBe(false);
  });

  test('scoring a workbook puts every message at its cell; 不适用 on a scored row is refused', async () => {
    const wb = await open(path.join(dir, 'clerk.xlsx'));
    const s = wb.getWorksheet('自评表')!;
    s.getCell(`F${rowOf(s, '1.2')}`).value = '86人';
    s.getCell(`H${rowOf(s, '1.5')}`).value = '不适用';
    const file = path.join(dir, 'units.xlsx');
    await wb.xlsx.writeFile(file);
    const run = await runCli('score', file, '--json');
    expect(run.code).toBe(1);
    const errors = JSON.parse(run.out).errors.map((e: { code: string; cell?: string }) => [e.code, e.cell]);
    expect(errors).toEqual([['WORKBOOK_NOT_APPLICABLE', `自评表!H${rowOf(s, '1.5')}`]]);
    s.getCell(`H${rowOf(s, '1.5')}`).value = null;
    await wb.xlsx.writeFile(file);
    // a row a person must fix makes a draft; its message points at the cell
    const draft = JSON.parse((await runCli('score', file, '--json')).out);
    expect(draft.status).toBe('draft');
    expect(draft.pending.map((e: { code: string; location: { cell?: string } }) => [e.code, e.location.cell])).toEqual([
      ['UNIT_MISMATCH', `自评表!F${rowOf(s, '1.2')}`],
    ]);
  });
});

describe('a workbook e-mailed alone carries its definitions', () => {
  const alone = (name: string): string => path.join(dir, 'mailbox', name);

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'mailbox'), { recursive: true });
    // exported here, received there: the definitions file the workbook names is nowhere near it
    expect((await runCli('export', CLEAN, '-o', path.join(dir, 'sent.xlsx'))).code).toBe(0);
    copyFileSync(path.join(dir, 'sent.xlsx'), alone('form.xlsx'));
  });

  test('score and render work on the workbook alone, with the definitions it carries; the PDF embeds them byte for byte', async () => {
    const score = await runCli('score', alone('form.xlsx'), '--json');
    expect(score.code).toBe(0);
    expect(JSON.parse(score.out).total).toBe('99.8');
    expect((await runCli('render', alone('form.xlsx'), '-o', alone('form.pdf'))).code).toBe(0);
    const verified = JSON.parse((await runCli('verify', alone('form.pdf'), '--allow-unsigned', '--json')).out) as {
      ok: boolean;
      embedded: { total: string };
    };
    expect(verified).toMatchObject({ ok: true, embedded: { total: '99.8' } });
  });

  test('import writes the carried definitions beside the actuals file it makes, which then scores on its own; again, it reuses them', async () => {
    const run = await runCli('import', alone('form.xlsx'), '-o', alone('form.actuals.yaml'));
    expect(run.code).toBe(0);
    expect(run.err).toContain('已按工作簿内嵌的副本写出');
    expect(readFileSync(alone('project.indicators.yaml'), 'utf8')).toBe(
      readFileSync(path.join(ROOT, 'examples/water-2023/project.indicators.yaml'), 'utf8'),
    );
    expect(readFileSync(alone('form.actuals.yaml'), 'utf8')).toContain('definitions: "./project.indicators.yaml"');
    expect(JSON.parse((await runCli('score', alone('form.actuals.yaml'), '--json')).out).total).toBe('99.8');
    expect((await runCli('import', alone('form.xlsx'), '-o', alone('again.actuals.yaml'))).code).toBe(0);
    // the YAML beside it is used, and checked: changed, the workbook is refused as before
    writeFileSync(
      alone('project.indicators.yaml'),
      `${readFileSync(alone('project.indicators.yaml'), 'utf8')}# changed\n`,
    );
    expect((await runCli('score', alone('form.xlsx'))).err).toContain('DEFINITIONS_CHANGED');
  });

  test('carried definitions someone edited in the hidden sheet are refused (WORKBOOK_DEFINITIONS_DAMAGED)', async () => {
    const wb = await open(path.join(dir, 'sent.xlsx'));
    const sheet = wb.getWorksheet('jixiao-definitions')!;
    sheet.getCell('A1').value = String(sheet.getCell('A1').value).replace('maxScore: 10', 'maxScore: 20');
    mkdirSync(path.join(dir, 'edited'));
    await wb.xlsx.writeFile(path.join(dir, 'edited', 'form.xlsx'));
    const run = await runCli('score', path.join(dir, 'edited', 'form.xlsx'));
    expect([run.code, run.err]).toEqual([1, expect.stringContaining('WORKBOOK_DEFINITIONS_DAMAGED')]);
  });
});

describe("a workbook's messages name its cells as the form prints them", () => {
  test('an emptied amount and a qualitative row without band or score: no YAML key or data path in what score prints', async () => {
    const wb = await open(path.join(dir, 'clerk.xlsx'));
    const s = wb.getWorksheet('自评表')!;
    s.getCell(cellOf(wb, 'budget.total.fullYearBudget')).value = null;
    for (const col of ['H', 'I']) s.getCell(`${col}${rowOf(s, '2.5')}`).value = null;
    const file = path.join(dir, 'words.xlsx');
    await wb.xlsx.writeFile(file);
    const run = await runCli('score', file);
    const printed = run.out + run.err;
    expect(run.code).toBe(3); // a draft: the blanks are still to fill
    expect(printed).toContain(`words.xlsx!自评表!${cellOf(wb, 'budget.total.fullYearBudget')}`);
    const keys =
      /\b(band|reason|actual|declaredScore|deviationReason|fullYearBudget|executed|indicators|budget|breakdown|currentYear)\b/;
    for (const line of printed.split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l)))
      expect([line, keys.test(line.replace(/^\s*\S+: /, ''))]).toEqual([line, false]);
  });
});

const soffice = onPath('soffice') !== null && spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describeWith(
  {
    what: 'LibreOffice (soffice on PATH)',
    present: soffice,
    install: 'scripts/setup.sh installs libreoffice-calc-nogui',
  },
  'LibreOffice as an outside client',
  () => {
    jest.setTimeout(180_000);
    const lo = (args: string[]): void => {
      execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', ...args], {
        cwd: dir,
        stdio: 'pipe',
        timeout: 120_000,
      });
    };

    test('a workbook re-saved by LibreOffice imports to identical actuals', async () => {
      const filled = path.join(dir, 'clerk.xlsx');
      await fillLikeAClerk(filled);
      lo(['--convert-to', 'xlsx', '--outdir', path.join(dir, 'lo'), filled]);
      // beside the definitions again, as the clerk would keep it
      const resaved = path.join(dir, 'clerk-resaved.xlsx');
      copyFileSync(path.join(dir, 'lo', 'clerk.xlsx'), resaved);
      await runCli('import', filled, '-o', path.join(dir, 'a.actuals.yaml'));
      const run = await runCli('import', resaved, '-o', path.join(dir, 'b.actuals.yaml'));
      expect(run.code).toBe(0);
      const strip = (t: string): string => t.replace(/^#.*\n/gm, '');
      expect(strip(readFileSync(path.join(dir, 'b.actuals.yaml'), 'utf8'))).toBe(
        strip(readFileSync(path.join(dir, 'a.actuals.yaml'), 'utf8')),
      );
    });

    test('its print setup works in another program: LibreOffice prints the form to PDF with the text of the form', () => {
      lo(['--convert-to', 'pdf', '--outdir', path.join(dir, 'lo-pdf'), blank]);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'lo-pdf', 'blank.pdf'), '-'], {
        encoding: 'utf8',
      });
      for (const expected of ['2023年度项目支出绩效自评表', '新建集中供水工程', '实际完成值', '偏差原因分析', '填表人'])
        expect(text).toContain(expected);
    });
  },
);
