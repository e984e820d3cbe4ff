import { parentPort, workerData } from 'node:worker_threads';
import type { Agreement } from '../rules/compile';
import { compareFiles } from './run';

/** A worker thread of `jixiao compare`: scores its share of the forms and posts progress and results. */
const data = workerData as { files: string[]; rulesA: string; rulesB: string; reference: boolean; check: boolean };
const agreement: Agreement = { agree: 0, disagree: 0, examples: [] };
let last = 0;
void compareFiles(
  data.files,
  { rulesA: data.rulesA, rulesB: data.rulesB, reference: data.reference, check: data.check },
  (done) => {
    if (done - last >= 50 || done === data.files.length) {
      last = done;
      parentPort?.postMessage({ done });
    }
  },
  agreement,
).then((forms) => parentPort?.postMessage({ forms, agreement }));
