import { inputError } from '../errors/diagnostic';
import {
  beginText,
  drawObject,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  concatTransformationMatrix,
  setFillingRgbColor,
  setFontAndSize,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { AppearanceFonts } from '../pdfdoc/appearanceFont';

export interface AppearanceContent {
  /** Space at the top left for the label the form already prints in the box (e.g. 填表人：). */
  topMargin: number;
  lines: { text: string; size: number }[];
  /** PNG or JPEG bytes of a seal, drawn at the right of the box. */
  seal?: { bytes: Uint8Array; type: 'png' | 'jpeg'; path: string };
}

/**
 * The visible face of a signature: a form XObject the size of the role's box, with the signer's name,
 * role and time, and the seal image if one is given. Text is drawn in the bundled Noto Sans SC.
 */
export async function signatureAppearance(
  doc: PDFDocument,
  width: number,
  height: number,
  content: AppearanceContent,
): Promise<PDFRef> {
  const fonts = new AppearanceFonts(doc);
  const ops: PDFOperator[] = [];
  const fontNames = new Map<PDFFont, string>();
  const nameOf = (font: PDFFont): string => {
    let name = fontNames.get(font);
    if (!name) {
      name = `F${fontNames.size}`;
      fontNames.set(font, name);
    }
    return name;
  };

  const xobjects: Record<string, PDFRef> = {};
  let sealWidth = 0;
  if (content.seal) {
    const seal = content.seal;
    // the header was checked when the file was read; a body broken past it is still bad input, not a crash
    const image = await (seal.type === 'png' ? doc.embedPng(seal.bytes) : doc.embedJpg(seal.bytes)).catch(() => {
      throw inputError('SEAL_FORMAT', { path: seal.path });
    });
    const h = height - 4;
    const w = Math.min(width * 0.45, (image.width / image.height) * h);
    const drawnH = (image.height / image.width) * w;
    xobjects.Seal = image.ref;
    sealWidth = w;
    ops.push(
      pushGraphicsState(),
      concatTransformationMatrix(w, 0, 0, drawnH, width - w - 2, (height - drawnH) / 2),
      drawObject('Seal'),
      popGraphicsState(),
    );
  }

  let y = height - content.topMargin;
  const room = width - 8 - sealWidth;
  ops.push(pushGraphicsState(), setFillingRgbColor(0.05, 0.1, 0.45));
  for (const line of content.lines) {
    for (const part of await fitted(fonts, line, room)) {
      y -= part.size + 2;
      ops.push(beginText(), moveText(4, y));
      for (const run of part.runs)
        ops.push(setFontAndSize(nameOf(run.font), part.size), showText(run.font.encodeText(run.text)));
      ops.push(endText());
    }
  }
  ops.push(popGraphicsState());

  const fontDict: Record<string, PDFRef> = {};
  for (const [font, name] of fontNames) fontDict[name] = font.ref;
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, width, height],
    Resources: { Font: fontDict, XObject: xobjects },
  });
  return doc.context.register(stream);
}

type Run = { text: string; font: PDFFont };
const widthOf = (runs: readonly Run[], size: number): number =>
  runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
/** The smallest a line is shrunk to before it is wrapped instead: smaller would not be read on paper. */
const SMALLEST = 5.5;

/**
 * A line of the signature's face within `room` points, left of the seal: as it is when it fits, shrunk a little
 * when that is enough, else wrapped at a space or before （ (the time and its （北京时间） on two lines), so no
 * word is ever drawn under the seal image.
 */
async function fitted(
  fonts: AppearanceFonts,
  line: { text: string; size: number },
  room: number,
): Promise<{ runs: Run[]; size: number }[]> {
  const runs = await fonts.runs(line.text);
  const natural = widthOf(runs, line.size);
  if (natural <= room) return [{ runs, size: line.size }];
  const shrunk = (line.size * room) / natural;
  if (shrunk >= SMALLEST) return [{ runs, size: shrunk }];
  const size = Math.max(SMALLEST, Math.min(line.size, line.size * 0.85));
  const chars = [...line.text];
  let cut = chars.length;
  // the longest head that fits, ended at a space or before （ when there is one
  while (cut > 1 && widthOf(await fonts.runs(chars.slice(0, cut).join('')), size) > room) cut--;
  const soft = Math.max(chars.lastIndexOf(' ', cut), chars.lastIndexOf('（', cut));
  const at = soft > 0 && soft <= cut ? soft : cut;
  const head = chars.slice(0, at).join('').trimEnd();
  const rest = chars.slice(at).join('').trimStart();
  if (rest === '') return [{ runs: await fonts.runs(head), size }];
  return [{ runs: await fonts.runs(head), size }, ...(await fitted(fonts, { text: rest, size: line.size }, room))];
}
