/**
 * Scoring benchmark: scores generated forms with one compiled rule set and prints rows/s and forms/s,
 * with json-rules-engine (what `jixiao score` uses) and with the equivalent fast path (what `compare` uses).
 * Usage: npm run bench:score -- [--forms 2000] [--rows 20] [--rules caiyu-2020-10]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadForm } from '../src/load/loadForm';
import { compiled, loadRuleSet } from '../src/load/ruleSets';
import type { RuleEvaluator } from '../src/rules/compile';
import { scoreForm } from '../src/scoring/scoreForm';
import { generateForm } from './generate';
import { arg } from './benchArgs';

async function main(): Promise<void> {
  const forms = Number(arg('forms', '2000'));
  const rows = Number(arg('rows', '20'));
  const ruleSetId = arg('rules', 'caiyu-2020-10');
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-score-'));
  let t = performance.now();
  const inputs = Array.from({ length: forms }, (_, i) => {
    const form = generateForm(i, rows);
    writeFileSync(path.join(dir, `${form.name}.indicators.yaml`), form.definitions);
    const file = path.join(dir, `${form.name}.actuals.yaml`);
    writeFileSync(file, form.actuals);
    return loadForm(file).input;
  });
  const loadSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const engine = compiled(loadRuleSet(ruleSetId));
  const compileMs = performance.now() - t;
  const say = (line: string): boolean => process.stdout.write(`${line}\n`);
  say(`rule set: ${ruleSetId} (compiled once in ${compileMs.toFixed(1)} ms)`);
  say(
    `forms: ${forms} × ${rows} rows = ${forms * rows} rows (generated, written and read in ${loadSeconds.toFixed(1)} s, not timed below)`,
  );

  const run = async (label: string, evaluator: RuleEvaluator): Promise<void> => {
    for (const input of inputs.slice(0, 20)) await scoreForm(input, evaluator); // warm-up
    let rejected = 0;
    const start = performance.now();
    for (const input of inputs) {
      try {
        await scoreForm(input, evaluator);
      } catch {
        rejected++;
      }
    }
    const seconds = (performance.now() - start) / 1000;
    say(
      `${label}: ${seconds.toFixed(2)} s, ${Math.round((forms * rows) / seconds)} rows/s, ${Math.round(forms / seconds)} forms/s (${rejected} forms rejected as input errors)`,
    );
  };
  await run('json-rules-engine', engine);
  await run('fast path        ', engine.fast());
}

void main();
