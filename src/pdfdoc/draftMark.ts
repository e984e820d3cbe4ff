import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFNumber,
  PDFObjectCopier,
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rotateAndSkewTextDegreesAndTranslate,
  setFillingRgbColor,
  setFontAndSize,
  setGraphicsState,
  showText,
  type PDFOperator,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { AppearanceFonts } from './appearanceFont';
import { SIGNATURE } from '../domain/formWording';
import { dictAt, inherited, pagesOf, type EditedPdf } from './editedPdf';

const SIZE = 140;
const ANGLE = 30;
const NAME = 'JxDraft';

/**
 * 草稿 as a form XObject, centred on the origin: faint red, 30°, real text in the bundled font (a reader and
 * pdftotext see that the form is a draft). Made once per process and copied into each draft: embedding the
 * font subset anew for every draft was most of a draft's finishing time.
 */
let made: Promise<{ doc: PDFDocument; mark: PDFRef }> | undefined;

async function makeMark(): Promise<{ doc: PDFDocument; mark: PDFRef }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const runs = await new AppearanceFonts(doc).runs(SIGNATURE.draft);
  const angle = (ANGLE * Math.PI) / 180;
  const length = runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, SIZE), 0);
  let x = -(Math.cos(angle) * length) / 2;
  let y = -(Math.sin(angle) * length) / 2 - SIZE / 3;
  const fonts: Record<string, PDFRef> = {};
  const ops: PDFOperator[] = [pushGraphicsState(), setGraphicsState('GS0'), setFillingRgbColor(0.8, 0, 0), beginText()];
  runs.forEach((run, i) => {
    fonts[`F${i}`] = run.font.ref;
    ops.push(
      setFontAndSize(`F${i}`, SIZE),
      rotateAndSkewTextDegreesAndTranslate(ANGLE, 0, 0, x, y),
      showText(run.font.encodeText(run.text)),
    );
    const w = run.font.widthOfTextAtSize(run.text, SIZE);
    x += Math.cos(angle) * w;
    y += Math.sin(angle) * w;
  });
  ops.push(endText(), popGraphicsState());
  await doc.flush();
  const reach = length + SIZE;
  const mark = doc.context.register(
    doc.context.formXObject(ops, {
      BBox: [-reach, -reach, reach, reach],
      Resources: { Font: fonts, ExtGState: { GS0: { Type: 'ExtGState', ca: 0.14, CA: 0.14 } } },
    }),
  );
  return { doc, mark };
}

/**
 * Draws 草稿 across the middle of every page, into the page itself so no viewer or printer drops it (the
 * page's CSS cannot: Chromium repeats a fixed element on every printed page only sometimes). The page's own
 * content is wrapped in q…Q first, so whatever state it leaves does not move the mark.
 */
export async function markDraft(pdf: EditedPdf): Promise<void> {
  // a mark that could not be made is tried again by the next draft, not remembered as a failure for good
  made ??= makeMark().catch((error: unknown) => {
    made = undefined;
    throw error;
  });
  const { doc, mark } = await made;
  const copied = PDFObjectCopier.for(doc.context, pdf.context).copy(mark);
  const open = pdf.context.register(pdf.context.contentStream([pushGraphicsState()]));
  for (const page of pagesOf(pdf)) {
    const box = inherited(pdf, page, 'MediaBox');
    const [x1 = 0, y1 = 0, x2 = 595.28, y2 = 841.89] =
      box instanceof PDFArray ? box.asArray().map((n) => (pdf.resolve(n) as PDFNumber).asNumber()) : [];
    const closeAndMark = pdf.context.register(
      pdf.context.contentStream([
        popGraphicsState(),
        pushGraphicsState(),
        concatTransformationMatrix(1, 0, 0, 1, (x1 + x2) / 2, (y1 + y2) / 2),
        drawObject(NAME),
        popGraphicsState(),
      ]),
    );
    // resources a page inherits are shared with its siblings: the page gets its own copy to add the mark to
    let resources = pdf.resolve(page.get(PDFName.of('Resources')));
    if (!(resources instanceof PDFDict)) {
      const shared = inherited(pdf, page, 'Resources');
      resources = shared instanceof PDFDict ? shared.clone() : pdf.context.obj({});
      page.set(PDFName.of('Resources'), resources);
    }
    dictAt(pdf, resources as PDFDict, 'XObject').set(PDFName.of(NAME), copied);
    const contents = page.get(PDFName.of('Contents'));
    const listed = pdf.resolve(contents);
    const parts = listed instanceof PDFArray ? listed.asArray() : contents ? [contents] : [];
    page.set(PDFName.of('Contents'), pdf.context.obj([open, ...parts, closeAndMark]));
  }
}
