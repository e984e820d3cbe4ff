// npm run fuzz [-- --count 70000 --seed 1]: the parser, the YAML loader and the scorer over generated inputs;
// prints the counts of crashes, hangs and out-of-range results (all must be 0) and exits 1 otherwise.
import { fuzz } from './fuzzProperties';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function run(): Promise<void> {
  const count = arg('count', 70_000);
  const seed = arg('seed', 20261128);
  const start = performance.now();
  const tallies = await fuzz(count, seed);
  let total = 0;
  let failures = 0;
  for (const [name, t] of Object.entries(tallies)) {
    total += t.cases;
    failures += t.crashes + t.hangs + t.outOfRange;
    console.log(
      `${name.padEnd(7)} ${t.cases} inputs: ${t.crashes} crashes, ${t.hangs} hangs, ${t.outOfRange} out of range, ${t.refused} refused with a located error`,
    );
    for (const e of t.examples) console.log(`  ${e}`);
  }
  console.log(
    `${total} inputs in ${((performance.now() - start) / 1000).toFixed(1)} s (seed ${seed}): ${failures} failures`,
  );
  process.exitCode = failures === 0 ? 0 : 1;
}

void run();
