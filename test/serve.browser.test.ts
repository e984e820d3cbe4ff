import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { runCli, tempDir } from './helpers';
import { describeWith } from './outsidePrograms';
import {
  field,
  fill,
  FIREFOX,
  launchChromium,
  launchFirefox,
  MARKUP_NAME,
  servedFolder,
  settled,
  startServe,
  waitForFile,
  type Served,
} from './serveHarness';

// The clerk's web form, end to end: `jixiao serve` started as a user starts it, driven in Debian's Chromium.

jest.setTimeout(120_000);

let folder: string;
let served: Served;
let browser: Browser;
const downloads = tempDir('jixiao-downloads-');

beforeAll(async () => {
  folder = servedFolder();
  [served, browser] = await Promise.all([startServe(folder), launchChromium(downloads)]);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/** A page that records every request it makes, to show none leaves the server's own origin. */
async function openPage(): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { page, requests };
}

async function shown(
  page: Page,
): Promise<{ total: string; grade: string; status: string; rows: Record<string, string>; budget: string }> {
  return page.evaluate(() => ({
    total: document.getElementById('total')!.textContent ?? '',
    grade: document.getElementById('grade')!.textContent ?? '',
    status: document.getElementById('status')!.textContent ?? '',
    budget: document.getElementById('budget-score')!.textContent ?? '',
    rows: Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('[data-score]')).map((e) => [
        e.dataset.score!,
        e.textContent ?? '',
      ]),
    ),
  }));
}

/** The messages shown at one row's cells, by code. */
async function marksAt(page: Page, row: string): Promise<string[]> {
  return page.$$eval(`tr[data-row="${row}"] .cell-mark`, (els) =>
    els.map((e) => `${(e as HTMLElement).dataset.code}: ${e.textContent}`),
  );
}

describe('jixiao serve in Chromium', () => {
  test('a clerk starts a form from its definitions, fills it row by row with live scores, saves it and prints it', async () => {
    const { page, requests } = await openPage();
    await page.goto(served.url);
    // the token went into a cookie and out of the address bar
    expect(page.url()).toBe(`${served.origin}/`);
    const entries = await page.$$eval('tr.form-entry', (rows) =>
      rows.map((r) => [(r as HTMLElement).dataset.file, r.querySelector('.status')!.textContent]),
    );
    expect(entries).toEqual([
      ['markup/project.actuals.yaml', '可出表'],
      ['water/override.actuals.yaml', '可出表'],
      ['water/project.actuals.yaml', '可出表'],
      ['new/project.indicators.yaml', '未填'],
    ]);

    // 新建填报: what `jixiao init` writes, then the form
    await Promise.all([
      page.waitForNavigation(),
      page.click('tr[data-file="new/project.indicators.yaml"] button.new-form'),
    ]);
    expect(page.url()).toBe(`${served.origin}/form?file=new%2Fproject.actuals.yaml`);
    const actualsFile = path.join(folder, 'new/project.actuals.yaml');
    expect(existsSync(actualsFile)).toBe(true);
    await settled(page);
    let now = await shown(page);
    expect(now.status).toBe('待补充 11 项');
    expect(now.total).toBe('0');

    // the budget: 1156.4 of 1180 executed is 98%, 9.8 of 10
    await fill(page, ['budget', 'fullYearBudget'], '1180');
    await fill(page, ['budget', 'executed'], '1156.4');
    now = await shown(page);
    expect([now.budget, now.total, now.status]).toEqual(['9.8', '9.8', '待补充 10 项']);
    expect(await page.$eval('#budget-rate', (e) => e.textContent)).toBe('98%');

    // a shortfall: 10 of ≥12 scores 10×10÷12 = 8.33 and asks for the reason at that row
    await fill(page, ['indicators', '1.1', 'actual'], '10处');
    now = await shown(page);
    expect([now.rows['1.1'], now.total, now.grade]).toEqual(['8.33', '18.13', '差']);
    expect((await marksAt(page, '1.1')).join('\n')).toMatch(/REASON_REQUIRED: .*须说明原因/);

    await fill(page, ['indicators', '1.2', 'actual'], '86公里');
    expect((await shown(page)).total).toBe('28.13');

    // a typo the parser rejects: marked at its cell with the catalog's message and fix, scored 0 until fixed
    await fill(page, ['indicators', '1.3', 'actual'], '九十七');
    now = await shown(page);
    expect(now.rows['1.3']).toBe('0');
    const typo = await marksAt(page, '1.3');
    expect(typo.join('\n')).toMatch(
      /ACTUAL_NOT_NUMBER: 指标「1\.3 出厂水水质检测合格率」是定量指标（目标 ≥95%），实际完成值「九十七」不是数值/,
    );
    expect(await page.$eval(field(['indicators', '1.3', 'actual']), (e) => e.getAttribute('aria-invalid'))).toBe(
      'true',
    );
    await fill(page, ['indicators', '1.3', 'actual'], '97.5%');
    expect(await marksAt(page, '1.3')).toEqual([]);
    expect((await shown(page)).total).toBe('38.13');

    for (const [id, value, total] of [
      ['1.4', '2023年11月18日', '48.13'],
      ['1.5', '23.6万元/公里', '58.13'],
      ['2.1', '2.3元/吨', '63.13'],
      ['2.2', '5.4万人', '73.13'],
      ['2.3', '38个', '78.13'],
    ] as const) {
      await fill(page, ['indicators', id, 'actual'], value);
      expect((await shown(page)).total).toBe(total);
    }
    // the not-applicable row has no cell to fill and is not scored
    expect(await page.$(field(['indicators', '2.4', 'actual']))).toBeNull();
    expect((await shown(page)).rows['2.4']).toBe('/');

    // a qualitative row: 部分达成 needs a declared score and its reason, then scores what was declared
    await fill(page, ['indicators', '2.5', 'actual'], '已出台管护办法');
    await page.select(field(['indicators', '2.5', 'band']), '部分达成');
    await settled(page);
    expect((await marksAt(page, '2.5')).join('\n')).toMatch(/MANUAL_SCORE_REQUIRED: .*部分达成/);
    await fill(page, ['indicators', '2.5', 'declaredScore'], '7');
    await fill(page, ['indicators', '2.5', 'reason'], '管护经费尚未全部到位');
    now = await shown(page);
    expect([now.rows['2.5'], now.total, now.grade]).toEqual(['7', '85.13', '良']);

    await fill(page, ['indicators', '3.1', 'actual'], '93.2%');
    // a draft prints as the watermarked draft, and the page says what it still needs
    expect((await shown(page)).status).toBe('待补充 1 项');
    await page.click('#pdf');
    await page.waitForFunction(() => document.getElementById('banner-text')!.textContent!.startsWith('已生成草稿'), {
      timeout: 60_000,
    });
    expect(await page.$eval('#banner-text', (e) => e.textContent)).toBe(
      '已生成草稿 PDF（带“草稿”水印），尚有 1 项待补充：「1.1 新建集中供水工程」须说明原因：未达到年度指标值',
    );
    const draft = await waitForFile(downloads, 'project.pdf');
    const draftText = execFileSync('pdftotext', ['-layout', draft, '-'], { encoding: 'utf8' });
    expect(draftText).toContain('草稿');
    expect(draftText).toContain('总分（暂计）');
    rmSync(draft);
    await fill(page, ['indicators', '1.1', 'deviationReason'], '两处工程因征地延后至次年');
    await fill(page, ['budget', 'breakdown', 'currentYear', 'fullYearBudget'], '1180');
    await fill(page, ['budget', 'breakdown', 'currentYear', 'executed'], '1156.4');
    await fill(page, ['signOff', 'preparer'], '王五');
    now = await shown(page);
    expect([now.total, now.grade, now.status]).toEqual(['95.13', '优', '已填完，可出表']);
    expect(await page.$eval('[data-level1="产出指标"] .subtotal', (e) => e.textContent)).toBe('48.33/50');
    expect(await page.$eval('[data-explain="1.1"]', (e) => e.textContent)).toBe(
      '按完成比例计分：正向指标：实际10处 < 目标12处，完成率83.33%，10×10÷12=8.33分',
    );

    // leaving with unsaved edits asks first
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.click('a.back');
    expect(await asked).toBe('beforeunload');
    expect(page.url()).toContain('/form?file=');

    // save, reload, the values are there; `jixiao score` on the saved file gives the same total
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('banner-text')!.textContent === '已保存');
    await page.reload();
    await settled(page);
    expect(await page.$eval(field(['indicators', '2.5', 'declaredScore']), (e) => (e as HTMLInputElement).value)).toBe(
      '7',
    );
    expect(await page.$eval(field(['indicators', '2.5', 'band']), (e) => (e as HTMLSelectElement).value)).toBe(
      '部分达成',
    );
    expect((await shown(page)).total).toBe('95.13');
    const scored = await runCli('score', actualsFile, '--json');
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.out)).toMatchObject({ total: '95.13', status: 'complete', grade: { label: '优' } });
    // what was not edited stays as `init` wrote it: its comments are all still there
    expect(readFileSync(actualsFile, 'utf8')).toContain('# 填表人');

    // 生成 PDF: the same renderer, downloaded from the page; its text has what was typed
    await page.click('#pdf');
    await page.waitForFunction(() => document.getElementById('banner-text')!.textContent === '已生成 PDF', {
      timeout: 60_000,
    });
    const pdf = await waitForFile(downloads, 'project.pdf');
    const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('95.13');
    expect(pdfText).not.toContain('草稿');
    expect(pdfText).toContain('两处工程因征地延后至次年');
    expect(pdfText).toContain('王五');

    // everything the page asked for came from its own origin
    const outside = requests.filter(
      (u) => !u.startsWith(`${served.origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'),
    );
    expect(outside).toEqual([]);
    await page.close();
  });

  test('the keyboard moves between cells as in a spreadsheet: Enter and arrows down a column, arrows across at the edges', async () => {
    const { page } = await openPage();
    await page.goto(`${served.origin}/form?file=water%2Fproject.actuals.yaml`);
    await settled(page);
    const focused = (): Promise<string | undefined> =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.field);
    await page.focus(field(['indicators', '1.1', 'actual']));
    await page.keyboard.press('Enter');
    expect(await focused()).toBe(JSON.stringify(['indicators', '1.2', 'actual']));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(JSON.stringify(['indicators', '1.3', 'actual']));
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(JSON.stringify(['indicators', '1.2', 'actual']));
    // the whole value is selected on arrival: → at its end goes to the next cell in the row
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(JSON.stringify(['indicators', '1.2', 'declaredScore']));
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(JSON.stringify(['indicators', '1.2', 'reason']));
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await focused()).toBe(JSON.stringify(['indicators', '1.2', 'declaredScore']));
    await page.close();
  });

  test('saving an untouched form leaves the file byte for byte; a file changed on disk after opening is never overwritten', async () => {
    const file = path.join(folder, 'water/override.actuals.yaml');
    const before = readFileSync(file);
    const { page } = await openPage();
    await page.goto(`${served.origin}/form?file=water%2Foverride.actuals.yaml`);
    await settled(page);
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('banner-text')!.textContent === '没有改动，文件未写入');
    expect(readFileSync(file).equals(before)).toBe(true);

    // an edit typed and typed back is no edit either
    await fill(page, ['indicators', '1.1', 'actual'], '11处');
    await fill(page, ['indicators', '1.1', 'actual'], '12处');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('banner-text')!.textContent === '没有改动，文件未写入');
    expect(readFileSync(file).equals(before)).toBe(true);

    // someone else changes the file: save refuses, says why and offers to reload
    await fill(page, ['indicators', '1.1', 'actual'], '11处');
    appendFileSync(file, '# 另一个程序加的注释\n');
    const changed = readFileSync(file);
    await page.click('#save');
    await page.waitForFunction(() => !document.getElementById('reload')!.hidden);
    expect(await page.$eval('#banner-text', (e) => e.textContent)).toMatch(/在打开之后被其他程序改动过，本次未保存/);
    expect(readFileSync(file).equals(changed)).toBe(true);
    page.once('dialog', (d) => void d.accept());
    await Promise.all([page.waitForNavigation(), page.click('#reload')]);
    await settled(page);
    expect(await page.$eval(field(['indicators', '1.1', 'actual']), (e) => (e as HTMLInputElement).value)).toBe('12处');
    await page.close();
  });

  test('a department named with markup shows as text: no script runs, nothing is bold', async () => {
    const { page } = await openPage();
    await page.goto(`${served.origin}/`);
    expect(await page.$eval('tr[data-file="markup/project.actuals.yaml"] td:nth-child(2)', (e) => e.textContent)).toBe(
      `${MARKUP_NAME} · 农村饮水安全巩固提升工程`,
    );
    await page.goto(`${served.origin}/form?file=markup%2Fproject.actuals.yaml`);
    await settled(page);
    expect(await page.$eval('table.header', (e) => e.textContent)).toContain(MARKUP_NAME);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.$$('main b')).toEqual([]);
    await page.close();
  });

  test('English pages come from the same catalog as the CLI', async () => {
    const { page } = await openPage();
    await page.goto(`${served.origin}/form?file=water%2Fproject.actuals.yaml&lang=en`);
    await settled(page);
    expect(await page.$eval('#save', (e) => e.textContent)).toBe('Save');
    expect(await page.$eval('#status', (e) => e.textContent)).toBe('Complete, ready to print');
    await fill(page, ['indicators', '1.3', 'actual'], 'ninety');
    expect((await marksAt(page, '1.3')).join('\n')).toMatch(/ACTUAL_NOT_NUMBER: .*is not a number/);
    await page.close();
  });
});

describeWith(
  {
    what: 'Firefox (firefox-esr on PATH)',
    present: FIREFOX !== null,
    install: 'scripts/setup.sh installs firefox-esr',
  },
  'jixiao serve in Firefox',
  () => {
    test('the form opens, scores live and marks a bad cell in Firefox ESR (WebDriver BiDi)', async () => {
      const firefox = await launchFirefox();
      try {
        const page = await firefox.newPage();
        await page.setViewport({ width: 1280, height: 800 });
        await page.goto(served.url);
        await Promise.all([
          page.waitForNavigation(),
          page.click('tr[data-file="water/project.actuals.yaml"] a.open-form'),
        ]);
        await settled(page);
        expect((await shown(page)).total).toBe('99.8');
        await fill(page, ['indicators', '1.1', 'actual'], '10处');
        expect((await shown(page)).rows['1.1']).toBe('8.33');
        await fill(page, ['indicators', '1.3', 'actual'], '九十七');
        expect((await marksAt(page, '1.3')).join('\n')).toMatch(/ACTUAL_NOT_NUMBER/);
      } finally {
        await firefox.close();
      }
    });
  },
);
