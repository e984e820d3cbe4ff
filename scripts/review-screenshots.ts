/**
 * The README's pictures of the re-check bench, on real forms (the examples and the published forms of test/corpus):
 * the work list (index.html in Debian's Chromium, sorted by risk) and the 复核底稿 as LibreOffice shows it, with a
 * reviewer's entries on its first rows.
 * Usage: npm run build && npx tsx scripts/review-screenshots.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { runCli, tempDir } from '../test/helpers';
import { launchChromium } from '../test/serveHarness';

const ROOT = path.join(__dirname, '..');

async function main(): Promise<void> {
  const dir = tempDir('jixiao-review-screenshots-');
  const out = path.join(dir, 'review');
  const run = await runCli(
    'review',
    path.join(ROOT, 'examples'),
    path.join(ROOT, 'test', 'corpus'),
    '-o',
    out,
    '--sample',
    '30%',
    '--seed',
    '7',
    '--by',
    'department',
    '--no-pdf',
  );
  if (run.code !== 0) throw new Error(run.err);

  const browser = await launchChromium(dir);
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    await page.evaluate(() => document.querySelector('h2:nth-of-type(3)')?.scrollIntoView());
    await page.evaluate(() => window.scrollBy(0, -330));
    await page.screenshot({ path: path.join(ROOT, 'docs/review-worklist.png') });
  } finally {
    await browser.close();
  }

  // the 复核底稿 alone, its first rows filled as a reviewer would, shown by LibreOffice
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, '复核.xlsx'));
  for (const sheet of [...wb.worksheets]) if (sheet.name !== '复核底稿') wb.removeWorksheet(sheet.id);
  const sheet = wb.getWorksheet('复核底稿');
  if (!sheet) throw new Error('no 复核底稿');
  sheet.getCell('M2').value = Number(sheet.getCell('K2').value) - 1;
  sheet.getCell('O2').value = '佐证材料不全，扣1分';
  sheet.getCell('L3').value = String(sheet.getCell('J3').value ?? '');
  sheet.getCell('M3').value = Number(sheet.getCell('K3').value);
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const alone = path.join(dir, 'worksheet.xlsx');
  await wb.xlsx.writeFile(alone);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'lo')}`,
      '--headless',
      '--convert-to',
      'png',
      '--outdir',
      dir,
      alone,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  copyFileSync(path.join(dir, 'worksheet.png'), path.join(ROOT, 'docs/review-worksheet.png'));
}

void main();
