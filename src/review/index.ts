// The re-check bench as the CLI uses it. Re-exports only.
export { reviewYear, type ReviewRun } from './run';
export { reviewFiles, reviewerEntries, REVIEW_FILES, type ReviewFile } from './outputs';
export { importReview, type ReviewedForm } from './reviewScores';
export { runReviewTests } from './reviewTests';
export { isReviewRuleSetFile, lintReviewRuleSet } from './reviewLint';
export { shippedReviewRuleSetIds } from './reviewRuleSet';
export type { SampleOptions, SampleSize } from './sample';
import { dec } from '../domain/decimal';
import { rateText } from '../report/format';
import { sheetsWorkbook } from '../workbook/sheets';
import { resultSheets } from './resultSheets';
import type { ReviewedForm } from './reviewScores';

/** The 复核结果 workbook of an import. */
export async function resultWorkbook(forms: readonly ReviewedForm[]): Promise<Buffer> {
  return sheetsWorkbook(resultSheets(forms));
}

/** A ratio's exact text as a percentage (0.125 → 12.5%), by the one rounding rule; null stays null. */
export function percentText(ratio: string | null): string | null {
  return ratio === null ? null : rateText(dec(ratio));
}
