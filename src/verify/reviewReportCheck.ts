import { textRef } from '../errors/texts';
import { canonicalJson, sha256Hex, type ReviewReportData } from '../pdfdoc/embeddedData';
import { isReviewRole, reviewRoleBreaches } from '../sign/reviewRoles';
import type { VerifyReport } from './report';

/**
 * A 复核报告's data: its hash, and who signed in which reviewer role in which order. There is nothing to score
 * again (the forms it reports on are verified and re-scored one by one by `jixiao review`); what it says is covered
 * by its signatures, and its hash says the data is the one the report was made with.
 */
export function checkReviewReport(data: ReviewReportData, report: VerifyReport): void {
  const e = report.embedded;
  const review = data.review as { ruleSet?: { id?: unknown }; totals?: { forms?: unknown } };
  e.found = true;
  e.jixiaoVersion = data.jixiaoVersion;
  e.ruleSet = typeof review.ruleSet?.id === 'string' ? review.ruleSet.id : '';
  e.hashesMatch = sha256Hex(canonicalJson(data.review)) === data.reviewSha256;
  // no inputs to score again: the report stands or falls with its data's hash
  e.rescoreMatches = e.hashesMatch;
  if (!e.hashesMatch) report.reasons.push(textRef('verify.reason.hashes'));
  const breaches = reviewRoleBreaches(
    report.signatures.map((s) => ({
      role: isReviewRole(s.role) ? s.role : null,
      signer: s.signer,
      fingerprint: s.fingerprint,
    })),
  );
  for (const { index, breach } of report.resaved ? [] : breaches) {
    e.problems.push(breach);
    report.reasons.push(textRef('verify.reason.role', { index }));
  }
}
