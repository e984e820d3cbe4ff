/**
 * The README's pictures of the web form, on the examples' own forms (株洲市人民政府办公室's two seed forms and the
 * water project), taken in Debian's Chromium at a 1366×768 laptop's width: the forms page, a form with a flagged cell
 * (满意度 written in words), and the sign-off after the 填表人 signed from the page with a demo certificate.
 * Usage: npm run build && npx tsx scripts/serve-screenshots.ts
 */
import { cpSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir, withPasswords } from '../test/helpers';
import { fill, launchChromium, settled, startServe } from '../test/serveHarness';

const ROOT = path.join(__dirname, '..');
const DEMO_PASSWORD = 'demo-only';

/** A demo certificate for the 填表人, from a demo CA, as scripts/demo.sh makes them. */
async function demoKey(dir: string): Promise<string> {
  const key = path.join(dir, 'preparer.p12');
  await withPasswords({ JIXIAO_P12_PASSWORD: DEMO_PASSWORD, JIXIAO_CA_PASSWORD: DEMO_PASSWORD }, async () => {
    await runCli('keygen', '--ca', '--cn', 'jixiao 演示根证书', '-o', path.join(dir, 'ca.p12'));
    await runCli('keygen', '--cn', '演示填表人', '--issuer', path.join(dir, 'ca.p12'), '-o', key);
  });
  return key;
}

async function main(): Promise<void> {
  // named as in the repository: the page's title shows the folder's name
  const scratch = [
    tempDir('jixiao-screenshots-'),
    tempDir('jixiao-screenshot-keys-'),
    tempDir('jixiao-screenshot-downloads-'),
  ] as const;
  const folder = path.join(scratch[0], 'examples');
  cpSync(path.join(ROOT, 'examples'), folder, { recursive: true });
  const key = await demoKey(scratch[1]);
  const [served, browser] = await Promise.all([startServe(folder), launchChromium(scratch[2])]);
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    await page.goto(served.url);
    await page.screenshot({ path: path.join(ROOT, 'docs/serve-forms.png') });

    await page.goto(`${served.origin}/form?file=zhuzhou-2020%2Fproject.actuals.yaml`);
    await settled(page);
    await fill(page, ['indicators', '12', 'actual'], '百分之九十五');
    await page.evaluate(() => document.querySelector('tr[data-row="10"]')?.scrollIntoView());
    await page.screenshot({ path: path.join(ROOT, 'docs/serve-form.png') });

    await fill(page, ['indicators', '12', 'actual'], '95%');
    for (const [role, name] of [
      ['preparer', '演示填表人'],
      ['reviewer', '演示审核人'],
      ['head', '演示负责人'],
    ] as const)
      await fill(page, ['signOff', role], name);
    await (await page.$('input#sign-key'))?.uploadFile(key);
    await page.type('#sign-password', DEMO_PASSWORD);
    await page.click('#sign');
    await page.waitForFunction(() => document.body.dataset.signedAs === 'preparer');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.screenshot({ path: path.join(ROOT, 'docs/serve-signing.png') });
  } finally {
    await browser.close();
    await served.stop();
    // the copies, the demo keys and the signed download are scratch: nothing is left behind
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
