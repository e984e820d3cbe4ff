import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from '@cantoo/pdf-lib';
import { linkUri, SIGNATURE_BOX_LINK } from './finalize';
import { SplicedPdf, SpliceDeclined } from './pdfSplice';
import { readDocument, SplitDeclined, type PrintedDocument } from './printedDocument';
import { firstPage, type Resolve } from './structureTrees';

/** One form of a printed document of several: how many pages its footer says it has, and how many signature boxes it draws. */
export interface Sheet {
  pages: number;
  signatureBoxes: number;
}

export { SplitDeclined } from './printedDocument';

/**
 * Splits a document of several forms, printed together, into one PDF per form: its pages as printed (content,
 * fonts, links) and a structure tree of its own. Chromium tags the document as one Document element holding
 * every sheet's elements; each form keeps the elements that start on its pages, the parent-tree entries and IDs
 * of its own pages — the shape a form printed alone has.
 *
 * The document is read only as far as the walk from each form's pages and elements goes, and each form is
 * written with its objects copied byte for byte under their own numbers: only the page tree, the structure
 * root, the Document element, the parent tree and the ID tree are written anew (a full parse and save of a
 * tagged document with pdf-lib made the split cost more node time than it saved Chromium).
 */
export function splitSheets(printed: Uint8Array, laidOut: Sheet[]): Uint8Array[] {
  let pdf: SplicedPdf;
  try {
    pdf = SplicedPdf.open(printed);
  } catch (error) {
    if (error instanceof SpliceDeclined) throw new SplitDeclined(`not a plain printed PDF: ${error.message}`);
    throw error;
  }
  const doc = readDocument(pdf);
  const ranges = pageRanges(laidOut, doc.pages.length);
  checkSignOff(doc, laidOut, ranges);
  const elements = elementsBySheet(doc, ranges);
  return ranges.map((range, i) => writeSheet(doc, range, elements[i] ?? [], i));
}

interface PageRange {
  first: number;
  last: number;
}

/** Each form's pages as its footer numbers them: the totals must add up to the pages printed. */
function pageRanges(laidOut: Sheet[], printed: number): PageRange[] {
  let first = 0;
  const ranges = laidOut.map((sheet) => {
    const range = { first, last: first + sheet.pages - 1 };
    first += sheet.pages;
    return range;
  });
  if (laidOut.length === 0 || laidOut.some((s) => !(Number.isInteger(s.pages) && s.pages > 0)) || first !== printed) {
    throw new SplitDeclined(
      `the forms' page totals (${laidOut.map((s) => s.pages).join('+')}) are not the ${printed} pages printed`,
    );
  }
  return ranges;
}

/** A form's sign-off block ends it: its boxes are on its pages and the last of them on its last page. */
function checkSignOff(doc: PrintedDocument, laidOut: Sheet[], ranges: PageRange[]): void {
  const boxesOn = doc.pages.map((ref) => signatureBoxLinks(doc.resolve(ref) as PDFDict, doc.resolve));
  laidOut.forEach((sheet, i) => {
    const { first, last } = ranges[i] ?? { first: 0, last: -1 };
    const count = boxesOn.slice(first, last + 1).reduce((n, b) => n + b, 0);
    if (count !== sheet.signatureBoxes || (sheet.signatureBoxes > 0 && boxesOn[last] === 0)) {
      throw new SplitDeclined(
        `form ${i + 1}: ${count} signature boxes on its pages ${first + 1}–${last + 1}, ${sheet.signatureBoxes} drawn`,
      );
    }
  });
}

/** The Document's children by form: each goes to the form on whose pages it starts, in order. */
function elementsBySheet(doc: PrintedDocument, ranges: PageRange[]): PDFObject[][] {
  const pageIndex = new Map(doc.pages.map((ref, p) => [ref.objectNumber, p] as const));
  const out: PDFObject[][] = ranges.map(() => []);
  let previous = 0;
  for (const kid of doc.kids) {
    const page = firstPage(kid, doc.resolve);
    const p = page === undefined ? undefined : pageIndex.get(page.objectNumber);
    const sheet = p === undefined ? -1 : ranges.findIndex((r) => p >= r.first && p <= r.last);
    if (sheet < previous) throw new SplitDeclined("a structure element outside its form's pages");
    out[sheet]?.push(kid);
    previous = sheet;
  }
  return out;
}

/** One form's file: every object its pages and elements reach, copied as printed, and the trees written anew for it. */
function writeSheet(doc: PrintedDocument, range: PageRange, elements: PDFObject[], index: number): Uint8Array {
  const mine = doc.pages.slice(range.first, range.last + 1);
  const own = new Set(mine.map((r) => r.objectNumber));
  const others = new Set(doc.pages.filter((r) => !own.has(r.objectNumber)).map((r) => r.objectNumber));
  // objects written anew for each form; the walk stops at them (a page's /Parent, an element's /P)
  const keep = new Set<number>(
    [doc.pagesRef, doc.structRef, doc.documentRef, doc.parentTreeRef, ...(doc.idTreeRef ? [doc.idTreeRef] : [])].map(
      (r) => r.objectNumber,
    ),
  );
  if (doc.rootRef instanceof PDFRef) keep.add(doc.rootRef.objectNumber);
  const entries = parentTreeEntries(doc, mine);
  reachedObjects(doc, { mine, own, others, elements, entries, index }, keep);
  return doc.pdf.subset(keep, rewrittenTrees(doc, mine, elements, entries, keep));
}

/** How many of a page's links are signature boxes (the sign-off block's marks). */
function signatureBoxLinks(page: PDFDict, resolve: Resolve): number {
  const annots = resolve(page.get(PDFName.of('Annots')));
  let count = 0;
  for (const annot of annots instanceof PDFArray ? annots.asArray() : []) {
    const a = resolve(annot);
    if (a instanceof PDFDict && linkUri(a, resolve)?.includes(SIGNATURE_BOX_LINK)) count++;
  }
  return count;
}

/** The parent-tree entries of a form's pages and of their links, by key. */
function parentTreeEntries(doc: PrintedDocument, mine: PDFRef[]): (readonly [number, PDFObject])[] {
  const { resolve } = doc;
  const keys = new Set<number>();
  for (const ref of mine) {
    const page = resolve(ref) as PDFDict;
    const key = page.get(PDFName.of('StructParents'));
    if (key instanceof PDFNumber) keys.add(key.asNumber());
    const annots = resolve(page.get(PDFName.of('Annots')));
    for (const annot of annots instanceof PDFArray ? annots.asArray() : []) {
      const a = resolve(annot);
      const annotKey = a instanceof PDFDict ? a.get(PDFName.of('StructParent')) : undefined;
      if (annotKey instanceof PDFNumber) keys.add(annotKey.asNumber());
    }
  }
  const entries = [...keys]
    .sort((a, b) => a - b)
    .flatMap((key) => {
      const value = doc.parentTree.get(key);
      return value ? [[key, value] as const] : [];
    });
  return entries;
}

/** What one form's file holds, besides the objects written anew. */
interface SheetParts {
  mine: PDFRef[];
  own: Set<number>;
  others: Set<number>;
  elements: PDFObject[];
  entries: (readonly [number, PDFObject])[];
  index: number;
}

/**
 * Adds to `keep` everything the form's pages, elements, parent-tree entries and information dictionary reach,
 * and whatever else the dictionaries written anew (and the catalog) hold besides the entries rewritten; a page of
 * another form reached is a split declined.
 */
function reachedObjects(doc: PrintedDocument, parts: SheetParts, keep: Set<number>): void {
  const { pdf, resolve } = doc;
  const { mine, own, others, elements, entries, index } = parts;
  const info = pdf.trailer.get(PDFName.of('Info'));
  const stack: PDFObject[] = [...mine, ...elements, ...entries.map(([, value]) => value), ...(info ? [info] : [])];
  const besides = (dict: PDFDict, rewritten: string[]): void => {
    for (const [key, value] of dict.entries()) if (!rewritten.includes(key.decodeText())) stack.push(value);
  };
  besides(doc.catalog, ['Pages', 'StructTreeRoot']);
  besides(doc.pagesRoot, ['Kids', 'Count', 'Parent']);
  besides(doc.structRoot, ['K', 'ParentTree', 'IDTree']);
  besides(doc.document, ['K', 'P']);
  for (const ref of mine) for (const [, value] of doc.inherited.get(ref.objectNumber) ?? []) stack.push(value);
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof PDFRef) {
      const n = item.objectNumber;
      if (keep.has(n)) continue;
      if (others.has(n)) throw new SplitDeclined(`form ${index + 1} reaches a page of another form`);
      keep.add(n);
      // a page is written anew under the root: its /Parent (an intermediate node of all pages) is not followed;
      // anything else is only walked through, by the references its bytes hold (no parse)
      const page = own.has(n) ? resolve(item) : undefined;
      if (page instanceof PDFDict) besides(page, ['Parent']);
      else if (page !== undefined) stack.push(page);
      else if (item.objectNumber < pdf.objectCount) stack.push(...pdf.referencesOf(item));
    } else if (item instanceof PDFDict) {
      for (const [, value] of item.entries()) stack.push(value);
    } else if (item instanceof PDFArray) {
      for (const value of item.asArray()) stack.push(value);
    } else if (item instanceof PDFRawStream) {
      stack.push(item.dict);
    }
  }
}

/** The page, pages, document element and tree objects written anew for one form (its pages under one root). */
function rewrittenTrees(
  doc: PrintedDocument,
  mine: PDFRef[],
  elements: PDFObject[],
  entries: (readonly [number, PDFObject])[],
  keep: Set<number>,
): Map<number, PDFObject> {
  const { pdf, resolve } = doc;
  const replaced = new Map<number, PDFObject>();
  for (const ref of mine) {
    const page = (resolve(ref) as PDFDict).clone(pdf.context);
    page.set(PDFName.of('Parent'), doc.pagesRef);
    for (const [key, value] of doc.inherited.get(ref.objectNumber) ?? []) page.set(PDFName.of(key), value);
    replaced.set(ref.objectNumber, page);
  }
  const pages = doc.pagesRoot.clone(pdf.context);
  pages.set(PDFName.of('Kids'), pdf.context.obj(mine));
  pages.set(PDFName.of('Count'), PDFNumber.of(mine.length));
  replaced.set(doc.pagesRef.objectNumber, pages);
  const document = doc.document.clone(pdf.context);
  document.set(PDFName.of('K'), pdf.context.obj(elements));
  replaced.set(doc.documentRef.objectNumber, document);
  replaced.set(
    doc.parentTreeRef.objectNumber,
    pdf.context.obj({ Nums: pdf.context.obj(entries.flatMap(([key, value]) => [PDFNumber.of(key), value])) }),
  );
  const struct = doc.structRoot.clone(pdf.context);
  struct.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of((entries.at(-1)?.[0] ?? -1) + 1));
  replaced.set(doc.structRef.objectNumber, struct);
  if (doc.idTreeRef) {
    // the IDs of this form's elements (its table headers name their cells by them)
    const names = doc.ids
      .filter(([, target]) => target instanceof PDFRef && keep.has(target.objectNumber))
      .flatMap(([id, target]) => [id, target]);
    replaced.set(doc.idTreeRef.objectNumber, pdf.context.obj({ Names: pdf.context.obj(names) }));
  }
  return replaced;
}
