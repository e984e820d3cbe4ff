/**
 * What-if benchmark: 10,000 generated forms of 20 rows compared under two rule sets, as an evaluator runs it
 * again and again: a run with no cache at all (the reference: the machine's speed this hour), a first run (the form
 * cache empty), a second (nothing changed: forms and scores read back), a run after rule set B was edited (A's
 * scores read back, B's scored again), a run after 1% of the forms were edited; then a run with every rule
 * evaluated by both json-rules-engine and the fast path, printing how many agree and whether the totals are those
 * of the last cached run.
 * Usage: npm run build && npm run bench:compare -- [--forms 10000 | --count 100000] [--rules-a caiyu-2020-10] [--rules-b provincial-linear] [--no-check]
 * Prints each run's time and the process's peak RSS so far (workers are threads of this process). It times the built code
 * that `jixiao compare` runs, not the sources under tsx (whose transform alone costs a tenth).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { compareRuleSets as CompareRuleSets } from '../src/compare/run';
import { generateForm } from './generate';
import { arg, measuredOn } from './benchArgs';

// the built module (its path is only known at run time), with the sources' types
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compareRuleSets } = require(path.join(__dirname, '..', 'dist', 'compare', 'run.js')) as {
  compareRuleSets: typeof CompareRuleSets;
};

/** One compare over the folder: its time, its peak RSS (workers are threads of this process) and each form's totals. */
async function timedRun(
  dir: string,
  options: { rulesA: string; rulesB: string; cacheDir?: string; check?: boolean },
): Promise<{ run: Awaited<ReturnType<typeof compareRuleSets>>; seconds: number; peak: number; totals: string[] }> {
  global.gc?.();
  const t = performance.now();
  // totals kept as short strings (to check the other runs against), never the comparisons themselves
  const totals: string[] = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const run = await compareRuleSets([dir], { ...options, onForm: (f) => totals.push(`${f.totalA} ${f.totalB}`) });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { run, seconds: (performance.now() - t) / 1000, peak, totals };
}

/** Rule set B as an evaluator edits it: one more adjustment (a further point off a form that misses a target by half). */
function editRuleSet(dir: string, rulesB: string): string {
  const file = path.join(dir, 'edited-b.yaml');
  const rule =
    '{ name: 偏离目标50%及以上再扣1分, conditions: { all: [{ fact: kind, operator: equal, value: quantitative }, { fact: deviation, operator: atLeast, value: 0.5 }] }, event: { type: adjust, params: { method: deviationPenalty, points: 1 } } }';
  writeFileSync(
    file,
    [
      `id: bench-edited`,
      `extends: ${rulesB}`,
      'version: 1.0.0',
      'name: 评测用（改过的 B）',
      'rules:',
      `  add: [${rule}]`,
    ].join('\n'),
  );
  return file;
}

/** Edits 1% of the forms as a department would: one actual figure in each changed (the budget executed). */
function editOnePercent(dir: string, count: number): void {
  for (let i = 0; i < count; i += 100) {
    const file = path.join(dir, `${generateForm(i, 20).name}.actuals.yaml`);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/executed: ([\d.]+)/, (_, n: string) => `executed: ${n}1`),
    );
  }
}

async function main(): Promise<void> {
  const count = Number(arg('count', arg('forms', '10000')));
  const rulesA = arg('rules-a', 'caiyu-2020-10');
  const rulesB = arg('rules-b', 'provincial-linear');
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-compare-'));
  const t = performance.now();
  for (let i = 0; i < count; i++) {
    const form = generateForm(i, 20);
    writeFileSync(path.join(dir, `${form.name}.indicators.yaml`), form.definitions);
    writeFileSync(path.join(dir, `${form.name}.actuals.yaml`), form.actuals);
  }
  const say = (line: string): boolean => process.stdout.write(`${line}\n`);
  say(measuredOn());
  say(`generated ${count} forms × 20 rows in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`);

  // the evaluator's loop: a first run fills the form cache, a second reads every form back, and a run after
  // 1% of the forms were edited reads those from their files again
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-cache-'));
  const goals: Record<string, string> = {
    first: count >= 100_000 ? '≤ 60 s' : '< 20 s for 10,000',
    second: count >= 100_000 ? '≤ 10 s' : '',
  };
  // the same forms compared without a cache first: what the first run's cache writing costs, and the machine's
  // speed this hour (it drifts from day to day by more than the goals' margins)
  const uncached = await timedRun(dir, { rulesA, rulesB });
  say(
    `uncached run: ${uncached.seconds.toFixed(2)} s; peak RSS ${Math.round(uncached.peak / 1024 / 1024)} MB; ${Math.round(count / uncached.seconds)} forms/s (no cache read or written: the reference for the runs below)`,
  );
  let totals: string[] = uncached.totals;
  let rules = { rulesA, rulesB };
  for (const round of ['first', 'second', 'rules-edited', 'forms-edited'] as const) {
    if (round === 'rules-edited') rules = { rulesA, rulesB: editRuleSet(dir, rulesB) };
    if (round === 'forms-edited') editOnePercent(dir, count);
    const measured = await timedRun(dir, { ...rules, cacheDir });
    const { run, seconds, peak } = measured;
    const s = run.summary;
    const c = run.cache;
    say(
      `${round} run: ${seconds.toFixed(2)} s; peak RSS ${Math.round(peak / 1024 / 1024)} MB${goals[round] ? ` (goal ${goals[round]}, ≤ 1.5 GB)` : ''}; ${Math.round(count / seconds)} forms/s; cache: ${c?.hits ?? 0} forms read back, ${c?.misses ?? 0} read from files, ${c?.reused ?? 0} scores read back`,
    );
    if (round === 'first' || round === 'rules-edited')
      say(
        `  compared ${s.compared}, failed ${s.failed}; grades up ${s.gradeChanges.up}, down ${s.gradeChanges.down}, same ${s.gradeChanges.same}; mean delta ${s.meanDelta}`,
      );
    if (round === 'first')
      say(
        `  writing the cache cost ${(((seconds - uncached.seconds) / uncached.seconds) * 100).toFixed(0)}% over the uncached run`,
      );
    if ((round === 'first' || round === 'second') && measured.totals.join('\n') !== totals.join('\n')) {
      say(`${round} run totals differ from the ${round === 'first' ? 'uncached' : 'first'} run: NO`);
      process.exitCode = 1;
    }
    if (round === 'rules-edited' && measured.totals.join('\n') === totals.join('\n')) {
      say('the edited rule set changed no total: the edit was not scored');
      process.exitCode = 1;
    }
    totals = measured.totals;
  }
  rmSync(cacheDir, { recursive: true, force: true });

  if (!process.argv.includes('--no-check')) {
    // every rule evaluated by both json-rules-engine and the fast path (forms read from their files)
    const checked = await timedRun(dir, { ...rules, check: true });
    const a = checked.run.agreement;
    if (!a) throw new Error('the checked run counted no agreement');
    say(
      `agreement with json-rules-engine: ${a.agree} of ${a.agree + a.disagree} rule evaluations agree, ${a.disagree} differ (${checked.seconds.toFixed(1)} s)`,
    );
    // on the edited forms, as the last cached run: the engine, the fast path and the cache give the same totals
    const same = checked.totals.join('\n') === totals.join('\n');
    say(`totals identical under both evaluators: ${same ? 'yes' : 'NO'}`);
    for (const e of a.examples) say(`  differs: ${e}`);
    if (a.disagree > 0 || !same) process.exitCode = 1;
  }
  // a hundred thousand forms are half a gigabyte of /tmp
  rmSync(dir, { recursive: true, force: true });
}

void main();
