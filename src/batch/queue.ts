import * as path from 'node:path';
import { Job, Queue, QueueEvents, type JobsOptions } from 'bullmq';
import { diagnostic } from '../errors/diagnostic';
import { PlanCache, sha256Hex } from '../pipeline';
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
const jobIdOf = (form: BatchForm, fingerprint: string): string =>
  `form-${sha256Hex(`${form.file}\n${fingerprint}`).slice(0, 40)}`;
/** What the batch's steps share: the queue, how forms print, and where each form's outcome is recorded. */
interface QueueRun {
  forms: BatchForm[];
  queue: Queue<FormJobData, JournalEntry, string>;
  how: PrintSettings;
  journal: ReturnType<typeof readJournal>;
  record: (index: number, entry: JournalEntry) => void;
  /** With a cache folder: forms the journal knows are told unchanged without being scored. */
  plans: PlanCache | undefined;
}

/** The jobs the batch still follows: the form each is for, what it was queued with, how often it was lost. */
interface PendingJobs {
  form: Map<string, number>;
  // what each pending job was queued with, to queue it again if Redis loses it
  queued: Map<string, { name: string; data: FormJobData }>;
  requeued: Map<string, number>;
  skipped: number;
}

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
  const how: PrintSettings = {
    outDir: path.resolve(options.outDir),
    explain: options.explain,
    lang: options.lang ?? 'zh',
  };
  const journalFile = path.join(options.outDir, JOURNAL_FILE);
  const { entries, record } = journalRecorder(journalFile, forms.length, sink, onProgress);
  const queue = new Queue<FormJobData, JournalEntry, string>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  // a job that ends while the rest are still being queued is heard here from the start, never missed
  const listener = new JobListener();
  const hear = ({ jobId }: { jobId: string }): void => listener.hear(jobId);
  events.on('completed', hear);
  events.on('failed', hear);
  const plans = options.cacheDir ? new PlanCache(options.cacheDir) : undefined;
  try {
    await events.waitUntilReady();
    const run: QueueRun = { forms, queue, how, journal: readJournal(journalFile), record, plans };
    const jobs = await enqueueForms(run);
    // everything is planned: what the cache kept is written now, not when the last worker is done
    plans?.close();
    onQueued(jobs.form.size, jobs.skipped);
    await followJobs(run, jobs, listener);
  } finally {
    plans?.close();
    events.off('completed', hear);
    events.off('failed', hear);
    await events.close();
    await queue.close();
  }
  const written = writeSummary(entries, options.outDir, sink, options.lang);
  const cache = plans ? plans.counts : null;
  return { entries, relaunches: 0, ms: performance.now() - start, cache, ...written, journal: journalFile };
}

/** Job ends heard from the events: kept until the batch follows the jobs, then passed straight on. */
class JobListener {
  readonly early = new Set<string>();
  private onHeard: (jobId: string) => void = (jobId) => this.early.add(jobId);
  hear(jobId: string): void {
    this.onHeard(jobId);
  }
  follow(onHeard: (jobId: string) => void): void {
    this.onHeard = onHeard;
  }
}

/** Plans every form and queues the ones to print, in small batches so workers start on the first forms at once. */
async function enqueueForms(run: QueueRun): Promise<PendingJobs> {
  const jobs: PendingJobs = { form: new Map(), queued: new Map(), requeued: new Map(), skipped: 0 };
  let toAdd: { name: string; data: FormJobData; opts: JobsOptions }[] = [];
  const flush = async (): Promise<void> => {
    if (toAdd.length > 0) await run.queue.addBulk(toAdd);
    toAdd = [];
  };
  for (const [i, form] of run.forms.entries()) {
    const absolute = { ...form, file: path.resolve(form.file) };
    // a form the journal has never seen cannot be skipped: the worker scores it, and this machine only queues it
    const plan: Plan = run.journal.has(form.input)
      ? await planForm(absolute, run.journal, run.how, run.plans)
      : { kind: 'queue', fingerprint: `new:${readHash(absolute.file) ?? 'unreadable'}` };
    if (plan.kind === 'done') {
      if (plan.entry.action === 'skipped') jobs.skipped++;
      run.record(i, plan.entry);
      continue;
    }
    const jobId = jobIdOf(absolute, plan.fingerprint);
    if (await followsExistingJob(run, jobs, jobId, i)) continue;
    jobs.form.set(jobId, i);
    const data: FormJobData = { form: absolute, fingerprint: plan.fingerprint, how: run.how };
    jobs.queued.set(jobId, { name: form.input, data });
    toAdd.push({ name: form.input, data, opts: { ...JOB_OPTIONS, jobId } });
    if (toAdd.length >= (jobs.form.size <= 20 ? 4 : 50)) await flush();
  }
  await flush();
  return jobs;
}

/** A job of an earlier run for the same form and fingerprint: its result is taken, or it is followed, or removed. */
async function followsExistingJob(run: QueueRun, jobs: PendingJobs, jobId: string, index: number): Promise<boolean> {
  const existing = await Job.fromId<FormJobData, JournalEntry>(run.queue, jobId);
  if (!existing) return false;
  const state = await existing.getState();
  const result = existing.returnvalue;
  // printed by a worker after the batch that queued it was stopped: its PDF is there, nothing to redo
  if (
    state === 'completed' &&
    result?.outputSha256 &&
    result.output &&
    result.outputSha256 === readHash(path.join(run.how.outDir, result.output))
  ) {
    run.record(index, result);
    return true;
  }
  if (state === 'completed' || state === 'failed') {
    await existing.remove();
    return false;
  }
  jobs.form.set(jobId, index);
  jobs.queued.set(jobId, { name: existing.name, data: existing.data });
  return true;
}

/**
 * Reads one job's state and records its form when it has ended. 'ended' or 'pending' (still running, or queued
 * again because Redis lost it).
 */
async function settleJob(run: QueueRun, jobs: PendingJobs, jobId: string, index: number): Promise<'ended' | 'pending'> {
  const form = run.forms[index];
  const job = await Job.fromId<FormJobData, JournalEntry>(run.queue, jobId);
  const state = job ? await job.getState() : 'unknown';
  if (state === 'completed' && job?.returnvalue) run.record(index, job.returnvalue);
  else if (state === 'failed' && job && form) {
    const failed = diagnostic('QUEUE_JOB_FAILED', {
      name: form.input,
      attempts: job.attemptsMade,
      detail: job.failedReason,
    });
    run.record(index, failedEntry(form, [failed], run.how.lang, null));
  } else if (!job && form) {
    // gone from Redis (restarted empty): not done by the journal, so it is queued again, a few times at most
    const again = jobs.queued.get(jobId);
    const times = jobs.requeued.get(jobId) ?? 0;
    if (again && times < REQUEUES_WHEN_LOST) {
      jobs.requeued.set(jobId, times + 1);
      await run.queue.add(again.name, again.data, { ...JOB_OPTIONS, jobId });
      return 'pending';
    }
    run.record(index, failedEntry(form, [diagnostic('QUEUE_LOST', { name: form.input, times })], run.how.lang, null));
  } else return 'pending';
  return 'ended';
}

/**
 * Follows the queued jobs to their end. Events say when a job ends; a sweep catches what ended unheard (before
 * the events were heard, or while the connection dropped). It runs only when no event has come for a while:
 * sweeping every pending job every two seconds was thousands of Redis reads a minute on a large batch.
 */
function followJobs(run: QueueRun, jobs: PendingJobs, listener: JobListener): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settling = new Set<string>();
    // an event heard while that job's state is being read is not dropped: the read may predate the job's end
    const heardWhileSettling = new Set<string>();
    const settle = async (jobId: string): Promise<void> => {
      const index = jobs.form.get(jobId);
      if (index === undefined) return;
      if (settling.has(jobId)) {
        heardWhileSettling.add(jobId);
        return;
      }
      settling.add(jobId);
      try {
        if ((await settleJob(run, jobs, jobId, index)) === 'pending') return;
        jobs.form.delete(jobId);
        if (jobs.form.size === 0) end();
      } catch (error) {
        end(error);
      } finally {
        settling.delete(jobId);
        if (heardWhileSettling.delete(jobId)) void settle(jobId);
      }
    };
    let lastEvent = performance.now();
    const sweep = setInterval(() => {
      if (performance.now() - lastEvent < QUIET_BEFORE_SWEEP_MS) return;
      for (const id of jobs.form.keys()) void settle(id);
    }, 2000);
    const end = (error?: unknown): void => {
      clearInterval(sweep);
      listener.follow(() => undefined);
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    listener.follow((jobId) => {
      lastEvent = performance.now();
      void settle(jobId);
    });
    // only the jobs heard of while queueing are read now: reading every pending job's state at once was a
    // burst of Redis reads (each scanning the waiting list) that grew with the square of the batch
    if (jobs.form.size === 0) end();
    else for (const id of listener.early) void settle(id);
    listener.early.clear();
  });
}
