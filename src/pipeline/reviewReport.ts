import { JIXIAO_VERSION } from '../domain/version';
import { PAGE_ORIGIN } from '../pdf/printer';
import { finalizePdf } from '../pdfdoc/finalize';
import type { ReviewReportData, SignatureBox } from '../pdfdoc/embeddedData';
import { bundledAsset } from '../report/assets';
import { launchPrinter } from './render';

export { PAGE_ORIGIN };

/**
 * Prints a 复核报告 as the forms are printed (one browser, no request leaving the page, fonts embedded), then
 * finishes it as a signable jixiao PDF: its metadata, its reviewer boxes taken from the page's links, and its
 * data embedded, so `jixiao sign` can sign it in the reviewer roles and `jixiao verify` can check it.
 */
export async function printReviewReport(
  html: string,
  info: { title: string; subject: string; keywords: string[] },
  data: (boxes: SignatureBox[]) => ReviewReportData,
  options: { executablePath?: string } = {},
): Promise<Uint8Array> {
  const printer = launchPrinter({
    ...(options.executablePath ? { executablePath: options.executablePath } : {}),
    concurrency: 1,
  });
  try {
    const { pdf } = await printer.print({ html, resolveAsset: bundledAsset, name: info.title });
    const finished = await finalizePdf(
      pdf,
      { ...info, author: 'jixiao', creator: `jixiao ${JIXIAO_VERSION}`, language: 'zh-CN', draft: false },
      data,
    );
    return finished.pdf;
  } finally {
    await printer.close();
  }
}
