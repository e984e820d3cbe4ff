import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser } from 'puppeteer-core';
import { parseDocument } from 'yaml';
import { dec } from '../src/domain/decimal';
import { writeForms } from './batchForms';
import { CLEAN, DEPARTMENT, ROOT, runCli, tempDir, withPasswords } from './helpers';
import { describeWith, onPath } from './outsidePrograms';
import { pdfText, squeeze } from './pdfTools';
import { launchChromium } from './serveHarness';

// The 财政局's year: 30 forms in every shape a clerk receives them, re-checked, ranked, sampled, and the
// reviewer's 复核底稿 taken through LibreOffice and back.

jest.setTimeout(300_000);

const PASSWORD = 'review-year-test';
const dir = tempDir('jixiao-review-year-');
const at = (...p: string[]): string => path.join(dir, ...p);
const year = at('year');
const out = at('review');

interface FormEntry {
  input: string;
  file: string;
  source: string;
  department: string;
  project: string;
  status: string;
  total: string | null;
  riskScore: number;
  rank: number;
  sampled: boolean;
  rolesSigned: number | null;
  verified: boolean | null;
  problems: string[];
  findings: { code: string; severity: string; weight: number; cell: string; rule: string }[];
  rows: { id: string; maxScore: string | null; finalScore: string; target: string; kind: string }[];
}
const reviewJson = (folder = out): { forms: FormEntry[]; sample: { drawn: number } } =>
  JSON.parse(readFileSync(path.join(folder, 'review.json'), 'utf8')) as {
    forms: FormEntry[];
    sample: { drawn: number };
  };

async function cli(...argv: string[]) {
  return withPasswords({ JIXIAO_P12_PASSWORD: PASSWORD, JIXIAO_CA_PASSWORD: PASSWORD }, () => runCli(...argv));
}
async function must(...argv: string[]): Promise<string> {
  const run = await cli(...argv);
  if (run.code !== 0) throw new Error(`${argv.join(' ')}: ${run.err}`);
  return run.out;
}

/** Two signed forms: one signed in every role, one by its preparer only. */
async function signedForms(): Promise<void> {
  await must('render', CLEAN, '-o', at('form.pdf'));
  await must('keygen', '--ca', '--cn', '复核测试根证书', '-o', at('ca.p12'), '--cert-out', at('ca.pem'));
  for (const [name, cn] of [
    ['preparer', '演示填表人'],
    ['reviewer', '演示审核人'],
    ['head', '演示负责人'],
    ['unit', '示例市水利局'],
  ] as const)
    await must('keygen', '--cn', cn, '--issuer', at('ca.p12'), '-o', at(`${name}.p12`));
  mkdirSync(at('year', 'signed'));
  const partial = at('year', 'signed', 'partial.pdf');
  await must('sign', at('form.pdf'), '--p12', at('preparer.p12'), '--role', '填表人', '-o', partial);
  const complete = at('year', 'signed', 'complete.pdf');
  copyFileSync(partial, complete);
  for (const [key, role] of [
    ['reviewer', '审核人'],
    ['head', '单位负责人'],
    ['unit', '单位盖章'],
  ] as const)
    await must('sign', complete, '--p12', at(`${key}.p12`), '--role', role);
}

/** 24 generated forms, one workbook, two signed PDFs, two drafts and one broken file: 30. */
async function buildYear(): Promise<void> {
  mkdirSync(at('year', 'generated'), { recursive: true });
  writeForms(at('year', 'generated'), 24, 10);
  mkdirSync(at('year', 'workbook'));
  await must('export', CLEAN, '-o', at('year', 'workbook', 'water.xlsx'));
  await signedForms();
  mkdirSync(at('year', 'drafts'));
  for (const file of ['department.actuals.yaml', 'department.indicators.yaml'])
    copyFileSync(path.join(ROOT, path.dirname(DEPARTMENT), file), at('year', 'drafts', file));
  const project = parseDocument(readFileSync(path.join(ROOT, CLEAN), 'utf8'));
  project.setIn(['indicators', '1.1', 'actual'], '');
  project.setIn(['definitions'], './project.indicators.yaml');
  writeFileSync(at('year', 'drafts', 'water-draft.actuals.yaml'), project.toString());
  copyFileSync(
    path.join(ROOT, path.dirname(CLEAN), 'project.indicators.yaml'),
    at('year', 'drafts', 'project.indicators.yaml'),
  );
  writeFileSync(at('year', 'broken.actuals.yaml'), 'definitions: ./nowhere.yaml\nbudget: [unclosed\n');
}

const review = (folder: string, ...more: string[]) =>
  cli(
    'review',
    year,
    '-o',
    folder,
    '--sample',
    '20%',
    '--seed',
    '7',
    '--by',
    'department',
    '--trust',
    at('ca.pem'),
    ...more,
  );

let first: FormEntry[] = [];

beforeAll(async () => {
  await buildYear();
  const run = await review(out);
  if (run.code !== 0) throw new Error(run.err);
  first = reviewJson().forms;
});

describe('review over a year of 30 forms', () => {
  test('every form is read, whatever its shape; the broken one is listed as failed, not the end of the run', () => {
    expect(first).toHaveLength(30);
    const by = (input: string): FormEntry | undefined => first.find((f) => f.input === input);
    expect(by('broken.actuals.yaml')).toMatchObject({ status: 'failed' });
    expect(by('broken.actuals.yaml')?.problems.join(' ')).toMatch(/YAML|yaml/);
    expect(by('workbook/water.xlsx')).toMatchObject({
      source: 'xlsx',
      status: 'complete',
      project: '农村饮水安全巩固提升工程',
    });
    expect(by('drafts/department.actuals.yaml')).toMatchObject({ status: 'draft' });
    expect(by('drafts/water-draft.actuals.yaml')).toMatchObject({ status: 'draft' });
    expect(by('signed/complete.pdf')).toMatchObject({ source: 'pdf', rolesSigned: 4, verified: true });
    expect(by('signed/partial.pdf')).toMatchObject({ source: 'pdf', rolesSigned: 1, verified: false });
    expect(by('signed/partial.pdf')?.findings.map((f) => f.code)).toContain('SIGNATURES_MISSING');
    expect(first.filter((f) => f.source === 'yaml' && f.input.startsWith('generated/'))).toHaveLength(24);
  });

  test('the ranking: by risk (the findings’ weights added), then P0 findings, then name; every finding cites a rule and a cell', () => {
    first.forEach((f, i) => {
      expect(f.rank).toBe(i + 1);
      expect(f.riskScore).toBe(f.findings.reduce((s, x) => s + x.weight, 0));
      for (const x of f.findings) {
        expect(x.rule).not.toBe('');
        expect(x.cell).not.toBe('');
      }
    });
    for (let i = 1; i < first.length; i++) {
      const [a, b] = [first[i - 1] as FormEntry, first[i] as FormEntry];
      const p0 = (f: FormEntry): number => f.findings.filter((x) => x.severity === 'P0').length;
      const order = b.riskScore - a.riskScore || p0(b) - p0(a) || (a.input < b.input ? -1 : 1);
      expect(order).toBeLessThan(0);
    }
    // a row's finding points at its line in the YAML it came from
    const generated = first.find(
      (f) => f.input.startsWith('generated/') && f.findings.some((x) => /:\d+:\d+$/.test(x.cell)),
    );
    expect(generated).toBeDefined();
  });

  test('the sample: 20% of the readable forms at least, every P0 form in it, and the same forms on a second run', async () => {
    const sampled = first.filter((f) => f.sampled).map((f) => f.input);
    const p0 = first.filter((f) => f.findings.some((x) => x.severity === 'P0')).map((f) => f.input);
    expect(sampled.length).toBeGreaterThanOrEqual(Math.ceil(29 * 0.2));
    expect(sampled).toEqual(expect.arrayContaining(p0));
    expect(sampled).not.toContain('broken.actuals.yaml');
    const again = await review(at('again'));
    expect(again.code).toBe(0);
    expect(
      reviewJson(at('again'))
        .forms.filter((f) => f.sampled)
        .map((f) => f.input)
        .sort(),
    ).toEqual([...sampled].sort());
    // another seed draws another sample, beyond the P0 forms every sample holds
    const other = await cli(
      'review',
      year,
      '-o',
      at('other'),
      '--sample',
      '50%',
      '--seed',
      '8',
      '--by',
      'department',
      '--no-pdf',
    );
    const mine = await cli(
      'review',
      year,
      '-o',
      at('mine'),
      '--sample',
      '50%',
      '--seed',
      '7',
      '--by',
      'department',
      '--no-pdf',
    );
    expect([other.code, mine.code]).toEqual([0, 0]);
    const drawn = (folder: string): string[] =>
      reviewJson(folder)
        .forms.filter((f) => f.sampled)
        .map((f) => f.input)
        .sort();
    expect(drawn(at('other'))).not.toEqual(drawn(at('mine')));
  });

  test('复核.xlsx: five sheets with Chinese headers, frozen header rows and filters on; the 复核底稿 holds the sampled forms’ rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '复核.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '部门', '表单', '发现', '复核底稿']);
    const headers = (name: string): string[] =>
      ((wb.getWorksheet(name)?.getRow(1).values ?? []) as unknown[]).slice(1).map(String);
    expect(headers('表单').slice(0, 7)).toEqual(['风险排名', '风险分', '项目名称', '部门', '来源文件', '类型', '状态']);
    expect(headers('复核底稿')).toEqual([
      '表单',
      '部门',
      '项目名称',
      '指标编号',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '分值',
      '自评完成值',
      '自评得分',
      '复核完成值',
      '复核得分',
      '偏离度',
      '备注',
    ]);
    for (const sheet of wb.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
    const formsSheet = wb.getWorksheet('表单');
    expect(formsSheet?.getCell('C2').value).toBe(first[0]?.project);
    const sampledRows = first.filter((f) => f.sampled).flatMap((f) => f.rows.filter((r) => r.maxScore !== null));
    expect((wb.getWorksheet('复核底稿')?.rowCount ?? 0) - 1).toBe(sampledRows.length);
    const summary = wb.getWorksheet('汇总');
    expect(summary?.getCell('A2').value).toBe('表单数');
    expect(summary?.getCell('B2').value).toBe(30);
  });

  test('review.json: one entry per form with input, department, project, status, roles, risk, rank, findings and sampled', () => {
    for (const f of first)
      for (const key of [
        'input',
        'department',
        'project',
        'status',
        'rolesSigned',
        'riskScore',
        'rank',
        'findings',
        'sampled',
      ])
        expect(f).toHaveProperty(key);
  });

  test("with --lang en the command speaks English and the files stay Chinese, a signed form's verdict too", async () => {
    const english = at('review-en');
    const run = await cli(
      'review',
      at('year', 'signed'),
      '-o',
      english,
      '--trust',
      at('ca.pem'),
      '--lang',
      'en',
      '--no-cache',
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain('Reviewed 2 forms');
    type Verdicts = { forms: { input: string; verdict: string | null }[] };
    const verdict = (folder: string, input: string): string | null | undefined =>
      (JSON.parse(readFileSync(path.join(folder, 'review.json'), 'utf8')) as Verdicts).forms.find(
        (f) => f.input === input,
      )?.verdict;
    expect(verdict(english, 'complete.pdf')).toBe('核验通过');
    expect(verdict(english, 'partial.pdf')).toMatch(/^待签：/);
    // as the Chinese run wrote them
    expect(verdict(out, 'signed/complete.pdf')).toBe('核验通过');
    expect(verdict(out, 'signed/partial.pdf')).toBe(verdict(english, 'partial.pdf'));
  });

  test('the 复核报告 PDF: its sections, the sample, and the two reviewer roles', () => {
    const text = squeeze(pdfText(path.join(out, '复核报告.pdf')));
    for (const words of [
      '2023年度绩效自评复核报告',
      '总体情况',
      '分部门情况',
      '主要发现',
      '抽样复核表单',
      '复核人',
      '复核负责人',
    ])
      expect(text).toContain(squeeze(words));
    const top = first.find((f) => f.sampled && f.project !== '');
    expect(text).toContain(squeeze(top?.project ?? '?'));
  });
});

describe('index.html in Chromium: the work list sorts and filters', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  test('a heading sorts the rows (again to reverse), the filters hide rows, nothing is fetched', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    const column = async (index: number): Promise<string[]> =>
      page.$$eval(`#forms tbody tr:not([hidden]) td:nth-child(${index})`, (cells) =>
        cells.map((c) => c.getAttribute('data-v') ?? c.textContent ?? ''),
      );
    expect((await column(1)).map(Number)).toEqual(first.map((f) => f.rank));
    await page.click('#forms thead th:nth-child(8)');
    const totals = (await column(8)).filter((t) => t !== '').map((t) => dec(t));
    for (let i = 1; i < totals.length; i++) expect(totals[i]?.gte(totals[i - 1] ?? 0)).toBe(true);
    await page.click('#forms thead th:nth-child(8)');
    const down = (await column(8)).filter((t) => t !== '').map((t) => dec(t));
    for (let i = 1; i < down.length; i++) expect(down[i]?.lte(down[i - 1] ?? 0)).toBe(true);
    await page.click('#sampled');
    expect(await column(3)).toHaveLength(first.filter((f) => f.sampled).length);
    await page.click('#sampled');
    const department = first.find((f) => f.department !== '')?.department ?? '';
    await page.select('#department', department);
    expect((await column(4)).every((d) => d === department)).toBe(true);
    expect(await page.$eval('#shown', (e) => e.textContent)).toBe(
      String(first.filter((f) => f.department === department).length),
    );
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});

const soffice = onPath('soffice') !== null && spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describeWith(
  {
    what: 'LibreOffice (soffice on PATH)',
    present: soffice,
    install: 'scripts/setup.sh installs libreoffice-calc-nogui',
  },
  'the reviewer’s round trip: 复核底稿 filled, re-saved by LibreOffice, imported',
  () => {
    test('the 复核 totals are the form scored with the reviewer’s values; 偏离度 per row and per form', async () => {
      const target = first.find(
        (f) => f.sampled && f.source === 'yaml' && f.status === 'complete' && f.input.startsWith('generated/'),
      );
      if (!target) throw new Error('no generated form in the sample');
      const quantitative = target.rows.filter((r) => r.maxScore !== null && r.kind === 'quantitative');
      const [lowered, met] = [
        target.rows.find((r) => r.maxScore !== null && dec(r.finalScore).gt(1)),
        quantitative.find((r) => dec(r.finalScore).lt(dec(r.maxScore ?? '0'))),
      ];
      if (!lowered) throw new Error('no row to lower');
      // the reviewer: one score lowered by one point, one actual set to its target (then it is met)
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(out, '复核.xlsx'));
      const sheet = wb.getWorksheet('复核底稿');
      if (!sheet) throw new Error('no 复核底稿');
      const reviewScore = dec(lowered.finalScore).minus(1);
      sheet.eachRow((row, n) => {
        if (n === 1 || row.getCell(1).value !== target.input) return;
        if (row.getCell(4).value === lowered.id) {
          row.getCell(13).value = reviewScore.toNumber();
          row.getCell(15).value = '佐证材料不足，扣1分';
        }
        if (met && row.getCell(4).value === met.id && met.id !== lowered.id) row.getCell(12).value = met.target;
      });
      const filled = at('filled', '复核.xlsx');
      mkdirSync(at('filled'));
      await wb.xlsx.writeFile(filled);
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${at('lo-profile')}`,
          '--headless',
          '--convert-to',
          'xlsx',
          '--outdir',
          at('lo'),
          filled,
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      copyFileSync(at('lo', '复核.xlsx'), path.join(out, '复核.xlsx'));

      // the same edits made by hand in a copy of the form, scored by `jixiao score`: what the import must find
      const actualsFile = path.join(year, target.input);
      const doc = parseDocument(readFileSync(actualsFile, 'utf8'));
      doc.setIn(['indicators', lowered.id, 'declaredScore'], reviewScore.toNumber());
      doc.setIn(['indicators', lowered.id, 'reason'], '佐证材料不足，扣1分');
      if (met && met.id !== lowered.id) {
        doc.setIn(['indicators', met.id, 'actual'], met.target);
        doc.deleteIn(['indicators', met.id, 'declaredScore']);
        doc.deleteIn(['indicators', met.id, 'reason']);
      }
      const byHand = actualsFile.replace('.actuals.yaml', '-byhand.actuals.yaml');
      writeFileSync(byHand, doc.toString());
      const scored = JSON.parse((await cli('score', byHand, '--json')).out) as { total: string };

      const run = await cli('review', 'import', path.join(out, '复核.xlsx'));
      if (run.code !== 0) throw new Error(run.err);
      const results = JSON.parse(readFileSync(path.join(out, '复核结果.json'), 'utf8')) as {
        forms: {
          input: string;
          selfTotal: string;
          reviewTotal: string;
          deviation: string | null;
          rows: { id: string; maxScore: string; selfScore: string; reviewScore: string; deviation: string | null }[];
        }[];
      };
      const result = results.forms.find((f) => f.input === target.input);
      expect(result?.selfTotal).toBe(target.total);
      expect(result?.reviewTotal).toBe(scored.total);
      const self = dec(result?.selfTotal ?? '0');
      const reviewed = dec(result?.reviewTotal ?? '0');
      expect(result?.deviation).toBe(self.minus(reviewed).dividedBy(reviewed).toString());
      const row = result?.rows.find((r) => r.id === lowered.id);
      expect(row?.reviewScore).toBe(reviewScore.toString());
      expect(row?.deviation).toBe(
        dec(1)
          .dividedBy(dec(row?.maxScore ?? '1'))
          .toString(),
      );
      // the other sampled forms were left as they were: 复核 equals 自评
      for (const f of results.forms.filter((x) => x.input !== target.input)) expect(f.reviewTotal).toBe(f.selfTotal);

      // a second review run keeps what the reviewer wrote
      const again = await review(out, '--no-pdf');
      expect(again.code).toBe(0);
      const kept = new ExcelJS.Workbook();
      await kept.xlsx.readFile(path.join(out, '复核.xlsx'));
      const notes: unknown[] = [];
      kept.getWorksheet('复核底稿')?.eachRow((r) => notes.push(r.getCell(15).value));
      expect(notes).toContain('佐证材料不足，扣1分');
    });

    test('a 复核得分 above the row points is refused at its cell, and nothing is written', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(out, '复核.xlsx'));
      const cell = wb.getWorksheet('复核底稿')?.getCell('M2');
      if (!cell) throw new Error('no 复核底稿');
      cell.value = 1000;
      const bad = at('bad', '复核.xlsx');
      mkdirSync(at('bad'));
      await wb.xlsx.writeFile(bad);
      copyFileSync(path.join(out, 'review.json'), at('bad', 'review.json'));
      const run = await cli('review', 'import', bad);
      expect(run.code).toBe(1);
      expect(run.err).toContain('复核.xlsx!复核底稿!M2');
      expect(run.err).toContain('REVIEW_SCORE_OUT_OF_RANGE');
      expect(() => readFileSync(at('bad', '复核结果.json'))).toThrow();
    });
  },
);
