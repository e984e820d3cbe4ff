import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFRef } from '@cantoo/pdf-lib';
import { adjacentPairs } from '../domain/sequence';
import type { TextRef } from '../errors/texts';
import { disallowedChanges } from './changePolicy';
import type { ParsedObject } from './parsedObjects';
import { revisionEnds } from './revisions';
import { parseCopy, RevisionView, type WholeFile } from './revisionView';

/** A signature (or document timestamp) as the change check needs it: the revision it signs, its byte range. */
export interface SignedRevision {
  revision: number;
  byteRange: readonly number[];
}

/**
 * For each signature after the first, what changed between the revision the one before it signed and the revision
 * it signs, beyond what adding that signature may change. (What came before the first signature is what its
 * signer saw and signed.) Every revision is read from the whole file's one parse, its catalog `root`; the changes
 * are given by the signature that follows them.
 */
export function changesBeforeSignatures<S extends SignedRevision>(
  pdf: Buffer,
  whole: WholeFile,
  root: string,
  signatures: readonly S[],
): Map<S, TextRef[]> {
  const ends = revisionEnds(pdf);
  const views = new Map<number, RevisionView>();
  const view = (revision: number): RevisionView => {
    let v = views.get(revision);
    if (!v)
      views.set(
        revision,
        (v = new RevisionView(pdf, whole.objects, ends[revision - 1]?.to ?? pdf.length, root, whole)),
      );
    return v;
  };
  const out = new Map<S, TextRef[]>();
  const ordered = signatures.filter((s) => s.revision > 0).sort((x, y) => x.revision - y.revision);
  for (const [previous, s] of adjacentPairs(ordered)) {
    if (previous.revision >= s.revision) continue;
    const problems = disallowedChanges(view(previous.revision), view(s.revision), s.byteRange);
    if (problems.length > 0) out.set(s, problems);
  }
  return out;
}

/**
 * Every signature dictionary written anywhere in the file, in any revision (as a thorough validator lists them):
 * each dictionary with a /ByteRange of four integers and a /Contents, by its byte range. One no longer in the
 * form's field tree was stripped from it.
 */
export function signatureRangesInFile(pdf: Buffer, whole: WholeFile): number[][] {
  const topLevel = whole.objects.filter((o) => o.inStream === null).sort((a, b) => a.start - b.start);
  const context = PDFContext.create();
  const found = new Map<string, number[]>();
  let seenUpTo = -1;
  for (let at = pdf.indexOf('/ByteRange'); at >= 0; at = pdf.indexOf('/ByteRange', at + 1)) {
    const copy = containing(topLevel, at);
    if (!copy || copy.start <= seenUpTo) continue;
    seenUpTo = copy.start;
    let object;
    try {
      // the copy the whole file's parse kept is read from it; only an older copy is parsed again
      object =
        whole.last.get(copy.number) === copy
          ? whole.context.lookup(PDFRef.of(copy.number, copy.generation))
          : parseCopy(pdf, copy, context);
    } catch {
      continue;
    }
    if (!(object instanceof PDFDict) || !object.has(PDFName.of('Contents'))) continue;
    const range = object.get(PDFName.of('ByteRange'));
    const values = (range instanceof PDFArray ? range.asArray() : []).flatMap((n) =>
      n instanceof PDFNumber ? [n.asNumber()] : [],
    );
    if (values.length !== 4) continue;
    found.set(values.join(' '), values);
  }
  return [...found.values()];
}

/** The top-level object whose bytes hold `offset` (objects sorted by where they start). */
function containing(sorted: readonly ParsedObject[], offset: number): ParsedObject | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = sorted[mid];
    if (!o) break;
    if (o.start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  const candidate = sorted[hi];
  return candidate && offset < candidate.end ? candidate : undefined;
}
