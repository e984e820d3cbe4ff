import { PDFArray, PDFDict, PDFName, PDFRef, type PDFObject } from '@cantoo/pdf-lib';
import type { SplicedPdf } from './pdfSplice';
import { nameTree, numberTree, type Resolve } from './structureTrees';

/** The printed document is not laid out as expected (page totals, sign-off boxes or structure tree do not follow the sheets): print the forms one by one. */
export class SplitDeclined extends Error {}

/** What the split reads of the printed document: its page leaves and the trees it rewrites for each form. */
export interface PrintedDocument {
  pdf: SplicedPdf;
  resolve: Resolve;
  catalog: PDFDict;
  rootRef: PDFObject | undefined;
  pagesRef: PDFRef;
  pagesRoot: PDFDict;
  /** The page leaves in order, and what each inherits from the nodes above it. */
  pages: PDFRef[];
  inherited: Map<number, [string, PDFObject][]>;
  structRef: PDFRef;
  structRoot: PDFDict;
  documentRef: PDFRef;
  document: PDFDict;
  kids: PDFObject[];
  parentTreeRef: PDFRef;
  parentTree: Map<number, PDFObject>;
  idTreeRef: PDFRef | undefined;
  ids: [PDFObject, PDFObject][];
}

const INHERITABLE = ['Resources', 'MediaBox', 'CropBox', 'Rotate'];

export function readDocument(pdf: SplicedPdf): PrintedDocument {
  const resolve: Resolve = (o) => pdf.resolve(o);
  const dictAt = (o: PDFObject | undefined, what: string): PDFDict => {
    const d = resolve(o);
    if (!(d instanceof PDFDict)) throw new SplitDeclined(`no ${what}`);
    return d;
  };
  const rootRef = pdf.trailer.get(PDFName.of('Root'));
  const catalog = dictAt(rootRef, 'catalog');
  const pagesRef = catalog.get(PDFName.of('Pages'));
  const pagesRoot = dictAt(pagesRef, 'page tree');
  const { pages, inherited } = pageLeaves(pagesRef, resolve);
  if (!(pagesRef instanceof PDFRef)) throw new SplitDeclined('no pages');

  const structRef = catalog.get(PDFName.of('StructTreeRoot'));
  const structRoot = dictAt(structRef, 'structure tree');
  const documentRef = structRoot.get(PDFName.of('K'));
  const document = dictAt(documentRef, 'Document element');
  const kids = resolve(document.get(PDFName.of('K')));
  if (!(structRef instanceof PDFRef) || !(documentRef instanceof PDFRef) || !(kids instanceof PDFArray))
    throw new SplitDeclined('no Document element');
  const parentTreeRef = structRoot.get(PDFName.of('ParentTree'));
  const idTreeRef = structRoot.get(PDFName.of('IDTree'));
  if (!(parentTreeRef instanceof PDFRef) || (idTreeRef !== undefined && !(idTreeRef instanceof PDFRef)))
    throw new SplitDeclined('structure trees not indirect');
  return {
    pdf,
    resolve,
    catalog,
    rootRef,
    pagesRef,
    pagesRoot,
    pages,
    inherited,
    structRef,
    structRoot,
    documentRef,
    document,
    kids: kids.asArray(),
    parentTreeRef,
    parentTree: numberTree(resolve(parentTreeRef), resolve),
    idTreeRef,
    ids: nameTree(resolve(idTreeRef), resolve),
  };
}

/** The page leaves in order, and what each inherits from the nodes above it (Chromium groups them under intermediate nodes). */
function pageLeaves(
  pagesRef: PDFObject | undefined,
  resolve: Resolve,
): { pages: PDFRef[]; inherited: Map<number, [string, PDFObject][]> } {
  const pages: PDFRef[] = [];
  const inherited = new Map<number, [string, PDFObject][]>();
  const walkTree = (ref: PDFObject | undefined, from: [string, PDFObject][], depth: number): void => {
    const node = resolve(ref);
    if (!(ref instanceof PDFRef) || !(node instanceof PDFDict) || depth > 32)
      throw new SplitDeclined('a page tree node that is not a dictionary');
    const notOwn = from.filter(([k]) => !node.has(PDFName.of(k)));
    if (String(node.get(PDFName.of('Type'))) === '/Page') {
      pages.push(ref);
      inherited.set(ref.objectNumber, notOwn);
      return;
    }
    const here: [string, PDFObject][] = [
      ...notOwn,
      ...INHERITABLE.flatMap((k) => {
        const value = node.get(PDFName.of(k));
        return value ? [[k, value] as [string, PDFObject]] : [];
      }),
    ];
    const kids = resolve(node.get(PDFName.of('Kids')));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : []) walkTree(kid, here, depth + 1);
  };
  walkTree(pagesRef, [], 0);
  if (pages.length === 0) throw new SplitDeclined('no pages');
  return { pages, inherited };
}
