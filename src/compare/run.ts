import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { diffRuleSets, type RuleSetDifference } from './ruleSetDiff';
import { compareForm, type CompareSummary, type FormComparison } from './diff';
import { scoredSide, type Side } from './side';
import { CompareTally, digestOf, type CompareDigest } from './tally';
import { InputError } from '../errors/diagnostic';
import { diagnosticLine } from '../errors/message';
import { text } from '../errors/texts';
import type { Lang } from '../errors/lang';
import { scoreForm } from '../scoring/scoreForm';
import { loadForm } from '../load/loadForm';
import type { FormInput } from '../scoring/formInput';
import { addCounts, FormCache, type CacheCounts } from '../load/formCache';
import type { CachedForm } from '../load/cachedForm';
import type { RuleSet } from '../rules/ruleSet';
import { findForms } from '../load/formFiles';

export { findForms };
import { compiled, loadRuleSet } from '../load/ruleSets';
import { checkedEvaluator, type Agreement } from '../rules/agreement';
import type { RuleEvaluator } from '../rules/compile';

export interface CompareOptions {
  rulesA: string;
  rulesB: string;
  /** Evaluate rules with json-rules-engine itself instead of the equivalent fast path. */
  reference?: boolean;
  /** Evaluate every rule both ways and count agreement (slow; for the benchmark). */
  check?: boolean;
  /** Worker threads for large runs; 1 scores in this thread. Default: the machine's cores for 200+ forms. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Each form's comparison, in the order the forms were found, as soon as it and those before it are done. */
  onForm?: (form: FormComparison) => void;
  /** Keep every comparison in `forms` (small runs, tests); otherwise they pass through `onForm` and the tally only. */
  keepForms?: boolean;
  /** Keep each form's loaded input in this folder and read unchanged forms back from it (see FormCache). */
  cacheDir?: string;
  /** The language of the reasons a form could not be scored (default Chinese). */
  lang?: Lang;
}

export interface CompareRun {
  /** What differs between the two resolved rule sets: the "why" at the top of every report. */
  differences: RuleSetDifference[];
  rulesA: { id: string; version: string; sha256: string };
  rulesB: { id: string; version: string; sha256: string };
  /** What the reports show: summary, histogram, the forms worth listing. */
  digest: CompareDigest;
  summary: CompareSummary;
  /** Every comparison, with `keepForms` only. */
  forms: FormComparison[];
  engine: 'fast' | 'json-rules-engine' | 'both';
  seconds: number;
  /** With `check`: how many rule evaluations the fast path and json-rules-engine agreed on. */
  agreement: Agreement | null;
  /** With `cacheDir`: forms read back from the cache and forms read from their files. */
  cache: CacheCounts | null;
}

/** Why a form could not be scored, in the run's language: each problem as the command line prints it, where it is first. */
function problem(error: unknown, lang: Lang): string {
  if (!(error instanceof InputError)) throw error;
  return error.diagnostics.map((d) => diagnosticLine(d, lang)).join(text('term.listSeparator', lang));
}

/** A rule set as a compare scores with it, and the name its scores are kept under in the form cache. */
interface Scorer {
  evaluator: RuleEvaluator;
  kept: string;
}

/**
 * A form's score under each rule set: read back from the cache while the form's files are unchanged (a score kept
 * under the rule set's hash, so an edited rule set is scored again), else scored; the form is read at most once.
 */
async function scoreBoth(
  file: string,
  form: CachedForm | undefined,
  scorers: readonly [Scorer, Scorer],
  options: { ruleSet: RuleSet; reuse: boolean; lang: Lang },
): Promise<[Side, Side]> {
  let input: FormInput | undefined;
  const score = async ({ evaluator, kept }: Scorer): Promise<Side> => {
    const known = options.reuse ? form?.derived<Side>(kept) : null;
    if (known) return known;
    input ??= form ? form.input() : loadForm(file, { ruleSet: options.ruleSet }).input;
    let scored;
    try {
      scored = scoredSide(await scoreForm(input, evaluator));
    } catch (error) {
      // a reason is kept only in this run's language: it is worked out again next time (few forms have one)
      return { error: problem(error, options.lang) };
    }
    form?.keep(kept, { scored });
    return { scored };
  };
  try {
    return [await score(scorers[0]), await score(scorers[1])];
  } catch (error) {
    // the form itself could not be read: both sides say why
    const text = problem(error, options.lang);
    return [{ error: text }, { error: text }];
  }
}

/** Scores each file under both rule sets (each form read once) and hands each comparison on. Runs in this thread; workers call it too. */
export async function compareFiles(
  files: string[],
  options: CompareOptions,
  emit: (index: number, form: FormComparison) => void,
  agreement: Agreement = { agree: 0, disagree: 0, examples: [] },
): Promise<CacheCounts | null> {
  const a = compiled(loadRuleSet(options.rulesA));
  const b = compiled(loadRuleSet(options.rulesB));
  const scorer = (c: typeof a): Scorer => ({
    evaluator: options.check ? checkedEvaluator(c, agreement) : options.reference ? c : c.quick(),
    kept: `compare-side\n${c.ruleSet.sha256}`,
  });
  const scorers = [scorer(a), scorer(b)] as const;
  // forms are read against rule set A's framework (not the form's own rule set, which this run does not use)
  const cache = options.cacheDir ? new FormCache(options.cacheDir, a.ruleSet) : null;
  // a run asked to evaluate with json-rules-engine itself (or both ways, checked) evaluates: it reads no score back
  const lang = options.lang ?? 'zh';
  const sideOptions = { ruleSet: a.ruleSet, reuse: options.check !== true && options.reference !== true, lang };
  try {
    for (const [i, file] of files.entries()) {
      let form: CachedForm | undefined;
      try {
        form = cache?.open(file);
      } catch (error) {
        const text = problem(error, lang);
        emit(i, compareForm(file, { error: text }, { error: text }));
        continue;
      }
      const [sideA, sideB] = await scoreBoth(file, form, scorers, sideOptions);
      emit(i, compareForm(file, sideA, sideB));
    }
  } finally {
    // the run's new entries are written as one pack, whole or not at all
    cache?.close();
  }
  return cache ? cache.counts : null;
}

/** Hands comparisons on in the order of their index, whatever order they arrive in (workers finish unevenly). */
function inOrder(next: (form: FormComparison) => void): (index: number, form: FormComparison) => void {
  const waiting = new Map<number, FormComparison>();
  let expected = 0;
  return (index, form) => {
    waiting.set(index, form);
    for (let ready = waiting.get(expected); ready !== undefined; ready = waiting.get(expected)) {
      waiting.delete(expected++);
      next(ready);
    }
  };
}

/**
 * Re-scores every form under two rule sets and summarizes the differences. The comparisons stream through a
 * tally (and `onForm`): a run over 100,000 forms holds the summary and the forms worth listing, not every form.
 */
export async function compareRuleSets(targets: string[], options: CompareOptions): Promise<CompareRun> {
  const start = performance.now();
  const files = findForms(targets);
  const ruleA = loadRuleSet(options.rulesA);
  const ruleB = loadRuleSet(options.rulesB);
  compiled(ruleA);
  compiled(ruleB);
  const workers = options.workers ?? (files.length >= 200 ? Math.min(availableParallelism(), 4) : 1);
  const agreement: Agreement = { agree: 0, disagree: 0, examples: [] };
  const tallied = new CompareTally();
  const forms: FormComparison[] = [];
  let done = 0;
  const emit = inOrder((form) => {
    tallied.add(form);
    if (options.keepForms) forms.push(form);
    options.onForm?.(form);
    options.onProgress?.(++done, files.length);
  });
  const cache =
    workers <= 1
      ? await compareFiles(files, options, emit, agreement)
      : await inWorkers(files, options, workers, agreement, emit);
  const digest = digestOf(tallied);
  return {
    differences: diffRuleSets(ruleA.file, ruleB.file),
    rulesA: { id: ruleA.file.id, version: ruleA.file.version, sha256: ruleA.sha256 },
    rulesB: { id: ruleB.file.id, version: ruleB.file.version, sha256: ruleB.sha256 },
    digest,
    summary: digest.summary,
    forms,
    engine: options.check ? 'both' : options.reference ? 'json-rules-engine' : 'fast',
    seconds: (performance.now() - start) / 1000,
    agreement: options.check ? agreement : null,
    cache,
  };
}

/** What a compare worker posts: comparisons in batches (with their index in its share), then its agreement count when done. */
export type WorkerMessage =
  { forms: [number, FormComparison][] } | { finished: true; agreement: Agreement; cache: CacheCounts | null };

/** Splits the files over worker threads (each loads and scores its share) and hands each comparison on as it arrives. */
async function inWorkers(
  files: string[],
  options: CompareOptions,
  count: number,
  agreement: Agreement,
  emit: (index: number, form: FormComparison) => void,
): Promise<CacheCounts | null> {
  const cache: CacheCounts | null = options.cacheDir ? { hits: 0, misses: 0, reused: 0, unwritable: null } : null;
  const chunks = Array.from({ length: count }, (_, w) => files.filter((_, i) => i % count === w));
  const workerFile = path.join(__dirname, `worker${path.extname(__filename)}`);
  await Promise.all(
    chunks.map(
      (chunk, w) =>
        new Promise<void>((resolve, reject) => {
          const workerData = {
            files: chunk,
            rulesA: options.rulesA,
            rulesB: options.rulesB,
            reference: options.reference === true,
            check: options.check === true,
            cacheDir: options.cacheDir,
            lang: options.lang ?? 'zh',
          };
          // From TypeScript sources (benchmarks run under tsx) the worker registers the same loader first.
          const worker = workerFile.endsWith('.ts')
            ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(workerFile)});`, { eval: true, workerData })
            : new Worker(workerFile, { workerData });
          worker.on('message', (message: WorkerMessage) => {
            // the k-th form of worker w's share is form k·count + w of the run
            if ('forms' in message) for (const [k, form] of message.forms) emit(k * count + w, form);
            else {
              agreement.agree += message.agreement.agree;
              agreement.disagree += message.agreement.disagree;
              agreement.examples.push(...message.agreement.examples.slice(0, 5 - agreement.examples.length));
              if (cache) addCounts(cache, message.cache);
              resolve();
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`compare worker exited with ${code}`));
          });
        }),
    ),
  );
  return cache;
}
