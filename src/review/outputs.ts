import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { REVIEW_FILES } from '../domain/reviewWording';
import { launchPrinter } from '../pipeline/render';
import { bundledAsset } from '../report/assets';
import { reviewIndexHtml, reviewReportHtml } from '../report/reviewPages';
import { sheetsWorkbook } from '../workbook/sheets';
import { readWorksheet } from './importWorksheet';
import { indexView, reportView } from './pages';
import { reviewJson } from './reviewJson';
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
  data: string | Uint8Array;
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

/** Every file of the review folder: the workbook (with the reviewer's entries kept), the page, the JSON, the report. */
export async function reviewFiles(
  run: ReviewRun,
  entries: ReadonlyMap<string, ReviewerEntry>,
  options: { pdf: boolean; executablePath?: string },
): Promise<ReviewFile[]> {
  const files: ReviewFile[] = [
    { name: REVIEW_FILES.workbook, data: await sheetsWorkbook(reviewSheets(run, entries)) },
    { name: REVIEW_FILES.index, data: reviewIndexHtml(indexView(run)) },
    { name: REVIEW_FILES.json, data: `${JSON.stringify(reviewJson(run), null, 1)}\n` },
  ];
  if (options.pdf) files.push({ name: REVIEW_FILES.report, data: await reportPdf(run, options) });
  return files;
}
