import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { REVIEW_FILES } from '../domain/reviewWording';
import { PAGE_ORIGIN, printReviewReport } from '../pipeline/reviewReport';
import { canonicalJson } from '../domain/canonicalJson';
import { JIXIAO_VERSION } from '../domain/version';
import { REVIEW_REPORT_FORMAT, sha256Hex, type ReviewReportData, type SignatureBox } from '../pdfdoc/embeddedData';
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

/** What a 复核报告 embeds: the re-check it reports, form by form (not their rows: review.json has those), and its hash. */
export function reportData(run: ReviewRun, boxes: SignatureBox[]): ReviewReportData {
  const review = {
    ruleSet: run.ruleSet,
    createdAt: run.createdAt,
    sample: run.sample,
    totals: run.totals,
    forms: run.forms.map((f) => ({
      input: f.key,
      department: f.department,
      project: f.project,
      status: f.status,
      total: f.total,
      grade: f.grade,
      risk: f.risk,
      rank: f.rank,
      sampled: f.sampled,
      findings: f.findings.map((x) => x.code),
    })),
  };
  return {
    format: REVIEW_REPORT_FORMAT,
    jixiaoVersion: JIXIAO_VERSION,
    createdAt: run.createdAt,
    review,
    reviewSha256: sha256Hex(canonicalJson(review)),
    signatureBoxes: boxes,
  };
}

/** The 复核报告: printed by Chromium as the forms are, signable by the reviewer roles. */
function reportPdf(run: ReviewRun, options: { executablePath?: string }): Promise<Uint8Array> {
  const view = reportView(run, `${PAGE_ORIGIN}/sigbox/`);
  return printReviewReport(
    reviewReportHtml(view),
    { title: view.title, subject: view.sampleText, keywords: [run.ruleSet.id] },
    (boxes) => reportData(run, boxes),
    options,
  );
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
