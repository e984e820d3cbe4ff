import { InputError } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { findPdfs } from '../load/formFiles';
import { csvFile } from '../report/csv';
import {
  summaryCells,
  summaryHeaders,
  summaryRow,
  unreadableRow,
  type VerifySummaryRow,
} from '../report/verifySummary';
import { text } from '../errors/texts';
import { tableWorkbook } from '../workbook/tableWorkbook';
import { launchPrinter } from '../pipeline/render';
import { revocationLists } from '../pipeline/revocationSources';
import { verifyPdf, type VerifyOptions } from './verifyPdf';

export type { VerifySummaryRow, VerifyVerdict } from '../report/verifySummary';

/**
 * Verifies every PDF under the files and folders given, one after another (each is read whole: a year of forms
 * would not fit in memory at once), and gives one line per file. A file that cannot be opened is a line too.
 */
export async function verifyMany(targets: string[], options: VerifyOptions, lang: Lang): Promise<VerifySummaryRow[]> {
  const rows: VerifySummaryRow[] = [];
  // the CRLs are read (and fetched) once for every file; one that cannot be had stops the run, not each file
  const crlLists = options.crlLists ?? (await revocationLists(options.crl ?? []));
  // --render prints every form again with one browser for the whole run
  const renderPrinter = options.render && !options.renderPrinter ? launchPrinter({}, undefined, true) : undefined;
  try {
    for (const file of findPdfs(targets)) {
      try {
        rows.push(
          summaryRow(
            await verifyPdf(file, { ...options, crlLists, ...(renderPrinter ? { renderPrinter } : {}) }),
            lang,
          ),
        );
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        rows.push(unreadableRow(file, error.diagnostics, lang));
      }
    }
  } finally {
    await renderPrinter?.close();
  }
  return rows;
}

/** The table as a file: .xlsx (Chinese headers, one sheet) or, for any other name, CSV with a byte-order mark. */
export async function verifySummaryFile(
  rows: readonly VerifySummaryRow[],
  lang: Lang,
  output: string,
): Promise<Uint8Array | string> {
  const cells = rows.map((r) => summaryCells(r, lang));
  if (output.toLowerCase().endsWith('.xlsx'))
    return tableWorkbook(text('verify.many.sheet', lang), summaryHeaders(lang), cells);
  return csvFile(summaryHeaders(lang), cells);
}
