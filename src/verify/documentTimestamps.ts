import type { X509Certificate } from 'node:crypto';
import { textRef } from '../errors/texts';
import type { SignatureField } from '../pdfdoc/pdfRead';
import { revisionAt, revisionEnds } from '../pdfdoc/revisions';
import { checkDocumentTimestamp } from '../sign/timestamp';
import type { DocumentTimestampReport, VerifyReport } from './report';

/** Every document timestamp of the file (as `jixiao ltv` adds), checked: its range, its token, its TSA's chain. */
export function checkDocumentTimestamps(
  bytes: Buffer,
  fields: readonly SignatureField[],
  anchors: X509Certificate[],
): DocumentTimestampReport[] {
  const ends = revisionEnds(bytes);
  return fields
    .flatMap((f) => (f.kind === 'timestamp' && f.byteRange?.length === 4 ? [f.byteRange] : []))
    .sort((x, y) => (x[2] ?? 0) + (x[3] ?? 0) - ((y[2] ?? 0) + (y[3] ?? 0)))
    .map((range, i) => {
      const check = checkDocumentTimestamp(bytes, range, anchors);
      const end = (range[2] ?? 0) + (range[3] ?? 0);
      return {
        index: i + 1,
        byteRange: range,
        revision: check.rangeValid ? revisionAt(ends, end) : 0,
        time: check.time,
        authority: check.authority,
        valid: check.valid && check.rangeValid,
        trusted: check.trust.trusted,
        problems: [...check.problems, ...check.trust.problems],
      };
    });
}

/**
 * The time the earliest valid, trusted document timestamp covering a signature proves it existed at: for a
 * signature whose bytes end at `coveredEnd`, any such timestamp whose range reaches at least that far.
 */
export function provenByTimestamps(stamps: readonly DocumentTimestampReport[]): (coveredEnd: number) => Date | null {
  const good = stamps.filter((s) => s.valid && s.trusted === true && s.revision > 0);
  return (coveredEnd) => {
    const times = good
      .filter((s) => (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0) >= coveredEnd)
      .map((s) => new Date(s.time).getTime());
    return times.length > 0 ? new Date(Math.min(...times)) : null;
  };
}

/** A timestamp that does not hold makes the file not intact; one whose TSA is not trusted proves nothing. */
export function timestampReasons(report: VerifyReport): void {
  for (const s of report.timestamps) {
    if (!s.valid)
      for (const problem of s.problems)
        report.reasons.push(textRef('verify.reason.documentTimestamp', { index: s.index, problems: problem }));
    else if (s.trusted === false)
      for (const problem of s.problems)
        report.identityReasons.push(textRef('verify.problem.timestampUntrusted', { authority: s.authority, problem }));
  }
}
