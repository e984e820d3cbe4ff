/**
 * Rendering benchmark: the same batch of forms three ways in one run, printed as forms/s and ratios.
 *   1. the jixiao pipeline: score, lay out, print on one reused browser (2 pages at a time), finalize;
 *   2. a new browser per form (the usual naive approach, and jsreport's default strategy);
 *   3. the floor: a bare print of the same HTML on warm pages of one browser (no scoring, no finalizing).
 * Usage: npm run bench:render -- [--forms 40]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PdfPrinter } from '../src/pdf/printer';
import { formHtml, renderForms } from '../src/pipeline/render';
import { bundledAsset } from '../src/report/assets';
import { generateForm } from './generate';
import { arg } from './benchArgs';

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

async function main(): Promise<void> {
  const count = Number(arg('forms', '40'));
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-render-'));
  const files = Array.from({ length: count }, (_, i) => {
    const form = generateForm(i, 20);
    writeFileSync(path.join(dir, `${form.name}.indicators.yaml`), form.definitions);
    const file = path.join(dir, `${form.name}.actuals.yaml`);
    writeFileSync(file, form.actuals);
    return file;
  });
  const htmls = await Promise.all(files.map(async (f) => (await formHtml(f, false)).html));
  const say = (line: string): boolean => process.stdout.write(`${line}\n`);
  say(`forms: ${count} (20 rows each), ${path.basename(dir)}`);

  // 1. the pipeline, browser launch included
  let pages = 0;
  const pipeline = await timed(async () => {
    const rendered = await renderForms(files, { explain: false });
    const failed = rendered.filter((r) => !r.pdf);
    if (failed.length > 0) throw new Error(`${failed.length} forms failed`);
    pages = rendered.length;
  });

  // 1b. the pipeline on a browser that is already running (a service that keeps its browser)
  const running = await PdfPrinter.launch({ concurrency: 2 });
  let steady: number;
  try {
    await renderForms(files.slice(0, 2), { explain: false, printer: running });
    steady = await timed(() => renderForms(files, { explain: false, printer: running }));
  } finally {
    await running.close();
  }

  // 2. a new browser for every form
  const naive = await timed(async () => {
    for (const [i, html] of htmls.entries()) {
      const printer = await PdfPrinter.launch({ concurrency: 1 });
      try {
        await printer.print({ html, resolveAsset: bundledAsset, name: `naive-${i}` });
      } finally {
        await printer.close();
      }
    }
  });

  // 3. the floor: bare prints on warm pages (launch and warm-up not timed)
  const printer = await PdfPrinter.launch({ concurrency: 2 });
  let floor: number;
  try {
    await Promise.all([0, 1].map((i) => printer.print({ html: htmls[i]!, resolveAsset: bundledAsset, name: 'warm' })));
    floor = await timed(() =>
      Promise.all(htmls.map((html, i) => printer.print({ html, resolveAsset: bundledAsset, name: `floor-${i}` }))),
    );
  } finally {
    await printer.close();
  }

  const rate = (seconds: number): number => pages / seconds;
  say(
    `jixiao pipeline (one browser, reused): ${rate(pipeline).toFixed(2)} forms/s (${pipeline.toFixed(2)} s, browser launch included)`,
  );
  say(`jixiao pipeline, browser already up:   ${rate(steady).toFixed(2)} forms/s (${steady.toFixed(2)} s)`);
  say(`new browser per form:                  ${rate(naive).toFixed(2)} forms/s (${naive.toFixed(2)} s)`);
  say(`bare page.pdf() on warm pages (floor): ${rate(floor).toFixed(2)} forms/s (${floor.toFixed(2)} s)`);
  say(`pipeline ÷ new-browser-per-form: ${(naive / pipeline).toFixed(2)}× (goal ≥ 5×)`);
  say(
    `floor ÷ pipeline:                ${(pipeline / floor).toFixed(2)}× (goal ≤ 1.3×); with the browser already up ${(steady / floor).toFixed(2)}×`,
  );
}

void main();
