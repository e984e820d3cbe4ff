import { BrowserGoneError, type FormPrinter, type PdfPrinter, type PrintedPdf, type PrintJob } from './printer';

/**
 * A printer that survives its browser: when Chromium dies mid-run (crash, out of memory, killed), the next
 * browser is launched once for everyone who was printing on the dead one, and each of their jobs is retried
 * once on it. A job that kills the new browser too is given up (its error goes to the caller).
 */
export class RelaunchingPrinter implements FormPrinter {
  private current: Promise<PdfPrinter>;
  /** Bumped at each relaunch, so callers that saw the same dead browser relaunch it only once. */
  private generation = 0;
  private closed = false;
  /** How many times the browser was relaunched (reported by batch runs). */
  relaunches = 0;

  constructor(private readonly launch: () => Promise<PdfPrinter>) {
    this.current = launch();
    // a launch failure is reported to whoever prints first, not as an unhandled rejection
    this.current.catch(() => undefined);
  }

  /** The printer in use (for tests that kill its browser, and for warm-up). */
  get printer(): Promise<PdfPrinter> {
    return this.current;
  }

  async print(job: PrintJob): Promise<PrintedPdf> {
    const seen = this.generation;
    try {
      return await (await this.current).print(job);
    } catch (error) {
      if (!(error instanceof BrowserGoneError) || this.closed) throw error;
      this.relaunchAfter(seen);
      return (await this.current).print(job);
    }
  }

  private relaunchAfter(seen: number): void {
    if (seen !== this.generation) return;
    this.generation++;
    this.relaunches++;
    const dead = this.current;
    this.current = this.launch();
    this.current.catch(() => undefined);
    // the dead browser's profile is removed and any process left of it stopped
    void dead.then((p) => p.close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    await (await this.current.catch(() => undefined))?.close();
  }
}
