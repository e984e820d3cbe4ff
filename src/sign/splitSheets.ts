import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from '@cantoo/pdf-lib';
import { SIGNATURE_BOX_LINK } from './finalize';
import { SplicedPdf, SpliceDeclined } from './pdfSplice';

/** One form of a printed document of several: how many pages its footer says it has, and how many signature boxes it draws. */
export interface Sheet {
  pages: number;
  signatureBoxes: number;
}

/** The printed document is not laid out as expected (page totals, sign-off boxes or structure tree do not follow the sheets): print the forms one by one. */
export class SplitDeclined extends Error {}

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
  const resolve = (o: PDFObject | undefined): PDFObject | undefined => pdf.resolve(o);
  const dictAt = (o: PDFObject | undefined, what: string): PDFDict => {
    const d = resolve(o);
    if (!(d instanceof PDFDict)) throw new SplitDeclined(`no ${what}`);
    return d;
  };
  const rootRef = pdf.trailer.get(PDFName.of('Root'));
  const catalog = dictAt(rootRef, 'catalog');
  const pagesRef = catalog.get(PDFName.of('Pages'));
  const pagesRoot = dictAt(pagesRef, 'page tree');
  // the page leaves in order (Chromium groups them under intermediate nodes), with what they inherit
  const pageRefs: PDFRef[] = [];
  const inherited = new Map<number, [string, PDFObject][]>();
  const INHERITABLE = ['Resources', 'MediaBox', 'CropBox', 'Rotate'];
  const walkTree = (ref: PDFObject | undefined, from: [string, PDFObject][], depth: number): void => {
    const node = resolve(ref);
    if (!(ref instanceof PDFRef) || !(node instanceof PDFDict) || depth > 32) throw new SplitDeclined('a page tree node that is not a dictionary');
    const here: [string, PDFObject][] = [...from.filter(([k]) => !node.has(PDFName.of(k))), ...INHERITABLE.flatMap((k) => (node.has(PDFName.of(k)) ? [[k, node.get(PDFName.of(k))!] as [string, PDFObject]] : []))];
    if (String(node.get(PDFName.of('Type'))) === '/Page') {
      pageRefs.push(ref);
      inherited.set(ref.objectNumber, from.filter(([k]) => !node.has(PDFName.of(k))));
      return;
    }
    const kids = resolve(node.get(PDFName.of('Kids')));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : []) walkTree(kid, here, depth + 1);
  };
  walkTree(pagesRef, [], 0);
  if (!(pagesRef instanceof PDFRef) || pageRefs.length === 0) throw new SplitDeclined('no pages');

  // each form's pages as its footer numbers them; the page count and the sign-off boxes must bear them out
  let first = 0;
  const sheets = laidOut.map((sheet) => {
    const range = { first, last: first + sheet.pages - 1 };
    first += sheet.pages;
    return range;
  });
  if (laidOut.length === 0 || laidOut.some((s) => !(Number.isInteger(s.pages) && s.pages > 0)) || first !== pageRefs.length) {
    throw new SplitDeclined(`the forms' page totals (${laidOut.map((s) => s.pages).join('+')}) are not the ${pageRefs.length} pages printed`);
  }
  // a form's sign-off block ends it: its boxes are on its pages and the last of them on its last page
  const boxesOn = pageRefs.map((ref) => signatureBoxLinks(dictAt(ref, 'page'), resolve));
  laidOut.forEach((sheet, i) => {
    const { first: from, last } = sheets[i]!;
    const count = boxesOn.slice(from, last + 1).reduce((n, b) => n + b, 0);
    if (count !== sheet.signatureBoxes || (sheet.signatureBoxes > 0 && boxesOn[last] === 0)) {
      throw new SplitDeclined(`form ${i + 1}: ${count} signature boxes on its pages ${from + 1}–${last + 1}, ${sheet.signatureBoxes} drawn`);
    }
  });

  const structRef = catalog.get(PDFName.of('StructTreeRoot'));
  const structRoot = dictAt(structRef, 'structure tree');
  const documentRef = structRoot.get(PDFName.of('K'));
  const document = dictAt(documentRef, 'Document element');
  const kids = resolve(document.get(PDFName.of('K')));
  if (!(structRef instanceof PDFRef) || !(documentRef instanceof PDFRef) || !(kids instanceof PDFArray)) throw new SplitDeclined('no Document element');
  const parentTreeRef = structRoot.get(PDFName.of('ParentTree'));
  const idTreeRef = structRoot.get(PDFName.of('IDTree'));
  if (!(parentTreeRef instanceof PDFRef) || (idTreeRef !== undefined && !(idTreeRef instanceof PDFRef))) throw new SplitDeclined('structure trees not indirect');
  const parentTree = numberTree(resolve(parentTreeRef), resolve);
  const ids = nameTree(resolve(idTreeRef), resolve);

  // each element under the Document goes to the form on whose pages it starts, in order
  const pageIndex = new Map(pageRefs.map((ref, p) => [ref.objectNumber, p] as const));
  const sheetOf = (ref: PDFRef | undefined): number => {
    const p = ref === undefined ? undefined : pageIndex.get(ref.objectNumber);
    return p === undefined ? -1 : sheets.findIndex((s) => p >= s.first && p <= s.last);
  };
  const kidsOf: PDFObject[][] = sheets.map(() => []);
  let previous = 0;
  for (const kid of kids.asArray()) {
    const sheet = sheetOf(firstPage(kid, resolve));
    if (sheet < previous) throw new SplitDeclined("a structure element outside its form's pages");
    kidsOf[sheet]?.push(kid);
    previous = sheet;
  }

  // objects written anew for each form; the walk stops at them (a page's /Parent, an element's /P)
  const rewritten = new Set([pagesRef.objectNumber, structRef.objectNumber, documentRef.objectNumber, parentTreeRef.objectNumber, ...(idTreeRef ? [idTreeRef.objectNumber] : [])]);
  const info = pdf.trailer.get(PDFName.of('Info'));

  return sheets.map((sheet, i) => {
    const mine = pageRefs.slice(sheet.first, sheet.last + 1);
    const own = new Set(mine.map((r) => r.objectNumber));
    const keep = new Set<number>([...rewritten]);
    if (rootRef instanceof PDFRef) keep.add(rootRef.objectNumber);
    const keys = new Set<number>();
    for (const ref of mine) {
      const page = dictAt(ref, 'page');
      const key = page.get(PDFName.of('StructParents'));
      if (key instanceof PDFNumber) keys.add(key.asNumber());
      const annots = resolve(page.get(PDFName.of('Annots')));
      for (const annot of annots instanceof PDFArray ? annots.asArray() : []) {
        const a = resolve(annot);
        const annotKey = a instanceof PDFDict ? a.get(PDFName.of('StructParent')) : undefined;
        if (annotKey instanceof PDFNumber) keys.add(annotKey.asNumber());
      }
    }
    const entries = [...keys].sort((a, b) => a - b).flatMap((key) => (parentTree.has(key) ? [[key, parentTree.get(key)!] as const] : []));
    // everything this form's pages, elements, parent-tree entries and information dictionary reach
    const stack: PDFObject[] = [...mine, ...(kidsOf[i] ?? []), ...entries.map(([, value]) => value), ...(info ? [info] : [])];
    // and whatever else the dictionaries written anew (and the catalog) hold besides the entries rewritten here
    const besides = (dict: PDFDict, rewrittenKeys: string[]): void => {
      for (const [key, value] of dict.entries()) if (!rewrittenKeys.includes(key.decodeText())) stack.push(value);
    };
    besides(catalog, ['Pages', 'StructTreeRoot']);
    besides(pagesRoot, ['Kids', 'Count', 'Parent']);
    for (const ref of mine) for (const [, value] of inherited.get(ref.objectNumber) ?? []) stack.push(value);
    besides(structRoot, ['K', 'ParentTree', 'IDTree']);
    besides(document, ['K', 'P']);
    while (stack.length > 0) {
      const item = stack.pop();
      if (item instanceof PDFRef) {
        const n = item.objectNumber;
        if (keep.has(n)) continue;
        if (pageIndex.has(n) && !own.has(n)) throw new SplitDeclined(`form ${i + 1} reaches a page of another form`);
        keep.add(n);
        const object = resolve(item);
        // a page is written anew under the root: its /Parent (an intermediate node of all pages) is not followed
        if (own.has(n) && object instanceof PDFDict) besides(object, ['Parent']);
        else if (object !== undefined) stack.push(object);
      } else if (item instanceof PDFDict) {
        for (const [, value] of item.entries()) stack.push(value);
      } else if (item instanceof PDFArray) {
        for (const value of item.asArray()) stack.push(value);
      } else if (item instanceof PDFRawStream) {
        stack.push(item.dict);
      }
    }

    const replaced = new Map<number, PDFObject>();
    for (const ref of mine) {
      const page = dictAt(ref, 'page').clone(pdf.context);
      page.set(PDFName.of('Parent'), pagesRef);
      for (const [key, value] of inherited.get(ref.objectNumber) ?? []) page.set(PDFName.of(key), value);
      replaced.set(ref.objectNumber, page);
    }
    const pagesNow = pagesRoot.clone(pdf.context);
    pagesNow.set(PDFName.of('Kids'), pdf.context.obj(mine));
    pagesNow.set(PDFName.of('Count'), PDFNumber.of(mine.length));
    replaced.set(pagesRef.objectNumber, pagesNow);
    const documentNow = document.clone(pdf.context);
    documentNow.set(PDFName.of('K'), pdf.context.obj(kidsOf[i] ?? []));
    replaced.set(documentRef.objectNumber, documentNow);
    replaced.set(parentTreeRef.objectNumber, pdf.context.obj({ Nums: pdf.context.obj(entries.flatMap(([key, value]) => [PDFNumber.of(key), value])) }));
    const structNow = structRoot.clone(pdf.context);
    structNow.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(entries.length > 0 ? entries[entries.length - 1]![0] + 1 : 0));
    if (idTreeRef) {
      // the IDs of this form's elements (its table headers name their cells by them)
      const names = ids.filter(([, target]) => target instanceof PDFRef && keep.has(target.objectNumber)).flatMap(([id, target]) => [id, target]);
      replaced.set(idTreeRef.objectNumber, pdf.context.obj({ Names: pdf.context.obj(names) }));
    }
    replaced.set(structRef.objectNumber, structNow);
    return pdf.subset(keep, replaced);
  });
}

/** How many of a page's links are signature boxes (the sign-off block's marks). */
function signatureBoxLinks(page: PDFDict, resolve: (o: PDFObject | undefined) => PDFObject | undefined): number {
  const annots = resolve(page.get(PDFName.of('Annots')));
  let count = 0;
  for (const annot of annots instanceof PDFArray ? annots.asArray() : []) {
    const a = resolve(annot);
    const action = a instanceof PDFDict ? resolve(a.get(PDFName.of('A'))) : undefined;
    const uri = action instanceof PDFDict ? resolve(action.get(PDFName.of('URI'))) : undefined;
    if ((uri instanceof PDFString || uri instanceof PDFHexString) && uri.decodeText().includes(SIGNATURE_BOX_LINK)) count++;
  }
  return count;
}

/** The page an element's content starts on: its own /Pg, or the first found in its marked content and children. */
function firstPage(element: PDFObject | undefined, resolve: (o: PDFObject | undefined) => PDFObject | undefined, depth = 0): PDFRef | undefined {
  const e = resolve(element);
  if (depth > 64) return undefined;
  if (e instanceof PDFArray) {
    for (const item of e.asArray()) {
      const found = firstPage(item, resolve, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!(e instanceof PDFDict)) return undefined;
  const own = e.get(PDFName.of('Pg'));
  if (own instanceof PDFRef) return own;
  return firstPage(e.get(PDFName.of('K')), resolve, depth + 1);
}

/** A number tree's entries (the parent tree), from its leaves. */
function numberTree(node: PDFObject | undefined, resolve: (o: PDFObject | undefined) => PDFObject | undefined, into = new Map<number, PDFObject>()): Map<number, PDFObject> {
  if (!(node instanceof PDFDict)) return into;
  const nums = resolve(node.get(PDFName.of('Nums')));
  if (nums instanceof PDFArray) {
    for (let j = 0; j + 1 < nums.size(); j += 2) {
      const key = nums.get(j);
      if (key instanceof PDFNumber) into.set(key.asNumber(), nums.get(j + 1));
    }
  }
  const kids = resolve(node.get(PDFName.of('Kids')));
  for (const kid of kids instanceof PDFArray ? kids.asArray() : []) numberTree(resolve(kid), resolve, into);
  return into;
}

/** A name tree's entries (the ID tree), in order, from its leaves. */
function nameTree(node: PDFObject | undefined, resolve: (o: PDFObject | undefined) => PDFObject | undefined, into: [PDFObject, PDFObject][] = []): [PDFObject, PDFObject][] {
  if (!(node instanceof PDFDict)) return into;
  const names = resolve(node.get(PDFName.of('Names')));
  if (names instanceof PDFArray) for (let j = 0; j + 1 < names.size(); j += 2) into.push([names.get(j), names.get(j + 1)]);
  const kids = resolve(node.get(PDFName.of('Kids')));
  for (const kid of kids instanceof PDFArray ? kids.asArray() : []) nameTree(resolve(kid), resolve, into);
  return into;
}
