import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, degrees, rgb, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';
import { SpliceDeclined, SplicedPdf } from './pdfSplice';
import { AppearanceFonts } from './appearanceFont';
import { EMBEDDED_NAME, type EmbeddedData, type SignatureBox } from './embeddedData';

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  language: string;
  /** A draft (待补充): every page gets a diagonal 草稿, drawn into the page so no viewer or printer drops it. */
  draft?: boolean;
}

/** The URL prefix of the links the renderer puts over each signature box. */
export const SIGNATURE_BOX_LINK = '/sigbox/';

/** How finalizePdf read and wrote the printed PDF: the quick splice, or a full parse and save. */
export type FinalizePath = 'splice' | 'full';

/** The parts of a PDF finalizing edits, whichever way it was read. */
interface EditedPdf {
  context: PDFContext;
  catalog: PDFDict;
  info: PDFDict;
  /** The object a reference names (read on demand by the splice); anything else as it is. */
  resolve(object: PDFObject | undefined): PDFObject | undefined;
}

/**
 * Takes Chromium's PDF and makes it a jixiao form: document information and language, the signature boxes
 * read off the links the renderer laid over them (then removed), and the embedded data as an attachment.
 * The result is one revision: it is made before any signature exists. A final form is spliced (only the
 * objects it changes are read and rewritten); a draft, whose watermark is drawn into every page, and any
 * PDF the splice does not handle, are read and saved in full.
 */
export async function finalizePdf(
  printed: Uint8Array,
  info: DocumentInfo,
  embed: (boxes: SignatureBox[]) => EmbeddedData,
  only?: FinalizePath,
): Promise<{ pdf: Uint8Array; boxes: SignatureBox[]; path: FinalizePath }> {
  if (!info.draft && only !== 'full') {
    try {
      const spliced = SplicedPdf.open(printed);
      const boxes = finish(splicedEdit(spliced), info, embed);
      return { pdf: spliced.save(), boxes, path: 'splice' };
    } catch (error) {
      if (!(error instanceof SpliceDeclined) || only === 'splice') throw error;
    }
  }
  const doc = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: Infinity });
  const resolve = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  const trailer = doc.context.trailerInfo;
  const edited: EditedPdf = { context: doc.context, catalog: doc.catalog, info: infoDict(doc.context, resolve(trailer.Info), (ref) => (trailer.Info = ref)), resolve };
  const boxes = finish(edited, info, embed);
  if (info.draft) await markDraft(doc);
  const pdf = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return { pdf, boxes, path: 'full' };
}

function splicedEdit(spliced: SplicedPdf): EditedPdf {
  const resolve = (o: PDFObject | undefined): PDFObject | undefined => spliced.resolve(o);
  const catalog = resolve(spliced.trailer.get(PDFName.of('Root')));
  if (!(catalog instanceof PDFDict)) throw new SpliceDeclined('no catalog');
  const info = infoDict(spliced.context, resolve(spliced.trailer.get(PDFName.of('Info'))), (ref) => spliced.trailer.set(PDFName.of('Info'), ref));
  return { context: spliced.context, catalog, info, resolve };
}

/** The document information dictionary, made (and named in the trailer) when the PDF has none. */
function infoDict(context: PDFContext, found: PDFObject | undefined, name: (ref: PDFRef) => void): PDFDict {
  if (found instanceof PDFDict) return found;
  const made = context.obj({});
  name(context.register(made));
  return made;
}

/** The edits themselves, the same on either path. */
function finish(pdf: EditedPdf, info: DocumentInfo, embed: (boxes: SignatureBox[]) => EmbeddedData): SignatureBox[] {
  const text = (value: string): PDFHexString => PDFHexString.fromText(value);
  pdf.info.set(PDFName.of('Title'), text(info.title));
  pdf.info.set(PDFName.of('Author'), text(info.author));
  pdf.info.set(PDFName.of('Subject'), text(info.subject));
  pdf.info.set(PDFName.of('Keywords'), text(info.keywords.join(' ')));
  pdf.info.set(PDFName.of('Creator'), text(info.creator));
  pdf.info.set(PDFName.of('Producer'), text(`${info.creator} (Chromium Skia/PDF)`));
  pdf.catalog.set(PDFName.of('Lang'), PDFString.of(info.language));
  // viewers show the title, not the file name
  const preferences = pdf.resolve(pdf.catalog.get(PDFName.of('ViewerPreferences')));
  if (preferences instanceof PDFDict) preferences.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  else pdf.catalog.set(PDFName.of('ViewerPreferences'), pdf.context.obj({ DisplayDocTitle: true }));

  const boxes = takeSignatureBoxes(pdf);
  const data = embed(boxes);
  attachData(pdf, Buffer.from(JSON.stringify(data, null, 2), 'utf8'), new Date(data.createdAt));
  return boxes;
}

/** The embedded data as an associated file (PDF/A-3 style: in the EmbeddedFiles name tree and the catalog's /AF). */
function attachData(pdf: EditedPdf, json: Uint8Array, createdAt: Date): void {
  const { context, catalog } = pdf;
  const stream = context.flateStream(json, {
    Type: 'EmbeddedFile',
    Subtype: 'application/json',
    Params: { Size: json.length, CreationDate: PDFString.fromDate(createdAt), ModDate: PDFString.fromDate(createdAt) },
  });
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of(EMBEDDED_NAME),
      UF: PDFHexString.fromText(EMBEDDED_NAME),
      EF: { F: context.register(stream) },
      Desc: PDFHexString.fromText('jixiao 绩效自评表的输入、评分结果与哈希（可用 jixiao verify 复核）'),
      AFRelationship: 'Data',
    }),
  );
  const names = dictAt(pdf, catalog, 'Names');
  const files = dictAt(pdf, names, 'EmbeddedFiles');
  const list = arrayAt(pdf, files, 'Names');
  list.push(PDFHexString.fromText(EMBEDDED_NAME));
  list.push(spec);
  arrayAt(pdf, catalog, 'AF').push(spec);
}

function dictAt(pdf: EditedPdf, parent: PDFDict, key: string): PDFDict {
  const found = pdf.resolve(parent.get(PDFName.of(key)));
  if (found instanceof PDFDict) return found;
  const made = pdf.context.obj({});
  parent.set(PDFName.of(key), made);
  return made;
}

function arrayAt(pdf: EditedPdf, parent: PDFDict, key: string): PDFArray {
  const found = pdf.resolve(parent.get(PDFName.of(key)));
  if (found instanceof PDFArray) return found;
  const made = pdf.context.obj([]);
  parent.set(PDFName.of(key), made);
  return made;
}

/**
 * 草稿 across the middle of every page, faint red at 30°. Drawn after printing rather than by the page's CSS:
 * Chromium repeats a fixed element on every printed page only sometimes, and a draft must say so on each.
 */
async function markDraft(doc: PDFDocument): Promise<void> {
  const fonts = new AppearanceFonts(doc);
  const runs = await fonts.runs('草稿');
  const size = 140;
  const angle = (30 * Math.PI) / 180;
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const length = runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
    let x = width / 2 - (Math.cos(angle) * length) / 2;
    let y = height / 2 - (Math.sin(angle) * length) / 2 - size / 3;
    for (const run of runs) {
      page.drawText(run.text, { x, y, size, font: run.font, rotate: degrees(30), color: rgb(0.8, 0, 0), opacity: 0.14 });
      const w = run.font.widthOfTextAtSize(run.text, size);
      x += Math.cos(angle) * w;
      y += Math.sin(angle) * w;
    }
  }
}

function uriOf(pdf: EditedPdf, annotation: PDFDict): string | null {
  const action = pdf.resolve(annotation.get(PDFName.of('A')));
  if (!(action instanceof PDFDict)) return null;
  const uri = pdf.resolve(action.get(PDFName.of('URI')));
  if (uri instanceof PDFString || uri instanceof PDFHexString) return uri.decodeText();
  return null;
}

/** The page dictionaries in order, walking the page tree. */
function pagesOf(pdf: EditedPdf): PDFDict[] {
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

/** Reads and removes the renderer's signature-box links: where each role signs, in PDF coordinates. */
function takeSignatureBoxes(pdf: EditedPdf): SignatureBox[] {
  const boxes: SignatureBox[] = [];
  pagesOf(pdf).forEach((page, pageIndex) => {
    const annots = pdf.resolve(page.get(PDFName.of('Annots')));
    if (!(annots instanceof PDFArray)) return;
    const keep = pdf.context.obj([]);
    for (const ref of annots.asArray()) {
      const annotation = pdf.resolve(ref);
      const uri = annotation instanceof PDFDict ? uriOf(pdf, annotation) : null;
      const at = uri?.indexOf(SIGNATURE_BOX_LINK) ?? -1;
      const rect = annotation instanceof PDFDict ? pdf.resolve(annotation.get(PDFName.of('Rect'))) : undefined;
      if (uri && at >= 0 && rect instanceof PDFArray) {
        const { x, y, width, height } = rect.asRectangle();
        boxes.push({
          role: uri.slice(at + SIGNATURE_BOX_LINK.length),
          page: pageIndex,
          rect: [x, y, x + width, y + height].map((n) => Math.round(n * 100) / 100) as SignatureBox['rect'],
        });
      } else {
        keep.push(ref);
      }
    }
    if (keep.size() === 0) page.delete(PDFName.of('Annots'));
    else page.set(PDFName.of('Annots'), keep);
  });
  return boxes;
}
