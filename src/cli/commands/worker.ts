import { startWorker } from '../../batch';
import { text } from '../../errors/texts';
import { EXIT, type OutputMode } from '../exitCodes';
import type { Io } from '../io';
import { numberOption } from '../options';
import { batchSink, scoreText } from './batch';
import { signalled } from '../signals';
import { keepHeapNearLive } from '../heap';

export interface WorkerCommandOptions {
  queue: string;
  concurrency?: string;
  timeout?: string;
}

/**
 * `jixiao worker --queue redis://host:port`: prints forms from the queue until Ctrl-C (or SIGTERM), then
 * finishes the forms in hand and closes its browser. Run one per machine; they share the output folder.
 */
export async function workerCommand(
  options: WorkerCommandOptions,
  io: Io,
  mode: OutputMode,
  stopSignal: Promise<void> = signalled(),
): Promise<number> {
  keepHeapNearLive();
  const { lang } = mode;
  const concurrency = numberOption('--concurrency', options.concurrency, { min: 1, max: 32, integer: true }, lang) ?? 2;
  const timeoutMs = numberOption('--timeout', options.timeout, { min: 1000, max: 600000, integer: true }, lang);
  const worker = await startWorker(
    { queueUrl: options.queue, concurrency, ...(timeoutMs ? { timeoutMs } : {}) },
    batchSink,
    (entry) => {
      if (entry.action === 'failed')
        io.err(
          text('batch.line.failed', lang, { done: '-', total: '-', input: entry.input, codes: entry.codes.join(', ') }),
        );
      else
        io.err(
          text('batch.worker.done', lang, {
            input: entry.input,
            output: entry.output ?? '',
            status: text(`batch.status.${entry.status}`, lang),
            score: scoreText(entry),
            ms: entry.ms ?? 0,
          }),
        );
    },
  );
  io.err(text('batch.worker.ready', lang, { queue: options.queue, concurrency }));
  await stopSignal;
  const count = await worker.stop();
  io.err(text('batch.worker.stopped', lang, { count }));
  return EXIT.ok;
}
