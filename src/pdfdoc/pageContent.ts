import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFRawStream,
  type PDFDocument,
  type PDFObject,
} from '@cantoo/pdf-lib';

/** What a jixiao page never holds, found on one page (1-based). */
export interface ForeignContent {
  page: number;
  kind: 'image' | 'annotation';
}

/** How deep form XObjects may nest before the search stops (a loop of forms drawing each other). */
const MAX_DEPTH = 16;

/**
 * What is drawn on the pages besides the form jixiao printed. A jixiao page is text and ruled lines from
 * Chromium: it has no picture, and no annotation but links and signature fields. A picture (an image object, or
 * an inline image in the content) can show any other form over the printed one while the text layer, which the
 * page check reads, still says what the data says; so can the appearance of a note or stamp. Both are refused.
 */
export function foreignContent(doc: PDFDocument): ForeignContent[] {
  const found: ForeignContent[] = [];
  doc.getPages().forEach((page, i) => {
    const node = page.node;
    const resources = node.Resources();
    if (drawsImage(resources, contentsOf(node.get(PDFName.of('Contents')), doc), doc, 0))
      found.push({ page: i + 1, kind: 'image' });
    const annots = node.Annots();
    for (const annotation of annots?.asArray() ?? []) {
      const dict = doc.context.lookup(annotation);
      if (!(dict instanceof PDFDict) || !allowedAnnotation(dict, doc)) {
        found.push({ page: i + 1, kind: 'annotation' });
        break;
      }
    }
  });
  return found;
}

/** A link that paints nothing, or a signature field holding a signature (whose place verify checks against its role's box). */
function allowedAnnotation(annotation: PDFDict, doc: PDFDocument): boolean {
  const subtype = annotation.get(PDFName.of('Subtype'))?.toString();
  if (subtype === '/Link') return !annotation.has(PDFName.of('AP'));
  if (subtype !== '/Widget') return false;
  const parent = doc.context.lookup(annotation.get(PDFName.of('Parent')));
  const field = annotation.has(PDFName.of('FT')) || !(parent instanceof PDFDict) ? annotation : parent;
  if (field.get(PDFName.of('FT'))?.toString() !== '/Sig') return false;
  // an empty signature field paints its appearance with no signature behind it: allowed only when it draws nothing
  return field.has(PDFName.of('V')) || !annotation.has(PDFName.of('AP')) || drawsNothing(annotation, doc);
}

/** A widget whose rectangle has no area. */
function drawsNothing(annotation: PDFDict, doc: PDFDocument): boolean {
  const rect = doc.context.lookup(annotation.get(PDFName.of('Rect')));
  const n = rect instanceof PDFArray ? rect.asArray().map((v) => Number(v.toString())) : [];
  return n.length === 4 && (Math.abs((n[2] ?? 0) - (n[0] ?? 0)) < 1 || Math.abs((n[3] ?? 0) - (n[1] ?? 0)) < 1);
}

/** The decoded bytes of a page's /Contents (one stream or an array of them). */
function contentsOf(contents: PDFObject | undefined, doc: PDFDocument): string[] {
  const resolved = doc.context.lookup(contents);
  const items = resolved instanceof PDFArray ? resolved.asArray().map((c) => doc.context.lookup(c)) : [resolved];
  return items.flatMap((s) => (s instanceof PDFRawStream ? [decoded(s)] : []));
}

function decoded(stream: PDFRawStream): string {
  try {
    return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  } catch {
    // a stream that cannot be decoded draws nothing a reader sees either
    return '';
  }
}

/** Whether resources (and the forms they hold, drawn in turn) hold an image, or the content an inline one. */
function drawsImage(resources: PDFObject | undefined, contents: string[], doc: PDFDocument, depth: number): boolean {
  if (contents.some((c) => /(^|[\s\]>)])BI[\s/]/.test(c))) return true;
  if (depth > MAX_DEPTH) return false;
  const dict = doc.context.lookup(resources);
  const xobjects = dict instanceof PDFDict ? doc.context.lookup(dict.get(PDFName.of('XObject'))) : undefined;
  if (!(xobjects instanceof PDFDict)) return false;
  for (const value of xobjects.values()) {
    const xobject = doc.context.lookup(value);
    if (!(xobject instanceof PDFRawStream)) continue;
    const subtype = xobject.dict.get(PDFName.of('Subtype'))?.toString();
    if (subtype === '/Image') return true;
    if (
      subtype === '/Form' &&
      drawsImage(xobject.dict.get(PDFName.of('Resources')), [decoded(xobject)], doc, depth + 1)
    )
      return true;
  }
  return false;
}
