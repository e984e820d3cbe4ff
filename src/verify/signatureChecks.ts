import { textRef, type TextRef } from '../errors/texts';
import { readerDisagreements } from '../pdfdoc/readerAgreement';
import { revisionAt, revisionEnds } from '../pdfdoc/revisions';
import { changesBeforeSignatures, signatureRangesInFile } from '../pdfdoc/signedRevisions';
import { wholeFile } from '../pdfdoc/revisionView';
import type { LoadedPdf, signatureFields } from '../pdfdoc/pdfRead';
import type { RevocationList } from '../sign/revocation';
import { confirmPaths } from '../sign/chainEngine';
import { checkSignatures } from '../sign/verify';
import { checkDocumentTimestamps, provenByTimestamps, timestampReasons } from './documentTimestamps';
import { storedEvidence } from './validationData';
import type { X509Certificate } from 'node:crypto';
import type { VerifyReport } from './report';

/**
 * Every signature of the file (range, digest, CMS, certificate then, timestamp), what changed between one
 * signature and the next, and what follows the last: into the report, with a reason for each fault.
 */
export async function checkAllSignatures(
  bytes: Buffer,
  fields: ReturnType<typeof signatureFields>,
  whole: LoadedPdf | undefined,
  given: { anchors: X509Certificate[]; crls: readonly RevocationList[] },
  report: VerifyReport,
  allowUnsigned: boolean,
): Promise<void> {
  const { reasons } = report;
  const stored = storedEvidence(whole);
  report.timestamps = checkDocumentTimestamps(bytes, fields, given.anchors);
  // the signatures are the document's signature fields: a file whose structure cannot be read has none to check
  const checks = checkSignatures(
    bytes,
    fields.flatMap((f) => (f.kind === 'signature' && f.byteRange ? [f.byteRange] : [])),
    {
      anchors: given.anchors,
      crls: [...given.crls, ...stored.crls],
      certificates: stored.certificates,
      provenAt: provenByTimestamps(report.timestamps),
    },
  );
  // the paths our checks trust, validated once more by pkijs's RFC 5280 engine
  await confirmPaths(checks, given.anchors, stored.certificates);
  const fieldByRange = new Map(fields.flatMap((f) => (f.byteRange ? [[f.byteRange.join(' '), f] as const] : [])));
  report.signatures = checks.map((c) => {
    const field = fieldByRange.get(c.byteRange.join(' '));
    const valid =
      c.rangeValid &&
      c.digestValid &&
      c.signatureValid &&
      c.certificateValidAtSigning &&
      !c.revoked &&
      c.revision > 0 &&
      c.timestamp?.valid !== false;
    return { ...c, role: field?.role ?? null, certifies: field?.certifies ?? null, valid };
  });
  if (checks.length === 0 && !allowUnsigned) reasons.push(textRef('verify.reason.unsigned'));
  // said once, in plain words, instead of every signature's range and digest failing one by one
  report.resaved = report.signatures.length > 0 && report.signatures.every((s) => !s.rangeValid);
  if (report.resaved) reasons.push(textRef('verify.reason.resaved'));
  for (const s of report.signatures) {
    if (s.valid || report.resaved) continue;
    const problems = s.problems.length > 0 ? s.problems : [textRef('verify.reason.notWholeRevision')];
    for (const problem of problems)
      reasons.push(textRef('verify.reason.invalidSignature', { index: s.index, problems: problem }));
  }
  timestampReasons(report);
  try {
    if (whole) structureChecks(bytes, whole, report);
  } catch {
    // a structure the checks cannot walk cannot be shown unchanged
    reasons.push(textRef('verify.change.unreadable'));
  }
  // what follows the last signature or document timestamp was added by no one who signed
  const covered = [
    ...report.signatures.filter((s) => s.rangeValid),
    ...report.timestamps.filter((t) => t.revision > 0),
  ].map((s) => (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0));
  if (covered.length > 0) {
    report.unsignedBytesAfterLast = bytes.length - Math.max(...covered);
    if (report.unsignedBytesAfterLast > 0)
      reasons.push(textRef('verify.reason.bytesAfter', { bytes: report.unsignedBytesAfterLast }));
  }
}

/**
 * What only the file's structure shows: every signature written in any revision is still in the form (none
 * stripped), between one signature and the next only what the next adds changed, and what the verifier read is
 * what a viewer shows, in every revision.
 */
function structureChecks(bytes: Buffer, loaded: LoadedPdf, report: VerifyReport): void {
  const { reasons } = report;
  const root = loaded.context.trailerInfo.Root?.toString() ?? '';
  const whole = wholeFile(loaded.context);
  const ends = revisionEnds(bytes);
  const listed = new Set([...report.signatures, ...report.timestamps].map((s) => s.byteRange.join(' ')));
  const stripped = signatureRangesInFile(bytes, whole)
    .filter((r) => !listed.has(r.join(' ')))
    .map((r) => ({ revision: revisionAt(ends, (r[2] ?? 0) + (r[3] ?? 0)), byteRange: r, says: null }));
  for (const s of stripped) reasons.push(textRef('verify.reason.stripped', { revision: s.revision }));
  // each signature, document timestamp (the next signature of the revision it stamps) or stripped signature
  // says the changes before it its own way; a stripped one's are already said by its stripping
  const signed = [
    ...report.signatures
      .filter((s) => s.rangeValid)
      .map((s) => ({
        ...s,
        says: (what: TextRef) => textRef('verify.reason.changedBefore', { index: s.index, what }),
      })),
    ...report.timestamps
      .filter((t) => t.revision > 0)
      .map((t) => ({
        ...t,
        says: (what: TextRef) => textRef('verify.reason.changedBeforeTimestamp', { index: t.index, what }),
      })),
    ...stripped,
  ];
  for (const [s, whats] of changesBeforeSignatures(bytes, whole, root, signed))
    if (s.says) for (const what of whats) reasons.push(s.says(what));
  for (const { revision, what } of readerDisagreements(bytes, loaded.context, root))
    reasons.push(textRef('verify.reason.readersDisagree', { revision, what }));
}
