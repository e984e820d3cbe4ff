import { hostname } from 'node:os';
import { Worker } from 'bullmq';
import { InputError } from '../errors/diagnostic';
import {
  formFingerprint,
  launchPrinter,
  scoreFile,
  SheetPrinter,
  SHEETS_PER_DOCUMENT,
  type RelaunchingPrinter,
} from '../pipeline';
import { checkQueue, QUEUE_NAME, queueConnection } from './connection';
import { failedEntry, printForm, type BatchSink } from './formJob';
import type { JournalEntry } from './journal';
import type { FormJobData } from './queue';

export interface WorkerOptions {
  queueUrl: string;
  /** Pages printed at once on this machine (its cores). */
  concurrency?: number;
  timeoutMs?: number;
  /** Starts the printer (tests pass their own). */
  newPrinter?: () => RelaunchingPrinter;
}

export interface RunningWorker {
  /** Finishes the jobs in hand, then stops taking jobs and closes the browser; resolves to the count done. */
  stop(): Promise<number>;
}

/**
 * A lock is renewed while a form prints; a worker killed mid-job stops renewing it, and after the lock runs out
 * another worker takes the job (BullMQ's stalled-job check). Forms print in well under a second, so 15 s is safe.
 */
const LOCK_MS = 15_000;
const STALLED_CHECK_MS = 5_000;

/**
 * A worker: one warm browser on this machine printing forms from the queue, each PDF written atomically to the
 * shared output folder under the name the batch chose. A form with input errors is a result, not a retry.
 */
export async function startWorker(
  options: WorkerOptions,
  sink: BatchSink,
  onJob: (entry: JournalEntry) => void = () => undefined,
): Promise<RunningWorker> {
  const connection = queueConnection(options.queueUrl);
  await checkQueue(options.queueUrl, connection);
  const pages = options.concurrency ?? 2;
  // a worker is there to print: its browser starts with it, so the first job finds it warm (the batch that
  // queues the jobs does not wait for each worker's launch)
  const printer =
    options.newPrinter?.() ??
    launchPrinter({ concurrency: pages, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  // a browser that cannot start is said now, before this worker takes (and fails) anyone's jobs
  try {
    await printer.printer;
  } catch (error) {
    await printer.close();
    throw error;
  }
  // jobs taken together are printed several to a document (see SheetPrinter), as the batch does in one process
  const sheets = new SheetPrinter(printer, pages);
  const by = `${hostname()}:${process.pid}`;
  let count = 0;
  const worker = new Worker<FormJobData, JournalEntry>(
    QUEUE_NAME,
    async (job) => {
      const { form, how } = job.data;
      let entry: JournalEntry;
      try {
        const scored = await scoreFile(form.file, { quickRules: true });
        entry = await printForm(form, scored, formFingerprint(scored, how), how, sheets, sink);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        entry = failedEntry(form, error.diagnostics, how.lang);
      }
      count++;
      const result = { ...entry, by };
      onJob(result);
      return result;
    },
    // on every page a shared document printing and the next one being scored and laid out, so no page waits
    {
      connection,
      concurrency: pages * 2 * SHEETS_PER_DOCUMENT + 1,
      lockDuration: LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      maxStalledCount: 2,
    },
  );
  worker.on('error', () => undefined);
  await worker.waitUntilReady();
  return {
    async stop() {
      await worker.close();
      await printer.close();
      return count;
    },
  };
}
