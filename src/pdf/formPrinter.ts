import type { PrintJob } from './pageRequests';

/** What a printer promises, whichever browser is behind it: a PDF per job, with what it took. */
export interface PrintStats {
  /** Requests answered from bundled assets. */
  served: number;
  /** Requests refused: anything that is not a bundled asset. */
  aborted: string[];
  /** Attempts taken (2 when the first timed out and a fresh page was used). */
  attempts: number;
  ms: number;
}

export interface PrintedPdf {
  pdf: Uint8Array;
  /** What the job's prepare script gave back (its value as JSON), if it had one. */
  prepared?: unknown;
  /** The page's HTML as printed, when the job asked for it. */
  html?: string;
  stats: PrintStats;
}

/** What prints a form: one printer, or one that relaunches its browser when it dies. */
export interface FormPrinter {
  print(job: PrintJob): Promise<PrintedPdf>;
}

/** The browser died (crashed or was killed) while a page was printing: the job itself may be fine. */
export class BrowserGoneError extends Error {
  constructor(readonly job: string) {
    super(`the browser stopped while printing ${job}`);
  }
}

export interface PrinterOptions {
  executablePath?: string;
  /** How long one page may take before it is given up and retried on a fresh page. */
  timeoutMs?: number;
  /** Pages printed at the same time (the machine's cores). */
  concurrency?: number;
}
