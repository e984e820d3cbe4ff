import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { diffRuleSets, type RuleSetDifference } from './ruleSetDiff';
import { compareForm, summarize, type CompareSummary, type FormComparison, type Side } from './diff';
import { InputError } from '../errors/diagnostic';
import { messageOf } from '../errors/message';
import { scoreForm } from '../scoring/scoreForm';
import { loadForm } from '../load/loadForm';
import { findForms } from '../load/formFiles';

export { findForms };
import { compiled, loadRuleSet } from '../load/ruleSets';
import { checkedEvaluator, type Agreement, type RuleEvaluator } from '../rules/compile';

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
}

export interface CompareRun {
  /** What differs between the two resolved rule sets: the "why" at the top of every report. */
  differences: RuleSetDifference[];
  rulesA: { id: string; version: string; sha256: string };
  rulesB: { id: string; version: string; sha256: string };
  forms: FormComparison[];
  summary: CompareSummary;
  engine: 'fast' | 'json-rules-engine' | 'both';
  seconds: number;
  /** With `check`: how many rule evaluations the fast path and json-rules-engine agreed on. */
  agreement: Agreement | null;
}


function problem(error: unknown): string {
  if (error instanceof InputError) return error.diagnostics.map((d) => `${d.code}：${messageOf(d)}`).join('；');
  throw error;
}

/** Scores each file under both rule sets (each form read once). Runs in this thread; workers call it too. */
export async function compareFiles(
  files: string[],
  options: CompareOptions,
  progress?: (done: number) => void,
  agreement: Agreement = { agree: 0, disagree: 0, examples: [] },
): Promise<FormComparison[]> {
  const a = compiled(loadRuleSet(options.rulesA));
  const b = compiled(loadRuleSet(options.rulesB));
  const pick = (c: typeof a): RuleEvaluator => (options.check ? checkedEvaluator(c, agreement) : options.reference ? c : c.fast());
  const evaluatorA = pick(a);
  const evaluatorB = pick(b);
  const out: FormComparison[] = [];
  for (const [i, file] of files.entries()) {
    let sides: [Side, Side];
    try {
      // read against rule set A's framework (not the form's own rule set, which this run does not use)
      const { input } = loadForm(file, { ruleSet: options.rulesA });
      const score = async (evaluator: typeof evaluatorA): Promise<Side> => {
        try {
          return { result: await scoreForm(input, evaluator) };
        } catch (error) {
          return { error: problem(error) };
        }
      };
      sides = [await score(evaluatorA), await score(evaluatorB)];
    } catch (error) {
      const text = problem(error);
      sides = [{ error: text }, { error: text }];
    }
    out.push(compareForm(file, sides[0], sides[1]));
    progress?.(i + 1);
  }
  return out;
}

/** Re-scores every form under two rule sets and summarizes the differences. */
export async function compareRuleSets(targets: string[], options: CompareOptions): Promise<CompareRun> {
  const start = performance.now();
  const files = findForms(targets);
  const ruleA = loadRuleSet(options.rulesA);
  const ruleB = loadRuleSet(options.rulesB);
  compiled(ruleA);
  compiled(ruleB);
  const workers = options.workers ?? (files.length >= 200 ? Math.min(availableParallelism(), 4) : 1);
  let forms: FormComparison[];
  const agreement: Agreement = { agree: 0, disagree: 0, examples: [] };
  if (workers <= 1) {
    forms = await compareFiles(files, options, (done) => options.onProgress?.(done, files.length), agreement);
  } else {
    forms = await inWorkers(files, options, workers, agreement);
  }
  return {
    differences: diffRuleSets(ruleA.file, ruleB.file),
    rulesA: { id: ruleA.file.id, version: ruleA.file.version, sha256: ruleA.sha256 },
    rulesB: { id: ruleB.file.id, version: ruleB.file.version, sha256: ruleB.sha256 },
    forms,
    summary: summarize(forms),
    engine: options.check ? 'both' : options.reference ? 'json-rules-engine' : 'fast',
    seconds: (performance.now() - start) / 1000,
    agreement: options.check ? agreement : null,
  };
}

/** Splits the files over worker threads (each loads and scores its share); results keep the input order. */
async function inWorkers(files: string[], options: CompareOptions, count: number, agreement: Agreement): Promise<FormComparison[]> {
  const chunks = Array.from({ length: count }, (_, w) => files.filter((_, i) => i % count === w));
  const done = new Array<number>(count).fill(0);
  const workerFile = path.join(__dirname, `worker${path.extname(__filename)}`);
  const results = await Promise.all(
    chunks.map(
      (chunk, w) =>
        new Promise<FormComparison[]>((resolve, reject) => {
          const workerData = { files: chunk, rulesA: options.rulesA, rulesB: options.rulesB, reference: options.reference === true, check: options.check === true };
          // From TypeScript sources (benchmarks run under tsx) the worker registers the same loader first.
          const worker = workerFile.endsWith('.ts')
            ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(workerFile)});`, { eval: true, workerData })
            : new Worker(workerFile, { workerData });
          worker.on('message', (message: { done?: number; forms?: FormComparison[]; agreement?: Agreement }) => {
            if (message.agreement) {
              agreement.agree += message.agreement.agree;
              agreement.disagree += message.agreement.disagree;
              agreement.examples.push(...message.agreement.examples.slice(0, 5 - agreement.examples.length));
            }
            if (message.done !== undefined) {
              done[w] = message.done;
              options.onProgress?.(done.reduce((x, y) => x + y, 0), files.length);
            }
            if (message.forms) resolve(message.forms);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`compare worker exited with ${code}`));
          });
        }),
    ),
  );
  // put the forms back in the order they were found
  const out = new Array<FormComparison>(files.length);
  results.forEach((list, w) => list.forEach((form, k) => (out[k * count + w] = form)));
  return out;
}
