import { appendFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import {
  batchForms,
  queueConnection,
  runBatch,
  runQueuedBatch,
  type BatchOutcome,
  type BatchProgress,
  type BatchSink,
} from '../../batch';
import { text } from '../../errors/texts';
import type { Lang } from '../../errors/lang';
import { EXIT, type OutputMode } from '../exitCodes';
import { removeAbandonedTemporaries, writeFileAtomic, writeOutput, type Io } from '../io';
import { numberOption } from '../options';
import { keepHeapNearLive } from '../heap';
import { cacheFolder, sayCache } from '../formCacheOption';

export interface BatchCommandOptions {
  output: string;
  explain?: boolean;
  concurrency?: string;
  timeout?: string;
  queue?: string;
  json?: boolean;
  /** A folder, or false with --no-cache. */
  cache?: string | false;
}

/** The CLI's writer for batch runs and workers: every file atomically, its folder made when missing. */
export const batchSink: BatchSink = {
  write(file, data) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, data);
  },
  append(file, line) {
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, line);
  },
};

/** ' 95 优' after a form's status, or nothing when it has no total. */
export const scoreText = (entry: { total: string | null; grade: string | null }): string =>
  entry.total === null ? '' : ` ${entry.total}${entry.grade ? ` ${entry.grade}` : ''}`;

/** A progress bar with count, rate and time left on a terminal; one plain line per form when piped. */
function progressReporter(
  io: Io,
  mode: OutputMode & { quiet: boolean },
): { update(p: BatchProgress): void; stop(): void } {
  const { lang } = mode;
  const start = performance.now();
  const rate = (done: number): string => (done / Math.max(0.001, (performance.now() - start) / 1000)).toFixed(1);
  if (mode.quiet) return { update: () => undefined, stop: () => undefined };
  return io.interactive ? barReporter(lang, rate) : lineReporter(io, lang);
}

/** The terminal's progress bar: count, rate and time left. */
function barReporter(lang: Lang, rate: (done: number) => string): { update(p: BatchProgress): void; stop(): void } {
  const bar = new SingleBar(
    {
      format: text('batch.bar', lang, {
        bar: '{bar}',
        value: '{value}',
        total: '{total}',
        rate: '{rate}',
        eta_formatted: '{eta_formatted}',
      }),
      hideCursor: true,
      stream: process.stderr,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      if (!started) bar.start(p.total, 0, { rate: '0' });
      started = true;
      bar.update(p.done, { rate: rate(p.done) });
    },
    stop: () => bar.stop(),
  };
}

/** One line per form when piped (a log), written in batches. */
function lineReporter(io: Io, lang: Lang): { update(p: BatchProgress): void; stop(): void } {
  // piped lines are gathered and written a fifth of a second at a time: a write per form cost as much as finding its font gaps
  let lines: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (lines.length > 0) io.err(lines.join('\n'));
    lines = [];
  };
  const say = (line: string): void => {
    lines.push(line);
    timer ??= setTimeout(flush, 200).unref();
  };
  return {
    update({ done, total, entry }) {
      const statusText = text(`batch.status.${entry.status}`, lang);
      if (entry.action === 'skipped') say(text('batch.line.skipped', lang, { done, total, input: entry.input }));
      else if (entry.action === 'failed') {
        say(text('batch.line.failed', lang, { done, total, input: entry.input, codes: entry.codes.join(', ') }));
        for (const problem of entry.problems ?? []) say(`  ${problem}`);
      } else
        say(
          text('batch.line.rendered', lang, {
            done,
            total,
            input: entry.input,
            output: entry.output ?? '',
            status: statusText,
            score: scoreText(entry),
          }),
        );
    },
    stop: flush,
  };
}

/** `jixiao batch <folders | files | list.txt …> -o out/ [--queue redis://…]`: every form printed, resumable. */
export async function batchCommand(
  targets: string[],
  options: BatchCommandOptions,
  io: Io,
  mode: OutputMode,
): Promise<number> {
  keepHeapNearLive();
  const { lang } = mode;
  const concurrency = numberOption('--concurrency', options.concurrency, { min: 1, max: 32, integer: true }, lang);
  const timeoutMs = numberOption('--timeout', options.timeout, { min: 1000, max: 600000, integer: true }, lang);
  // a queue address that cannot be right is refused before any form is read
  if (options.queue !== undefined) queueConnection(options.queue);
  const outDir = options.output;
  // the output folder is checked (and made) before any form is read: a file in its place is refused at once
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    writeOutput.check(path.join(outDir, 'index.html'), 'generated');
  mkdirSync(outDir, { recursive: true });
  const forms = batchForms(targets);
  const progress = progressReporter(io, { ...mode, quiet: options.json === true });
  const cacheDir = cacheFolder(options.cache);
  const common = {
    outDir,
    ...(cacheDir !== undefined ? { cacheDir } : {}),
    explain: options.explain === true,
    lang,
    ...(concurrency ? { concurrency } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  };
  let outcome: BatchOutcome;
  try {
    if (options.queue) {
      outcome = await runQueuedBatch(
        forms,
        { ...common, queueUrl: options.queue },
        batchSink,
        (p) => progress.update(p),
        (queued, skipped) => {
          if (!options.json) io.err(text('batch.queued', lang, { queue: options.queue ?? '', count: queued, skipped }));
        },
      );
    } else {
      // a run killed with -9 may have left a temporary file beside a PDF: it is removed, never mistaken for one
      removeAbandonedTemporaries(outDir);
      outcome = await runBatch(forms, common, batchSink, (p) => progress.update(p));
    }
  } finally {
    progress.stop();
  }
  const { failed, drafts } = reportOutcome(outcome, options, io, lang);
  if (failed > 0) return EXIT.input;
  return drafts > 0 ? EXIT.draft : EXIT.ok;
}

/** What the batch did: JSON on stdout, or the summary and where the index, table and journal are on stderr. */
function reportOutcome(
  outcome: BatchOutcome,
  options: BatchCommandOptions,
  io: Io,
  lang: Lang,
): { failed: number; drafts: number } {
  const { entries } = outcome;
  const count = (f: (e: (typeof entries)[number]) => boolean): number => entries.filter(f).length;
  const failed = count((e) => e.status === 'failed');
  const drafts = count((e) => e.status === 'draft');
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          ok: failed === 0,
          forms: entries,
          relaunches: outcome.relaunches,
          seconds: Number((outcome.ms / 1000).toFixed(2)),
          index: outcome.index,
          csv: outcome.csv,
          journal: outcome.journal,
        },
        null,
        2,
      ),
    );
  } else {
    const seconds = outcome.ms / 1000;
    io.err(
      text('batch.summary', lang, {
        total: entries.length,
        rendered: count((e) => e.action === 'rendered'),
        skipped: count((e) => e.action === 'skipped'),
        drafts,
        failed,
        seconds: seconds.toFixed(1),
        rate: (entries.length / Math.max(seconds, 0.001)).toFixed(1),
        relaunches: outcome.relaunches > 0 ? text('batch.relaunches', lang, { count: outcome.relaunches }) : '',
      }),
    );
    const { cache } = outcome;
    const cacheDir = cacheFolder(options.cache);
    if (cache && cacheDir !== undefined)
      sayCache(
        io,
        lang,
        cacheDir,
        cache,
        text('batch.cache', lang, { dir: cacheDir, hits: cache.hits, misses: cache.misses }),
      );
    io.err(text('batch.wroteIndex', lang, { index: outcome.index, csv: outcome.csv, journal: outcome.journal }));
  }
  return { failed, drafts };
}
