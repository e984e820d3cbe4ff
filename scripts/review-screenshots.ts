/**
 * The README's pictures of the re-check bench, on real forms (the examples and the published forms of test/corpus):
 * the work list (index.html in Debian's Chromium, sorted by risk) and the 复核底稿's first rows with a reviewer's
 * entries, drawn from the workbook's cells as a spreadsheet grid.
 * Usage: npm run build && npx tsx scripts/review-screenshots.ts
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { runCli, tempDir } from '../test/helpers';
import { launchChromium } from '../test/serveHarness';
import { inlineFontCss } from '../src/report/assets';

const ROOT = path.join(__dirname, '..');

/** A cell as a spreadsheet shows it: numbers in their format (0.00, 0.00%), a formula by its cached result. */
function shownValue(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  // the 偏离度 formula has no stored result (a spreadsheet computes it on opening): computed here as it would be
  const value =
    v !== null && typeof v === 'object' && 'formula' in v ? deviation(cell.worksheet.getRow(Number(cell.row))) : v;
  if (typeof value !== 'number') return value == null ? '' : String(value);
  if (cell.numFmt === '0.00%') return `${(value * 100).toFixed(2)}%`;
  return cell.numFmt === '0.00' ? value.toFixed(2) : String(value);
}

/** =IF(OR(M="",I=0),"",(K-M)/I): (自评得分 − 复核得分) ÷ 分值. */
function deviation(row: ExcelJS.Row): number | string {
  const [max, self, review] = [row.getCell('I').value, row.getCell('K').value, row.getCell('M').value];
  if (typeof review !== 'number' || typeof max !== 'number' || max === 0 || typeof self !== 'number') return '';
  return (self - review) / max;
}

const escape = (t: string): string => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function sheetHtml(sheet: ExcelJS.Worksheet, rows: number): string {
  const columns = Math.min(sheet.columnCount, 15);
  const letters = Array.from({ length: columns }, (_, i) => String.fromCharCode(65 + i));
  const body = Array.from({ length: rows }, (_, r) => {
    const row = sheet.getRow(r + 1);
    const cells = letters.map((_, c) => {
      const cell = row.getCell(c + 1);
      const fill = (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === 'FFFFF2CC';
      const number = typeof cell.value === 'number' || (cell.value !== null && typeof cell.value === 'object');
      return `<td class="${fill ? 'fill' : ''} ${number ? 'num' : ''} ${r === 0 ? 'head' : ''}">${escape(shownValue(cell))}</td>`;
    });
    return `<tr><th>${r + 1}</th>${cells.join('')}</tr>`;
  });
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    body { margin: 0; font: 12px "Noto Sans SC", sans-serif; }
    table { border-collapse: collapse; }
    th, td { border: 1px solid #d4d4d4; padding: 2px 5px; white-space: nowrap; max-width: 150px; overflow: hidden; text-overflow: ellipsis; }
    th { background: #f1f1f1; color: #555; font-weight: normal; text-align: center; }
    td.head { font-weight: 700; } td.num { text-align: right; } td.fill { background: #fff2cc; }
    </style></head><body><table><tr><th></th>${letters.map((l) => `<th>${l}</th>`).join('')}</tr>${body.join('')}</table></body></html>`;
  return html.replace('</style>', `${inlineFontCss(html)}</style>`);
}

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
    await page.setViewport({ width: 1366, height: 1000 });
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
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
  // LibreOffice here has no CJK font to print it with: the sheet's own cells are drawn as a spreadsheet grid
  // in Chromium with the bundled fonts (values, number formats as shown, the reviewer's shaded columns)
  const html = sheetHtml(sheet, 22);
  const browser2 = await launchChromium(dir);
  try {
    const page = await browser2.newPage();
    await page.setViewport({ width: 1600, height: 560 });
    await page.setContent(html);
    await page.screenshot({ path: path.join(ROOT, 'docs/review-worksheet.png') });
  } finally {
    await browser2.close();
  }
}

void main();
