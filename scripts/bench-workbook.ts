/**
 * Workbook export and import of a 60-row form (median of several runs; goal ≤ 300 ms each):
 * npm run bench:workbook -- [--runs 7] [--rows 60]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportWorkbookFile, workbookActuals } from '../src/pipeline/workbook';
import { generateForm } from './generate';
import { arg, median } from './benchArgs';

async function main(): Promise<void> {
  const runs = Number(arg('runs', '7'));
  const rows = Number(arg('rows', '60'));
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-workbook-'));
  const form = generateForm(1, rows);
  writeFileSync(path.join(dir, `${form.name}.indicators.yaml`), form.definitions);
  const actuals = path.join(dir, `${form.name}.actuals.yaml`);
  writeFileSync(actuals, form.actuals);
  const xlsx = path.join(dir, `${form.name}.xlsx`);
  const exportMs: number[] = [];
  const importMs: number[] = [];
  let size = 0;
  for (let i = 0; i < runs + 1; i++) {
    let t = performance.now();
    const { workbook } = await exportWorkbookFile(actuals, xlsx);
    const e = performance.now() - t;
    writeFileSync(xlsx, workbook);
    size = workbook.length;
    t = performance.now();
    await workbookActuals(xlsx, { output: path.join(dir, 'back.actuals.yaml') });
    const m = performance.now() - t;
    if (i > 0) {
      // the first run warms the module caches; it is not counted
      exportMs.push(e);
      importMs.push(m);
    }
  }
  console.log(`workbook of a ${rows}-row form (${(size / 1024).toFixed(0)} KiB), median of ${runs} runs:`);
  console.log(`  export (load, score, lay out, write .xlsx): ${median(exportMs).toFixed(0)} ms (goal ≤ 300 ms)`);
  console.log(`  import (read .xlsx, check, write actuals YAML): ${median(importMs).toFixed(0)} ms (goal ≤ 300 ms)`);
}

void main();
