import type { FormPrinter, PrintedPdf, PrintJob } from '../pdf/printer';
import { canShareDocument, combineSheets, signatureBoxesIn } from '../report/sheets';
import { splitSheets } from '../pdfdoc/splitSheets';

/**
 * Forms printed in one document by a batch: Chromium's cost per print (its print compositor is a new process each
 * time) is paid once for them. Ten rather than five: bench:batch on one day, 1,000 forms, 25.8 forms/s against 23.4
 * (node peak 225 MB, node and Chromium 914 MB); a document that fails is still printed form by form.
 */
export const SHEETS_PER_DOCUMENT = 10;

/** How long forms wait for others to fill their document when a page is free, before they are printed as they are. */
const GATHER_MS = 15;

interface Waiting {
  job: PrintJob;
  resolve(printed: PrintedPdf): void;
  reject(error: unknown): void;
}

/**
 * Prints forms several to a document and gives each caller its own form's PDF, as if printed alone: the forms
 * are laid out as sheets of one document (each on named pages of its own, with its own page numbers and totals, see
 * templates/print/continue-groups.js), printed once, and split with each form's structure tree. The split is
 * checked (page totals against the pages printed, each form's sign-off boxes on its own last page); a group
 * that does not check out, or whose print fails, is printed form by form, so each form fails or prints on its own.
 */
export class SheetPrinter implements FormPrinter {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Shared documents being printed now. */
  private printing = 0;
  /** Forms printed in a shared document, and forms that had to be printed alone after all (for benchmarks and tests). */
  readonly counts = { shared: 0, alone: 0 };
  /** Why shared documents were given up (the first few), for benchmarks and tests. */
  readonly declined: string[] = [];

  /** `pages`: how many documents the printer prints at once; while they are all busy, waiting forms gather into full documents. */
  constructor(
    private readonly inner: FormPrinter,
    private readonly pages: number,
    private readonly perDocument = SHEETS_PER_DOCUMENT,
  ) {}

  print(job: PrintJob): Promise<PrintedPdf> {
    if (this.perDocument < 2 || !canShareDocument(job.html)) return this.alone(job);
    return new Promise<PrintedPdf>((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.next();
    });
  }

  /**
   * A full document goes to the printer at once; a part-filled one only when a page is free and no more forms
   * came for a moment (while every page is busy, waiting costs nothing and fills the next document).
   */
  private next(): void {
    while (this.waiting.length >= this.perDocument) this.start(this.waiting.splice(0, this.perDocument));
    if (this.waiting.length === 0 || this.printing >= this.pages || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.waiting.length > 0 && this.printing < this.pages) this.start(this.waiting.splice(0, this.perDocument));
    }, GATHER_MS);
  }

  private start(group: Waiting[]): void {
    this.printing++;
    void this.printGroup(group).finally(() => {
      this.printing--;
      this.next();
    });
  }

  private alone(job: PrintJob): Promise<PrintedPdf> {
    this.counts.alone++;
    return this.inner.print(job);
  }

  private async printGroup(group: Waiting[]): Promise<void> {
    const first = group[0];
    if (!first) return;
    if (group.length === 1) return this.settle(first, this.alone(first.job));
    let parts: { waiting: Waiting; pdf: Uint8Array }[];
    let printed: PrintedPdf;
    try {
      printed = await this.inner.print({
        ...first.job,
        html: combineSheets(group.map((g) => g.job.html)),
        name: group.map((g) => g.job.name).join('、'),
        forms: group.length,
      });
      const totals = printed.prepared;
      if (!Array.isArray(totals) || totals.length !== group.length)
        throw new Error('the print script gave no page totals');
      const pdfs = splitSheets(
        printed.pdf,
        group.map((g, i) => ({ pages: Number(totals[i]), signatureBoxes: signatureBoxesIn(g.job.html) })),
      );
      parts = group.flatMap((waiting, i) => {
        const pdf = pdfs[i];
        return pdf ? [{ waiting, pdf }] : [];
      });
      if (parts.length !== group.length) throw new Error('the split gave fewer forms than were printed');
    } catch (error) {
      if (this.declined.length < 20) this.declined.push(error instanceof Error ? error.message : String(error));
      // whatever went wrong with the shared document (a page that hung, a browser that died twice, a layout the
      // split does not bear out) is found out form by form
      for (const g of group) void this.settle(g, this.alone(g.job));
      return;
    }
    this.counts.shared += group.length;
    for (const { waiting, pdf } of parts)
      waiting.resolve({ pdf, stats: { ...printed.stats, ms: printed.stats.ms / group.length } });
  }

  private async settle(waiting: Waiting, printing: Promise<PrintedPdf>): Promise<void> {
    try {
      waiting.resolve(await printing);
    } catch (error) {
      waiting.reject(error);
    }
  }
}
