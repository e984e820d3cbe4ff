import { textOfRef } from '../src/errors/texts';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { plain } from '../src/domain/decimal';
import { renderForms } from '../src/pipeline/render';
import { tempDir } from './helpers';
import { pageCount, pdfFonts, pdfInfo, pdfText, pixelDifference, qpdfCheck, rasterize, squeeze } from './pdfTools';
import { REFERENCE_DPI, REFERENCE_FORMS, REFERENCE_TOLERANCE } from './references';
import { PNG } from 'pngjs';
import { writeLongForm } from './longForm';

const dir = tempDir('jixiao-render-');
const files: Record<string, string> = {};
let rendered: Awaited<ReturnType<typeof renderForms>>;

beforeAll(async () => {
  const long = writeLongForm(dir, 64);
  // a 年度总体目标 long enough that the printer moves it to page 2, and the indicator table with it
  const lowStart = writeLongForm(dir, 30, 'lowStart', '完成年度各项工作目标，'.repeat(95));
  rendered = await renderForms([...REFERENCE_FORMS.map((f) => f.actuals), long, lowStart], { explain: true });
  for (const [i, form] of rendered.entries()) {
    if (!form.pdf) throw new Error(`${form.file}: ${JSON.stringify(form.problems)}`);
    const name = [...REFERENCE_FORMS.map((f) => f.name), 'long', 'lowStart'][i]!;
    files[name] = path.join(dir, `${name}.pdf`);
    writeFileSync(files[name]!, form.pdf);
  }
}, 120_000);

describe.each(['department', 'project'])('the seed %s form as a PDF', (name) => {
  const form = () => rendered[name === 'department' ? 0 : 1]!;

  it('reads back every indicator name, every final score, 总分 and 等级', () => {
    const text = squeeze(pdfText(files[name]!));
    const result = form().scored!.result;
    for (const r of result.indicators) expect(text).toContain(squeeze(r.name));
    for (const r of result.indicators) expect(text).toContain(plain(r.finalScore));
    expect(text).toContain('总分');
    expect(text).toContain(`等级：${'优'}`);
    // the --explain appendix carries each row's 计算过程
    expect(text).toContain('评分说明');
    expect(text).toContain(squeeze(textOfRef(result.indicators[0]!.explanation, 'zh')));
  });

  it('评分说明 never breaks a line inside a number: 100% stays 100%, 1156.4 stays whole', () => {
    const pages = pageCount(files[name]!);
    const appendix = execFileSync(
      'pdftotext',
      ['-enc', 'UTF-8', '-f', String(pages), '-l', String(pages), files[name]!, '-'],
      { encoding: 'utf8' },
    );
    expect(appendix).toContain('计算过程');
    const lines = appendix
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const splits = lines
      .slice(1)
      .flatMap((line, i) =>
        /[\d.]$/.test(lines[i] ?? '') && /^[\d.%]/.test(line) && !/^\d+(\.\d+)*$/.test(line)
          ? [`${lines[i]} | ${line}`]
          : [],
      );
    expect(splits).toEqual([]);
    // the budget's arithmetic, the longest line, is there with every number whole
    const budget = squeeze(textOfRef(form().scored!.result.budget.explanation, 'zh'));
    for (const n of budget.match(/\d+(?:\.\d+)?%?/g) ?? []) expect(lines.some((l) => l.includes(n))).toBe(true);
  });

  it('embeds every font (no Type 3) and names the families explicitly', () => {
    const fonts = pdfFonts(files[name]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded).toBe(true);
      expect(f.type).not.toMatch(/Type 3/);
      expect(f.name).toMatch(/NotoSerifSC|NotoSansSC/);
    }
  });

  it('has its metadata and passes qpdf --check', () => {
    const info = pdfInfo(files[name]!);
    const result = form().scored!.result;
    expect(info.Title).toContain(result.title);
    expect(info.Author).toBe('株洲市人民政府办公室');
    expect(info.Subject).toContain('总分 95');
    expect(info.Creator).toMatch(/^jixiao \d+\.\d+\.\d+$/);
    expect(info['Page size']).toMatch(/A4/);
    const check = qpdfCheck(files[name]!);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.ok).toBe(true);
    expect(readFileSync(files[name]!).includes(Buffer.from('/Lang (zh-CN)'))).toBe(true);
  });

  it('looks like the committed reference on page 1 (refresh: npm run refs:update)', () => {
    const ref = REFERENCE_FORMS.find((f) => f.name === name)!;
    const actual = rasterize(files[name]!, 1, REFERENCE_DPI);
    const expected = PNG.sync.read(readFileSync(ref.png));
    const difference = pixelDifference(actual, expected, path.join(dir, `${name}-diff.png`));
    expect(difference).toBeLessThan(REFERENCE_TOLERANCE);
  });
});

describe('layouts, each with its visual reference', () => {
  it('the seed project form prints the Hunan header; the water example the Ministry’s', () => {
    const hunan = squeeze(pdfText(files.project!, 1));
    for (const cell of [
      '部门名称',
      '项目支出名称',
      '专项名称',
      '支出方向名称（子项目）',
      '项目总投资（万元）',
      '其中：财政拨款',
      '项目总实施期',
    ])
      expect(hunan).toContain(squeeze(cell));
    expect(hunan).not.toContain('主管部门');
    const ministry = squeeze(pdfText(files.water!, 1));
    for (const cell of ['项目名称', '主管部门', '实施单位', '项目总投资', '项目实施期'])
      expect(ministry).toContain(squeeze(cell));
    expect(ministry).not.toContain('专项名称');
  });

  it('the Ministry layout looks like its committed reference on page 1', () => {
    const ref = REFERENCE_FORMS.find((f) => f.name === 'water')!;
    const difference = pixelDifference(
      rasterize(files.water!, 1, REFERENCE_DPI),
      PNG.sync.read(readFileSync(ref.png)),
      path.join(dir, 'water-diff.png'),
    );
    expect(difference).toBeLessThan(REFERENCE_TOLERANCE);
  });
});

describe('a long form (64 rows)', () => {
  it('spans several pages, each with the table header and its page number', () => {
    const pages = pageCount(files.long!);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) {
      const text = squeeze(pdfText(files.long!, p));
      expect(text).toContain(squeeze(`第 ${p} 页 / 共 ${pages} 页`));
      if (!text.includes('计分方法'))
        for (const header of ['一级指标', '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施'])
          expect(text).toContain(header);
    }
  });

  it('cuts no row across pages: a tall row ends on the page where it starts', () => {
    const pages = pageCount(files.long!);
    const perPage = Array.from({ length: pages }, (_, i) => squeeze(pdfText(files.long!, i + 1)));
    const form = perPage.filter((t) => !t.includes('计分方法'));
    const { result, loaded } = rendered[REFERENCE_FORMS.length]!.scored!;
    const tall = result.indicators.filter((r) => (loaded.actuals.indicators[r.id]?.deviationReason ?? '') !== '');
    expect(tall.length).toBeGreaterThan(10);
    for (const r of tall) {
      const starts = form.findIndex((t) => t.includes(`${squeeze(r.name)}${squeeze(r.target)}`));
      const ends = form.findIndex((t) => t.includes(`止${r.id}号`));
      expect(starts).toBeGreaterThanOrEqual(0);
      expect(ends).toBe(starts);
    }
  });

  it.each([
    ['long', 0],
    ['lowStart', 1],
  ] as const)(
    '%s: repeats the 一级/二级 names with （续） on a page where a group goes on, and only there',
    (name, offset) => {
      const file = files[name]!;
      const form = Array.from({ length: pageCount(file) }, (_, i) => squeeze(pdfText(file, i + 1))).filter(
        (t) => !t.includes('计分方法'),
      );
      const result = rendered[REFERENCE_FORMS.length + offset]!.scored!.result;
      const byId = new Map(result.indicators.map((r) => [r.id, r]));
      // each row in printed order, with the level and group it belongs to and whether it opens them
      const rows = result.levels.flatMap((level) =>
        level.groups.flatMap((group, gi) =>
          group.indicatorIds.map((id, ri) => ({
            row: byId.get(id)!,
            level: level.name,
            group: group.name,
            opensLevel: gi === 0 && ri === 0,
            opensGroup: ri === 0,
          })),
        ),
      );
      // the name alone: text extraction may put the repeated headings between a page's first name and its target
      const pageOf = (r: (typeof rows)[number]) => form.findIndex((t) => t.includes(squeeze(r.row.name)));
      expect(rows.filter((r) => pageOf(r) < 0).map((r) => r.row.name)).toEqual([]);
      let continued = 0;
      for (let p = 1; p < form.length; p++) {
        const first = rows.find((r) => pageOf(r) === p);
        if (!first) continue;
        // the row the page begins with: its level and group are named again exactly when they began on an earlier page
        expect(form[p]!.includes(`${first.level}（续）`)).toBe(!first.opensLevel);
        expect(form[p]!.includes(`${first.group}（续）`)).toBe(!first.opensGroup);
        if (!first.opensGroup) continued++;
      }
      // each form cuts at least one group (the 64-row form's 产出指标 alone is 32 rows); page 1 never says （续）
      expect(continued).toBeGreaterThan(0);
      expect(form[0]).not.toContain('（续）');
      // the last row is never left behind by the 总分 row and the sign-off block
      const totalPage = form.findIndex((t) => t.includes('总分'));
      expect(pageOf(rows.at(-1)!)).toBe(totalPage);
      expect(form[totalPage]).toContain('单位负责人');
    },
  );
});
