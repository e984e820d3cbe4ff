import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import puppeteer, { type Browser, type CDPSession, type HTTPRequest, type Page } from 'puppeteer-core';
import { inputError } from '../errors/diagnostic';
import { findBrowser } from './findBrowser';
import { profilePrefix, removeStaleProfiles } from './profiles';
import { answer, PAGE_ORIGIN, type PrintJob } from './pageRequests';

export { PAGE_ORIGIN, type Asset, type PrintJob } from './pageRequests';
export {
  BrowserGoneError,
  type FormPrinter,
  type PrintedPdf,
  type PrinterOptions,
  type PrintStats,
} from './formPrinter';
import { BrowserGoneError, type FormPrinter, type PrintedPdf, type PrinterOptions } from './formPrinter';

/** Flags for a headless browser on a closed network: nothing in the background reaches out. */
const BROWSER_ARGS = [
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/**
 * One browser per run, reused for every form: pages are kept and reused, at most `concurrency` at a time.
 * Every request that is not the page's own bundled asset is aborted, and page JavaScript is disabled.
 * A page that takes longer than the timeout is closed and the job retried once on a fresh page.
 */
export class PdfPrinter implements FormPrinter {
  private readonly idle: Page[] = [];
  /** Pages holding a loaded form document, with what it takes to write the next form into it. */
  private readonly loaded = new WeakMap<Page, { session: CDPSession; frameId: string; uses: number }>();
  private readonly waiting: (() => void)[] = [];
  private busy = 0;
  private closed = false;

  private constructor(
    private readonly browser: Browser,
    /** The blank tab kept in front of the printing pages (see newPage). */
    private readonly front: Page,
    private readonly profileDir: string,
    private readonly timeoutMs: number,
    private readonly concurrency: number,
  ) {}

  static async launch(options: PrinterOptions = {}): Promise<PdfPrinter> {
    const executablePath = options.executablePath ?? findBrowser();
    removeStaleProfiles();
    const profileDir = mkdtempSync(path.join(tmpdir(), profilePrefix()));
    const args = [...BROWSER_ARGS, `--user-data-dir=${profileDir}`];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    let browser: Browser;
    try {
      // signals are the caller's: a worker finishes its forms on Ctrl-C (puppeteer's own handler would exit at once);
      // a process that dies anyway takes the browser with it, as the pipe to it closes
      browser = await puppeteer.launch({
        executablePath,
        args,
        headless: true,
        pipe: true,
        userDataDir: profileDir,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      rmSync(profileDir, { recursive: true, force: true });
      throw inputError('BROWSER_LAUNCH_FAILED', {
        path: executablePath,
        detail: (error as Error).message.split('\n')[0] ?? '',
      });
    }
    let front: Page;
    try {
      // the blank tab the browser opens with, or a new one
      front = (await browser.pages())[0] ?? (await browser.newPage());
    } catch (error) {
      await browser.close().catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
      throw error;
    }
    return new PdfPrinter(
      browser,
      front,
      profileDir,
      options.timeoutMs ?? 30_000,
      Math.max(1, options.concurrency ?? 2),
    );
  }

  /** The browser's process id (tests check it is gone after close). */
  get pid(): number | undefined {
    return this.browser.process()?.pid;
  }

  get profile(): string {
    return this.profileDir;
  }

  /** Prints one job; a browser that dies meanwhile is reported as BrowserGoneError (a relaunch can retry it). */
  async print(job: PrintJob): Promise<PrintedPdf> {
    try {
      return await this.printOnce(job);
    } catch (error) {
      // closed under it (a relaunch closes the dead one) or died: either way the job itself may be fine
      if (!this.browser.connected) throw new BrowserGoneError(job.name);
      throw error;
    }
  }

  private async printOnce(job: PrintJob): Promise<PrintedPdf> {
    const start = performance.now();
    const limit = this.timeoutMs * Math.max(1, job.forms ?? 1);
    const aborted: string[] = [];
    let served = 0;
    for (let attempt = 1; attempt <= 2; attempt++) {
      await this.slot();
      let page: Page | undefined;
      let healthy = false;
      try {
        page = this.idle.pop() ?? (await this.newPage());
        const result = await withTimeout(
          this.printOn(page, job, aborted, () => served++),
          limit,
        );
        healthy = true;
        return { ...result, stats: { served, aborted, attempts: attempt, ms: performance.now() - start } };
      } catch (error) {
        if (!(error instanceof TimeoutError)) throw error;
        if (attempt === 2) throw inputError('RENDER_TIMEOUT', { name: job.name, seconds: (limit / 1000).toFixed(1) });
      } finally {
        if (page) {
          if (healthy) this.idle.push(page);
          else void page.close().catch(() => undefined);
        }
        this.release();
      }
    }
    throw inputError('RENDER_TIMEOUT', { name: job.name, seconds: (limit / 1000).toFixed(1) });
  }

  /**
   * Opens the pages the printer will use and loads a small page with the form's stylesheets into each, so the
   * first real form does not pay for a cold page. Safe to run while forms are still being prepared.
   */
  async warm(resolveAsset: PrintJob['resolveAsset'], html: string): Promise<void> {
    await Promise.all(
      Array.from({ length: this.concurrency }, () =>
        this.print({ html, resolveAsset, name: 'warm-up' }).catch(() => undefined),
      ),
    );
  }

  private async newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    // Interception turns the cache off; the bundled fonts never change, so let the page keep them.
    await page.setCacheEnabled(true);
    await page.emulateMediaType('print');
    // Chromium paints only the tab in front: a printing page kept behind a blank tab is laid out for print but
    // never painted for a screen nobody sees (a quarter less renderer work per form; same PDF, see bench:batch)
    await this.front.bringToFront();
    return page;
  }

  /**
   * A page that already holds a form keeps its document and gets the next form's HTML written into it
   * (Page.setDocumentContent): the fonts and stylesheet it has loaded stay loaded. A navigation would fetch
   * them all again through the interception — about thirty requests answered by this process per form,
   * which made printing half as fast (see bench:batch). Every so many forms the page navigates afresh, so
   * nothing builds up in one document.
   */
  private async printOn(
    page: Page,
    job: PrintJob,
    aborted: string[],
    onServed: () => void,
  ): Promise<{ pdf: Uint8Array; prepared: unknown; html?: string }> {
    const url = `${PAGE_ORIGIN}/form.html`;
    const onRequest = (request: HTTPRequest): void => {
      void answer(request, url, job, aborted, onServed);
    };
    page.on('request', onRequest);
    try {
      const loaded = this.loaded.get(page);
      if (loaded && loaded.uses < FORMS_PER_DOCUMENT) {
        loaded.uses++;
        await loaded.session.send('Page.setDocumentContent', { frameId: loaded.frameId, html: job.html });
        // the new content's images (a seal as a data: URL) finish loading before it is printed
        await page.evaluate(() =>
          document.readyState === 'complete'
            ? undefined
            : new Promise<void>((resolve) => window.addEventListener('load', () => resolve(), { once: true })),
        );
      } else {
        await page.goto(url, { waitUntil: 'load', timeout: 0 });
        const session = loaded?.session ?? (await page.createCDPSession());
        const { frameTree } = await session.send('Page.getFrameTree');
        this.loaded.set(page, { session, frameId: frameTree.frame.id, uses: 1 });
      }
      const prepared: unknown = job.prepare ? await page.evaluate(job.prepare) : undefined;
      const html = job.keepHtml
        ? await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`)
        : undefined;
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        timeout: 0,
        tagged: true,
        waitForFonts: true,
      });
      return { pdf, prepared, ...(html !== undefined ? { html } : {}) };
    } finally {
      page.off('request', onRequest);
    }
  }

  private async slot(): Promise<void> {
    if (this.closed) throw new Error('printer is closed');
    if (this.busy < this.concurrency) {
      this.busy++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.closed) throw new Error('printer is closed');
    this.busy++;
  }

  private release(): void {
    this.busy--;
    this.waiting.shift()?.();
  }

  /** Closes the browser and removes its profile; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // jobs still waiting for a page are woken, and find the printer closed
    for (const wake of this.waiting.splice(0)) wake();
    const proc = this.browser.process();
    try {
      await withTimeout(this.browser.close(), 5_000);
    } catch {
      proc?.kill('SIGKILL');
    }
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/** Forms written into one page's document before it navigates afresh. */
const FORMS_PER_DOCUMENT = 200;

class TimeoutError extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
    // a job abandoned with its browser (a warm-up when the only form failed) must not hold the process open
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
