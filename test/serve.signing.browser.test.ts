import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { runCli, tempDir, withPasswords } from './helpers';
import {
  field,
  fill,
  launchChromium,
  servedFolder,
  settled,
  startServe,
  waitForFile,
  type Served,
} from './serveHarness';

// The whole sign-off on the web page, in Debian's Chromium: a late 时效 row completed through its 档次 control, every
// sign-off field filled, then each signer signing from the page with a .p12 and its password, as `jixiao sign` does.

jest.setTimeout(180_000);

const PASSWORD = 'page-signing-test-only';
let folder: string;
let keys: string;
let served: Served;
let browser: Browser;
const downloads = tempDir('jixiao-downloads-');

beforeAll(async () => {
  folder = servedFolder();
  keys = tempDir('jixiao-page-keys-');
  await withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD, JIXIAO_CA_PASSWORD: PASSWORD }, async () => {
    for (const args of [
      ['--ca', '--cn', '签署测试根证书', '-o', path.join(keys, 'ca.p12'), '--cert-out', path.join(keys, 'ca.pem')],
      ['--cn', '演示填表人', '--issuer', path.join(keys, 'ca.p12'), '-o', path.join(keys, 'preparer.p12')],
      ['--cn', '演示审核人', '--issuer', path.join(keys, 'ca.p12'), '-o', path.join(keys, 'reviewer.p12')],
    ]) {
      const made = await runCli('keygen', ...args);
      if (made.code !== 0) throw new Error(made.err);
    }
  });
  [served, browser] = await Promise.all([startServe(folder), launchChromium(downloads)]);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

async function openForm(): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 900 });
  await page.goto(served.url);
  await Promise.all([page.waitForNavigation(), page.click('tr[data-file="water/project.actuals.yaml"] a.open-form')]);
  await settled(page);
  return page;
}

/** Chooses in a 档次 list as a clerk does and waits for the new scores. */
async function choose(page: Page, at: string[], value: string): Promise<void> {
  const before = await page.evaluate(() => Number(document.body.dataset.answered ?? '0'));
  await page.select(field(at), value);
  await page.waitForFunction(
    (seen) => document.body.dataset.scoring === undefined && Number(document.body.dataset.answered) > seen,
    {},
    before,
  );
}

const statusText = (page: Page): Promise<string> => page.$eval('#signing-status', (e) => e.textContent ?? '');
const marksAt = (page: Page, row: string): Promise<string[]> =>
  page.$$eval(`tr[data-row="${row}"] .cell-mark`, (els) =>
    els.map((e) => `${(e as HTMLElement).dataset.code}: ${e.textContent}`),
  );

/** Signs from the page: role, key file, password, the button; waits until the page has said how it went. */
async function signAs(page: Page, role: string, key: string, options: { restart?: boolean } = {}): Promise<string> {
  await page.select('#sign-role', role);
  const input = await page.$('input#sign-key');
  if (!input) throw new Error('no key input');
  await input.uploadFile(key);
  await page.type('#sign-password', PASSWORD);
  if (options.restart) await page.click('#sign-restart');
  await page.evaluate(() => {
    document.getElementById('banner-text')!.textContent = '';
  });
  await page.click('#sign');
  await page.waitForFunction(() => /已签署为|未签署/.test(document.getElementById('banner-text')?.textContent ?? ''));
  return page.$eval('#banner-text', (e) => e.textContent ?? '');
}

describe('the sign-off on the web page', () => {
  test('a late date row through its 档次 control, the whole sign-off filled, signed as 填表人 from the page: verify says 1 of 4 roles', async () => {
    const page = await openForm();
    expect(await statusText(page)).toBe('未签署（待签：填表人、审核人、单位负责人、单位盖章）');

    // 工程完工时间: due 2023年11月30日前, finished 2023年12月10日, ten days late: the page asks for the band at the row
    await fill(page, ['indicators', '1.4', 'actual'], '2023年12月10日');
    expect((await marksAt(page, '1.4')).join('\n')).toMatch(/LATE_DATE_BAND_REQUIRED: .*晚 10 天/);
    await choose(page, ['indicators', '1.4', 'band'], '部分达成');
    await fill(page, ['indicators', '1.4', 'declaredScore'], '7');
    await fill(page, ['indicators', '1.4', 'deviationReason'], '雨季停工十天');
    await fill(page, ['declaredTotal'], '96.8');
    await fill(page, ['declaredGrade'], '优');
    for (const [key, value] of [
      ['preparer', '演示填表人'],
      ['phone', '0000-1234567'],
      ['date', '2024年1月16日'],
      ['reviewer', '演示审核人'],
      ['head', '演示负责人'],
    ] as const)
      await fill(page, ['signOff', key], value);
    expect(await page.$eval('#status', (e) => e.textContent)).toBe('已填完，可出表');
    expect(await page.$eval('[data-explain="1.4"]', (e) => e.textContent)).toContain('时效指标（逾期10天）');

    // signing saves first, then signs: the form on disk is the one signed
    const said = await signAs(page, 'preparer', path.join(keys, 'preparer.p12'));
    expect(said).toBe('已签署为填表人（演示填表人），已下载签署后的 PDF：project.signed.pdf');
    const signed = await waitForFile(downloads, 'project.signed.pdf');
    expect(await statusText(page)).toBe('已签：填表人；待签：审核人、单位负责人、单位盖章');
    const kept = path.join(folder, 'water/project.signed.pdf');
    expect(readFileSync(signed).equals(readFileSync(kept))).toBe(true);
    const saved = readFileSync(path.join(folder, 'water/project.actuals.yaml'), 'utf8');
    expect(saved).toMatch(/reviewer: 演示审核人/);
    expect(saved).toMatch(/declaredTotal: 96\.8/);

    const verified = await runCli('verify', signed, '--trust', path.join(keys, 'ca.pem'));
    expect(verified.code).not.toBe(0);
    expect(verified.out + verified.err).toContain('4 个角色中已签 1 个（缺：审核人、单位负责人、单位盖章）');
    expect(verified.out + verified.err).not.toContain('核验通过');
    // the printed names are the ones typed on the page
    const json = JSON.parse((await runCli('verify', signed, '--trust', path.join(keys, 'ca.pem'), '--json')).out) as {
      roles: { signed: string[]; missing: string[] };
    };
    expect(json.roles).toMatchObject({ signed: ['preparer'], missing: ['reviewer', 'head', 'seal'] });

    // the key and its password were never written or logged: nothing new in the folder but the two files, no password anywhere
    const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' });
    expect(
      files(path.join(folder, 'water')).filter(
        (f) => !/^(project|override)\.(actuals|indicators)\.yaml$|^seal\.png$|README/.test(f),
      ),
    ).toEqual(['project.signed.pdf']);
    expect(served.stderr()).not.toContain(PASSWORD);
    for (const f of files(folder).filter((f) => statSync(path.join(folder, f)).isFile()))
      expect([f, readFileSync(path.join(folder, f)).includes(PASSWORD)]).toEqual([f, false]);
    rmSync(signed);
    await page.close();
  });

  test('a signed form opens read-only with a warning; the next signer signs on top; an edit after signing stops the chain until it restarts', async () => {
    const page = await openForm();
    // opened after a signature: read-only, and the page says what editing would do
    expect(await page.evaluate(() => document.body.dataset.locked)).toBe('true');
    expect(await page.$eval('#signed-lock', (e) => (e as HTMLElement).hidden)).toBe(false);
    expect(await page.$eval(field(['signOff', 'phone']), (e) => (e as HTMLInputElement).readOnly)).toBe(true);
    expect(await page.$eval('#sign-role', (e) => (e as HTMLSelectElement).value)).toBe('reviewer');

    // 审核人 signs on top of 填表人's PDF: both signatures hold, the intermediate check passes
    expect(await signAs(page, 'reviewer', path.join(keys, 'reviewer.p12'))).toBe(
      '已签署为审核人（演示审核人），已下载签署后的 PDF：project.signed.pdf',
    );
    const signed = await waitForFile(downloads, 'project.signed.pdf');
    expect(await statusText(page)).toBe('已签：填表人、审核人；待签：单位负责人、单位盖章');
    const checked = await runCli('verify', signed, '--trust', path.join(keys, 'ca.pem'), '--roles', '填表人,审核人');
    expect([checked.code, checked.out + checked.err]).toEqual([0, expect.stringContaining('核验通过')]);
    rmSync(signed);

    // edited anyway, after the warning: the signed PDF no longer matches, and signing on it is refused
    await page.click('#edit-signed');
    expect(await page.$eval(field(['signOff', 'phone']), (e) => (e as HTMLInputElement).readOnly)).toBe(false);
    await fill(page, ['signOff', 'phone'], '0000-7654321');
    expect(await signAs(page, 'head', path.join(keys, 'reviewer.p12'))).toMatch(/^未签署： .*签署之后表又改过/);
    expect(await statusText(page)).toContain('已签的 PDF 与当前的表不一致');
    // started again from the preparer on the form as it is now
    expect(await signAs(page, 'preparer', path.join(keys, 'preparer.p12'), { restart: true })).toMatch(
      /^已签署为填表人/,
    );
    expect(await statusText(page)).toBe('已签：填表人；待签：审核人、单位负责人、单位盖章');
    await page.close();
  });
});
