// The batch room's door: one-process batches, the queue and its workers (the only importer of bullmq).
export { batchForms, type BatchForm } from './inputs';
export { runBatch, type BatchOptions, type BatchOutcome, type BatchProgress } from './runBatch';
export { runQueuedBatch } from './queue';
export { startWorker, type RunningWorker } from './worker';
export { JOURNAL_FILE, readJournal, type JournalEntry } from './journal';
export type { BatchSink } from './formJob';
export { queueConnection } from './connection';
