import * as path from 'node:path';
import {
  batchCsv,
  batchIndexHtml,
  launchPrinter,
  PlanCache,
  SheetPrinter,
  type CacheCounts,
  SHEETS_PER_DOCUMENT,
  type RelaunchingPrinter,
} from '../pipeline';
import type { Lang } from '../errors/lang';
import { planForm, printForm, type BatchSink } from './formJob';
import type { BatchForm } from './inputs';
import { JOURNAL_FILE, journalLine, readJournal, type JournalEntry } from './journal';

export interface BatchOptions {
  outDir: string;
  explain: boolean;
  /** Pages printed at once (the machine's cores). */
  concurrency?: number;
  timeoutMs?: number;
  lang?: Lang;
  /** Starts the printer (tests pass one whose browser they can kill). */
  newPrinter?: () => RelaunchingPrinter;
  /** A form cache folder: a re-run tells an unchanged form by what the cache kept, without scoring it. */
  cacheDir?: string;
}

export interface BatchProgress {
  done: number;
  total: number;
  entry: JournalEntry;
}

export interface BatchOutcome {
  entries: JournalEntry[];
  /** How many times the browser died and was relaunched. */
  relaunches: number;
  ms: number;
  /** With a cache folder: forms told from the cache (not scored), forms scored. */
  cache: CacheCounts | null;
  index: string;
  csv: string;
  journal: string;
}

export const INDEX_FILE = 'index.html';
export const SUMMARY_FILE = 'summary.csv';

/** The summary pages of a batch, from its entries in the order the forms were given. */
export function writeSummary(
  entries: JournalEntry[],
  outDir: string,
  sink: BatchSink,
  lang: Lang = 'zh',
): { index: string; csv: string } {
  const index = path.join(outDir, INDEX_FILE);
  const csv = path.join(outDir, SUMMARY_FILE);
  sink.write(csv, batchCsv(entries));
  sink.write(index, batchIndexHtml(entries, new Date(), lang));
  return { index, csv };
}

/**
 * Records finished forms as they come: a journal line first (so a kill loses nothing recorded), then the entry
 * in the form's place for the summary, then the progress.
 */
export function journalRecorder(
  journalFile: string,
  total: number,
  sink: BatchSink,
  onProgress: (p: BatchProgress) => void,
): { entries: JournalEntry[]; record(i: number, entry: JournalEntry): void } {
  const entries: JournalEntry[] = new Array<JournalEntry>(total);
  let done = 0;
  return {
    entries,
    record(i, entry) {
      sink.append(journalFile, journalLine(entry));
      entries[i] = entry;
      onProgress({ done: ++done, total, entry });
    },
  };
}

/**
 * Scores and prints every form with one browser, writing each PDF as soon as it is done and a journal line
 * after it: memory holds one form per page in flight, not the batch. A re-run skips what is unchanged.
 */
export async function runBatch(
  forms: BatchForm[],
  options: BatchOptions,
  sink: BatchSink,
  onProgress: (p: BatchProgress) => void = () => undefined,
): Promise<BatchOutcome> {
  const start = performance.now();
  const journalFile = path.join(options.outDir, JOURNAL_FILE);
  const journal = readJournal(journalFile);
  const { entries, record } = journalRecorder(journalFile, forms.length, sink, onProgress);
  // the browser starts only when the first form needs printing: a re-run with nothing changed launches none
  const printer = options.newPrinter?.() ?? launchPrinter(options, undefined, true);
  // forms are printed several to a document and split again (see SheetPrinter): Chromium's cost per print is shared
  const sheets = new SheetPrinter(printer, options.concurrency ?? 2);
  const how = { outDir: options.outDir, explain: options.explain, lang: options.lang ?? 'zh' };
  const plans = options.cacheDir ? new PlanCache(options.cacheDir) : undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let form = forms[next]; form !== undefined; form = forms[next]) {
      const i = next++;
      const plan = await planForm(form, journal, how, plans);
      const entry =
        plan.kind === 'done' ? plan.entry : await printForm(form, plan.scored, plan.fingerprint, how, sheets, sink);
      record(i, entry);
    }
  };
  try {
    // on every page a shared document printing and the next one being scored and laid out, so no page waits
    await Promise.all(
      Array.from({ length: Math.min(forms.length, (options.concurrency ?? 2) * 2 * SHEETS_PER_DOCUMENT + 1) }, worker),
    );
  } finally {
    plans?.close();
    await printer.close();
  }
  const written = writeSummary(entries, options.outDir, sink, options.lang);
  const cache = plans ? plans.counts : null;
  return {
    entries,
    relaunches: printer.relaunches,
    ms: performance.now() - start,
    cache,
    ...written,
    journal: journalFile,
  };
}
