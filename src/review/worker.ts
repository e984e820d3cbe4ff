import { parentPort, workerData } from 'node:worker_threads';
import type { ReviewWorkerMessage } from './collect';
import type { FormOrigin } from './fromScored';
import type { ReviewForm } from './model';
import { readForms } from './readForm';

/** A worker thread of `jixiao review`: reads its share of the forms and posts them in batches as it goes. */
const data = workerData as { share: [number, FormOrigin][]; trust: string[]; cacheDir?: string };
/** Forms per message: few messages, and the main thread's progress bar still moves. */
const BATCH = 50;
const post = (message: ReviewWorkerMessage): void => parentPort?.postMessage(message);

async function run(): Promise<void> {
  let batch: [number, ReviewForm][] = [];
  const options = { trust: data.trust, ...(data.cacheDir ? { cacheDir: data.cacheDir } : {}) };
  const cache = await readForms(data.share, options, (index, form) => {
    batch.push([index, form]);
    if (batch.length >= BATCH) {
      post({ forms: batch });
      batch = [];
    }
  });
  if (batch.length > 0) post({ forms: batch });
  post({ finished: true, cache });
}

void run();
