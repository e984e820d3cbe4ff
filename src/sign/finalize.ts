import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString, AFRelationship, degrees, rgb } from '@cantoo/pdf-lib';
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

/**
 * Takes Chromium's PDF and makes it a jixiao form: document information and language, the signature boxes
 * read off the links the renderer laid over them (then removed), and the embedded data as an attachment.
 * This is a full save: it runs before any signature exists.
 */
export async function finalizePdf(
  printed: Uint8Array,
  info: DocumentInfo,
  embed: (boxes: SignatureBox[]) => EmbeddedData,
): Promise<{ pdf: Uint8Array; boxes: SignatureBox[] }> {
  const doc = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: Infinity });
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer(`${info.creator} (Chromium Skia/PDF)`);
  doc.setLanguage(info.language);

  const boxes = takeSignatureBoxes(doc);
  if (info.draft) await markDraft(doc);
  const data = embed(boxes);
  const json = JSON.stringify(data, null, 2);
  await doc.attach(Buffer.from(json, 'utf8'), EMBEDDED_NAME, {
    mimeType: 'application/json',
    description: 'jixiao 绩效自评表的输入、评分结果与哈希（可用 jixiao verify 复核）',
    creationDate: new Date(data.createdAt),
    modificationDate: new Date(data.createdAt),
    afRelationship: AFRelationship.Data,
  });
  const pdf = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return { pdf, boxes };
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

function uriOf(annotation: PDFDict): string | null {
  const action = annotation.lookup(PDFName.of('A'));
  if (!(action instanceof PDFDict)) return null;
  const uri = action.lookup(PDFName.of('URI'));
  if (uri instanceof PDFString || uri instanceof PDFHexString) return uri.decodeText();
  return null;
}

/** Reads and removes the renderer's signature-box links: where each role signs, in PDF coordinates. */
function takeSignatureBoxes(doc: PDFDocument): SignatureBox[] {
  const boxes: SignatureBox[] = [];
  doc.getPages().forEach((page, pageIndex) => {
    const annots = page.node.Annots();
    if (!annots) return;
    const keep = PDFArray.withContext(doc.context);
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      const annotation = annots.lookup(i, PDFDict);
      const uri = uriOf(annotation);
      const at = uri?.indexOf(SIGNATURE_BOX_LINK) ?? -1;
      if (uri && at >= 0) {
        const rect = annotation.lookup(PDFName.of('Rect'), PDFArray).asRectangle();
        boxes.push({
          role: uri.slice(at + SIGNATURE_BOX_LINK.length),
          page: pageIndex,
          rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height].map((n) => Math.round(n * 100) / 100) as SignatureBox['rect'],
        });
      } else {
        keep.push(ref);
      }
    }
    if (keep.size() === 0) page.node.delete(PDFName.of('Annots'));
    else page.node.set(PDFName.of('Annots'), keep);
  });
  return boxes;
}
