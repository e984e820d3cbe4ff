// npm run fuzz:pdf [-- --count 5000 --seed 1]: damaged signed forms through verify and sign; prints the counts
// (crashes must be 0) and exits 1 otherwise.
import { fuzzPdfs } from './fuzzPdf';
import { fuzzBases } from './fuzzPdfBases';
import { arg } from './benchArgs';

async function run(): Promise<void> {
  const count = Number(arg('count', '5000'));
  const seed = Number(arg('seed', '20261128'));
  const start = performance.now();
  const { bases, signer } = await fuzzBases('examples/water-2023/project.actuals.yaml');
  const t = await fuzzPdfs(bases, signer, count, seed);
  console.log(
    `${t.cases} damaged PDFs (${Object.entries(t.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}), each through verify and sign, seed ${seed}`,
  );
  console.log(
    `crashes ${t.crashes}; refused with a reason ${t.refused}; verified ${t.verified}; signed ${t.signed}; ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  for (const e of t.examples) console.log(`  ${e}`);
  process.exitCode = t.crashes === 0 ? 0 : 1;
}

void run();
