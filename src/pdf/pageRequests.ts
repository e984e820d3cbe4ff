import type { HTTPRequest } from 'puppeteer-core';

// What the printing page may load, and how each request is answered: the form's HTML and its bundled assets from
// memory, data: URLs as they are, everything else aborted (and remembered): rendering never reaches the network.

/** The page's own origin. Nothing is ever fetched from it: every request is answered from memory or aborted. */
export const PAGE_ORIGIN = 'https://jixiao.invalid';

export interface Asset {
  body: Buffer | string;
  contentType: string;
}

export interface PrintJob {
  html: string;
  /** Answers a request for one of the page's own bundled assets (fonts, stylesheet); null aborts it. */
  resolveAsset(pathname: string): Promise<Asset | null>;
  /** A name for messages. */
  name: string;
  /** A script run in the laid-out page just before printing (it may rearrange the page for its page breaks). */
  prepare?: string;
  /** Give back the page's HTML as printed (after the prepare script), for an HTML copy that breaks as the PDF does. */
  keepHtml?: boolean;
  /** How many forms the page holds: the time limit is per form, so a document of several gets as many times as long. */
  forms?: number;
}

/** Answers one request of the printing page (see above); `onServed` tells the printer the page is still loading its own. */
export async function answer(
  request: HTTPRequest,
  documentUrl: string,
  job: PrintJob,
  aborted: string[],
  onServed: () => void,
): Promise<void> {
  const target = request.url();
  try {
    if (target === documentUrl) {
      onServed();
      await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: job.html });
      return;
    }
    if (target.startsWith(`${PAGE_ORIGIN}/`)) {
      const asset = await job.resolveAsset(new URL(target).pathname);
      if (asset) {
        onServed();
        await request.respond({
          status: 200,
          contentType: asset.contentType,
          body: asset.body,
          headers: { 'cache-control': 'public, max-age=31536000, immutable' },
        });
        return;
      }
    }
    if (target.startsWith('data:')) {
      await request.continue();
      return;
    }
    aborted.push(target);
    await request.abort('blockedbyclient');
  } catch {
    // the page was closed while the request was pending
  }
}
