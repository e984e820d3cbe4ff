/**
 * Scoring benchmark: scores synthetic forms with one compiled rule set and prints rows/s and forms/s.
 * Usage: npm run bench:score -- [--forms 2000] [--rows 20] [--rules caiyu-2020-10]
 */
import { compiled, loadRuleSet } from '../src/pipeline/ruleSets';
import { scoreForm } from '../src/scoring/scoreForm';
import { syntheticForm } from './synthetic';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const forms = Number(arg('forms', '2000'));
  const rows = Number(arg('rows', '20'));
  const ruleSetId = arg('rules', 'caiyu-2020-10');
  const t0 = performance.now();
  const engine = compiled(loadRuleSet(ruleSetId));
  const compileMs = performance.now() - t0;
  const inputs = Array.from({ length: forms }, (_, i) => syntheticForm(i, rows));

  await scoreForm(inputs[0]!, engine); // warm-up
  let failed = 0;
  let total = 0;
  const start = performance.now();
  for (const input of inputs) {
    try {
      const result = await scoreForm(input, engine);
      total += Number(result.total.toFixed(2));
    } catch {
      failed++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const scoredRows = forms * rows;
  process.stdout.write(
    [
      `rule set: ${ruleSetId} (compiled once in ${compileMs.toFixed(1)} ms)`,
      `forms: ${forms} × ${rows} rows = ${scoredRows} rows; ${failed} forms rejected as input errors`,
      `time: ${seconds.toFixed(2)} s`,
      `rows/s: ${Math.round(scoredRows / seconds)}`,
      `forms/s: ${Math.round(forms / seconds)}`,
      `mean total: ${(total / Math.max(1, forms - failed)).toFixed(2)}`,
    ].join('\n') + '\n',
  );
}

void main();
