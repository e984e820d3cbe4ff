import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFObject } from '@cantoo/pdf-lib';

// Walking a tagged PDF's structure: which page an element starts on, and the number and name trees it is indexed by.

/** Looks an object up when it is a reference (the document's own resolver). */
export type Resolve = (o: PDFObject | undefined) => PDFObject | undefined;

/** The page an element's content starts on: its own /Pg, or the first found in its marked content and children. */
export function firstPage(element: PDFObject | undefined, resolve: Resolve, depth = 0): PDFRef | undefined {
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
export function numberTree(
  node: PDFObject | undefined,
  resolve: Resolve,
  into = new Map<number, PDFObject>(),
): Map<number, PDFObject> {
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
export function nameTree(
  node: PDFObject | undefined,
  resolve: Resolve,
  into: [PDFObject, PDFObject][] = [],
): [PDFObject, PDFObject][] {
  if (!(node instanceof PDFDict)) return into;
  const names = resolve(node.get(PDFName.of('Names')));
  if (names instanceof PDFArray)
    for (let j = 0; j + 1 < names.size(); j += 2) into.push([names.get(j), names.get(j + 1)]);
  const kids = resolve(node.get(PDFName.of('Kids')));
  for (const kid of kids instanceof PDFArray ? kids.asArray() : []) nameTree(resolve(kid), resolve, into);
  return into;
}
