/**
 * The 财政局's year at scale: `jixiao review` over 10,000 generated forms in every shape they are handed in —
 * YAML, filled workbooks and PDFs signed in all four roles — timed end to end (read, verify, re-score, re-check,
 * rank, sample, and write 复核.xlsx, index.html, review.json and the 复核报告 PDF), with the peak RSS of the process
 * (worker threads included).
 * Usage: npm run build && npm run bench:review -- [--count 10000] [--workbooks 100] [--pdfs 100]
 * The forms are made once per size under the system's temporary folder and reused (not timed). Two runs: the form
 * cache empty, then with every unchanged YAML form read back from it (workbooks and PDFs are read and verified each time).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type * as Pipeline from '../src/pipeline';
import type * as Review from '../src/review';
import { arg } from './benchArgs';
import { DEPARTMENTS, generateForm } from './generate';

// the built modules (their paths are only known at run time), with the sources' types
const dist = (...p: string[]): string => path.join(__dirname, '..', 'dist', ...p);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pipeline = require(dist('pipeline', 'index.js')) as typeof Pipeline;

const say = (line: string): boolean => process.stdout.write(`${line}\n`);
const PASSWORD = 'bench-review';
const ROLES = [
  ['preparer', '填表人'],
  ['reviewer', '审核人'],
  ['head', '单位负责人'],
] as const;

function writeGenerated(folder: string, index: number): string {
  const form = generateForm(index, 12);
  writeFileSync(path.join(folder, `${form.name}.indicators.yaml`), form.definitions);
  const file = path.join(folder, `${form.name}.actuals.yaml`);
  writeFileSync(file, form.actuals);
  return file;
}

/** A test CA, a key per person role, and a seal per department (a seal's certificate names its unit). */
function keys(folder: string): { ca: string; p12: (who: string) => string } {
  const p12 = (who: string): string => path.join(folder, `${who}.p12`);
  const ca = pipeline.keygen({ commonName: '复核基准测试根证书', password: PASSWORD, ca: true });
  writeFileSync(p12('ca'), ca.p12);
  writeFileSync(path.join(folder, 'ca.pem'), ca.pem);
  const issuer = { file: p12('ca'), password: PASSWORD };
  for (const [role] of ROLES)
    writeFileSync(p12(role), pipeline.keygen({ commonName: `基准${role}`, password: PASSWORD, issuer }).p12);
  DEPARTMENTS.forEach((unit, i) =>
    writeFileSync(p12(`seal-${i}`), pipeline.keygen({ commonName: unit, password: PASSWORD, issuer }).p12),
  );
  return { ca: path.join(folder, 'ca.pem'), p12 };
}

/** PDFs printed from generated forms and signed in all four roles, each role's signature an incremental update. */
async function signedPdfs(
  folder: string,
  first: number,
  count: number,
  signing: ReturnType<typeof keys>,
): Promise<void> {
  const sources = path.join(folder, 'sources');
  mkdirSync(sources, { recursive: true });
  // about half the generated forms are drafts (which cannot be signed): print enough to sign `count` complete ones
  const files = Array.from({ length: count * 3 }, (_, k) => writeGenerated(sources, first + k));
  const rendered = await pipeline.renderForms(files, { explain: false });
  let signed = 0;
  for (const form of rendered) {
    if (signed >= count || !form.pdf || form.scored?.result.status !== 'complete') continue;
    const file = path.join(folder, `${path.basename(form.file, '.actuals.yaml')}.pdf`);
    writeFileSync(file, form.pdf);
    for (const [role] of ROLES)
      writeFileSync(file, (await pipeline.signFile(file, { p12: signing.p12(role), password: PASSWORD, role })).pdf);
    const seal = signing.p12(`seal-${DEPARTMENTS.indexOf(form.scored.result.department)}`);
    writeFileSync(file, (await pipeline.signFile(file, { p12: seal, password: PASSWORD, role: 'seal' })).pdf);
    signed++;
  }
  rmSync(sources, { recursive: true, force: true });
}

async function makeYear(dir: string, count: number, workbooks: number, pdfs: number): Promise<string> {
  const year = path.join(dir, 'year');
  if (existsSync(path.join(dir, 'ready'))) return year;
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['yaml', 'xlsx', 'xlsx-sources', 'pdf', 'keys'])
    mkdirSync(path.join(dir, sub === 'keys' ? sub : `year/${sub}`), { recursive: true });
  const yamls = count - workbooks - pdfs;
  for (let i = 0; i < yamls; i++) writeGenerated(path.join(year, 'yaml'), i);
  for (let i = 0; i < workbooks; i++) {
    const source = writeGenerated(path.join(year, 'xlsx-sources'), yamls + i);
    const output = path.join(year, 'xlsx', `${path.basename(source, '.actuals.yaml')}.xlsx`);
    writeFileSync(output, (await pipeline.exportWorkbookFile(source, output)).workbook);
  }
  rmSync(path.join(year, 'xlsx-sources'), { recursive: true, force: true });
  await signedPdfs(path.join(year, 'pdf'), yamls + workbooks, pdfs, keys(path.join(dir, 'keys')));
  writeFileSync(path.join(dir, 'ready'), '');
  return year;
}

/** The process's peak resident set so far (VmHWM), in bytes; 0 once it has gone. */
function peakOf(pid: number): number {
  try {
    const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * `jixiao review` itself, as a user runs it (the built CLI, in a process of its own), timed, with its peak RSS read
 * from the kernel while it runs: main thread and worker threads together (Chromium, printing the report, is its own).
 */
async function measure(dir: string, pdfs: number, run: { round: string; cacheDir: string }): Promise<void> {
  const out = path.join(dir, 'review');
  rmSync(out, { recursive: true, force: true });
  const args = [
    dist('cli', 'main.js'),
    'review',
    path.join(dir, 'year'),
    '-o',
    out,
    '--trust',
    path.join(dir, 'keys', 'ca.pem'),
    '--cache',
    run.cacheDir,
  ];
  const t = performance.now();
  const child = spawn(process.execPath, [...args, '--sample', '5%', '--seed', '1', '--by', 'department', '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, peakOf(child.pid ?? 0))), 50);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const code = await new Promise<number>((resolve) =>
    child.on('exit', (c) => {
      resolve(c ?? 1);
    }),
  );
  clearInterval(sampler);
  const seconds = (performance.now() - t) / 1000;
  if (code !== 0) throw new Error(`jixiao review exited with ${code}`);
  const { totals: tally } = JSON.parse(stdout) as { totals: Review.ReviewRun['totals'] };
  say(
    `review: ${tally.forms} forms (${tally.complete} complete, ${tally.draft} drafts, ${tally.failed} failed), ${tally.fullySigned} signed PDFs verified`,
  );
  say(`findings: P0 ${tally.counts.P0}, P1 ${tally.counts.P1}, P2 ${tally.counts.P2}; sampled ${tally.sampled}`);
  say(
    `${run.round} run: ${seconds.toFixed(1)} s for jixiao review (reading, verifying, re-scoring, re-checking, and writing 复核.xlsx, index.html, review.json and the 复核报告 PDF); ${Math.round(tally.forms / seconds)} forms/s`,
  );
  say(`peak RSS ${Math.round(peak / 1024 / 1024)} MB (goal: ≤ 60 s and ≤ 500 MB for 10,000 forms on 2 cores)`);
  if (tally.failed > 0 || tally.fullySigned < pdfs) process.exitCode = 1;
}

async function main(): Promise<void> {
  const count = Number(arg('count', '10000'));
  const workbooks = Number(arg('workbooks', '100'));
  const pdfs = Number(arg('pdfs', '100'));
  const dir = path.join(tmpdir(), `jixiao-bench-review-${count}-${workbooks}-${pdfs}`);
  const t = performance.now();
  await makeYear(dir, count, workbooks, pdfs);
  say(
    `the year: ${count - workbooks - pdfs} YAML forms, ${workbooks} workbooks, ${pdfs} PDFs signed in 4 roles (${dir}; ready in ${((performance.now() - t) / 1000).toFixed(1)} s, not timed)`,
  );
  // the form cache as a re-check is run again: empty, then every unchanged YAML form read back
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-review-cache-'));
  await measure(dir, pdfs, { round: 'first (form cache empty)', cacheDir });
  await measure(dir, pdfs, { round: 'second (YAML forms read back from the cache)', cacheDir });
  rmSync(cacheDir, { recursive: true, force: true });
}

void main();
