import { diagnostic, InputError } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import { REVIEW_ROLES, ROLES, type SignRole } from '../domain/glossary';
import { readInput } from '../load/files';
import type { SignedData } from '../pdfdoc/embeddedData';
import { loadPdf, readSignedData, signatureFields, type LoadedPdf } from '../pdfdoc/pdfRead';
import { revisionEnds } from '../pdfdoc/revisions';
import { foreignContent } from '../pdfdoc/pageContent';
import { boxesAgainstPage } from './boxLabels';
import { checkEmbedded } from './embeddedCheck';
import { renderedAgainstSigned } from './renderCheck';
import { printedPages, type PrintedPages } from './pageCheck';
import { checkReviewReport } from './reviewReportCheck';
import { placeRoles } from './rolePlaces';
import { emptyReport, type VerifyOptions, type VerifyReport } from './report';
import { checkAllSignatures } from './signatureChecks';
import { revocationLists } from '../pipeline/revocationSources';
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

/** Nothing is drawn on the pages besides the printed form: no picture, no annotation but links and signatures. */
function pageContentChecks(whole: LoadedPdf, report: VerifyReport): void {
  let found: ReturnType<typeof foreignContent>;
  try {
    found = foreignContent(whole);
  } catch {
    // a page tree the library cannot walk shows a reader nothing it can check
    report.reasons.push(textRef('verify.reason.unreadable'));
    return;
  }
  for (const { page, kind } of found)
    report.reasons.push(textRef('verify.reason.foreignContent', { page, what: textRef(`verify.content.${kind}`) }));
}

/** The role boxes the data names are where the page prints each role's label. */
async function boxChecks(pages: PrintedPages, signed: SignedData, report: VerifyReport): Promise<void> {
  const words = await pages();
  const roles = signed.kind === 'review' ? REVIEW_ROLES : ROLES;
  if (words) report.reasons.push(...boxesAgainstPage(words, signed.data.signatureBoxes, roles));
  else if (signed.kind === 'review')
    report.reasons.push(textRef('verify.reason.pageDiffers', { what: textRef('verify.page.unreadable') }));
}

export async function verifyPdf(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const anchors = trustAnchors(options.trust ?? [], options.env);
  const crls = options.crlLists ?? (await revocationLists(options.crl ?? []));
  const bytes = readInput(file, 'pdf');
  const report = emptyReport(file, revisionEnds(bytes).length);
  let fields: ReturnType<typeof signatureFields> = [];
  let embedded: SignedData | undefined;
  let whole: LoadedPdf | undefined;
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
  await checkAllSignatures(bytes, fields, whole, { anchors, crls }, report, options.allowUnsigned === true);
  // roles by position too, before the role rules read them
  if (embedded)
    placeRoles(report, fields, embedded.data.signatureBoxes, embedded.kind === 'review' ? REVIEW_ROLES : ROLES);
  const pages = printedPages(bytes);
  if (whole) pageContentChecks(whole, report);
  if (embedded) await boxChecks(pages, embedded, report);
  const rescored = embedded?.kind === 'form' ? await checkEmbedded(pages, embedded.data, report, options) : null;
  // a form whose data cannot be scored again has nothing to be printed again from
  if (options.render && embedded?.kind === 'form' && rescored)
    report.reasons.push(...(await renderedAgainstSigned(bytes, embedded.data, rescored, options.renderPrinter)));
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
