import { PDFArray, PDFDict, PDFName, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';

/**
 * The parts of a PDF that finalizing edits, however it was read: in full by pdf-lib, or object by object by
 * the splice. Every reference goes through `resolve`, which the splice answers by reading that one object.
 */
export interface EditedPdf {
  context: PDFContext;
  catalog: PDFDict;
  info: PDFDict;
  resolve(object: PDFObject | undefined): PDFObject | undefined;
}

/** The dictionary under `key`, made (inline) when there is none. */
export function dictAt(pdf: EditedPdf, parent: PDFDict, key: string): PDFDict {
  const found = pdf.resolve(parent.get(PDFName.of(key)));
  if (found instanceof PDFDict) return found;
  const made = pdf.context.obj({});
  parent.set(PDFName.of(key), made);
  return made;
}

/** The array under `key`, made (inline) when there is none. */
export function arrayAt(pdf: EditedPdf, parent: PDFDict, key: string): PDFArray {
  const found = pdf.resolve(parent.get(PDFName.of(key)));
  if (found instanceof PDFArray) return found;
  const made = pdf.context.obj([]);
  parent.set(PDFName.of(key), made);
  return made;
}

/** A page's value for a key it may inherit from the page tree above it (MediaBox, Resources). */
export function inherited(pdf: EditedPdf, page: PDFDict, key: string): PDFObject | undefined {
  for (let node: PDFObject | undefined = page, depth = 0; node instanceof PDFDict && depth < 64; depth++) {
    const value = pdf.resolve(node.get(PDFName.of(key)));
    if (value !== undefined) return value;
    node = pdf.resolve(node.get(PDFName.of('Parent')));
  }
  return undefined;
}

/** The page dictionaries in order, walking the page tree. */
export function pagesOf(pdf: EditedPdf): PDFDict[] {
  const pages: PDFDict[] = [];
  const walk = (node: PDFObject | undefined, depth: number): void => {
    const dict = pdf.resolve(node);
    if (!(dict instanceof PDFDict) || depth > 64) return;
    const kids = pdf.resolve(dict.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) walk(kid, depth + 1);
    else pages.push(dict);
  };
  walk(pdf.catalog.get(PDFName.of('Pages')), 0);
  return pages;
}
