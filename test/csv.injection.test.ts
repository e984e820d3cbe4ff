import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { csvCell, csvFile } from '../src/report/csv';
import { CLEAN, runCli, tempDir } from './helpers';

/**
 * CSV formula injection (OWASP): a department or title typed as `=HYPERLINK(…)` must arrive in Excel, WPS or
 * LibreOffice as text, in every CSV jixiao writes (batch's summary.csv and compare --csv share src/report/csv.ts).
 */
describe('a CSV cell that a spreadsheet would run as a formula is text', () => {
  it.each([
    ['=HYPERLINK("http://127.0.0.1/x"&A1,"点此查看")', `"'=HYPERLINK(""http://127.0.0.1/x""&A1,""点此查看"")"`],
    ['+SUM(1,2)', `"'+SUM(1,2)"`],
    ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['示例市水利局', '示例市水利局'],
    ['a=b', 'a=b'],
  ])('%j → %s', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it.each(['-3.5', '+2', '12%', '-0.25%', '95'])('a plain number %s stays a number', (text) => {
    expect(csvCell(text)).toBe(text);
    expect(csvCell(Number.parseFloat(text))).toBe(String(Number.parseFloat(text)));
  });

  it('a whole file keeps one line per row with the neutralized cells', () => {
    const file = csvFile(
      ['单位', '总分'],
      [
        ['=1+1', '-3.5'],
        ['水利局', '98'],
      ],
    );
    expect(file).toBe(`\ufeff单位,总分\n"'=1+1",-3.5\n水利局,98\n`);
  });
});

describe('compare --csv writes a formula-like department as text', () => {
  it('=HYPERLINK(…) as the department name', async () => {
    const dir = tempDir('jixiao-csv-');
    const folder = path.join(dir, 'year');
    const source = path.dirname(CLEAN);
    mkdirSync(folder);
    const definitions = readFileSync(path.join(source, 'project.indicators.yaml'), 'utf8').replace(
      'department: 示例市水利局',
      'department: "=HYPERLINK(\\"http://127.0.0.1/\\"&A1,\\"点此查看\\")"',
    );
    writeFileSync(path.join(folder, 'project.indicators.yaml'), definitions);
    copyFileSync(path.join(source, 'project.actuals.yaml'), path.join(folder, 'project.actuals.yaml'));
    copyFileSync(path.join(source, 'seal.png'), path.join(folder, 'seal.png'));
    const run = await runCli(
      'compare',
      '--rules',
      'caiyu-2020-10',
      '--rules',
      'provincial-linear',
      folder,
      '--csv',
      path.join(dir, 'r.csv'),
      '--workers',
      '1',
    );
    expect(run.code).toBe(0);
    const csv = readFileSync(path.join(dir, 'r.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://127.0.0.1/""&A1,""点此查看"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});
