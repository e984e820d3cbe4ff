import { BrowserGoneError, type FormPrinter, type PdfPrinter, type PrintedPdf, type PrintJob } from './printer';

/**
 * A printer that survives its browser: when Chromium dies mid-run (crash, out of memory, killed), the next
 * browser is launched once for everyone who was printing on the dead one, and each of their jobs is retried
 * once on it. A job that kills the new browser too is given up (its error goes to the caller).
 */
export class RelaunchingPrinter implements FormPrinter {
  private current: Promise<PdfPrinter> | undefined;
  /** Bumped at each relaunch, so callers that saw the same dead browser relaunch it only once. */
  private generation = 0;
  private closed = false;

  /** `lazy`: the browser starts with the first print (a batch with nothing to print launches none). */
  constructor(
    private readonly launch: () => Promise<PdfPrinter>,
    options: { lazy?: boolean } = {},
  ) {
    if (!options.lazy) this.start();
  }

  /** How many times the browser was relaunched (reported by batch runs). */
  get relaunches(): number {
    return this.generation;
  }

  /** The printer in use (for tests that kill its browser); starts it if it has not started. */
  get printer(): Promise<PdfPrinter> {
    return this.current ?? this.start();
  }

  async print(job: PrintJob): Promise<PrintedPdf> {
    const seen = this.generation;
    try {
      return await (await this.printer).print(job);
    } catch (error) {
      if (!(error instanceof BrowserGoneError) || this.closed) throw error;
      this.relaunchAfter(seen);
      return (await this.printer).print(job);
    }
  }

  private start(): Promise<PdfPrinter> {
    const launched = this.launch();
    // a launch failure is reported to whoever prints first, not as an unhandled rejection
    launched.catch(() => undefined);
    this.current = launched;
    return launched;
  }

  private relaunchAfter(seen: number): void {
    if (seen !== this.generation) return;
    this.generation++;
    const dead = this.current;
    this.start();
    // the dead browser's profile is removed and any process left of it stopped
    void dead?.then((p) => p.close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    await (await this.current?.catch(() => undefined))?.close();
  }
}
