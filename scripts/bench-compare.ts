/**
 * What-if benchmark: 10,000 generated forms of 20 rows compared under two rule sets, timed; then the same
 * run with every rule evaluated by both json-rules-engine and the fast path, printing how many agree.
 * Usage: npm run bench:compare -- [--forms 10000] [--rules-a caiyu-2020-10] [--rules-b provincial-linear] [--no-check]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { compareRuleSets } from '../src/compare/run';
import { generateForm } from './generate';
import { arg } from './benchArgs';

async function main(): Promise<void> {
  const count = Number(arg('forms', '10000'));
  const rulesA = arg('rules-a', 'caiyu-2020-10');
  const rulesB = arg('rules-b', 'provincial-linear');
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-compare-'));
  let t = performance.now();
  for (let i = 0; i < count; i++) {
    const form = generateForm(i, 20);
    writeFileSync(path.join(dir, `${form.name}.indicators.yaml`), form.definitions);
    writeFileSync(path.join(dir, `${form.name}.actuals.yaml`), form.actuals);
  }
  const say = (line: string): boolean => process.stdout.write(`${line}\n`);
  say(`generated ${count} forms × 20 rows in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`);

  t = performance.now();
  const run = await compareRuleSets([dir], { rulesA, rulesB });
  const seconds = (performance.now() - t) / 1000;
  const rows = count * 20;
  const s = run.summary;
  say(`compare ${rulesA} vs ${rulesB}: ${count} forms, ${rows} rows, each scored under both`);
  say(`time: ${seconds.toFixed(2)} s (goal < 20 s); ${Math.round((rows * 2) / seconds)} row-scorings/s; ${Math.round(count / seconds)} forms/s`);
  say(`compared ${s.compared}, failed ${s.failed}; grades up ${s.gradeChanges.up}, down ${s.gradeChanges.down}, same ${s.gradeChanges.same}; mean delta ${s.meanDelta}`);

  if (!process.argv.includes('--no-check')) {
    t = performance.now();
    const checked = await compareRuleSets([dir], { rulesA, rulesB, check: true });
    const a = checked.agreement!;
    say(`agreement with json-rules-engine: ${a.agree} of ${a.agree + a.disagree} rule evaluations agree, ${a.disagree} differ (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    const same = checked.forms.every((f, i) => f.totalA === run.forms[i]!.totalA && f.totalB === run.forms[i]!.totalB);
    say(`totals identical under both evaluators: ${same ? 'yes' : 'NO'}`);
    for (const e of a.examples) say(`  differs: ${e}`);
    if (a.disagree > 0 || !same) process.exitCode = 1;
  }
}

void main();
