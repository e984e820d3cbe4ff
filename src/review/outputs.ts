import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { REVIEW_FILES } from '../domain/reviewWording';
import { launchPrinter } from '../pipeline/render';
import { bundledAsset } from '../report/assets';
import { reviewIndexHtml, reviewReportHtml } from '../report/reviewPages';
import { sheetsWorkbook } from '../workbook/sheets';
import { readWorksheet } from './importWorksheet';
import { indexView, reportView } from './pages';
import { reviewJsonChunks } from './reviewJson';
import type { ReviewRun } from './run';

export { REVIEW_FILES };
import { reviewSheets, type ReviewerEntry } from './sheets';

/**
 * What the reviewer already wrote in the folder's 复核底稿: kept when the review runs again (a form added, a rule
 * tuned). A 复核底稿 that cannot be read stops the run rather than be written over.
 */
export async function reviewerEntries(folder: string): Promise<Map<string, ReviewerEntry>> {
  const file = path.join(folder, REVIEW_FILES.workbook);
  return existsSync(file) ? readWorksheet(file) : new Map();
}

export interface ReviewFile {
  name: string;
  /** Text, bytes, or text in chunks (review.json: a year's forms are written one by one). */
  data: string | Uint8Array | Iterable<string>;
}

/** The 复核报告 printed by Chromium, as the forms are: fonts embedded, no request leaves the page. */
async function reportPdf(run: ReviewRun, options: { executablePath?: string }): Promise<Uint8Array> {
  const printer = launchPrinter({
    ...(options.executablePath ? { executablePath: options.executablePath } : {}),
    concurrency: 1,
  });
  try {
    const { pdf } = await printer.print({
      html: reviewReportHtml(reportView(run)),
      resolveAsset: bundledAsset,
      name: REVIEW_FILES.report,
    });
    return pdf;
  } finally {
    await printer.close();
  }
}

/**
 * Every file of the review folder, each made when asked for: the workbook (with the reviewer's entries kept), the
 * page, the JSON, the report. The caller writes one before making the next, so a year's files are never all held.
 */
export function* reviewFiles(
  run: ReviewRun,
  entries: ReadonlyMap<string, ReviewerEntry>,
  options: { pdf: boolean; executablePath?: string },
): Generator<{ name: string; make: () => Promise<ReviewFile['data']> }> {
  // the report first: printing needs a browser, and a run that cannot print stops before it replaces any file
  if (options.pdf) yield { name: REVIEW_FILES.report, make: () => reportPdf(run, options) };
  yield { name: REVIEW_FILES.workbook, make: () => sheetsWorkbook(reviewSheets(run, entries)) };
  yield { name: REVIEW_FILES.index, make: async () => reviewIndexHtml(indexView(run)) };
  yield { name: REVIEW_FILES.json, make: async () => reviewJsonChunks(run) };
}
