/**
 * The eight attacks of issue #29, each built as a file by an adversary holding the form between two signers (or
 * before the first): `npx tsx test/attackFixtures.ts <dir>` writes them and says what verify and pdfsig make of
 * each; test/attacks.test.ts builds them the same way and requires verify to refuse every one with its reason.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';
import { PNG } from 'pngjs';
import type { SignRole } from '../src/domain/glossary';
import { loadPdf, readEmbeddedData } from '../src/pdfdoc/pdfRead';
import { keygen } from '../src/pipeline';
import { renderForms } from '../src/pipeline/render';
import { makeTestP12 } from '../src/sign/keygen';
import { signPdf, type SignRequest } from '../src/sign/sign';
import { verifyPdf } from '../src/verify';
import { PRINTED } from '../src/domain/formWording';
import { printedWords } from '../src/pdfdoc/pageText';
import { PROJECT } from './helpers';
import { onPath } from './outsidePrograms';
import { appendRevision, firstPage, objectBody, streamBody } from './pdfAppend';
import { rasterize } from './pdfTools';

export const ATTACK_PASSWORD = 'attack-fixtures';

export interface Attack {
  /** The number for it (1–8) and a file name. */
  number: number;
  name: string;
  file: string;
  /** What verify must say (its Chinese reason). */
  reason: RegExp;
  /** The roles the file was meant to carry: verify is asked for just those, so only the attack can fail it. */
  roles: string;
  /** Found only when the form is printed again and the pixels compared (verify --render). */
  render?: boolean;
}

/** The material every attack starts from: a rendered form, a CA, three signers (two 填表人 from the same CA). */
class Bench {
  constructor(readonly dir: string) {}
  at = (f: string): string => path.join(this.dir, f);

  async prepare(): Promise<void> {
    const [form] = await renderForms([PROJECT], { explain: false });
    writeFileSync(this.at('unsigned.pdf'), form?.pdf ?? Buffer.alloc(0));
    const ca = keygen({ commonName: '攻击测试根证书', password: ATTACK_PASSWORD, ca: true });
    writeFileSync(this.at('ca.p12'), ca.p12);
    writeFileSync(this.at('ca.pem'), ca.pem);
    const issuer = { file: this.at('ca.p12'), password: ATTACK_PASSWORD };
    for (const [key, cn] of [
      ['preparer', '测试填表人'],
      ['other-preparer', '冒名填表人'],
      ['head', '测试负责人'],
    ] as const)
      writeFileSync(this.at(`${key}.p12`), keygen({ commonName: cn, password: ATTACK_PASSWORD, issuer }).p12);
    const tls = makeTestP12(
      { commonName: '测试填表人', purpose: 'serverAuth', issuer: { ...issuer, p12: ca.p12 } },
      ATTACK_PASSWORD,
    );
    writeFileSync(this.at('tls.p12'), tls);
    writeFileSync(this.at('preparer.pdf'), await this.sign(this.read('unsigned.pdf'), 'preparer', 'preparer'));
  }

  read = (f: string): Buffer => readFileSync(this.at(f));

  /** A signature by jixiao's signer; `adversary` skips its checks of what came before (as another tool would). */
  async sign(
    pdf: Uint8Array,
    key: string,
    role: SignRole,
    adversary: Partial<Pick<SignRequest, 'foreignField' | 'signOnTopOfChanges'>> = {},
  ): Promise<Uint8Array> {
    const p12File = this.at(`${key}.p12`);
    return (
      await signPdf({
        pdf,
        file: 'attack.pdf',
        p12: readFileSync(p12File),
        p12File,
        password: ATTACK_PASSWORD,
        role,
        ...adversary,
      })
    ).pdf;
  }

  /** The tampered file, then the 单位负责人 signing over it without looking: the attack as verify receives it. */
  async headSigns(name: string, tampered: Uint8Array): Promise<string> {
    writeFileSync(this.at(`${name}.tampered.pdf`), tampered);
    const signed = await this.sign(tampered, 'head', 'head', { signOnTopOfChanges: true });
    writeFileSync(this.at(`${name}.pdf`), signed);
    return this.at(`${name}.pdf`);
  }
}

const incremental = (pdf: Uint8Array): Promise<PDFDocument> =>
  PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });

/** A white box over the total's corner and "100" drawn as filled outlines, not text: what the reader sees instead. */
const OVERLAY = 'q 1 1 1 rg 380 90 160 50 re f 0 0 0 rg 400 100 m 406 100 l 406 130 l 400 130 l h f Q';

/** 1. A signature field with no signature, its appearance painting over the page, between two signatures. */
async function emptyField(b: Bench): Promise<string> {
  const doc = await incremental(b.read('preparer.pdf'));
  const face = doc.context.register(
    doc.context.flateStream(OVERLAY, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 600, 800] }),
  );
  const page = doc.getPage(0).node;
  const field = doc.context.register(
    doc.context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: 'Signature9', Rect: [0, 0, 600, 800], F: 4 }),
  );
  doc.context.lookup(field, PDFDict).set(PDFName.of('AP'), doc.context.obj({ N: face }));
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? doc.context.obj([]);
  annots.push(field);
  page.set(PDFName.of('Annots'), annots);
  doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray)?.push(field);
  return b.headSigns('1-empty-field', await doc.commit({ useObjectStreams: false }));
}

/** 2. The page's content written twice in one revision: the table points at the altered copy, the last is the original. */
async function definedTwice(b: Bench): Promise<string> {
  const signed = b.read('preparer.pdf');
  const { contents } = await firstPage(signed);
  const original = objectBody(signed, contents);
  const stream = (await PDFDocument.load(signed, { updateMetadata: false })).context.lookup(PDFRef.of(contents));
  const text =
    stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : '';
  const altered = streamBody(`${text}\n${OVERLAY}`);
  return b.headSigns(
    '2-defined-twice',
    appendRevision(signed, [
      { number: contents, body: altered, listed: true },
      { number: contents, body: original, listed: false },
    ]),
  );
}

/** 3. The page's /Contents an array object of its own in the unsigned form; an overlay appended to it between signatures. */
async function indirectArray(b: Bench): Promise<string> {
  const base = b.read('unsigned.pdf');
  const { page, contents, doc } = await firstPage(base);
  const array = doc.context.largestObjectNumber + 1;
  const pageBody = objectBody(base, page)
    .toString('latin1')
    .replace(/\/Contents\s+\d+\s+0\s+R/, `/Contents ${array} 0 R`);
  const prepared = appendRevision(base, [
    { number: array, body: `[${contents} 0 R]` },
    { number: page, body: pageBody },
  ]);
  const signed = await b.sign(prepared, 'preparer', 'preparer');
  writeFileSync(b.at('3-array-preparer.pdf'), signed);
  const overlay = array + 1000;
  return b.headSigns(
    '3-indirect-array',
    appendRevision(Buffer.from(signed), [
      { number: overlay, body: streamBody(OVERLAY) },
      { number: array, body: `[${contents} 0 R ${overlay} 0 R]` },
    ]),
  );
}

/** 4. The honest form with a full-page picture of another rendering laid over page 1, then signed by both. */
async function imageOverlay(b: Bench): Promise<string> {
  const doc = await PDFDocument.load(b.read('unsigned.pdf'), { updateMetadata: false });
  const page = doc.getPage(0);
  // a picture of a form: page 1 of the same form, or a plain grey page where poppler is not installed
  const picture = onPath('pdftoppm') ? rasterize(b.at('unsigned.pdf'), 1, 36) : new PNG({ width: 60, height: 80 });
  const image = await doc.embedPng(PNG.sync.write(picture));
  page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  writeFileSync(b.at('4-image.unsigned.pdf'), await doc.save({ useObjectStreams: false }));
  const first = await b.sign(b.read('4-image.unsigned.pdf'), 'preparer', 'preparer', { signOnTopOfChanges: true });
  return b.headSigns('4-image-overlay', first);
}

/**
 * 4b. No picture: a white box over the printed total and other digits drawn over it as filled rectangles (a
 * seven-segment "100"), added before anyone signs. The text layer still says the true total; only the pixels differ.
 */
async function vectorOverlay(b: Bench): Promise<string> {
  const unsigned = b.read('unsigned.pdf');
  const pages = await printedWords(unsigned);
  const pageIndex = pages.findIndex((words) => words.some((w) => PRINTED.totalLabel.test(w.text)));
  const words = pages[pageIndex] ?? [];
  const label = words.find((w) => PRINTED.totalLabel.test(w.text));
  if (!label) throw new Error('no total printed');
  const total = words.filter((w) => Math.abs(w.y - label.y) < 2 && w.x > label.right && /^\d/.test(w.text))[1];
  if (!total) throw new Error('no total score printed');
  const [x, y] = [total.x - 2, total.y - 3];
  const segments = [
    [0, 0, 2, 12],
    [5, 0, 2, 12],
    [5, 0, 6, 2],
    [9, 0, 2, 12],
    [5, 10, 6, 2],
    [13, 0, 2, 12],
    [13, 0, 6, 2],
    [17, 0, 2, 12],
    [13, 10, 6, 2],
  ].map(([dx = 0, dy = 0, w, h]) => `${x + dx} ${y + dy} ${w} ${h} re`);
  const overlay = `q 1 1 1 rg ${x} ${y} ${total.right - total.x + 6} 14 re f 0 0 0 rg ${segments.join(' ')} f Q`;
  const doc = await incremental(unsigned);
  const page = doc.getPage(pageIndex).node;
  const contents = page.get(PDFName.of('Contents'));
  // the printed content's graphics state is saved and restored around it, so the overlay draws in page space
  const stream = (text: string): PDFRef => doc.context.register(doc.context.flateStream(text));
  page.set(PDFName.of('Contents'), doc.context.obj([stream('q'), contents as PDFRef, stream('Q'), stream(overlay)]));
  writeFileSync(b.at('4b-outlines.unsigned.pdf'), await doc.commit({ useObjectStreams: false }));
  const signed = await b.sign(b.read('4b-outlines.unsigned.pdf'), 'preparer', 'preparer');
  writeFileSync(b.at('4b-vector-outlines.pdf'), signed);
  return b.at('4b-vector-outlines.pdf');
}

/** 5. The first 填表人 signature stripped from the field tree (the form re-pointed), another 填表人 signs in its place. */
async function stripped(b: Bench): Promise<string> {
  const doc = await incremental(b.read('preparer.pdf'));
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(doc.context.obj({ Fields: [], SigFlags: 3 })));
  const strippedPdf = await doc.commit({ useObjectStreams: false });
  const impostor = await b.sign(strippedPdf, 'other-preparer', 'preparer', { signOnTopOfChanges: true });
  return b.headSigns('5-stripped', impostor);
}

/** 6. The role boxes in the embedded data swapped (填表人 ↔ 单位负责人) before anyone signs. */
async function boxesSwapped(b: Bench): Promise<string> {
  const unsigned = b.read('unsigned.pdf');
  const data = readEmbeddedData(await loadPdf(unsigned, 'unsigned.pdf'), 'unsigned.pdf').data;
  const preparer = data.signatureBoxes.find((x) => x.role === 'preparer');
  const head = data.signatureBoxes.find((x) => x.role === 'head');
  if (!preparer || !head) throw new Error('the form prints no preparer or head box');
  [preparer.rect, head.rect] = [head.rect, preparer.rect];
  const doc = await PDFDocument.load(unsigned, { updateMetadata: false });
  doc.catalog.delete(PDFName.of('Names'));
  doc.catalog.delete(PDFName.of('AF'));
  await doc.attach(Buffer.from(JSON.stringify(data)), 'jixiao-data.json', { mimeType: 'application/json' });
  const swapped = await doc.save({ useObjectStreams: false });
  const first = await b.sign(swapped, 'preparer', 'preparer');
  return b.headSigns('6-boxes-swapped', first);
}

/** 7. Only the 单位负责人 signs, in a field named as another tool names it. */
async function foreignName(b: Bench): Promise<string> {
  const signed = await b.sign(b.read('unsigned.pdf'), 'head', 'head', { foreignField: { name: 'Signature1-head' } });
  writeFileSync(b.at('7-foreign-name.pdf'), signed);
  return b.at('7-foreign-name.pdf');
}

/** 8. A TLS-only certificate (extendedKeyUsage serverAuth) from the trusted CA signs as 填表人. */
async function tlsCertificate(b: Bench): Promise<string> {
  const signed = await b.sign(b.read('unsigned.pdf'), 'tls', 'preparer');
  writeFileSync(b.at('8-tls-certificate.pdf'), signed);
  return b.at('8-tls-certificate.pdf');
}

/** Builds all eight (and the outline variant of the fourth) in `dir` (which must exist), with what verify must say of each. */
export async function buildAttacks(dir: string): Promise<{ attacks: Attack[]; caPem: string; clean: string }> {
  const b = new Bench(dir);
  await b.prepare();
  const both = '填表人,单位负责人';
  const attacks: Attack[] = [
    { number: 1, name: 'empty-field', file: await emptyField(b), reason: /一个没有签名的签名域/, roles: both },
    { number: 2, name: 'defined-twice', file: await definedTwice(b), reason: /写了两份且内容不同/, roles: both },
    {
      number: 3,
      name: 'indirect-array',
      file: await indirectArray(b),
      reason: /对象 \d+ 0（—）|页面内容/,
      roles: both,
    },
    { number: 4, name: 'image-overlay', file: await imageOverlay(b), reason: /第 1 页上画有.*图片/, roles: both },
    {
      number: 4.5,
      name: 'vector-outlines',
      file: await vectorOverlay(b),
      reason: /第 \d+ 页与按内嵌数据重新印出的表不同/,
      roles: '填表人',
      render: true,
    },
    { number: 5, name: 'stripped', file: await stripped(b), reason: /签名被剥离/, roles: both },
    { number: 6, name: 'boxes-swapped', file: await boxesSwapped(b), reason: /签章框被调换或移动/, roles: both },
    {
      number: 7,
      name: 'foreign-name',
      file: await foreignName(b),
      reason: /签署的次序不对：「填表人」还没有签/,
      roles: both,
    },
    {
      number: 8,
      name: 'tls-certificate',
      file: await tlsCertificate(b),
      reason: /扩展用途.*不含文档签名/,
      roles: '填表人',
    },
  ];
  // the same two signatures with nothing forged between them
  const clean = await b.headSigns('clean', b.read('preparer.pdf'));
  return { attacks, caPem: b.at('ca.pem'), clean };
}

/** The script: builds the eight in a folder and says, for each, what verify and pdfsig make of it. */
async function main(dir: string): Promise<void> {
  const { attacks, caPem } = await buildAttacks(dir);
  for (const a of attacks) {
    const report = await verifyPdf(a.file, { trust: [caPem], ...(a.render ? { render: true } : {}) });
    const pdfsig = onPath('pdfsig') ? spawnSync('pdfsig', [a.file], { encoding: 'utf8' }).stdout : '';
    const valid = (pdfsig.match(/Signature is Valid/g) ?? []).length;
    const listed = (pdfsig.match(/^Signature #\d+/gm) ?? []).length;
    process.stdout.write(
      `${a.number} ${a.name}: verify ${report.ok ? 'PASSES' : 'refuses'} · pdfsig lists ${listed}, ${valid} valid · ${a.file}\n`,
    );
  }
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npx tsx test/attackFixtures.ts <existing folder>');
  void main(dir);
}
