import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../errors/lang';
import type { Agreement } from '../rules/agreement';
import type { FormComparison } from './diff';
import { compareFiles, type WorkerMessage } from './run';

/** A worker thread of `jixiao compare`: scores its share of the forms and posts the comparisons in batches as it goes. */
const data = workerData as {
  files: string[];
  rulesA: string;
  rulesB: string;
  reference: boolean;
  check: boolean;
  cacheDir?: string;
  lang: Lang;
};
const agreement: Agreement = { agree: 0, disagree: 0, examples: [] };
/** Comparisons per message: few enough messages, and the main thread never waits long for the next. */
const BATCH = 100;
let batch: [number, FormComparison][] = [];
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);
void compareFiles(
  data.files,
  {
    rulesA: data.rulesA,
    rulesB: data.rulesB,
    reference: data.reference,
    check: data.check,
    lang: data.lang,
    ...(data.cacheDir ? { cacheDir: data.cacheDir } : {}),
  },
  (index, form) => {
    batch.push([index, form]);
    if (batch.length >= BATCH) {
      post({ forms: batch });
      batch = [];
    }
  },
  agreement,
).then((cache) => {
  if (batch.length > 0) post({ forms: batch });
  post({ finished: true, agreement, cache });
});
