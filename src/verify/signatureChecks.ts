import { textRef } from '../errors/texts';
import { changesBeforeSignatures } from '../pdfdoc/revisions';
import type { loadPdf, signatureFields } from '../pdfdoc/pdfRead';
import { checkSignatures } from '../sign/verify';
import type { X509Certificate } from 'node:crypto';
import type { SignatureReport, VerifyReport } from './report';

/**
 * Every signature of the file (range, digest, CMS, certificate then, timestamp), what changed between one
 * signature and the next, and what follows the last: into the report, with a reason for each fault.
 */
export async function checkAllSignatures(
  bytes: Buffer,
  fields: ReturnType<typeof signatureFields>,
  whole: Awaited<ReturnType<typeof loadPdf>> | undefined,
  anchors: X509Certificate[],
  report: VerifyReport,
  allowUnsigned: boolean,
): Promise<void> {
  const { reasons } = report;
  // the signatures are the document's signature fields: a file whose structure cannot be read has none to check
  const checks = checkSignatures(
    bytes,
    fields.flatMap((f) => (f.byteRange ? [f.byteRange] : [])),
    anchors,
  );
  const fieldByRange = new Map(fields.flatMap((f) => (f.byteRange ? [[f.byteRange.join(' '), f] as const] : [])));
  report.signatures = checks.map((c) => {
    const field = fieldByRange.get(c.byteRange.join(' '));
    const valid =
      c.rangeValid &&
      c.digestValid &&
      c.signatureValid &&
      c.certificateValidAtSigning &&
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
  // between one signature and the next, only what the next signature adds may change
  const signed = report.signatures.filter((s) => s.rangeValid).map((s) => ({ index: s.index, revision: s.revision }));
  for (const [index, whats] of await changesBeforeSignatures(bytes, signed, whole)) {
    for (const what of whats) reasons.push(textRef('verify.reason.changedBefore', { index, what }));
  }
  const end = (s: SignatureReport): number => s.byteRange[2] + s.byteRange[3];
  const last = report.signatures.reduce<SignatureReport | undefined>(
    (m, s) => (!m || end(s) > end(m) ? s : m),
    undefined,
  );
  if (last) {
    report.unsignedBytesAfterLast = last.bytesAfter;
    if (last.bytesAfter > 0) reasons.push(textRef('verify.reason.bytesAfter', { bytes: last.bytesAfter }));
  }
}
