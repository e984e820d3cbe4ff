import { PdfPrinter } from '../src/pdf/printer';
import { bundledAsset, formPrintScript } from '../src/report/assets';
import { pageCount, pdfText, squeeze } from './pdfTools';
import { runCli, tempDir } from './helpers';
import { writeForms } from './batchForms';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

// The （续） page script lays the indicator table out page by page. Whatever the page holds, it must end.

const dir = tempDir('jixiao-continue-');
let printer: PdfPrinter;
beforeAll(async () => {
  printer = await PdfPrinter.launch({ timeoutMs: 20_000 });
});
afterAll(async () => {
  await printer.close();
});

/** A page in the form's stylesheet with an indicator table of the given head and rows. */
const page = (head: string, rows: string[]): string =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/assets/fonts.css"><link rel="stylesheet" href="/assets/form.css"></head><body>` +
  `<table class="indicators"><thead><tr><th>${head}</th><th>三级指标</th></tr></thead><tbody>` +
  rows
    .map((r, i) =>
      i === 0
        ? `<tr><td class="level level1" rowspan="${rows.length}" data-name="产出指标">产出指标</td><td>${r}</td></tr>`
        : `<tr><td>${r}</td></tr>`,
    )
    .join('') +
  `</tbody></table></body></html>`;

async function printed(html: string, name: string): Promise<string> {
  const { pdf } = await printer.print({ html, resolveAsset: bundledAsset, name, prepare: formPrintScript() });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

test('headings taller than a page and a row taller than a page: the script ends and the form prints', async () => {
  const tall = (mm: number, text: string): string => `<div style="height:${mm}mm">${text}</div>`;
  const file = await printed(page(tall(300, '一级指标'), [tall(400, '很长的一行'), '第二行', '第三行']), 'tall-head');
  expect(pageCount(file)).toBeGreaterThan(1);
  const text = Array.from({ length: pageCount(file) }, (_, i) => squeeze(pdfText(file, i + 1))).join('');
  expect(text).toContain('第三行');
}, 60_000);

test('a group cut by a page end is named again with （续） on the next page', async () => {
  const rows = Array.from({ length: 80 }, (_, i) => `第${i + 1}行`);
  const file = await printed(page('一级指标', rows), 'long-group');
  expect(pageCount(file)).toBeGreaterThan(1);
  expect(squeeze(pdfText(file, 1))).not.toContain('（续）');
  expect(squeeze(pdfText(file, 2))).toContain('产出指标（续）');
}, 60_000);

test('render --html writes the page as printed: the same （续） headings and page breaks as the PDF, self-contained', async () => {
  const file = writeForms(tempDir('jixiao-continue-html-'), 1, 45)[0]!;
  const pdf = path.join(dir, 'long.pdf');
  const html = path.join(dir, 'long.html');
  expect([0, 3]).toContain((await runCli('render', file, '-o', pdf, '--html', html)).code);
  const written = readFileSync(html, 'utf8');
  const continued = (text: string): number => text.split('（续）').length - 1;
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
  expect(continued(written)).toBeGreaterThan(0);
  expect(continued(written)).toBe(continued(pdfText(pdf)));
  expect(written).toContain('break-before: page');
  // stylesheets and fonts inlined, nothing fetched from the printer's own origin, no script
  expect(written).not.toContain('/assets/');
  expect(written).not.toMatch(/<script/i);
}, 60_000);
