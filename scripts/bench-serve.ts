/**
 * The web form's benchmark: `jixiao serve` started as a user starts it, asked over loopback HTTP as its page asks.
 *   - the live-score round trip (edit → load → score → answer) for a 20-row and a 60-row form: p50 / p95;
 *   - 生成 PDF with the server's warm browser: the first (browser launch included), then p50 / p95;
 *   - the server's RSS idle and after the PDFs, and its browser's.
 * Usage: npm run build && npm run bench:serve -- [--rounds 200] [--pdfs 100]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateForm } from './generate';
import { arg } from './benchArgs';

const BIN = path.join(__dirname, '..', 'dist/cli/main.js');

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

/** Chromium's memory under the server: the proportional set size of every descendant (shared pages counted once). */
function descendantsPssMb(pid: number): number {
  const all = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const ids = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of all) {
      if (ids.has(pp) && !ids.has(p)) {
        ids.add(p);
        grew = true;
      }
    }
  }
  ids.delete(pid);
  let kb = 0;
  for (const id of ids) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${id}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // a process that ended meanwhile
    }
  }
  return kb / 1024;
}

const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main(): Promise<void> {
  const rounds = Number(arg('rounds', '200'));
  const pdfs = Number(arg('pdfs', '100'));
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-serve-'));
  const forms = [20, 60].map((rows, i) => {
    const form = generateForm(i, rows);
    writeFileSync(path.join(dir, `${form.name}.indicators.yaml`), form.definitions);
    writeFileSync(path.join(dir, `${form.name}.actuals.yaml`), form.actuals);
    return { rows, file: `${form.name}.actuals.yaml` };
  });

  const child = spawn(process.execPath, [BIN, 'serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<URL>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\S+/.exec(err);
      if (m) resolve(new URL(m[0]));
    });
    child.once('exit', () => reject(new Error(err)));
  });
  const origin = url.origin;
  const headers = {
    cookie: `jixiao_token=${url.searchParams.get('token')}`,
    origin,
    'content-type': 'application/json',
  };
  const post = (pathname: string, file: string, edits: { path: string[]; value: string }[]): Promise<Response> =>
    fetch(`${origin}${pathname}`, { method: 'POST', headers, body: JSON.stringify({ file, edits }) });

  try {
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssMb(child.pid!);
    console.log(`jixiao serve on ${origin}: ${rounds} live-score round trips per form, ${pdfs} PDFs`);
    console.log(`server RSS idle: ${idle.toFixed(0)} MB`);
    for (const form of forms) {
      const ms: number[] = [];
      for (let i = 0; i < rounds + 10; i++) {
        // each round trip re-reads, re-loads and re-scores the whole form, whichever cell changed
        const start = performance.now();
        const r = await post('/api/score', form.file, [{ path: ['overallGoal', 'actual'], value: `完成情况第${i}稿` }]);
        await r.json();
        if (!r.ok) throw new Error(`score answered ${r.status}`);
        if (i >= 10) ms.push(performance.now() - start);
      }
      console.log(
        `live score, ${form.rows}-row form: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms (goal p95 ≤ 50 ms)`,
      );
    }
    const pdfMs: number[] = [];
    let first = 0;
    for (let i = 0; i <= pdfs; i++) {
      const start = performance.now();
      const r = await post('/api/pdf', forms[0]!.file, [
        { path: ['overallGoal', 'actual'], value: `完成情况第${i}稿` },
      ]);
      const bytes = Buffer.from(await r.arrayBuffer());
      if (!r.ok || bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error(`pdf answered ${r.status}`);
      if (i === 0) first = performance.now() - start;
      else pdfMs.push(performance.now() - start);
    }
    console.log(
      `PDF, ${forms[0]!.rows}-row form: first ${first.toFixed(0)} ms (browser launch included); warm p50 ${percentile(pdfMs, 50).toFixed(0)} ms, p95 ${percentile(pdfMs, 95).toFixed(0)} ms (goal ≤ 1000 ms)`,
    );
    console.log(
      `server RSS after ${pdfs} PDFs: ${rssMb(child.pid!).toFixed(0)} MB; its Chromium (PSS): ${descendantsPssMb(child.pid!).toFixed(0)} MB`,
    );
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
