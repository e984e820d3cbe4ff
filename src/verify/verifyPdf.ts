import { diagnostic, InputError } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import { REVIEW_ROLES, ROLES, type SignRole } from '../domain/glossary';
import { readInput } from '../load/files';
import type { SignedData } from '../pdfdoc/embeddedData';
import { loadPdf, readSignedData, signatureFields } from '../pdfdoc/pdfRead';
import { revisionEnds } from '../pdfdoc/revisions';
import { checkEmbedded } from './embeddedCheck';
import { checkReviewReport } from './reviewReportCheck';
import { placeRoles } from './rolePlaces';
import { emptyReport, type VerifyOptions, type VerifyReport } from './report';
import { checkAllSignatures } from './signatureChecks';
import { trustAnchors } from './trustAnchors';

export type { SignatureReport, VerifyOptions, VerifyReport } from './report';

/** Which roles a check requires and which of them the signatures cover. */
function rolesOf(report: VerifyReport, signed: SignedData | undefined, options: VerifyOptions): VerifyReport['roles'] {
  // a form's roles, or a 复核报告's: those its boxes are drawn for
  const order: readonly SignRole[] = signed?.kind === 'review' ? REVIEW_ROLES : ROLES;
  const printed = signed ? order.filter((r) => signed.data.signatureBoxes.some((b) => b.role === r)) : [...order];
  // a check of the data alone (--allow-unsigned on an unsigned file) requires no signature
  const byDefault = options.allowUnsigned && report.signatures.length === 0 ? [] : printed;
  const required = options.requiredRoles ? order.filter((r) => options.requiredRoles?.includes(r)) : byDefault;
  const done = order.filter((r) => report.signatures.some((s) => s.role === r && s.valid));
  return { required, signed: done, missing: required.filter((r) => !done.includes(r)) };
}

export async function verifyPdf(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const anchors = trustAnchors(options.trust ?? [], options.env);
  const bytes = readInput(file, 'pdf');
  const report = emptyReport(file, revisionEnds(bytes).length);
  let fields: ReturnType<typeof signatureFields> = [];
  let embedded: SignedData | undefined;
  let whole: Awaited<ReturnType<typeof loadPdf>> | undefined;
  try {
    whole = await loadPdf(bytes, file);
    fields = signatureFields(whole);
    embedded = readSignedData(whole, file);
  } catch (error) {
    // whatever is wrong with the structure of a file under verification is a finding about that file, never a crash
    if (error instanceof InputError) report.embedded.problems.push(...error.diagnostics);
    else
      report.embedded.problems.push(
        diagnostic('PDF_UNREADABLE', { path: file, detail: (error as Error).message.split('\n')[0] ?? '' }),
      );
    report.reasons.push(textRef('verify.reason.unreadable'));
  }
  await checkAllSignatures(bytes, fields, whole, anchors, report, options.allowUnsigned === true);
  // roles by position too, before the role rules read them
  if (embedded)
    placeRoles(report, fields, embedded.data.signatureBoxes, embedded.kind === 'review' ? REVIEW_ROLES : ROLES);
  if (embedded?.kind === 'form') await checkEmbedded(bytes, embedded.data, report, options);
  if (embedded?.kind === 'review') {
    report.kind = 'review';
    checkReviewReport(embedded.data, report);
  }
  report.intact = report.reasons.length === 0;
  if (anchors.length === 0 && report.signatures.length > 0)
    report.identityReasons.push(textRef('verify.identity.noAnchors'));
  for (const s of report.signatures) {
    for (const problem of s.trust.problems)
      report.identityReasons.push(
        textRef('verify.identity.untrusted', { index: s.index, signer: s.signer, problems: problem }),
      );
  }
  report.identityVerified =
    report.identityReasons.length === 0 && report.signatures.every((s) => s.trust.trusted === true);
  report.roles = rolesOf(report, embedded, options);
  report.ok = report.intact && report.identityVerified && report.roles.missing.length === 0;
  return report;
}
