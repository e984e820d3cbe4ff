import * as path from 'node:path';
import { Job, Queue, QueueEvents, type JobsOptions } from 'bullmq';
import { diagnostic } from '../errors/diagnostic';
import { sha256Hex } from '../pipeline';
import { checkQueue, QUEUE_NAME, queueConnection } from './connection';
import { failedEntry, planForm, readHash, type BatchSink, type Plan as FormPlan, type PrintSettings } from './formJob';
import type { BatchForm } from './inputs';
import { JOURNAL_FILE, readJournal, type JournalEntry } from './journal';
import { journalRecorder, writeSummary, type BatchOptions, type BatchOutcome, type BatchProgress } from './runBatch';

/**
 * What a job carries: paths, not file contents. The forms and the output folder are on storage every machine
 * mounts at the same path (README: 多台机器), so a worker reads the same files the batch planned.
 */
export interface FormJobData {
  form: BatchForm;
  /** The fingerprint the batch computed (or `new:` and the actuals file's hash for a form never printed); the worker records the one it finds. */
  fingerprint: string;
  how: PrintSettings;
}

/** Retries with backoff for what is not the form's fault (a worker's browser dying twice, storage hiccups). */
/** What the batch does with a form on a queue: as in one process, or queue it unscored (first sight). */
type Plan = FormPlan | { kind: 'queue'; fingerprint: string };

const JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  // results are read back by the batch that follows them; a day is plenty, and Redis does not grow for ever
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * How often a job found gone from Redis (restarted empty, flushed) is queued again before the form is recorded as
 * lost: the journal shows it is not done, and a worker prints it again (a PDF already written is written again whole).
 */
const REQUEUES_WHEN_LOST = 2;

/** How long without a job event before the batch asks Redis about every pending job itself. */
const QUIET_BEFORE_SWEEP_MS = 5000;

/** One job per form and fingerprint: a re-run that finds the job still queued or running follows it, not a copy. */
const jobIdOf = (form: BatchForm, fingerprint: string): string => `form-${sha256Hex(`${form.file}\n${fingerprint}`).slice(0, 40)}`;

/**
 * The batch on a queue: forms are planned here (unchanged ones skipped), one job per form is enqueued, and the
 * batch follows the jobs to the end, writing the journal and the summary. Workers print and write the PDFs.
 */
export async function runQueuedBatch(
  forms: BatchForm[],
  options: BatchOptions & { queueUrl: string },
  sink: BatchSink,
  onProgress: (p: BatchProgress) => void = () => undefined,
  onQueued: (queued: number, skipped: number) => void = () => undefined,
): Promise<BatchOutcome> {
  const start = performance.now();
  const connection = queueConnection(options.queueUrl);
  await checkQueue(options.queueUrl, connection);
  const how: PrintSettings = { outDir: path.resolve(options.outDir), explain: options.explain, lang: options.lang ?? 'zh' };
  const journalFile = path.join(options.outDir, JOURNAL_FILE);
  const journal = readJournal(journalFile);
  const { entries, record } = journalRecorder(journalFile, forms.length, sink, onProgress);

  const queue = new Queue<FormJobData, JournalEntry, string>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  // a job that ends while the rest are still being queued is heard here from the start, never missed
  const heard = new Set<string>();
  let onHeard: (jobId: string) => void = (jobId) => heard.add(jobId);
  const hear = ({ jobId }: { jobId: string }): void => onHeard(jobId);
  events.on('completed', hear);
  events.on('failed', hear);
  try {
    await events.waitUntilReady();
    const pending = new Map<string, number>();
    // what each pending job was queued with, to queue it again if Redis loses it
    const queued = new Map<string, { name: string; data: FormJobData }>();
    const requeued = new Map<string, number>();
    let toAdd: { name: string; data: FormJobData; opts: JobsOptions }[] = [];
    // jobs go out in small batches while the rest are planned: workers start on the first forms at once
    const flush = async (): Promise<void> => {
      if (toAdd.length > 0) await queue.addBulk(toAdd);
      toAdd = [];
    };
    let skipped = 0;
    for (const [i, form] of forms.entries()) {
      const absolute = { ...form, file: path.resolve(form.file) };
      // a form the journal has never seen cannot be skipped: the worker scores it, and this machine only queues it
      const plan: Plan = journal.has(form.input) ? await planForm(absolute, journal, how) : { kind: 'queue', fingerprint: `new:${readHash(absolute.file) ?? 'unreadable'}` };
      if (plan.kind === 'done') {
        if (plan.entry.action === 'skipped') skipped++;
        record(i, plan.entry);
        continue;
      }
      const jobId = jobIdOf(absolute, plan.fingerprint);
      const existing = await Job.fromId<FormJobData, JournalEntry>(queue, jobId);
      if (existing) {
        const state = await existing.getState();
        const result = existing.returnvalue;
        // printed by a worker after the batch that queued it was stopped: its PDF is there, nothing to redo
        if (state === 'completed' && result && result.outputSha256 && result.output && result.outputSha256 === readHash(path.join(how.outDir, result.output))) {
          record(i, result);
          continue;
        }
        if (state === 'completed' || state === 'failed') await existing.remove();
        else {
          pending.set(jobId, i);
          queued.set(jobId, { name: existing.name, data: existing.data });
          continue;
        }
      }
      pending.set(jobId, i);
      const data: FormJobData = { form: absolute, fingerprint: plan.fingerprint, how };
      queued.set(jobId, { name: form.input, data });
      toAdd.push({ name: form.input, data, opts: { ...JOB_OPTIONS, jobId } });
      if (toAdd.length >= (pending.size <= 20 ? 4 : 50)) await flush();
    }
    await flush();
    onQueued(pending.size, skipped);

    await new Promise<void>((resolve, reject) => {
      const settling = new Set<string>();
      // an event heard while that job's state is being read is not dropped: the read may predate the job's end
      const heardWhileSettling = new Set<string>();
      const settle = async (jobId: string): Promise<void> => {
        const i = pending.get(jobId);
        if (i === undefined) return;
        if (settling.has(jobId)) {
          heardWhileSettling.add(jobId);
          return;
        }
        settling.add(jobId);
        try {
          const job = await Job.fromId<FormJobData, JournalEntry>(queue, jobId);
          const state = job ? await job.getState() : 'unknown';
          if (state === 'completed' && job?.returnvalue) record(i, job.returnvalue);
          else if (state === 'failed' && job) {
            record(i, failedEntry(forms[i]!, [diagnostic('QUEUE_JOB_FAILED', { name: forms[i]!.input, attempts: job.attemptsMade, detail: job.failedReason })], how.lang, null));
          } else if (!job) {
            // gone from Redis (restarted empty): not done by the journal, so it is queued again, a few times at most
            const again = queued.get(jobId);
            const times = requeued.get(jobId) ?? 0;
            if (again && times < REQUEUES_WHEN_LOST) {
              requeued.set(jobId, times + 1);
              await queue.add(again.name, again.data, { ...JOB_OPTIONS, jobId });
              return;
            }
            record(i, failedEntry(forms[i]!, [diagnostic('QUEUE_LOST', { name: forms[i]!.input, times })], how.lang, null));
          } else return;
          pending.delete(jobId);
          if (pending.size === 0) finish();
        } catch (error) {
          fail(error);
        } finally {
          settling.delete(jobId);
          if (heardWhileSettling.delete(jobId)) void settle(jobId);
        }
      };
      // events say when a job ends; a sweep catches what ended unheard (before the events were heard, or while
      // the connection dropped). It runs only when no event has come for a while: sweeping every pending job
      // every two seconds was thousands of Redis reads a minute on a large batch, taken from the workers' CPU.
      let lastEvent = performance.now();
      onHeard = (jobId) => {
        lastEvent = performance.now();
        void settle(jobId);
      };
      const sweep = setInterval(() => {
        if (performance.now() - lastEvent < QUIET_BEFORE_SWEEP_MS) return;
        for (const id of pending.keys()) void settle(id);
      }, 2000);
      const stop = (): void => {
        clearInterval(sweep);
        onHeard = () => undefined;
      };
      const finish = (): void => {
        stop();
        resolve();
      };
      const fail = (error: unknown): void => {
        stop();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      // only the jobs heard of while queueing are read now: reading every pending job's state at once was a
      // burst of Redis reads (each scanning the waiting list) that grew with the square of the batch
      if (pending.size === 0) finish();
      else for (const id of heard) void settle(id);
      heard.clear();
    });
  } finally {
    events.off('completed', hear);
    events.off('failed', hear);
    await events.close();
    await queue.close();
  }
  const written = writeSummary(entries, options.outDir, sink, options.lang);
  return { entries, relaunches: 0, ms: performance.now() - start, ...written, journal: journalFile };
}
