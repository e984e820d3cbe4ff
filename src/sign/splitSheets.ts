import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFObjectCopier, PDFPage, PDFRef, PDFString, type PDFObject } from '@cantoo/pdf-lib';
import { SIGNATURE_BOX_LINK } from './finalize';

/** One form of a printed document of several: how many pages its footer says it has, and how many signature boxes it draws. */
export interface Sheet {
  pages: number;
  signatureBoxes: number;
}

/** The printed document is not laid out as expected (its structure tree does not follow the sheets): print the forms one by one. */
export class SplitDeclined extends Error {}

/** The copier's map from source objects to their copies (kept private by pdf-lib; seeded here so pages and parents map once). */
type Traversed = Map<PDFObject, PDFObject>;

/**
 * Splits a document of several forms, printed together, into one PDF per form: its pages as printed (content,
 * fonts, links), and its own structure tree — Chromium tags the document as one Document element holding every
 * sheet's elements; each form gets a Document of the elements on its pages, with the parent tree and IDs of its
 * own pages: the shape a form printed alone has.
 */
export async function splitSheets(printed: Uint8Array, laidOut: Sheet[]): Promise<Uint8Array[]> {
  const src = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: Infinity });
  const lookup = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? src.context.lookup(o) : o);
  const pages = src.getPages();
  // each form's pages as its footer numbers them; the page count and the sign-off boxes must bear them out
  let first = 0;
  const sheets = laidOut.map((sheet) => {
    const range = { first, last: first + sheet.pages - 1 };
    first += sheet.pages;
    return range;
  });
  if (laidOut.length === 0 || laidOut.some((s) => !(Number.isInteger(s.pages) && s.pages > 0)) || first !== pages.length) {
    throw new SplitDeclined(`the forms' page totals (${laidOut.map((s) => s.pages).join('+')}) are not the ${pages.length} pages printed`);
  }
  // a form's sign-off block ends it: its boxes are on its pages and the last of them on its last page
  const boxesOn = pages.map((page) => signatureBoxLinks(page.node, lookup));
  laidOut.forEach((sheet, i) => {
    const { first: from, last } = sheets[i]!;
    const count = boxesOn.slice(from, last + 1).reduce((n, b) => n + b, 0);
    if (count !== sheet.signatureBoxes || (sheet.signatureBoxes > 0 && boxesOn[last] === 0)) {
      throw new SplitDeclined(`form ${i + 1}: ${count} signature boxes on its pages ${from + 1}–${last + 1}, ${sheet.signatureBoxes} drawn`);
    }
  });
  const root = lookup(src.catalog.get(PDFName.of('StructTreeRoot')));
  if (!(root instanceof PDFDict)) throw new SplitDeclined('no structure tree');
  const documentRef = root.get(PDFName.of('K'));
  const document = lookup(documentRef);
  const kids = document instanceof PDFDict ? lookup(document.get(PDFName.of('K'))) : undefined;
  if (!(document instanceof PDFDict) || !(documentRef instanceof PDFRef) || !(kids instanceof PDFArray)) throw new SplitDeclined('no Document element');
  // Chromium lays the sheets' elements side by side under one Document: each goes to the form on whose pages it starts
  const pageIndex = new Map(pages.map((page, p) => [page.ref, p] as const));
  const sheetOf = (p: number): number => sheets.findIndex((s) => p >= s.first && p <= s.last);
  const kidsOf: PDFObject[][] = sheets.map(() => []);
  let previous = 0;
  for (const kid of kids.asArray()) {
    const page = firstPage(kid, lookup);
    const sheet = page === undefined ? -1 : sheetOf(pageIndex.get(page) ?? -1);
    if (sheet < previous) throw new SplitDeclined('a structure element outside its form\'s pages');
    kidsOf[sheet]?.push(kid);
    previous = sheet;
  }
  const parentTree = numberTree(lookup(root.get(PDFName.of('ParentTree'))), lookup);
  const ids = nameTree(lookup(root.get(PDFName.of('IDTree'))), lookup);

  const out: Uint8Array[] = [];
  for (const [i, sheet] of sheets.entries()) {
    const dst = await PDFDocument.create({ updateMetadata: false });
    const copier = PDFObjectCopier.for(src.context, dst.context);
    const traversed = (copier as unknown as { traversedObjects: Traversed }).traversedObjects;
    const newRoot = dst.context.nextRef();
    const newDocument = dst.context.nextRef();
    // what lies outside this form is never copied: other pages, the shared root and Document (an up-link to them is cut)
    pages.forEach((page, p) => {
      if (p < sheet.first || p > sheet.last) traversed.set(page.ref, PDFNull);
    });
    traversed.set(root, PDFNull);
    // the Document's children are re-parented to this form's own Document
    traversed.set(documentRef, newDocument);

    const keys: number[] = [];
    for (let p = sheet.first; p <= sheet.last; p++) {
      const page = pages[p] as PDFPage;
      // the page's own reference is mapped before it is copied, so its links' /P and the tree's /Pg find the copy
      const ref = dst.context.nextRef();
      traversed.set(page.ref, ref);
      const copied = copier.copy(page.node);
      dst.context.assign(ref, copied);
      dst.addPage(PDFPage.of(copied, ref, dst));
      const key = page.node.get(PDFName.of('StructParents'));
      if (key instanceof PDFNumber) keys.push(key.asNumber());
      const annots = lookup(page.node.get(PDFName.of('Annots')));
      for (const annot of annots instanceof PDFArray ? annots.asArray() : []) {
        const own = lookup(annot);
        const annotKey = own instanceof PDFDict ? own.get(PDFName.of('StructParent')) : undefined;
        if (annotKey instanceof PDFNumber) keys.push(annotKey.asNumber());
      }
    }

    const element = dst.context.obj({ Type: 'StructElem', S: 'Document', P: newRoot, K: dst.context.obj(kidsOf[i]?.map((kid) => copier.copy(kid)) ?? []) });
    for (const [key, value] of document.entries()) if (!['K', 'P', 'S', 'Type'].includes(key.decodeText())) element.set(key, copier.copy(value));
    dst.context.assign(newDocument, element);

    const nums = dst.context.obj([]);
    for (const key of [...new Set(keys)].sort((a, b) => a - b)) {
      const value = parentTree.get(key);
      if (value === undefined) continue;
      nums.push(PDFNumber.of(key));
      nums.push(copier.copy(value));
    }
    const newTree = dst.context.obj({ Type: 'StructTreeRoot', K: newDocument, ParentTree: dst.context.register(dst.context.obj({ Nums: nums })), ParentTreeNextKey: keys.length > 0 ? Math.max(...keys) + 1 : 0 });
    // IDs of the elements this form holds (table headers name their cells by them)
    const names = dst.context.obj([]);
    for (const [id, target] of ids) {
      const copied = target instanceof PDFRef ? traversed.get(target) : undefined;
      if (copied instanceof PDFRef) {
        names.push(copier.copy(id));
        names.push(copied);
      }
    }
    if (names.size() > 0) newTree.set(PDFName.of('IDTree'), dst.context.register(dst.context.obj({ Names: names })));
    for (const key of ['RoleMap', 'ClassMap']) {
      const value = root.get(PDFName.of(key));
      if (value !== undefined) newTree.set(PDFName.of(key), copier.copy(value));
    }
    dst.context.assign(newRoot, newTree);
    dst.catalog.set(PDFName.of('StructTreeRoot'), newRoot);
    for (const key of ['MarkInfo', 'Lang', 'ViewerPreferences']) {
      const value = src.catalog.get(PDFName.of(key));
      if (value !== undefined) dst.catalog.set(PDFName.of(key), copier.copy(value));
    }
    out.push(await dst.save({ useObjectStreams: false, objectsPerTick: Infinity, updateFieldAppearances: false }));
  }
  return out;
}

/** How many of a page's links are signature boxes (the sign-off block's marks). */
function signatureBoxLinks(page: PDFDict, lookup: (o: PDFObject | undefined) => PDFObject | undefined): number {
  const annots = lookup(page.get(PDFName.of('Annots')));
  let count = 0;
  for (const annot of annots instanceof PDFArray ? annots.asArray() : []) {
    const action = lookup(lookup(annot) instanceof PDFDict ? (lookup(annot) as PDFDict).get(PDFName.of('A')) : undefined);
    const uri = action instanceof PDFDict ? lookup(action.get(PDFName.of('URI'))) : undefined;
    if ((uri instanceof PDFString || uri instanceof PDFHexString) && uri.decodeText().includes(SIGNATURE_BOX_LINK)) count++;
  }
  return count;
}

/** The page an element's content starts on: its own /Pg, or the first found in its marked content and children. */
function firstPage(element: PDFObject | undefined, lookup: (o: PDFObject | undefined) => PDFObject | undefined, depth = 0): PDFRef | undefined {
  const e = lookup(element);
  if (depth > 64) return undefined;
  if (e instanceof PDFArray) {
    for (const item of e.asArray()) {
      const found = firstPage(item, lookup, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!(e instanceof PDFDict)) return undefined;
  const own = e.get(PDFName.of('Pg'));
  if (own instanceof PDFRef) return own;
  return firstPage(e.get(PDFName.of('K')), lookup, depth + 1);
}

/** A number tree's entries (the parent tree), from its leaves. */
function numberTree(node: PDFObject | undefined, lookup: (o: PDFObject | undefined) => PDFObject | undefined, into = new Map<number, PDFObject>()): Map<number, PDFObject> {
  if (!(node instanceof PDFDict)) return into;
  const nums = lookup(node.get(PDFName.of('Nums')));
  if (nums instanceof PDFArray) {
    for (let j = 0; j + 1 < nums.size(); j += 2) {
      const key = nums.get(j);
      if (key instanceof PDFNumber) into.set(key.asNumber(), nums.get(j + 1));
    }
  }
  const kids = lookup(node.get(PDFName.of('Kids')));
  for (const kid of kids instanceof PDFArray ? kids.asArray() : []) numberTree(lookup(kid), lookup, into);
  return into;
}

/** A name tree's entries (the ID tree), in order, from its leaves. */
function nameTree(node: PDFObject | undefined, lookup: (o: PDFObject | undefined) => PDFObject | undefined, into: [PDFObject, PDFObject][] = []): [PDFObject, PDFObject][] {
  if (!(node instanceof PDFDict)) return into;
  const names = lookup(node.get(PDFName.of('Names')));
  if (names instanceof PDFArray) for (let j = 0; j + 1 < names.size(); j += 2) into.push([names.get(j), names.get(j + 1)]);
  const kids = lookup(node.get(PDFName.of('Kids')));
  for (const kid of kids instanceof PDFArray ? kids.asArray() : []) nameTree(lookup(kid), lookup, into);
  return into;
}

