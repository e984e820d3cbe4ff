/**
 * The README's pictures of the web form: the forms page, and a form with a flagged cell (a typo in 实际完成值),
 * taken in Debian's Chromium at a 1366×768 laptop's width. Usage: npm run build && npx tsx scripts/serve-screenshots.ts
 */
import * as path from 'node:path';
import { launchChromium, servedFolder, startServe } from '../test/serveHarness';

async function main(): Promise<void> {
  const folder = servedFolder();
  const [served, browser] = await Promise.all([startServe(folder), launchChromium()]);
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    await page.goto(served.url);
    await page.screenshot({ path: path.join(__dirname, '..', 'docs/serve-forms.png') });
    await page.goto(`${served.origin}/form?file=water%2Fproject.actuals.yaml`);
    await page.waitForFunction(() => document.body.dataset.answered !== undefined);
    const cell = '.fill[data-field="[\\"indicators\\",\\"1.1\\",\\"actual\\"]"]';
    await page.click(cell, { count: 3 });
    await page.keyboard.type('十处');
    await page.waitForFunction(() => document.querySelector('.cell-mark.mark-error') !== null && document.body.dataset.scoring === undefined);
    await page.evaluate(() => document.querySelector('table.indicators')!.scrollIntoView());
    await page.evaluate(() => window.scrollBy(0, -120));
    await page.screenshot({ path: path.join(__dirname, '..', 'docs/serve-form.png') });
  } finally {
    await browser.close();
    await served.stop();
  }
}

void main();
