import { deflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFString,
  PDFHexString,
  type PDFContext,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { markDraft } from './draftMark';
import { arrayAt, dictAt, pagesOf, type EditedPdf } from './editedPdf';
import { SpliceDeclined, SplicedPdf } from './pdfSplice';
import { SIGNATURE } from '../domain/formWording';
import { EMBEDDED_NAME, type EmbeddedData, type ReviewReportData, type SignatureBox } from './embeddedData';

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

/**
 * Takes Chromium's PDF and makes it a jixiao form: document information and language, the signature boxes
 * read off the links the renderer laid over them (then removed), and the embedded data as an attachment.
 * The result is one revision: it is made before any signature exists. It is spliced (only the objects it
 * changes are read and rewritten); a PDF the splice does not handle is read and saved in full. `only` takes
 * one path and no other (the tests finish the same PDF both ways and compare).
 */
export async function finalizePdf(
  printed: Uint8Array,
  info: DocumentInfo,
  embed: (boxes: SignatureBox[]) => EmbeddedData | ReviewReportData,
  only?: FinalizePath,
): Promise<{ pdf: Uint8Array; boxes: SignatureBox[]; path: FinalizePath }> {
  if (only !== 'full') {
    try {
      const spliced = SplicedPdf.open(printed);
      const boxes = await finish(splicedEdit(spliced), info, embed);
      return { pdf: spliced.save(), boxes, path: 'splice' };
    } catch (error) {
      if (!(error instanceof SpliceDeclined) || only === 'splice') throw error;
    }
  }
  const doc = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: Infinity });
  const resolve = (o: PDFObject | undefined): PDFObject | undefined =>
    o instanceof PDFRef ? doc.context.lookup(o) : o;
  const trailer = doc.context.trailerInfo;
  const edited: EditedPdf = {
    context: doc.context,
    catalog: doc.catalog,
    info: infoDict(doc.context, resolve(trailer.Info), (ref) => (trailer.Info = ref)),
    resolve,
  };
  const boxes = await finish(edited, info, embed);
  const pdf = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return { pdf, boxes, path: 'full' };
}

function splicedEdit(spliced: SplicedPdf): EditedPdf {
  // the method itself, bound: an arrow made for each form was a new function V8 optimized again for every form
  const resolve = spliced.resolve.bind(spliced);
  const catalog = resolve(spliced.trailer.get(PDFName.of('Root')));
  if (!(catalog instanceof PDFDict)) throw new SpliceDeclined('no catalog');
  const info = infoDict(spliced.context, resolve(spliced.trailer.get(PDFName.of('Info'))), (ref) =>
    spliced.trailer.set(PDFName.of('Info'), ref),
  );
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
async function finish(
  pdf: EditedPdf,
  info: DocumentInfo,
  embed: (boxes: SignatureBox[]) => EmbeddedData | ReviewReportData,
): Promise<SignatureBox[]> {
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
  if (info.draft) await markDraft(pdf);
  const data = embed(boxes);
  attachData(pdf, Buffer.from(JSON.stringify(data, null, 2), 'utf8'), new Date(data.createdAt));
  return boxes;
}

/** The embedded data as an associated file (PDF/A-3 style: in the EmbeddedFiles name tree and the catalog's /AF). */
function attachData(pdf: EditedPdf, json: Uint8Array, createdAt: Date): void {
  const { context, catalog } = pdf;
  // node's zlib, not pdf-lib's JavaScript deflate: the data is the largest thing a form's finishing compresses
  const stream = context.stream(deflateSync(json), {
    Filter: 'FlateDecode',
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
      Desc: PDFHexString.fromText(SIGNATURE.attachment),
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

/** A link annotation's URI, or null: how the renderer's signature-box marks are found (here, and where printed documents are split). */
export function linkUri(
  annotation: PDFDict,
  resolve: (o: PDFObject | undefined) => PDFObject | undefined,
): string | null {
  const action = resolve(annotation.get(PDFName.of('A')));
  if (!(action instanceof PDFDict)) return null;
  const uri = resolve(action.get(PDFName.of('URI')));
  if (uri instanceof PDFString || uri instanceof PDFHexString) return uri.decodeText();
  return null;
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
      const uri = annotation instanceof PDFDict ? linkUri(annotation, pdf.resolve) : null;
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
