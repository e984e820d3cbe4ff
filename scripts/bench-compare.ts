/**
 * What-if benchmark: 10,000 generated forms of 20 rows compared under two rule sets, timed; then the same
 * run with every rule evaluated by both json-rules-engine and the fast path, printing how many agree.
 * Usage: npm run build && npm run bench:compare -- [--forms 10000 | --count 100000] [--rules-a caiyu-2020-10] [--rules-b provincial-linear] [--no-check]
 * Prints the time and the peak RSS of the run (workers are threads of this process). It times the built code
 * that `jixiao compare` runs, not the sources under tsx (whose transform alone costs a tenth).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { compareRuleSets as CompareRuleSets } from '../src/compare/run';
import { generateForm } from './generate';
import { arg } from './benchArgs';

// the built module (its path is only known at run time), with the sources' types
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compareRuleSets } = require(path.join(__dirname, '..', 'dist', 'compare', 'run.js')) as {
  compareRuleSets: typeof CompareRuleSets;
};

async function main(): Promise<void> {
  const count = Number(arg('count', arg('forms', '10000')));
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
  // totals kept as short strings (to check the other evaluator against), never the comparisons themselves
  const totals: string[] = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const run = await compareRuleSets([dir], { rulesA, rulesB, onForm: (f) => totals.push(`${f.totalA} ${f.totalB}`) });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = (performance.now() - t) / 1000;
  const rows = count * 20;
  const s = run.summary;
  say(`compare ${rulesA} vs ${rulesB}: ${count} forms, ${rows} rows, each scored under both`);
  const goal = count >= 100_000 ? '≤ 60 s and ≤ 1.5 GB for 100,000' : '< 20 s for 10,000';
  say(
    `time: ${seconds.toFixed(2)} s; peak RSS ${Math.round(peak / 1024 / 1024)} MB (goal ${goal}); ${Math.round((rows * 2) / seconds)} row-scorings/s; ${Math.round(count / seconds)} forms/s`,
  );
  say(
    `compared ${s.compared}, failed ${s.failed}; grades up ${s.gradeChanges.up}, down ${s.gradeChanges.down}, same ${s.gradeChanges.same}; mean delta ${s.meanDelta}`,
  );

  if (!process.argv.includes('--no-check')) {
    t = performance.now();
    const checkedTotals: string[] = [];
    const checked = await compareRuleSets([dir], {
      rulesA,
      rulesB,
      check: true,
      onForm: (f) => checkedTotals.push(`${f.totalA} ${f.totalB}`),
    });
    const a = checked.agreement!;
    say(
      `agreement with json-rules-engine: ${a.agree} of ${a.agree + a.disagree} rule evaluations agree, ${a.disagree} differ (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    const same = checkedTotals.length === totals.length && checkedTotals.every((x, i) => x === totals[i]);
    say(`totals identical under both evaluators: ${same ? 'yes' : 'NO'}`);
    for (const e of a.examples) say(`  differs: ${e}`);
    if (a.disagree > 0 || !same) process.exitCode = 1;
  }
}

void main();
