import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { SplicedPdf } from '../src/pdfdoc/pdfSplice';
import { combineSheets } from '../src/report/sheets';
import { PdfPrinter, type PrintJob } from '../src/pdf/printer';
import { formHtml } from '../src/pipeline/render';
import { SheetPrinter } from '../src/pipeline/sheetPrinter';
import { bundledAsset, formPrintScript } from '../src/report/assets';
import { corpusForms } from './corpus/forms';
import { writeForms } from './batchForms';
import { CLEAN, DEPARTMENT, PROJECT, ROOT, tempDir } from './helpers';
import { pageCount, pdfFonts, pdfInfo, pdfText, qpdfCheck } from './pdfTools';

// A batch prints five forms to a Chromium document and splits it (SheetPrinter). Each form must come out as it
// prints alone: the same pages, words at the same places, the same fonts embedded, its own page numbers and a
// structure tree of its own; a document whose split does not check out is printed form by form.

const dir = tempDir('jixiao-sheets-');
let printer: PdfPrinter;
beforeAll(async () => {
  printer = await PdfPrinter.launch({ timeoutMs: 30_000 });
});
afterAll(async () => {
  await printer.close();
});

/** Every word with its box, in drawing order (poppler's -bbox). */
const words = (file: string): string[] =>
  execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes('<word'));

/** Font names without their subset tags (the shared document's subsets hold other forms' glyphs too). */
const fontNames = (file: string): string[] =>
  [...new Set(pdfFonts(file).map((f) => `${f.name.replace(/^[A-Z]{6}\+/, '')} ${f.type} ${f.embedded}`))].sort();

/** The structure tree holds together: every page's marked content is in the parent tree, every element's page is a page of this file. */
async function structureProblems(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const lookup = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  const problems: string[] = [];
  const pageRefs = new Set(doc.getPages().map((p) => p.ref));
  const root = lookup(doc.catalog.get(PDFName.of('StructTreeRoot')));
  if (!(root instanceof PDFDict)) return ['no structure tree'];
  const nums = lookup((lookup(root.get(PDFName.of('ParentTree'))) as PDFDict | undefined)?.get(PDFName.of('Nums')));
  const keys = new Set<number>();
  if (nums instanceof PDFArray)
    for (let i = 0; i < nums.size(); i += 2) keys.add((nums.get(i) as PDFNumber).asNumber());
  doc.getPages().forEach((page, i) => {
    const key = page.node.get(PDFName.of('StructParents'));
    if (!(key instanceof PDFNumber) || !keys.has(key.asNumber()))
      problems.push(`page ${i + 1} is not in the parent tree`);
  });
  let elements = 0;
  const walk = (o: PDFObject | undefined, depth: number): void => {
    const e = lookup(o);
    if (e instanceof PDFArray) return e.asArray().forEach((x) => walk(x, depth));
    if (!(e instanceof PDFDict) || depth > 80) return;
    const pg = e.get(PDFName.of('Pg'));
    if (pg !== undefined && !(pg instanceof PDFRef && pageRefs.has(pg)))
      problems.push(`an element on a page not in the file (${String(pg)})`);
    if (String(e.get(PDFName.of('Type'))) === '/StructElem') elements++;
    walk(e.get(PDFName.of('K')), depth + 1);
  };
  const top = lookup(root.get(PDFName.of('K')));
  if (!(top instanceof PDFDict) || String(top.get(PDFName.of('S'))) !== '/Document')
    problems.push('the tree does not start with one Document');
  walk(top, 0);
  if (elements < 10) problems.push(`only ${elements} structure elements`);
  return problems;
}

async function jobs(files: { file: string; explain: boolean }[], prepare = formPrintScript()): Promise<PrintJob[]> {
  const out: PrintJob[] = [];
  for (const { file, explain } of files)
    out.push({ html: (await formHtml(file, explain)).html, resolveAsset: bundledAsset, name: file, prepare });
  return out;
}

function write(name: string, pdf: Uint8Array): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

test('forms printed five to a document come out as each prints alone: pages, words, fonts, page numbers, a structure tree of their own', async () => {
  const long = writeForms(tempDir('jixiao-sheets-long-'), 1, 45)[0]!;
  // ten forms that share two documents: one-page, two-page and three-page forms, drafts, both layouts
  const files = [
    { file: long, explain: false },
    ...[DEPARTMENT, PROJECT, CLEAN].map((f) => ({ file: path.join(ROOT, f), explain: false })),
    ...corpusForms()
      .filter((f) => !f.name.startsWith('hunan'))
      .map((f) => ({ file: f.actuals, explain: false })),
    // the 评分说明 appendix comes after the sign-off: such a form is printed alone
    { file: path.join(ROOT, CLEAN), explain: true },
  ];
  const all = await jobs(files);
  const sheets = new SheetPrinter(printer, 2, 5);
  const together = await Promise.all(all.map((job) => sheets.print(job)));
  expect({ ...sheets.counts, declined: sheets.declined }).toEqual({ shared: all.length - 1, alone: 1, declined: [] });
  const pagesSeen = new Set<number>();
  for (const [i, job] of all.entries()) {
    const alone = write(`alone-${i}`, (await printer.print(job)).pdf);
    const shared = write(`shared-${i}`, together[i]!.pdf);
    const pages = pageCount(alone);
    pagesSeen.add(pages);
    expect({ form: job.name, pages: pageCount(shared) }).toEqual({ form: job.name, pages });
    expect(pdfText(shared)).toBe(pdfText(alone));
    expect(words(shared)).toEqual(words(alone));
    // the footer numbers the form's own pages
    for (let p = 1; p <= pages; p++) expect(pdfText(shared, p).replace(/\s+/g, '')).toContain(`第${p}页/共${pages}页`);
    expect(fontNames(shared)).toEqual(fontNames(alone));
    expect(pdfFonts(shared).every((f) => f.embedded)).toBe(true);
    expect(pdfInfo(shared).Tagged).toBe('yes');
    expect(await structureProblems(shared)).toEqual([]);
    expect(qpdfCheck(shared).ok).toBe(true);
  }
  // one-page, two-page and longer forms were all among them
  expect(Math.min(...pagesSeen)).toBe(1);
  expect(Math.max(...pagesSeen)).toBeGreaterThanOrEqual(3);
}, 240_000);

test("the split's walk reads each object's references from its bytes: for every object Chromium printed, those of pdf-lib's parse", async () => {
  const five = await jobs(
    [
      DEPARTMENT,
      PROJECT,
      CLEAN,
      ...corpusForms()
        .slice(0, 2)
        .map((f) => f.actuals),
    ].map((file) => ({
      file: path.isAbsolute(file) ? file : path.join(ROOT, file),
      explain: false,
    })),
  );
  const first = five[0]!;
  const printed = await printer.print({ ...first, html: combineSheets(five.map((j) => j.html)), forms: five.length });
  const pdf = SplicedPdf.open(printed.pdf);
  /** The references of a parsed object, not following them: a stream's are those of its dictionary. */
  const parsedRefs = (o: PDFObject | undefined): number[] => {
    if (o instanceof PDFRef) return [o.objectNumber];
    if (o instanceof PDFDict) return [...o.entries()].flatMap(([, v]) => parsedRefs(v));
    if (o instanceof PDFArray) return o.asArray().flatMap(parsedRefs);
    if (o instanceof PDFRawStream) return parsedRefs(o.dict);
    return [];
  };
  let objects = 0;
  let references = 0;
  for (let n = 1; n < pdf.objectCount; n++) {
    const ref = PDFRef.of(n);
    const parsed = parsedRefs(pdf.resolve(ref));
    expect({ n, refs: pdf.referencesOf(ref).map((r) => r.objectNumber) }).toEqual({ n, refs: parsed });
    objects++;
    references += parsed.length;
  }
  // fonts, pages, annotations, the structure tree: thousands of objects and references
  expect(objects).toBeGreaterThan(500);
  expect(references).toBeGreaterThan(1000);
}, 120_000);

test('a shared document whose page totals do not bear out is printed form by form, each as it prints alone', async () => {
  // a print script that miscounts: every form said to have one page more than it lays out
  const script = formPrintScript().trim().replace(/;$/, '');
  const miscount = `Promise.resolve(${script}).then((totals) => Array.isArray(totals) ? totals.map((n) => n + 1) : totals)`;
  const two = await jobs(
    [
      { file: path.join(ROOT, PROJECT), explain: false },
      { file: path.join(ROOT, CLEAN), explain: false },
    ],
    miscount,
  );
  const sheets = new SheetPrinter(printer, 2, 5);
  const printed = await Promise.all(two.map((job) => sheets.print(job)));
  expect(sheets.counts).toEqual({ shared: 0, alone: 2 });
  for (const [i, job] of two.entries()) {
    const alone = write(`miscount-alone-${i}`, (await printer.print(job)).pdf);
    expect(pdfText(write(`miscount-${i}`, printed[i]!.pdf))).toBe(pdfText(alone));
  }
}, 120_000);

test('the time limit is per form: a document of three forms has three times as long', async () => {
  const quick = await PdfPrinter.launch({ timeoutMs: 1000 });
  try {
    // a page that takes 1.6 s to get ready: too slow for one form's second, in time for three
    const slow = {
      html: '<!DOCTYPE html><html><body><p>慢</p></body></html>',
      resolveAsset: bundledAsset,
      name: 'slow',
      prepare: '(() => { const end = Date.now() + 1600; while (Date.now() < end); return 0; })()',
    };
    await expect(quick.print(slow)).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'RENDER_TIMEOUT' })],
    });
    expect(pageCount(write('slow-three', (await quick.print({ ...slow, forms: 3 })).pdf))).toBe(1);
  } finally {
    await quick.close();
  }
}, 60_000);
