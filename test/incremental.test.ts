import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, rgb, type PDFRef } from '@cantoo/pdf-lib';
import { keygen } from '../src/pipeline';
import { verifyPdf } from '../src/verify';
import { embeddedData, renderForms } from '../src/pipeline/render';
import { scoreTexts } from '../src/pipeline/stages';
import { signFile } from '../src/pipeline/sign';
import { loadPdf, readEmbeddedData } from '../src/pdfdoc/pdfRead';
import { PROJECT, runCli, tempDir } from './helpers';
import { writeLongForm } from './longForm';

// Between one signature and the next only what the next signature adds may change. Each attack below lets 填表人
// sign, changes the file without signing, then lets 单位负责人 sign over it: verify must refuse, saying what changed.

jest.setTimeout(120_000);

const dir = tempDir('jixiao-isa-');
const at = (f: string): string => path.join(dir, f);
const PASSWORD = 'isa-test';

async function headSigns(tampered: Uint8Array, name: string): Promise<string> {
  writeFileSync(at(`${name}.tampered.pdf`), tampered);
  // the next signer signs the tampered file with a tool that does not look (jixiao's own sign refuses it)
  const { pdf } = await signFile(at(`${name}.tampered.pdf`), {
    p12: at('head.p12'),
    password: PASSWORD,
    role: 'head',
    signOnTopOfChanges: true,
  });
  writeFileSync(at(`${name}.pdf`), pdf);
  return at(`${name}.pdf`);
}

const incremental = async (file: string): Promise<PDFDocument> =>
  PDFDocument.load(readFileSync(file), { forIncrementalUpdate: true, updateMetadata: false });

/** Each attack file is signed by the 填表人 and the 单位负责人: the check requires just those, so only the attack fails it. */
const SIGNED = { requiredRoles: ['preparer', 'head'] as const };

async function refused(file: string, what: RegExp): Promise<void> {
  const report = await verifyPdf(file, { trust: [at('ca.pem')], ...SIGNED });
  // each signature on its own still holds: only the comparison of revisions sees the change
  expect(report.signatures.map((s) => s.digestValid && s.signatureValid)).toEqual([true, true]);
  expect(report.unsignedBytesAfterLast).toBe(0);
  expect(report.ok).toBe(false);
  const run = await runCli('verify', file, '--trust', at('ca.pem'), '--roles', '填表人,单位负责人');
  expect(run.code).toBe(1);
  expect(run.out).toMatch(
    new RegExp(`第 2 个签名签署的文件，在上一次签署之后被改动过（签署后文件被修改）：${what.source}`),
  );
}

beforeAll(async () => {
  const [form] = await renderForms([PROJECT], { explain: false });
  writeFileSync(at('unsigned.pdf'), form!.pdf!);
  const ca = keygen({ commonName: 'jixiao 测试根证书', password: PASSWORD, ca: true });
  writeFileSync(at('ca.p12'), ca.p12);
  writeFileSync(at('ca.pem'), ca.pem);
  for (const [role, cn] of [
    ['preparer', '测试填表人'],
    ['head', '测试负责人'],
  ] as const) {
    writeFileSync(
      at(`${role}.p12`),
      keygen({ commonName: cn, password: PASSWORD, issuer: { file: at('ca.p12'), password: PASSWORD } }).p12,
    );
  }
  writeFileSync(
    at('preparer.pdf'),
    (await signFile(at('unsigned.pdf'), { p12: at('preparer.p12'), password: PASSWORD, role: 'preparer' })).pdf,
  );
});

test("untouched, the two signatures verify (the check finds nothing in jixiao's own updates)", async () => {
  const file = await headSigns(readFileSync(at('preparer.pdf')), 'clean');
  expect((await verifyPdf(file, { trust: [at('ca.pem')], ...SIGNED })).ok).toBe(true);
});

test('text drawn on page 1 in an unsigned update ("TOTAL 100")', async () => {
  const doc = await incremental(at('preparer.pdf'));
  doc.getPage(0).drawText('TOTAL 100', { x: 400, y: 120, size: 24, color: rgb(0, 0, 0) });
  await refused(await headSigns(await doc.commit({ useObjectStreams: false }), 'drawn'), /页面内容或页面属性/);
});

test('a note (annotation) added to the page', async () => {
  const doc = await incremental(at('preparer.pdf'));
  const note = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'FreeText',
      Rect: [300, 100, 500, 140],
      Contents: 'TOTAL 100',
      DA: '/Helv 12 Tf 0 g',
    }),
  );
  const page = doc.getPage(0).node;
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? doc.context.obj([]);
  annots.push(note);
  page.set(PDFName.of('Annots'), annots);
  await refused(
    await headSigns(await doc.commit({ useObjectStreams: false }), 'annotated'),
    /页面上的注释（签章框以外）/,
  );
});

test('the embedded data swapped for consistently re-scored data of other actuals (95 优 → lower)', async () => {
  const original = readEmbeddedData(
    await loadPdf(readFileSync(at('preparer.pdf')), 'preparer.pdf'),
    'preparer.pdf',
  ).data;
  const inputs = original.inputs;
  // 节省128.7万元 达成 → 部分达成 with a lower declared score and its reason: a consistent, lower result
  const actuals = inputs.actuals.text.replace(
    '{ actual: 节省128.7万元, band: 达成, declaredScore: 8 }',
    '{ actual: 节省128.7万元, band: 部分达成, declaredScore: 5, reason: 节省未达预期 }',
  );
  expect(actuals).not.toBe(inputs.actuals.text);
  const rescored = await scoreTexts({
    definitions: inputs.definitions,
    actuals: { name: inputs.actuals.name, text: actuals },
    ruleSet: inputs.ruleSet,
  });
  const forged = embeddedData(rescored, original.signatureBoxes);
  expect(forged.result.total).not.toBe(original.result.total);
  const doc = await incremental(at('preparer.pdf'));
  await doc.attach(Buffer.from(JSON.stringify(forged)), 'jixiao-data.json', { mimeType: 'application/json' });
  const file = await headSigns(await doc.commit({ useObjectStreams: false }), 'swapped');
  // the forged data re-scores to itself: only the revision check can catch it
  expect((await verifyPdf(file, { trust: [at('ca.pem')] })).embedded.rescoreMatches).toBe(true);
  await refused(file, /文档目录（Catalog）/);
});

test('an empty signature field between two signatures, its appearance painting "TOTAL 100" over the page', async () => {
  const doc = await incremental(at('preparer.pdf'));
  const face = doc.context.register(
    doc.context.flateStream('1 1 1 rg 0 0 200 40 re f 0 0 0 rg BT /Helv 24 Tf 10 10 Td (TOTAL 100) Tj ET', {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, 200, 40],
    }),
  );
  const page = doc.getPage(0).node;
  const field = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: 'Signature9',
      Rect: [300, 100, 500, 140],
      F: 4,
      P: page,
      AP: { N: face },
    }),
  );
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? doc.context.obj([]);
  annots.push(field);
  page.set(PDFName.of('Annots'), annots);
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  form?.lookupMaybe(PDFName.of('Fields'), PDFArray)?.push(field);
  await refused(await headSigns(await doc.commit({ useObjectStreams: false }), 'empty-field'), /一个没有签名的签名域/);
});

test('a shadow attack: content hidden before the first signature, shown by re-pointing the page after it', async () => {
  // before anyone signs: an unused content stream that prints a different total
  const hiding = await incremental(at('unsigned.pdf'));
  const hidden = hiding.context.register(hiding.context.flateStream('BT /F1 24 Tf 400 120 Td (TOTAL 100) Tj ET'));
  writeFileSync(at('hidden.pdf'), await hiding.commit({ useObjectStreams: false }));
  writeFileSync(
    at('hidden-preparer.pdf'),
    (await signFile(at('hidden.pdf'), { p12: at('preparer.p12'), password: PASSWORD, role: 'preparer' })).pdf,
  );
  // after 填表人 signed: the page's content now includes the hidden stream
  const showing = await incremental(at('hidden-preparer.pdf'));
  const page = showing.getPage(0).node;
  const contents = page.get(PDFName.of('Contents'));
  page.set(PDFName.of('Contents'), showing.context.obj([contents as PDFRef, hidden]));
  await refused(await headSigns(await showing.commit({ useObjectStreams: false }), 'shadow'), /页面内容或页面属性/);
});

describe('the page against the data', () => {
  test('a page that prints 95 优 over embedded data that scores lower, signed as it is: refused, naming each printed figure', async () => {
    const unsigned = readFileSync(at('unsigned.pdf'));
    const original = readEmbeddedData(await loadPdf(unsigned, 'unsigned.pdf'), 'unsigned.pdf').data;
    const inputs = original.inputs;
    const actuals = inputs.actuals.text.replace(
      '{ actual: 节省128.7万元, band: 达成, declaredScore: 8 }',
      '{ actual: 节省128.7万元, band: 部分达成, declaredScore: 5, reason: 节省未达预期 }',
    );
    const rescored = await scoreTexts({
      definitions: inputs.definitions,
      actuals: { name: inputs.actuals.name, text: actuals },
      ruleSet: inputs.ruleSet,
    });
    // the file is rebuilt whole (no revision to compare): only the page check can see it
    const doc = await PDFDocument.load(unsigned, { updateMetadata: false });
    doc.catalog.delete(PDFName.of('Names'));
    doc.catalog.delete(PDFName.of('AF'));
    await doc.attach(Buffer.from(JSON.stringify(embeddedData(rescored, original.signatureBoxes))), 'jixiao-data.json', {
      mimeType: 'application/json',
    });
    writeFileSync(at('page-vs-data.pdf'), await doc.save({ useObjectStreams: false }));
    writeFileSync(
      at('page-vs-data.signed.pdf'),
      (await signFile(at('page-vs-data.pdf'), { p12: at('preparer.p12'), password: PASSWORD, role: 'preparer' })).pdf,
    );
    const report = await verifyPdf(at('page-vs-data.signed.pdf'), {
      trust: [at('ca.pem')],
      requiredRoles: ['preparer'],
    });
    expect(report.embedded.rescoreMatches).toBe(true);
    expect(report.ok).toBe(false);
    const run = await runCli('verify', at('page-vs-data.signed.pdf'), '--trust', at('ca.pem'), '--roles', '填表人');
    expect(run.code).toBe(1);
    const total = rescored.result.total.toString();
    expect(run.out).toContain(`页面所印与内嵌数据重新评分的结果不符：总分印的是 95，数据是 ${total}`);
    expect(run.out).toContain('页面所印与内嵌数据重新评分的结果不符：指标 7 的得分印的是 8，数据是 5');
  });

  test("every example form's pages read back as its data (the reading is not a guess that passes by luck)", async () => {
    // the examples, and a 60-row form whose table runs over several pages (its heading repeated on each)
    const long = writeLongForm(tempDir('jixiao-long-'), 60);
    for (const file of [
      'examples/water-2023/project.actuals.yaml',
      'examples/water-2023/override.actuals.yaml',
      'examples/zhuzhou-2020/department.actuals.yaml',
      PROJECT,
      long,
    ]) {
      const [form] = await renderForms([file], { explain: true });
      writeFileSync(at('example.pdf'), form!.pdf!);
      const report = await verifyPdf(at('example.pdf'), { allowUnsigned: true });
      expect([file, report.reasons]).toEqual([file, []]);
    }
  });
});
