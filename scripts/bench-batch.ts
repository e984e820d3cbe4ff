/**
 * Batch benchmark: the same forms several ways in one run, side by side, with memory sampled as they go.
 *   1. the floor: bare page.pdf() of the same HTML on warm pages of one browser (no scoring, no writing), then
 *      the same with the （续） page script every form runs (and once, k forms printed to a document as batch
 *      prints them, before the split);
 *   2. `jixiao batch` in one process (the built binary, browser launch included);
 *   3. `jixiao batch --queue` with two local `jixiao worker` processes on a redis-server started here.
 * Every run is sampled for memory the same way, so the sampler's own cost does not favour the floor. The runs
 * are repeated in rounds, every other round in the opposite order, and rates are the rounds' mean.
 * Then an estimate of the machines needed for 100,000 forms in 8 hours.
 * Usage: npm run build && npm run bench:batch -- [--forms 1000] [--rows 20] [--rounds 2]
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PdfPrinter } from '../src/pdf/printer';
import { formHtml } from '../src/pipeline/render';
import { bundledAsset, formPrintScript } from '../src/report/assets';
import { combineSheets } from '../src/report/sheets';
import { SHEETS_PER_DOCUMENT } from '../src/pipeline/sheetPrinter';
import { generateForm } from './generate';
import { arg, measuredOn } from './benchArgs';

const BIN = path.resolve(__dirname, '..', 'dist/cli/main.js');
const say = (line: string): boolean => process.stdout.write(`${line}\n`);

const PAGE_BYTES = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim());

interface ProcessRow {
  pid: number;
  ppid: number;
  comm: string;
  rssMb: number;
}

/** Every process, read from /proc directly: forking `ps` four times a second cost the measured run about 10%. */
function processes(): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // the command name is in parentheses and may itself hold spaces or parentheses
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      rows.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        comm: stat.slice(stat.indexOf('(') + 1, close),
        rssMb: (Number(fields[21]) * PAGE_BYTES) / 2 ** 20,
      });
    } catch {
      // the process ended while it was being read
    }
  }
  return rows;
}

/**
 * Memory in MB of each process and its descendants: node by RSS, Chromium by PSS (its processes share most of
 * their pages, so adding their RSS would count the same memory many times over).
 */
function treeMemory(roots: number[]): { node: number; chromium: number } {
  const rows = processes();
  const children = new Map<number, ProcessRow[]>();
  for (const r of rows) {
    const siblings = children.get(r.ppid);
    if (siblings) siblings.push(r);
    else children.set(r.ppid, [r]);
  }
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
      else if (/node/.test(c.comm)) node += c.rssMb;
      walk(c.pid);
    }
  };
  for (const root of roots) {
    const self = rows.find((r) => r.pid === root);
    if (self) node += self.rssMb;
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

/**
 * Samples the memory of the given processes every half second while `work` runs. Every run in the comparison,
 * the floor included, is sampled the same way, so the sampling's own cost falls on all of them alike.
 */
async function sampled<T>(
  work: () => Promise<T>,
  watched: () => number[],
  progress: () => number,
  total: number,
): Promise<Sampled & { value: T }> {
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
  const timer = setInterval(sample, SAMPLE_MS);
  try {
    const value = await work();
    result.seconds = (performance.now() - start) / 1000;
    return { ...result, value };
  } finally {
    clearInterval(timer);
  }
}

const SAMPLE_MS = 500;

/** Runs a child process to its end; a batch exits 0, or 3 when some forms are drafts. */
function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 || code === 3 ? resolve() : reject(new Error(`batch exited ${code}`)))),
  );
}

const pdfCount = (dir: string): number =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')).length : 0;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Prints every HTML on a warmed printer, two pages at a time, sampled like the other runs; `seconds` is the
 * printing alone (launch and warm-up not timed).
 */
async function printAll(htmls: string[], prepare?: string): Promise<Sampled & { value: number }> {
  let printed = 0;
  return sampled(
    async () => {
      const printer = await PdfPrinter.launch({ concurrency: 2 });
      try {
        await Promise.all(
          [0, 1].map((i) =>
            printer.print({ html: htmls[i % htmls.length]!, resolveAsset: bundledAsset, name: 'warm' }),
          ),
        );
        const start = performance.now();
        let next = 0;
        await Promise.all(
          [0, 1].map(async () => {
            while (next < htmls.length) {
              const i = next++;
              await printer.print({
                html: htmls[i]!,
                resolveAsset: bundledAsset,
                name: `form-${i}`,
                ...(prepare ? { prepare } : {}),
              });
              printed++;
            }
          }),
        );
        return (performance.now() - start) / 1000;
      } finally {
        await printer.close();
      }
    },
    () => [process.pid],
    () => printed,
    htmls.length,
  );
}

/** A floor run timed by its printing alone (its browser's launch and warm-up are not the floor's). */
async function printingOnly(run: Promise<Sampled & { value: number }>): Promise<Sampled> {
  const sampledRun = await run;
  return { ...sampledRun, seconds: sampledRun.value };
}

/** Resolves when a worker says it is ready (its browser started); its later lines are read and dropped. */
function ready(worker: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = '';
    let isReady = false;
    worker.stderr!.on('data', (chunk: Buffer) => {
      if (isReady) return;
      said += chunk.toString();
      isReady = said.includes('工作进程已就绪');
      if (isReady) resolve();
    });
    worker.once('exit', (code) => reject(new Error(`worker exited ${code}: ${said}`)));
  });
}

const curveText = (s: Sampled): string =>
  s.curve.map((c) => `${c.done}:${c.node.toFixed(0)}+${c.chromium.toFixed(0)}`).join(' ');

/** The four runs compared, each sampled alike. */
type Run = 'floor' | 'floorScript' | 'batch' | 'queue';
const RUNS: Run[] = ['floor', 'floorScript', 'batch', 'queue'];

/** What each round measured, by run. */
type Round = Record<Run, Sampled>;

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

async function main(): Promise<void> {
  const count = Number(arg('forms', '300'));
  const rows = Number(arg('rows', '20'));
  const roundCount = Number(arg('rounds', '2'));
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
  say(measuredOn());
  say(`forms: ${count} (${rows} rows each), ${roundCount} rounds`);

  // the floor prints the same HTML bare on warm pages (scoring and layout not timed)
  const htmls: string[] = [];
  for (const f of files) htmls.push((await formHtml(f, false)).html);

  // k forms printed as one document, as batch and workers print them (SheetPrinter): each on a named page of its
  // own with its own page numbers; timed here printing alone, before the split
  const k = Number(arg('k', String(SHEETS_PER_DOCUMENT)));
  const grouped: string[] = [];
  for (let i = 0; i < htmls.length; i += k) grouped.push(combineSheets(htmls.slice(i, i + k)));

  // the queue: a redis-server on this machine, and two workers started for each queue run (idle between them,
  // their browsers would share the machine with the other runs)
  const port = await freePort();
  const redisDir = path.join(dir, 'redis');
  mkdirSync(redisDir);
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', redisDir, '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  const url = `redis://127.0.0.1:${port}`;

  const measure: Record<Run, (round: number) => Promise<Sampled>> = {
    floor: () => printingOnly(printAll(htmls)),
    // with the page script every form runs before printing (（续） where a group crosses a page end)
    floorScript: () => printingOnly(printAll(htmls, formPrintScript())),
    batch: async (round) => {
      const out = path.join(dir, `out-one-${round}`);
      const one = spawn(process.execPath, [BIN, 'batch', forms, '-o', out], { stdio: 'ignore' });
      return sampled(
        () => exited(one),
        () => [one.pid!],
        () => pdfCount(out),
        count,
      );
    },
    queue: async (round) => {
      const workers = [0, 1].map(() =>
        spawn(process.execPath, [BIN, 'worker', '--queue', url, '--concurrency', '1'], {
          stdio: ['ignore', 'ignore', 'pipe'],
        }),
      );
      try {
        // workers wait on their machines with their browsers warm before a batch comes: the batch starts once both say so
        await Promise.all(workers.map((w) => ready(w)));
        const out = path.join(dir, `out-queue-${round}`);
        const batch = spawn(process.execPath, [BIN, 'batch', forms, '-o', out, '--queue', url], { stdio: 'ignore' });
        return await sampled(
          () => exited(batch),
          () => [batch.pid!, ...workers.map((w) => w.pid!)],
          () => pdfCount(out),
          count,
        );
      } finally {
        for (const w of workers) w.kill('SIGTERM');
        await Promise.all(
          workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once('exit', resolve)))),
        );
      }
    },
  };

  const rounds: Round[] = [];
  let kSeconds: number;
  try {
    for (let round = 0; round < roundCount; round++) {
      // every other round runs in the opposite order: this machine's speed drifts by up to a fifth over minutes
      // (the same 1,000 forms took node 15.7 to 19.2 CPU seconds), and a drift then favours no run
      const order = round % 2 === 0 ? RUNS : [...RUNS].reverse();
      const measured: Partial<Round> = {};
      for (const run of order) {
        // the previous run's PDFs are flushed to disk first, not while this one is timed
        execFileSync('sync');
        measured[run] = await measure[run](round);
      }
      rounds.push(measured as Round);
      for (const name of readdirSync(dir))
        if (name.startsWith('out-')) rmSync(path.join(dir, name), { recursive: true, force: true });
    }
    execFileSync('sync');
    kSeconds = (await printAll(grouped, formPrintScript())).value;
  } finally {
    redis.kill('SIGTERM');
  }

  const rate = (seconds: number): number => count / seconds;
  const rates = (run: Run): number[] => rounds.map((r) => rate(r[run].seconds));
  const shown = (run: Run): string =>
    `${mean(rates(run)).toFixed(2)} forms/s (rounds: ${rates(run)
      .map((x) => x.toFixed(2))
      .join(', ')})`;
  const ratio = (a: Run, b: Run): string =>
    `${(mean(rates(a)) / mean(rates(b))).toFixed(2)}× (rounds: ${rounds.map((r) => (r[b].seconds / r[a].seconds).toFixed(2)).join(', ')})`;
  const floor = mean(rates('floor'));
  say(`bare page.pdf() on warm pages (floor):   ${shown('floor')}`);
  say(`the floor with the （续） page script: ${shown('floorScript')}`);
  say(`jixiao batch, one process:               ${shown('batch')} (browser launch included)`);
  say(`jixiao batch --queue, two local workers: ${shown('queue')}`);
  say(
    `${k} forms per document with the page script (printing only, before splitting): ${rate(kSeconds).toFixed(2)} forms/s — ${(rate(kSeconds) / floor).toFixed(2)}× the one-form floor (adopted at ≥ 1.5×: batch and workers print this way)`,
  );
  say(`batch ÷ floor:        ${ratio('batch', 'floor')} (goal ≥ 0.85×)`);
  say(
    `batch ÷ floor with the page script: ${ratio('batch', 'floorScript')} (what scoring, layout, finishing and writing cost)`,
  );
  say(`queue ÷ one process:  ${ratio('queue', 'batch')} (goal ≥ 0.90×)`);
  const peak = (run: Run, of: (s: Sampled) => number): number => Math.max(...rounds.map((r) => of(r[run])));
  const last = rounds[rounds.length - 1]!;
  say(
    `memory, one process: node peak ${peak('batch', (s) => s.peakNode).toFixed(0)} MB RSS (goal ≤ 300), node + Chromium peak ${peak('batch', (s) => s.peakTotal).toFixed(0)} MB (Chromium by PSS; goal ≤ 1,200)`,
  );
  say(`  curve, last round (forms done: node + Chromium MB): ${curveText(last.batch)}`);
  say(
    `memory, queue: batch + 2 workers peak ${peak('queue', (s) => s.peakNode).toFixed(0)} MB, with Chromium ${peak('queue', (s) => s.peakTotal).toFixed(0)} MB`,
  );
  say(`  curve, last round: ${curveText(last.queue)}`);
  say(
    `memory, floor: Chromium peak ${peak('floor', (s) => s.peakChromium).toFixed(0)} MB (PSS); memory is sampled every ${SAMPLE_MS} ms in every run, the floor's included`,
  );
  const perMachine = mean(rates('batch')) * 8 * 3600;
  say(
    `estimate: one machine like this prints ${Math.round(perMachine).toLocaleString('en')} forms in 8 hours; 100,000 forms in 8 hours need ${Math.ceil(100_000 / perMachine)} such machines as workers (plus Redis and shared storage)`,
  );
  rmSync(dir, { recursive: true, force: true });
}

void main();
