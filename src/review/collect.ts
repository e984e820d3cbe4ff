import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { existsSync, statSync } from 'node:fs';
import { findReviewInputs } from '../load/formFiles';
import type { FormOrigin } from './fromScored';
import type { ReviewForm } from './model';
import { readForms, sourceOf, type ReadOptions } from './readForm';
import { addCounts, type CacheCounts } from '../load/formCache';

/**
 * The forms under the folders and files given, each named by its path relative to the folder it was found in
 * (a file given by itself by its own name): the work list's key, stable from run to run.
 */
export function reviewOrigins(targets: string[]): FormOrigin[] {
  const taken = new Set<string>();
  return targets.flatMap((target) => {
    const base = existsSync(target) && statSync(target).isDirectory() ? target : path.dirname(target);
    return findReviewInputs([target]).map((file) => {
      let key = path.relative(base, file).split(path.sep).join('/');
      if (key.startsWith('..') || path.isAbsolute(key)) key = path.basename(file);
      for (let n = 2; taken.has(key); n++) key = `${key}#${n}`;
      taken.add(key);
      return { key, file, source: sourceOf(file) };
    });
  });
}

export interface CollectOptions extends ReadOptions {
  /** Worker threads; by default the machine's cores (at most 4) from 200 forms up, else this thread. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The forms of a year in the order of their origins, and what the form cache did (null without one). */
export interface Collected {
  forms: ReviewForm[];
  cache: CacheCounts | null;
}

/** Reads every form of the year, in worker threads for a large year; the result is in the order of the origins. */
export async function collectForms(origins: readonly FormOrigin[], options: CollectOptions): Promise<Collected> {
  const workers = options.workers ?? (origins.length >= 200 ? Math.min(availableParallelism(), 4) : 1);
  const forms = new Array<ReviewForm>(origins.length);
  let done = 0;
  const got = (index: number, form: ReviewForm): void => {
    forms[index] = form;
    options.onProgress?.(++done, origins.length);
  };
  const cache =
    workers <= 1 ? await readForms(origins.entries(), options, got) : await inWorkers(origins, options, workers, got);
  return { forms, cache };
}

/**
 * A worker's heap, kept small: it holds one form at a time, and a young generation of V8's default size let each
 * worker's garbage grow the process by a hundred megabytes or more before it was collected.
 */
const LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 };

/** What a review worker posts: forms in batches (with their index in the run), then that it is done. */
export type ReviewWorkerMessage = { forms: [number, ReviewForm][] } | { finished: true; cache: CacheCounts | null };

function inWorkers(
  origins: readonly FormOrigin[],
  options: ReadOptions,
  count: number,
  got: (index: number, form: ReviewForm) => void,
): Promise<CacheCounts | null> {
  let cache: CacheCounts | null = null;
  const workerFile = path.join(__dirname, `worker${path.extname(__filename)}`);
  const shares = Array.from({ length: count }, (_, w) =>
    origins.flatMap((origin, i) => (i % count === w ? [[i, origin] as const] : [])),
  );
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const workerData = { share, trust: options.trust, cacheDir: options.cacheDir };
          // from TypeScript sources (benchmarks run under tsx) the worker registers the same loader first
          const worker = workerFile.endsWith('.ts')
            ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(workerFile)});`, {
                eval: true,
                workerData,
                resourceLimits: LIMITS,
              })
            : new Worker(workerFile, { workerData, resourceLimits: LIMITS });
          worker.on('message', (message: ReviewWorkerMessage) => {
            if ('forms' in message) for (const [i, form] of message.forms) got(i, form);
            else {
              cache = addCounts(cache, message.cache);
              resolve();
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`review worker exited with ${code}`));
          });
        }),
    ),
  ).then(() => cache);
}
