import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import IORedis from 'ioredis';
import * as path from 'node:path';
import { expectedTotals, filesUnder, journalLines, summaryRows, wholePdf, writeForms } from './batchForms';
import { ROOT, tempDir, until } from './helpers';
import { describeWith, firstOnPath } from './outsidePrograms';

// A real redis-server on a free loopback port with its own temporary folder, started and stopped here;
// workers and the batch are the real binary, as on several machines sharing one output folder.

const BIN = path.join(ROOT, 'dist/cli/main.js');
const REDIS =
  firstOnPath('redis-server') ??
  ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ??
  null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(dir: string, atPort?: number): Promise<{ url: string; process: ChildProcess }> {
  const port = atPort ?? (await freePort());
  const redis = spawn(
    REDIS ?? 'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${said}`)), 10_000);
    redis.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited ${code}: ${said}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, process: redis };
}

function startWorker(url: string, log: string[]): ChildProcess {
  const worker = spawn(process.execPath, [BIN, 'worker', '--queue', url], { stdio: ['ignore', 'ignore', 'pipe'] });
  worker.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  return worker;
}

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

describeWith(
  { what: 'redis-server', present: REDIS !== null, install: 'scripts/setup.sh installs redis-server' },
  'batch --queue with workers on a real redis-server',
  () => {
    const dir = tempDir('jixiao-queue-');
    let redis: { url: string; process: ChildProcess };
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      redis = await startRedis(dir);
    });

    afterAll(async () => {
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      redis.process.kill('SIGTERM');
      await exited(redis.process);
    });

    test('60 forms, two workers, one killed with -9 mid-run: every form printed exactly once with the right total; journal and summary agree', async () => {
      const forms = path.join(dir, 'forms');
      mkdirSync(forms);
      const files = writeForms(forms, 60, 10);
      const out = path.join(dir, 'out');
      const logs: [string[], string[]] = [[], []];
      const workers = [startWorker(redis.url, logs[0]), startWorker(redis.url, logs[1])];
      children.push(...workers);
      await until(() => logs.every((l) => l.join('').includes('工作进程已就绪')), 20_000);

      const batch = spawn(process.execPath, [BIN, 'batch', forms, '-o', out, '--queue', redis.url, '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(batch);
      let stdout = '';
      batch.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      // the first worker dies outright once it has printed a few forms, with more in hand
      await until(
        () =>
          logs[0]
            .join('')
            .split('\n')
            .filter((l) => l.includes('→')).length >= 4,
        60_000,
      );
      workers[0]!.kill('SIGKILL');
      const code = await exited(batch);
      expect([0, 3]).toContain(code);

      const report = JSON.parse(stdout) as {
        forms: { input: string; output: string; total: string; status: string; by: string; action: string }[];
      };
      expect(report.forms).toHaveLength(60);
      const pdfs = filesUnder(out).filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(60);
      expect(pdfs).toEqual(files.map((f) => path.basename(f).replace('.actuals.yaml', '.pdf')).sort());
      for (const pdf of pdfs) expect(wholePdf(path.join(out, pdf))).toBe(true);
      expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const expected = await expectedTotals(files);
      for (const f of report.forms)
        expect([f.input, f.total, f.status]).toEqual([
          f.input,
          expected.get(f.input)!.total,
          expected.get(f.input)!.status,
        ]);
      // both workers printed; the survivor picked up what the killed one held
      const printers = new Set(report.forms.map((f) => f.by));
      expect(printers.size).toBe(2);
      const journal = journalLines(out);
      // one line per form, in the order they finished, each as the batch reported it
      expect(journal).toHaveLength(60);
      const line = (e: { input: string; total: string | null; outputSha256?: string | null }): string =>
        `${e.input} ${e.total} ${e.outputSha256}`;
      expect(journal.map(line).sort()).toEqual(report.forms.map((f) => line(f as never)).sort());
      expect(summaryRows(out).map((r) => [r.input, r.total])).toEqual(report.forms.map((f) => [f.input, f.total]));

      // a re-run skips every form: nothing is queued again
      const rerun = spawnSync(process.execPath, [BIN, 'batch', forms, '-o', out, '--queue', redis.url, '--json'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      const again = JSON.parse(rerun.stdout) as { forms: { action: string }[] };
      expect(again.forms.every((f) => f.action === 'skipped')).toBe(true);

      // Ctrl-C (SIGINT) stops the surviving worker cleanly: exit 0, its browser gone
      workers[1]!.kill('SIGINT');
      expect(await exited(workers[1]!)).toBe(0);
      expect(logs[1].join('')).toMatch(/工作进程已停止：共处理 \d+ 张/);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('form-00059.pdf');
    }, 180_000);

    test('Redis killed and restarted empty mid-batch: what the journal does not show done is queued again; every form printed, none failed', async () => {
      const own = path.join(dir, 'lost-redis');
      mkdirSync(own);
      let server = await startRedis(own);
      const port = Number(new URL(server.url).port);
      const forms = path.join(dir, 'lost');
      mkdirSync(forms);
      const files = writeForms(forms, 30, 6);
      const out = path.join(dir, 'lost-out');
      const log: string[] = [];
      const worker = startWorker(server.url, log);
      children.push(worker);
      await until(() => log.join('').includes('工作进程已就绪'), 20_000);
      const batch = spawn(process.execPath, [BIN, 'batch', forms, '-o', out, '--queue', server.url, '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(batch);
      let stdout = '';
      batch.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      // the event: the worker has printed a few forms; then Redis dies with every job in it and comes back empty
      await until(
        () =>
          log
            .join('')
            .split('\n')
            .filter((l) => l.includes('→')).length >= 3,
        60_000,
      );
      server.process.kill('SIGKILL');
      await exited(server.process);
      server = await startRedis(own, port);
      try {
        const code = await exited(batch);
        expect([0, 3]).toContain(code);
        const report = JSON.parse(stdout) as { forms: { input: string; status: string; codes?: string[] }[] };
        expect(report.forms).toHaveLength(30);
        expect(report.forms.filter((f) => f.status === 'failed')).toEqual([]);
        const pdfs = filesUnder(out).filter((f) => f.endsWith('.pdf'));
        expect(pdfs).toEqual(files.map((f) => path.basename(f).replace('.actuals.yaml', '.pdf')).sort());
        for (const pdf of pdfs) expect(wholePdf(path.join(out, pdf))).toBe(true);
        expect(journalLines(out)).toHaveLength(30);
      } finally {
        worker.kill('SIGKILL');
        server.process.kill('SIGTERM');
        await exited(server.process);
      }
    }, 180_000);

    test('Redis that loses the jobs again and again (flushed each time they are queued): the forms are recorded as QUEUE_LOST, exit 1', async () => {
      const forms = path.join(dir, 'flushed');
      mkdirSync(forms);
      writeForms(forms, 2, 4);
      const out = path.join(dir, 'flushed-out');
      // no worker: the jobs wait in Redis, and this client empties Redis whenever they are there
      const client = new IORedis(redis.url, { maxRetriesPerRequest: null });
      const batch = spawn(process.execPath, [BIN, 'batch', forms, '-o', out, '--queue', redis.url, '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(batch);
      let stdout = '';
      batch.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      let flushes = 0;
      const flusher = (async () => {
        while (batch.exitCode === null) {
          const jobs = await client.keys('bull:jixiao-forms:form-*');
          if (jobs.length > 0) {
            await client.flushall();
            flushes++;
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })();
      try {
        const code = await exited(batch);
        await flusher;
        expect(code).toBe(1);
        const report = JSON.parse(stdout) as {
          forms: { input: string; status: string; codes: string[]; problems: string[] }[];
        };
        expect(report.forms.map((f) => [f.input, f.status, f.codes])).toEqual([
          ['form-00000.actuals.yaml', 'failed', ['QUEUE_LOST']],
          ['form-00001.actuals.yaml', 'failed', ['QUEUE_LOST']],
        ]);
        expect(report.forms[0]!.problems[0]).toMatch(/Redis 丢失了.*已重新排队 2 次/);
        // queued once, then twice again: three losses at least
        expect(flushes).toBeGreaterThanOrEqual(3);
      } finally {
        client.disconnect();
      }
    }, 120_000);

    test('a worker whose browser cannot start says so and exits 1 before it takes any job', async () => {
      const fake = path.join(dir, 'broken-chromium');
      writeFileSync(fake, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
      const run = spawnSync(process.execPath, [BIN, 'worker', '--queue', redis.url], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, JIXIAO_CHROMIUM: fake },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('BROWSER_LAUNCH_FAILED');
      expect(run.stderr).toContain(fake);
      expect(run.stderr).not.toContain('工作进程已就绪');
    }, 60_000);

    test('a job that keeps failing for a reason not in the form is retried with backoff, then recorded (QUEUE_JOB_FAILED); the others print', async () => {
      const forms = path.join(dir, 'few');
      mkdirSync(forms);
      writeForms(forms, 2, 6);
      const out = path.join(dir, 'few-out');
      // a folder where the first PDF must go: renaming onto it fails on every attempt
      mkdirSync(path.join(out, 'form-00000.pdf'), { recursive: true });
      const log: string[] = [];
      const worker = startWorker(redis.url, log);
      children.push(worker);
      await until(() => log.join('').includes('工作进程已就绪'), 20_000);
      const run = spawnSync(process.execPath, [BIN, 'batch', forms, '-o', out, '--queue', redis.url, '--json'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout) as {
        forms: { input: string; status: string; codes: string[]; problems?: string[] }[];
      };
      expect(report.forms[0]).toMatchObject({
        input: 'form-00000.actuals.yaml',
        status: 'failed',
        codes: ['QUEUE_JOB_FAILED'],
      });
      expect(report.forms[0]!.problems?.[0]).toMatch(/3 次尝试均失败.*EISDIR/);
      expect(report.forms[1]!.status).not.toBe('failed');
      expect(wholePdf(path.join(out, 'form-00001.pdf'))).toBe(true);
      worker.kill('SIGTERM');
      expect(await exited(worker)).toBe(0);
    }, 90_000);
  },
);
