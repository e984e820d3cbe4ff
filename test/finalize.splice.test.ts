import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFCrossRefSection,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { embeddedData, formHtml, launchPrinter } from '../src/pipeline/render';
import { bundledAsset, formPrintScript } from '../src/report/assets';
import { finalizePdf, type DocumentInfo } from '../src/pdfdoc/finalize';
import { SpliceDeclined } from '../src/pdfdoc/pdfSplice';
import { crossReferenceBytes, tableOffsets, TableDeclined } from '../src/pdfdoc/classicTable';

const crossReferenceTable = (offsets: Map<number, number>): string => crossReferenceBytes(offsets).toString('latin1');
import { readEmbeddedData } from '../src/pdfdoc/pdfRead';
import type { EmbeddedData, SignatureBox } from '../src/pdfdoc/embeddedData';
import type { ScoredForm } from '../src/pipeline/stages';
import { ROOT, tempDir } from './helpers';
import { pageCount, pdfText, qpdfCheck, squeeze } from './pdfTools';

/**
 * finalizePdf splices a final form (reads and rewrites only what it edits) and saves a draft or an unusual PDF
 * in full. Both must give the same document: compared object by object from the trailer down, with references
 * followed rather than compared by number.
 */
const dir = tempDir('jixiao-splice-');
const printed: Record<string, Uint8Array> = {};
const INFO: DocumentInfo = {
  title: '2020年度 绩效自评表',
  author: '株洲市人民政府办公室',
  subject: '总分 95',
  keywords: ['绩效', '自评'],
  creator: 'jixiao 9.9.9',
  language: 'zh-CN',
};
const scored: Record<string, ScoredForm> = {};
let form = 'department';
const embed = (boxes: SignatureBox[]): EmbeddedData =>
  embeddedData(scored[form]!, boxes, undefined, new Date('2026-01-02T03:04:05.000Z'));

beforeAll(async () => {
  const printer = launchPrinter({});
  try {
    for (const name of ['department', 'project']) {
      const { html, scored: s } = await formHtml(path.join(ROOT, `examples/zhuzhou-2020/${name}.actuals.yaml`), true);
      scored[name] = s;
      printed[name] = (await printer.print({ html, resolveAsset: bundledAsset, name, prepare: formPrintScript() })).pdf;
    }
  } finally {
    await printer.close();
  }
}, 120_000);

/** The document reachable from the trailer, written out with each object named by the order it is first reached. */
async function reachable(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ids = new Map<string, number>();
  const queue: PDFRef[] = [];
  const name = (ref: PDFRef): string => {
    if (!ids.has(ref.toString())) {
      ids.set(ref.toString(), ids.size);
      queue.push(ref);
    }
    return `@${ids.get(ref.toString())}`;
  };
  const show = (o: PDFObject | undefined): string => {
    if (o === undefined) return 'undefined';
    if (o instanceof PDFRef) return name(o);
    if (o instanceof PDFDict) {
      const entries = o.entries().sort(([a], [b]) => a.asString().localeCompare(b.asString()));
      return `<<${entries.map(([k, v]) => `${k.asString()} ${show(v)}`).join(' ')}>>`;
    }
    if (o instanceof PDFArray) return `[${o.asArray().map(show).join(' ')}]`;
    if (o instanceof PDFRawStream)
      return `${show(o.dict)} stream ${createHash('sha256').update(o.contents).digest('hex')}`;
    if (o instanceof PDFStream)
      return `${show(o.dict)} stream ${createHash('sha256').update(o.getContents()).digest('hex')}`;
    if (o instanceof PDFNumber) return String(o.asNumber());
    return o.toString();
  };
  const lines = [`root ${show(doc.context.trailerInfo.Root)}`, `info ${show(doc.context.trailerInfo.Info)}`];
  for (let ref = queue.shift(); ref; ref = queue.shift()) lines.push(`${name(ref)} = ${show(doc.context.lookup(ref))}`);
  return lines;
}

describe.each(['department', 'project'])('the seed %s form, finalized', (name) => {
  beforeEach(() => (form = name));
  it('is spliced, and the splice gives the same document, boxes and data as a full save', async () => {
    const spliced = await finalizePdf(printed[name]!, INFO, embed);
    const full = await finalizePdf(printed[name]!, INFO, embed, 'full');
    expect(spliced.path).toBe('splice');
    expect(full.path).toBe('full');
    expect(spliced.boxes).toEqual(full.boxes);
    expect(spliced.boxes.map((b) => b.role).sort()).toEqual(['head', 'preparer', 'reviewer', 'seal']);
    const [a, b] = [await reachable(spliced.pdf), await reachable(full.pdf)];
    // the whole tagged document is reached: fonts, pages, the structure tree
    expect(a.length).toBeGreaterThan(300);
    expect(a).toEqual(b);
    const doc = await PDFDocument.load(spliced.pdf);
    expect(readEmbeddedData(doc, name).data.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(doc.getTitle()).toBe(INFO.title);
    // the signature-box links are gone from the pages; the document's other links stay
    const uris = doc
      .getPages()
      .flatMap((page) =>
        (page.node.Annots()?.asArray() ?? []).map(
          (ref) =>
            doc.context
              .lookup(ref, PDFDict)
              .lookupMaybe(PDFName.of('A'), PDFDict)
              ?.get(PDFName.of('URI'))
              ?.toString() ?? '',
        ),
      );
    expect(uris.join()).not.toContain('/sigbox/');
    const printedUris =
      Buffer.from(printed[name]!)
        .toString('latin1')
        .match(/\/URI \(([^)]*)\)/g) ?? [];
    expect(uris.length).toBe(printedUris.filter((u) => !u.includes('/sigbox/')).length);
  });

  it('is one revision whose table points at every object, as qpdf checks it', async () => {
    const { pdf } = await finalizePdf(printed[name]!, INFO, embed);
    const text = Buffer.from(pdf).toString('latin1');
    expect(text.match(/%%EOF/g)).toHaveLength(1);
    expect(text.match(/startxref/g)).toHaveLength(1);
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    const check = qpdfCheck(file);
    expect(check.output).not.toMatch(/WARNING|damaged|reconstruct/i);
    expect(check.ok).toBe(true);
    // every table entry names the object at its offset
    const xref = text.slice(text.lastIndexOf('\nxref') + 1, text.lastIndexOf('trailer'));
    const rows = xref.split('\n').slice(1);
    let checked = 0;
    for (let i = 0; i < rows.length;) {
      const [first, count] = rows[i++]!.split(' ').map(Number);
      if (count === undefined) break;
      for (let k = 0; k < count; k++, i++) {
        const [offset, , use] = rows[i]!.trim().split(' ');
        if (use !== 'n') continue;
        expect(text.slice(Number(offset), Number(offset) + 20)).toMatch(new RegExp(`^${first! + k} 0 obj`));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('a draft', () => {
  it('is spliced too, with 草稿 as text across every page, the same as a full save', async () => {
    form = 'department';
    const draft = await finalizePdf(printed.department!, { ...INFO, draft: true }, embed);
    const full = await finalizePdf(printed.department!, { ...INFO, draft: true }, embed, 'full');
    expect(draft.path).toBe('splice');
    expect(await reachable(draft.pdf)).toEqual(await reachable(full.pdf));
    const file = path.join(dir, 'draft.pdf');
    writeFileSync(file, draft.pdf);
    expect(qpdfCheck(file).ok).toBe(true);
    const pages = pageCount(file);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      // rotated, the two characters come out of the text layer on lines of their own
      expect(pdfText(file, page)).toMatch(/草[\s\S]*稿/);
    }
    // the page's own text is all still there
    const plain = path.join(dir, 'not-draft.pdf');
    writeFileSync(plain, (await finalizePdf(printed.department!, INFO, embed)).pdf);
    expect(squeeze(pdfText(file))).toContain(squeeze(pdfText(plain)).slice(0, 200));
  });
});

describe('what the splice declines is saved in full', () => {
  it.each([
    [
      'a PDF with a cross-reference stream',
      async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).save({ useObjectStreams: true }),
    ],
    [
      'a PDF with an incremental update',
      async (pdf: Uint8Array) => {
        const doc = await PDFDocument.load(pdf, { forIncrementalUpdate: true });
        doc.setSubject('changed');
        return doc.commit({ useObjectStreams: false });
      },
    ],
  ])('%s', async (_, change) => {
    form = 'project';
    const odd = await change(printed.project!);
    await expect(finalizePdf(odd, INFO, embed, 'splice')).rejects.toBeInstanceOf(SpliceDeclined);
    const done = await finalizePdf(odd, INFO, embed);
    expect(done.path).toBe('full');
    expect(done.boxes).toEqual((await finalizePdf(printed.project!, INFO, embed)).boxes);
  });
});

describe('the cross-reference table', () => {
  test('is written byte for byte as pdf-lib writes it: object 0 free, one subsection per run of numbers', () => {
    const cases: Map<number, number>[] = [
      new Map([[1, 15]]),
      new Map([
        [1, 15],
        [2, 120],
        [3, 9_999_999_999],
      ]),
      // gaps: a subsection each, the first after object 0 only when object 1 is missing
      new Map([
        [2, 40],
        [3, 80],
        [7, 300],
        [8, 360],
        [20, 999],
      ]),
      new Map(Array.from({ length: 2500 }, (_, i) => [i + 1 + (i >= 1200 ? 5 : 0), 17 * i + 9] as [number, number])),
    ];
    for (const offsets of cases) {
      const reference = PDFCrossRefSection.create();
      for (const number of [...offsets.keys()].sort((a, b) => a - b))
        reference.addEntry(PDFRef.of(number), offsets.get(number)!);
      expect(crossReferenceTable(offsets)).toBe(reference.toString());
    }
  });

  test('is read back as written, with any end of line; free entries left out; anything else declined', () => {
    const offsets = new Map(
      Array.from({ length: 300 }, (_, i) => [i + 1 + (i >= 100 ? 7 : 0), 31 * i + 15] as [number, number]),
    );
    const written = crossReferenceTable(offsets).slice('xref'.length);
    expect(new Map(tableOffsets(written))).toEqual(offsets);
    // the two-byte line ends a table may use (" \n", "\r\n", " \r"), and a blank line between subsections
    for (const end of [' \n', '\r\n', ' \r'])
      expect(new Map(tableOffsets(written.replace(/ \n/g, end).replace('\n8 ', '\n\n8 ')))).toEqual(offsets);
    expect(tableOffsets('\n0 3\n0000000000 65535 f \n0000000017 00000 n \n0000000099 00000 f \n')).toEqual([[1, 17]]);
    for (const bad of [
      '\n0 2\n0000000000 65535 f \n',
      '\n0 1 2\n0000000000 65535 f \n',
      '\n0  1\n0000000000 65535 f \n',
      '\n1 1\n000000017 00000 n \n',
      '\n1 1\n0000000017 00000 x \n',
      '\n1 1\n0000000017  0000 n \n',
      '\n1 1\n00000000a7 00000 n \n',
    ])
      expect(() => tableOffsets(bad)).toThrow(TableDeclined);
    expect(() => tableOffsets('\n1 1\n0000000017 00001 n \n')).toThrow(/generation other than 0/);
  });
});
