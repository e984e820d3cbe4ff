import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../../errors/lang';
import { text } from '../../errors/texts';
import {
  importReview,
  percentText,
  resultWorkbook,
  REVIEW_FILES,
  reviewerEntries,
  reviewFiles,
  reviewYear,
} from '../../review';
import type { ReviewRun, SampleOptions, SampleSize } from '../../review';
import { cacheFolder, sayCache } from '../formCacheOption';
import { EXIT, type OutputMode } from '../exitCodes';
import { writeOutput, type Io } from '../io';
import { numberOption, usageError } from '../options';
import { progressBar } from '../progress';

export interface ReviewCommandOptions {
  output: string;
  rules?: string;
  trust: string[];
  previous: string[];
  sample?: string;
  seed?: string;
  by?: string;
  withoutP0?: boolean;
  workers?: string;
  pdf?: boolean;
  json?: boolean;
  /** A folder, or false with --no-cache. */
  cache?: string | false;
}

/** `--sample 12` or `--sample 20%`. */
function sampleSize(value: string, lang: Lang): SampleSize {
  const share = /^(\d+(?:\.\d+)?)%$/.exec(value.trim());
  if (share && Number(share[1]) <= 100) return { percent: Number(share[1]) };
  if (/^\d+$/.test(value.trim())) return { count: Number(value.trim()) };
  throw usageError(text('usage.sample', lang, { value }));
}

function sampleOptions(options: ReviewCommandOptions, lang: Lang): SampleOptions | undefined {
  if (options.sample === undefined) return undefined;
  if (options.by !== undefined && options.by !== 'department')
    throw usageError(text('usage.sampleBy', lang, { value: options.by }));
  return {
    size: sampleSize(options.sample, lang),
    seed: numberOption('--seed', options.seed, { min: 0, max: 2 ** 32 - 1, integer: true }, lang) ?? 1,
    byDepartment: options.by === 'department',
    includeP0: options.withoutP0 !== true,
  };
}

/** `jixiao review <forms…> -o <folder>`: the re-check of a year, written into the review folder. */
export async function reviewCommand(
  targets: string[],
  options: ReviewCommandOptions,
  io: Io,
  mode: OutputMode,
): Promise<number> {
  const { lang } = mode;
  const sample = sampleOptions(options, lang);
  const workers = numberOption('--workers', options.workers, { min: 1, max: 64, integer: true }, lang);
  mkdirSync(options.output, { recursive: true });
  // the reviewer's entries are read first: a 复核底稿 that cannot be read stops the run before anything is written
  const entries = await reviewerEntries(options.output);
  const start = performance.now();
  const progress = progressBar(io.interactive && !options.json, 'review.progress', lang);
  const cacheDir = cacheFolder(options.cache);
  const run = await reviewYear(targets, {
    ...(cacheDir !== undefined ? { cacheDir } : {}),
    trust: options.trust,
    ...(options.rules !== undefined ? { rules: options.rules } : {}),
    ...(options.previous.length > 0 ? { previous: options.previous } : {}),
    ...(sample ? { sample } : {}),
    ...(workers !== undefined ? { workers } : {}),
    onProgress: progress.update,
  });
  progress.stop();
  const written: string[] = [];
  for (const file of reviewFiles(run, entries, { pdf: options.pdf !== false })) {
    written.push(path.join(options.output, file.name));
    writeOutput(io, path.join(options.output, file.name), await file.make(), 'generated');
  }
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (run.cache && cacheDir !== undefined)
    sayCache(
      io,
      lang,
      cacheDir,
      run.cache,
      text('review.cache', lang, { dir: cacheDir, hits: run.cache.hits, misses: run.cache.misses }),
    );
  if (options.json) {
    io.out(JSON.stringify({ totals: run.totals, sample: run.sample, files: written }, null, 2));
    return EXIT.ok;
  }
  said(run, seconds, io, lang);
  if (entries.size > 0) io.err(text('review.kept', lang, { count: entries.size }));
  io.err(text('review.wrote', lang, { files: written.join('、') }));
  return EXIT.ok;
}

/** The run in a few lines: the counts, then the forms of highest risk. */
function said(run: ReviewRun, seconds: string, io: Io, lang: Lang): void {
  const t = run.totals;
  io.out(
    text('review.summary', lang, {
      forms: t.forms,
      complete: t.complete,
      draft: t.draft,
      failed: t.failed,
      p0: t.counts.P0,
      p1: t.counts.P1,
      p2: t.counts.P2,
      sampled: t.sampled,
      seconds,
    }),
  );
  io.out(text('review.top', lang));
  for (const f of run.forms.slice(0, 5).filter((x) => x.risk > 0))
    io.out(
      text('review.topLine', lang, {
        rank: f.rank,
        project: f.project || f.key,
        department: f.department,
        risk: f.risk,
        codes: [...new Set(f.findings.map((x) => x.code))].join(' '),
      }),
    );
}

/** `jixiao review import <复核.xlsx>`: the reviewer's 复核底稿 scored and compared, written beside it. */
export async function reviewImportCommand(
  workbook: string,
  options: { json?: boolean; reviewJson?: string },
  io: Io,
  mode: OutputMode,
): Promise<number> {
  const { lang } = mode;
  const folder = path.dirname(workbook);
  const forms = await importReview(workbook, options.reviewJson ?? path.join(folder, REVIEW_FILES.json));
  const json = `${JSON.stringify({ forms }, null, 1)}\n`;
  writeOutput(io, path.join(folder, REVIEW_FILES.results), json, 'generated');
  writeOutput(io, path.join(folder, REVIEW_FILES.resultsWorkbook), await resultWorkbook(forms), 'generated');
  if (options.json) {
    io.out(json);
    return EXIT.ok;
  }
  io.out(text('review.imported', lang, { forms: forms.length }));
  const none = text('term.none', lang);
  for (const f of forms)
    io.out(
      text('review.importLine', lang, {
        input: f.input,
        selfTotal: f.selfTotal,
        selfGrade: f.selfGrade ?? none,
        reviewTotal: f.reviewTotal,
        reviewGrade: f.reviewGrade ?? none,
        deviation: percentText(f.deviation) ?? none,
      }),
    );
  io.err(
    text('review.wrote', lang, {
      files: [REVIEW_FILES.results, REVIEW_FILES.resultsWorkbook].map((n) => path.join(folder, n)).join('、'),
    }),
  );
  return EXIT.ok;
}
