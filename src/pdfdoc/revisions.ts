import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFRef,
  PDFStream,
  type PDFContext,
  type PDFDocument,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { adjacentPairs } from '../domain/sequence';
import { textRef, type TextRef } from '../errors/texts';
import { loadPdf } from './pdfRead';

/** The document as it stood at the end of one revision: every object by reference, with its bytes. */
interface State {
  context: PDFContext;
  objects: Map<string, { ref: PDFRef; object: PDFObject; bytes: string }>;
  /** The catalog's reference as written (`12 0 R`), and the catalog itself. */
  root: string;
  catalog: PDFObject | undefined;
}

async function stateAt(pdf: Buffer, end: number): Promise<State> {
  // the file cut after a revision's %%EOF is that revision: what a reader saw when it was signed
  return stateOf(await loadPdf(pdf.subarray(0, end), 'revision'));
}

function stateOf(doc: PDFDocument): State {
  const objects = new Map<string, { ref: PDFRef; object: PDFObject; bytes: string }>();
  for (const [ref, object] of doc.context.enumerateIndirectObjects())
    objects.set(ref.toString(), { ref, object, bytes: bytesOf(object) });
  const root = doc.context.trailerInfo.Root;
  return {
    context: doc.context,
    objects,
    root: root?.toString() ?? '',
    catalog: root ? doc.context.lookup(root) : undefined,
  };
}

function bytesOf(object: PDFObject): string {
  const buffer = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return Buffer.from(buffer).toString('latin1');
}

/** A dictionary's bytes with some keys left out: what must not change when only those may. */
function without(dict: PDFDict, keys: string[]): string {
  const copy = dict.clone();
  for (const key of keys) copy.delete(PDFName.of(key));
  return bytesOf(copy);
}

function lookupArray(context: PDFContext, value: PDFObject | undefined): PDFArray | undefined {
  const resolved = value instanceof PDFRef ? context.lookup(value) : value;
  return resolved instanceof PDFArray ? resolved : undefined;
}

/** The references an array held before must still be its first items: a signature only appends. */
function onlyAppended(before: PDFArray | undefined, after: PDFArray | undefined): boolean {
  const a = before?.asArray().map(String) ?? [];
  const b = after?.asArray().map(String) ?? [];
  return b.length >= a.length && a.every((x, i) => b[i] === x);
}

function typeOf(object: PDFObject): string {
  const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
  return (
    dict?.get(PDFName.of('Type'))?.toString().slice(1) ?? dict?.get(PDFName.of('Subtype'))?.toString().slice(1) ?? ''
  );
}

/** What a changed object is, said for people: the page, the attached data, the catalog, or an object by number. */
function describe(ref: string, object: PDFObject, root: string): TextRef {
  const type = typeOf(object);
  if (ref === root) return textRef('verify.change.catalog');
  if (type === 'Page' || type === 'Pages') return textRef('verify.change.page');
  if (type === 'EmbeddedFile' || type === 'Filespec') return textRef('verify.change.embedded');
  if (type === 'Annot' || type === 'Widget') return textRef('verify.change.annotation');
  return textRef('verify.change.object', { ref, type: type || '—' });
}

/**
 * What one signature's update may change in the document it signs: add its signature dictionary, its widget (on
 * the page's /Annots and the form's /Fields) and the widget's appearance (fonts, images); set the catalog's
 * /AcroForm. Everything else — page content, other annotations, the attached data, the catalog's other entries,
 * a reference re-pointed to an object hidden earlier — is a change made after the earlier signatures.
 */
function disallowedChanges(before: State, after: State): TextRef[] {
  const problems: TextRef[] = [];
  if (before.root !== after.root) return [textRef('verify.change.catalog')];
  const formRef = after.catalog instanceof PDFDict ? after.catalog.get(PDFName.of('AcroForm')) : undefined;
  const newWidgets: PDFObject[] = [];
  for (const [key, now] of after.objects) {
    const was = before.objects.get(key);
    if (!was || was.bytes === now.bytes) continue;
    const a = was.object;
    const b = now.object;
    let allowed = false;
    if (a instanceof PDFDict && b instanceof PDFDict && !(a instanceof PDFStream) && !(b instanceof PDFStream)) {
      if (key === after.root) allowed = without(a, ['AcroForm']) === without(b, ['AcroForm']);
      else if (typeOf(b) === 'Page') {
        const annotsBefore = lookupArray(before.context, a.get(PDFName.of('Annots')));
        const annotsAfter = lookupArray(after.context, b.get(PDFName.of('Annots')));
        allowed = without(a, ['Annots']) === without(b, ['Annots']) && onlyAppended(annotsBefore, annotsAfter);
        if (allowed) newWidgets.push(...(annotsAfter?.asArray().slice(annotsBefore?.size() ?? 0) ?? []));
      } else if (formRef && key === formRef.toString()) {
        allowed =
          without(a, ['Fields', 'SigFlags']) === without(b, ['Fields', 'SigFlags']) &&
          onlyAppended(
            lookupArray(before.context, a.get(PDFName.of('Fields'))),
            lookupArray(after.context, b.get(PDFName.of('Fields'))),
          );
      }
    } else if (a instanceof PDFArray && b instanceof PDFArray) {
      // an /Annots or /Fields array kept as its own object
      allowed = onlyAppended(a, b);
    }
    if (!allowed) problems.push(describe(key, b, after.root));
  }
  // what a signature appends to a page is its own widget: a signature field, never a new note or stamp
  for (const widget of newWidgets) {
    const dict = widget instanceof PDFRef ? after.context.lookup(widget) : widget;
    const isSignatureField =
      dict instanceof PDFDict &&
      dict.get(PDFName.of('Subtype'))?.toString() === '/Widget' &&
      dict.get(PDFName.of('FT'))?.toString() === '/Sig';
    if (!isSignatureField) problems.push(textRef('verify.change.annotation'));
    // and a signed one: an empty signature field added between two signatures paints whatever its appearance holds
    else if (!signatureValue(after.context, dict)) problems.push(textRef('verify.change.emptySignatureField'));
  }
  return [...new Map(problems.map((p) => [JSON.stringify(p), p])).values()];
}

/** The signature dictionary a signature field holds (its /V with a /ByteRange), or null for an empty field. */
function signatureValue(context: PDFContext, field: PDFDict): PDFDict | null {
  const value = context.lookup(field.get(PDFName.of('V')));
  return value instanceof PDFDict && value.get(PDFName.of('ByteRange')) !== undefined ? value : null;
}

/**
 * For each signature after the first, what changed between the revision the one before it signed and the revision
 * it signs, beyond what adding a signature may change. (What came before the first signature is what its signer
 * saw and signed.) Each signature is given as its index and the revision (1-based) its byte range ends at; `whole`
 * is the document as already read, reused for a revision that ends where the file does.
 */
export async function changesBeforeSignatures(
  pdf: Buffer,
  signatures: readonly { index: number; revision: number }[],
  whole?: PDFDocument,
): Promise<Map<number, TextRef[]>> {
  const ends = revisionEnds(pdf);
  const states = new Map<number, Promise<State>>();
  const state = (revision: number): Promise<State> => {
    let s = states.get(revision);
    if (!s) {
      const end = ends[revision - 1]?.to ?? pdf.length;
      s = whole && end === pdf.length ? Promise.resolve(stateOf(whole)) : stateAt(pdf, end);
      states.set(revision, s);
    }
    return s;
  };
  const out = new Map<number, TextRef[]>();
  const ordered = signatures.filter((s) => s.revision > 0).sort((x, y) => x.revision - y.revision);
  for (const [previous, s] of adjacentPairs(ordered)) {
    const from = previous.revision;
    if (from < 1 || from >= s.revision) continue;
    let problems: TextRef[];
    try {
      problems = disallowedChanges(await state(from), await state(s.revision));
    } catch {
      // an earlier revision that cannot be read cannot be shown unchanged
      problems = [textRef('verify.change.unreadable')];
    }
    if (problems.length > 0) out.set(s.index, problems);
  }
  return out;
}

/** Where each revision ends: after a %%EOF marker, with or without its end-of-line. */
export function revisionEnds(pdf: Buffer): { from: number; to: number }[] {
  const ends: { from: number; to: number }[] = [];
  let at = pdf.indexOf('%%EOF');
  while (at >= 0) {
    let end = at + 5;
    if (pdf[end] === 0x0d) end++;
    if (pdf[end] === 0x0a) end++;
    ends.push({ from: at + 5, to: end });
    at = pdf.indexOf('%%EOF', at + 5);
  }
  return ends;
}

export function revisionAt(ends: { from: number; to: number }[], offset: number): number {
  return ends.findIndex((e) => offset >= e.from && offset <= e.to) + 1;
}
