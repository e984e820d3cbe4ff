/**
 * Batch benchmark: the same forms three ways in one run, side by side, with memory sampled as they go.
 *   1. the floor: bare page.pdf() of the same HTML on warm pages of one browser (no scoring, no writing);
 *   2. `jixiao batch` in one process (the built binary, browser launch included);
 *   3. `jixiao batch --queue` with two local `jixiao worker` processes on a redis-server started here.
 * Then an estimate of the machines needed for 100,000 forms in 8 hours.
 * Usage: npm run build && npm run bench:batch -- [--forms 1000] [--rows 20]
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PdfPrinter } from '../src/pdf/printer';
import { formHtml } from '../src/pipeline/render';
import { bundledAsset, formPrintScript } from '../src/report/assets';
import { generateForm } from './generate';
import { arg } from './benchArgs';

const BIN = path.resolve(__dirname, '..', 'dist/cli/main.js');
const say = (line: string): boolean => process.stdout.write(`${line}\n`);

/**
 * Memory in MB of each process and its descendants: node by RSS, Chromium by PSS (its processes share most of
 * their pages, so adding their RSS would count the same memory many times over).
 */
function treeMemory(roots: number[]): { node: number; chromium: number } {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .map(([pid, ppid, rss, ...comm]) => ({ pid: Number(pid), ppid: Number(ppid), rss: Number(rss) / 1024, comm: comm.join(' ') }));
  const children = new Map<number, typeof rows>();
  for (const r of rows) children.set(r.ppid, [...(children.get(r.ppid) ?? []), r]);
  const pss = (pid: number): number => {
    try {
      const kb = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
      return Number(kb ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  let node = 0;
  let chromium = 0;
  const walk = (pid: number): void => {
    for (const c of children.get(pid) ?? []) {
      if (/chrom/i.test(c.comm)) chromium += pss(c.pid);
      else if (/node/.test(c.comm)) node += c.rss;
      walk(c.pid);
    }
  };
  for (const root of roots) {
    const self = rows.find((r) => r.pid === root);
    if (self) node += self.rss;
    walk(root);
  }
  return { node, chromium };
}

interface Sampled {
  seconds: number;
  peakNode: number;
  peakChromium: number;
  peakTotal: number;
  /** node and Chromium MB at each tenth of the batch. */
  curve: { done: number; node: number; chromium: number }[];
}

/** Runs a command to its end while sampling the memory of the given processes every 250 ms. */
async function sampled(work: ChildProcess, watched: () => number[], progress: () => number, total: number): Promise<Sampled> {
  const start = performance.now();
  const result: Sampled = { seconds: 0, peakNode: 0, peakChromium: 0, peakTotal: 0, curve: [] };
  let nextMark = 0;
  const sample = (): void => {
    const { node, chromium } = treeMemory(watched());
    result.peakNode = Math.max(result.peakNode, node);
    result.peakChromium = Math.max(result.peakChromium, chromium);
    result.peakTotal = Math.max(result.peakTotal, node + chromium);
    const done = progress();
    if (done >= nextMark) {
      result.curve.push({ done, node, chromium });
      nextMark = done + Math.ceil(total / 10);
    }
  };
  const timer = setInterval(sample, 250);
  const code = await new Promise<number | null>((resolve) => work.once('exit', resolve));
  clearInterval(timer);
  result.seconds = (performance.now() - start) / 1000;
  if (code !== 0 && code !== 3) throw new Error(`batch exited ${code}`);
  return result;
}

const pdfCount = (dir: string): number => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')).length : 0);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Prints every HTML on a warmed printer, two pages at a time; returns the seconds taken (warm-up not timed). */
async function printAll(htmls: string[], prepare?: string): Promise<number> {
  const printer = await PdfPrinter.launch({ concurrency: 2 });
  try {
    await Promise.all([0, 1].map((i) => printer.print({ html: htmls[i % htmls.length]!, resolveAsset: bundledAsset, name: 'warm' })));
    const start = performance.now();
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < htmls.length) {
          const i = next++;
          await printer.print({ html: htmls[i]!, resolveAsset: bundledAsset, name: `form-${i}`, ...(prepare ? { prepare } : {}) });
        }
      }),
    );
    return (performance.now() - start) / 1000;
  } finally {
    await printer.close();
  }
}

const curveText = (s: Sampled): string => s.curve.map((c) => `${c.done}:${c.node.toFixed(0)}+${c.chromium.toFixed(0)}`).join(' ');

async function main(): Promise<void> {
  const count = Number(arg('forms', '300'));
  const rows = Number(arg('rows', '20'));
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-batch-'));
  const forms = path.join(dir, 'forms');
  mkdirSync(forms);
  const files = Array.from({ length: count }, (_, i) => {
    const form = generateForm(i, rows);
    writeFileSync(path.join(forms, `${form.name}.indicators.yaml`), form.definitions);
    const file = path.join(forms, `${form.name}.actuals.yaml`);
    writeFileSync(file, form.actuals);
    return file;
  });
  say(`forms: ${count} (${rows} rows each), machine: ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores`);

  // 1. the floor: the same HTML, printed bare on warm pages (scoring and layout not timed)
  const htmls: string[] = [];
  for (const f of files) htmls.push((await formHtml(f, false)).html);
  const floor = await printAll(htmls);
  // the same, with the page script every form runs before printing (（续） where a group crosses a page end)
  const floorPrepared = await printAll(htmls, formPrintScript());

  // 1b. k forms printed as one document (to be split per form afterwards): measured, not adopted — Chromium
  // numbers pages through the whole document (第 N 页 / 共 M 页 would be wrong for every form but the first)
  const k = Number(arg('k', '5'));
  const bodies = htmls.map((h) => /<body[^>]*>([\s\S]*)<\/body>/.exec(h)?.[1] ?? '');
  const head = /^[\s\S]*?<body[^>]*>/.exec(htmls[0]!)?.[0] ?? '';
  const grouped: string[] = [];
  for (let i = 0; i < bodies.length; i += k) grouped.push(`${head}${bodies.slice(i, i + k).map((b, j) => (j === 0 ? b : `<div style="break-before: page"></div>${b}`)).join('')}</body></html>`);
  const kSeconds = await printAll(grouped);
  htmls.length = 0;

  // 2. jixiao batch in one process
  const outOne = path.join(dir, 'out-one');
  const one = spawn(process.execPath, [BIN, 'batch', forms, '-o', outOne], { stdio: 'ignore' });
  const single = await sampled(one, () => [one.pid!], () => pdfCount(outOne), count);

  // 3. the queue: a redis-server and two workers on this machine
  const port = await freePort();
  const redisDir = path.join(dir, 'redis');
  mkdirSync(redisDir);
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', redisDir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const url = `redis://127.0.0.1:${port}`;
  const workers = [0, 1].map(() => spawn(process.execPath, [BIN, 'worker', '--queue', url, '--concurrency', '1'], { stdio: 'ignore' }));
  let queued: Sampled;
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const outQueue = path.join(dir, 'out-queue');
    const batch = spawn(process.execPath, [BIN, 'batch', forms, '-o', outQueue, '--queue', url], { stdio: 'ignore' });
    queued = await sampled(batch, () => [batch.pid!, ...workers.map((w) => w.pid!)], () => pdfCount(outQueue), count);
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once('exit', resolve)))));
    redis.kill('SIGTERM');
  }

  const rate = (seconds: number): number => count / seconds;
  say(`bare page.pdf() on warm pages (floor):   ${rate(floor).toFixed(2)} forms/s (${floor.toFixed(1)} s)`);
  say(`the floor with the （续） page script: ${rate(floorPrepared).toFixed(2)} forms/s (${floorPrepared.toFixed(1)} s)`);
  say(`jixiao batch, one process:               ${rate(single.seconds).toFixed(2)} forms/s (${single.seconds.toFixed(1)} s, browser launch included)`);
  say(`jixiao batch --queue, two local workers: ${rate(queued.seconds).toFixed(2)} forms/s (${queued.seconds.toFixed(1)} s)`);
  say(`${k} forms per document (floor, before splitting): ${rate(kSeconds).toFixed(2)} forms/s — ${(floor / kSeconds).toFixed(2)}× the one-form floor (adopt only at ≥ 1.5×)`);
  say(`batch ÷ floor:        ${(rate(single.seconds) / rate(floor)).toFixed(2)}× (goal ≥ 0.85×)`);
  say(`batch ÷ floor with the page script: ${(rate(single.seconds) / rate(floorPrepared)).toFixed(2)}× (what scoring, layout, finishing and writing cost)`);
  say(`queue ÷ one process:  ${(rate(queued.seconds) / rate(single.seconds)).toFixed(2)}× (goal ≥ 0.90×)`);
  say(`memory, one process: node peak ${single.peakNode.toFixed(0)} MB RSS (goal ≤ 300), node + Chromium peak ${single.peakTotal.toFixed(0)} MB (Chromium by PSS; goal ≤ 1,200)`);
  say(`  curve (forms done: node + Chromium MB): ${curveText(single)}`);
  say(`memory, queue: batch + 2 workers peak ${queued.peakNode.toFixed(0)} MB, with Chromium ${queued.peakTotal.toFixed(0)} MB`);
  say(`  curve: ${curveText(queued)}`);
  const perMachine = rate(single.seconds) * 8 * 3600;
  say(`estimate: one machine like this prints ${Math.round(perMachine).toLocaleString('en')} forms in 8 hours; 100,000 forms in 8 hours need ${Math.ceil(100_000 / perMachine)} such machines as workers (plus Redis and shared storage)`);
  rmSync(dir, { recursive: true, force: true });
}

void main();
