/** The signed forms the damaged-PDF fuzzer starts from: a signed form, a signed draft-free form without its result in the embedded data. */
import { PdfPrinter } from '../src/pdf/printer';
import { embeddedData, formHtml } from '../src/pipeline/render';
import { bundledAsset } from '../src/report/assets';
import { finalizePdf } from '../src/pdfdoc/finalize';
import { makeTestP12 } from '../src/sign/keygen';
import { signPdf } from '../src/sign/sign';

export const FUZZ_PASSWORD = 'fuzz-only';

export async function fuzzBases(
  actuals: string,
): Promise<{ bases: { name: string; bytes: Uint8Array }[]; signer: { p12: Uint8Array; password: string } }> {
  const preparer = makeTestP12({ commonName: '模糊测试填表人', keyBits: 1024 }, FUZZ_PASSWORD);
  const reviewer = makeTestP12({ commonName: '模糊测试审核人', keyBits: 1024 }, FUZZ_PASSWORD);
  const { scored, html, view } = await formHtml(actuals, false);
  const printer = await PdfPrinter.launch({ concurrency: 1 });
  let printed: Uint8Array;
  try {
    printed = (await printer.print({ html, resolveAsset: bundledAsset, name: actuals })).pdf;
  } finally {
    await printer.close();
  }
  const info = {
    title: view.meta.title,
    author: view.meta.author,
    subject: view.meta.subject,
    keywords: [],
    creator: 'jixiao fuzz',
    language: 'zh-CN',
  };
  const whole = (await finalizePdf(printed, info, (boxes) => embeddedData(scored, boxes))).pdf;
  // the embedded JSON without its result key (a tool that wrote half of it)
  const noResult = (
    await finalizePdf(printed, info, (boxes) => {
      const data = embeddedData(scored, boxes) as unknown as Record<string, unknown>;
      delete data.result;
      return data as never;
    })
  ).pdf;
  const sign = async (pdf: Uint8Array): Promise<Uint8Array> =>
    (
      await signPdf({
        pdf,
        file: 'base.pdf',
        p12: preparer,
        p12File: 'preparer.p12',
        password: FUZZ_PASSWORD,
        role: 'preparer',
      })
    ).pdf;
  const signed = await sign(whole);
  return {
    bases: [
      { name: 'signed', bytes: signed },
      { name: 'unsigned', bytes: whole },
      { name: 'no-result', bytes: noResult },
    ],
    signer: { p12: reviewer, password: FUZZ_PASSWORD },
  };
}
