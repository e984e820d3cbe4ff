import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { compareRuleSets } from '../src/compare/run';
import { digestOf, tally } from '../src/compare/tally';
import { compareText } from '../src/report/compareReport';
import { generateForm } from '../scripts/generate';
import { ROOT, runCli, tempDir } from './helpers';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const year = tempDir('jixiao-year-');
beforeAll(() => {
  mkdirSync(year, { recursive: true });
  for (let i = 0; i < 240; i++) {
    const form = generateForm(i, 20);
    writeFileSync(path.join(year, `${form.name}.indicators.yaml`), form.definitions);
    writeFileSync(path.join(year, `${form.name}.actuals.yaml`), form.actuals);
  }
});

describe('jixiao compare (what-if)', () => {
  it('on the examples: four forms, no change between the default and the linear rule set', async () => {
    const run = await runCli('compare', '--rules', 'caiyu-2020-10', '--rules', 'provincial-linear', 'examples/');
    expect(run.code).toBe(0);
    expect(run.out).toContain('比较 4 张（无法评分 0 张）');
  });

  it('over a generated year: the fast path and json-rules-engine give the same outcome on every rule evaluation', async () => {
    const checked = await compareRuleSets([year], {
      rulesA: 'caiyu-2020-10',
      rulesB: 'provincial-linear',
      check: true,
      workers: 2,
      keepForms: true,
    });
    expect(checked.agreement!.disagree).toBe(0);
    expect(checked.agreement!.agree).toBeGreaterThan(240 * 20 * 2);
    const fast = await compareRuleSets([year], {
      rulesA: 'caiyu-2020-10',
      rulesB: 'provincial-linear',
      workers: 1,
      keepForms: true,
    });
    expect(fast.forms.map((f) => [f.file, f.totalA, f.totalB])).toEqual(
      checked.forms.map((f) => [f.file, f.totalA, f.totalB]),
    );
  }, 120_000);

  it('reports per form totals, delta, grade change and changed rows; and the summary', async () => {
    const run = await compareRuleSets([year], {
      rulesA: 'caiyu-2020-10',
      rulesB: 'provincial-linear',
      workers: 1,
      keepForms: true,
    });
    const s = run.summary;
    expect(s.forms).toBe(240);
    expect(s.compared).toBe(240);
    expect(s.gradeChanges.up + s.gradeChanges.down + s.gradeChanges.same).toBe(240);
    expect(s.gradeChanges.down).toBeGreaterThan(0); // linear reverse scoring, penalties and caps only lower totals
    expect(s.gradeChanges.up).toBe(0);
    expect(Number(s.meanDelta)).toBeLessThan(0);
    expect(s.ruleChanges[0]).toMatchObject({
      from: '反向指标未达标按比例计分（inverseProportional）',
      to: '反向指标未达标线性扣分（linearPenalty）',
    });
    expect(s.adjustmentRules.map((r) => r.rule)).toContain('偏离目标30%及以上扣2分');
    const changed = run.forms.find((f) => f.rows.length > 0)!;
    expect(changed.rows[0]).toMatchObject({ methodA: 'inverseProportional', methodB: 'linearPenalty' });
    const matrixTotal = Object.values(s.matrix).reduce(
      (n, row) => n + Object.values(row).reduce((a, b) => a + b, 0),
      0,
    );
    expect(matrixTotal).toBe(240);
  }, 60_000);

  it('writes CSV and a self-contained HTML report, and JSON on stdout', async () => {
    const dir = tempDir('jixiao-compare-out-');
    const run = await runCli(
      'compare',
      '--rules',
      'caiyu-2020-10',
      '--rules',
      'provincial-linear',
      year,
      '--json',
      '--csv',
      path.join(dir, 'r.csv'),
      '--html',
      path.join(dir, 'r.html'),
      '--workers',
      '1',
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { summary: { compared: number }; forms: unknown[] };
    expect(json.summary.compared).toBe(240);
    const csv = readFileSync(path.join(dir, 'r.csv'), 'utf8');
    expect(csv.startsWith('\ufefffile,title,department,totalA,totalB,delta,gradeA,gradeB')).toBe(true);
    // one line per form, in the order the forms were found (workers or not), as the JSON lists them
    const lines = csv.trim().split('\n').slice(1);
    expect(lines).toHaveLength(240);
    expect(lines.map((l) => l.split(',')[0])).toEqual((json.forms as { file: string }[]).map((f) => f.file));
    expect(csv.trim().split('\n')).toHaveLength(241);
    const html = readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('等级变化矩阵');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('@font-face');
  }, 60_000);

  it('needs exactly two rule sets', async () => {
    const run = await runCli('compare', '--rules', 'caiyu-2020-10', 'examples/');
    expect(run.code).toBe(1);
    expect(run.err).toContain('USAGE');
  });
});

describe('compare explains why', () => {
  const GRADES_85 = 'test/fixtures/rulesets/grades-85.yaml';

  test('two rule sets that differ only in grade lines: the grade-line change is named at the top of the text report', async () => {
    const run = await runCli('compare', '--rules', 'caiyu-2020-10', '--rules', GRADES_85, year);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    const why = lines.findIndex((l) => l.startsWith('两个规则集的差异'));
    const formsTable = lines.findIndex((l) => l.includes('表单') && l.includes('总分A'));
    expect(why).toBeGreaterThan(0);
    expect(why).toBeLessThan(formsTable);
    const whyBlock = lines.slice(why, formsTable).join('\n');
    expect(whyBlock).toMatch(/等级线\s*│\s*优\s*│\s*90\s*│\s*85/);
    // nothing else differs: one row in the table
    expect(whyBlock.split('\n').filter((l) => l.startsWith('│') && !l.includes('方面'))).toHaveLength(1);
    expect(whyBlock).toContain('等级线改变，总分不变的表也可能改变等级');
    // the forms whose grade changed with their total unchanged are the ones listed (the list was empty before)
    const listed = lines.slice(formsTable + 1).filter((l) => l.startsWith('│') && l.includes('→'));
    expect(listed.length).toBeGreaterThan(0);
    for (const l of listed) expect(l).toMatch(/│ 0\s+│ 良→优\s+│ 升/);
  });

  test('the same in English and in the JSON and HTML reports', async () => {
    const dir = tempDir();
    const html = path.join(dir, 'why.html');
    const en = await runCli(
      'compare',
      '--rules',
      'caiyu-2020-10',
      '--rules',
      GRADES_85,
      year,
      '--lang',
      'en',
      '--html',
      html,
    );
    expect(en.out).toMatch(/How the rule sets differ/);
    expect(en.out).toMatch(/grade line\s*│\s*优\s*│\s*90\s*│\s*85/);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page.indexOf('How the rule sets differ')).toBeLessThan(page.indexOf('Grade matrix'));
    const json = JSON.parse(
      (await runCli('compare', '--rules', 'caiyu-2020-10', '--rules', GRADES_85, year, '--json')).out,
    );
    expect(json.differences).toEqual([{ area: 'grades', item: '优', a: '90', b: '85' }]);
    // only grades moved: every changed form changed grade at an unchanged total
    const changed = json.forms.filter((f: { gradeA: string; gradeB: string }) => f.gradeA !== f.gradeB);
    expect(changed.length).toBe(json.summary.gradeChanges.up);
    expect(changed.every((f: { delta: string }) => f.delta === '0')).toBe(true);
  });

  test("why a form could not be scored: in the run's language, with file, line and column, through the cache either way", async () => {
    const dir = tempDir('jixiao-compare-unscorable-');
    const cache = tempDir('jixiao-compare-cache-');
    const form = generateForm(7, 6);
    writeFileSync(path.join(dir, `${form.name}.indicators.yaml`), form.definitions);
    writeFileSync(path.join(dir, `${form.name}.actuals.yaml`), form.actuals);
    // a form that cannot be read (its definitions are missing), and a rule set B that scores no budget
    const broken = form.actuals.replace(/^definitions: .*$/m, 'definitions: ./missing.indicators.yaml');
    const line = broken.split('\n').findIndex((l) => l.startsWith('definitions:')) + 1;
    writeFileSync(path.join(dir, 'broken.actuals.yaml'), broken);
    const base = readFileSync(path.join(ROOT, 'indicators/rulesets/caiyu-2020-10.yaml'), 'utf8');
    const gap = path.join(cache, 'gap.yaml');
    writeFileSync(
      gap,
      base
        .replace(/^id: caiyu-2020-10$/m, 'id: gap-test')
        .replace(
          '{ fact: executionRate, operator: atLeast, value: 0 }',
          '{ fact: executionRate, operator: atLeast, value: 2 }',
        ),
    );
    const reasons = async (lang: string) => {
      const run = await runCli(
        'compare',
        '--rules',
        'caiyu-2020-10',
        '--rules',
        gap,
        dir,
        '--json',
        '--lang',
        lang,
        '--cache',
        cache,
      );
      return JSON.parse(run.out) as {
        forms: { file: string; errorA: string | null; errorB: string | null }[];
        cache: { hits: number; reused: number };
      };
    };
    const missing = path.join(dir, 'missing.indicators.yaml');
    const where = `${path.join(dir, 'broken.actuals.yaml')}:${line}:14: `;
    const budgetAt = `${path.join(dir, `${form.name}.actuals.yaml`)}:${form.actuals.split('\n').indexOf('budget:') + 1}:1: `;
    const en = await reasons('en');
    expect(en.forms.map((f) => [f.errorA, f.errorB])).toEqual([
      [
        `${where}error FILE_NOT_FOUND: File not found: ${missing}`,
        `${where}error FILE_NOT_FOUND: File not found: ${missing}`,
      ],
      [
        null,
        expect.stringMatching(new RegExp(`^${escape(budgetAt)}error RULE_GAP: No scoring rule of gap-test applies`)),
      ],
    ]);
    // the next run reads the good form and its score under A back, and says why in its own language
    const zh = await reasons('zh');
    expect(zh.cache).toMatchObject({ hits: 1, reused: 1 });
    expect(zh.forms.map((f) => [f.errorA, f.errorB])).toEqual([
      [`${where}错误 FILE_NOT_FOUND: 找不到文件：${missing}`, `${where}错误 FILE_NOT_FOUND: 找不到文件：${missing}`],
      [null, expect.stringMatching(new RegExp(`^${escape(budgetAt)}错误 RULE_GAP: 规则集 gap-test 没有任何计分规则`))],
    ]);
  });

  test('a row scored by the same rule but to another score is a parameter effect, not “A → A”', async () => {
    const row = {
      id: '2.5',
      name: '工程长效管护机制',
      ruleA: '定性指标分档计分',
      ruleB: '定性指标分档计分',
      methodA: 'qualitativeBand',
      methodB: 'qualitativeBand',
      scoreA: '6',
      scoreB: '5.5',
    };
    const form = {
      file: 'a.actuals.yaml',
      title: 't',
      department: 'd',
      totalA: '96',
      totalB: '95.5',
      delta: '-0.5',
      gradeA: '优',
      gradeB: '优',
      gradeIdA: 'excellent' as const,
      gradeIdB: 'excellent' as const,
      statusA: 'complete' as const,
      statusB: 'complete' as const,
      pendingA: 0,
      pendingB: 0,
      direction: 'same' as const,
      errorA: null,
      errorB: null,
      rows: [row],
      adjustmentsA: [],
      adjustmentsB: [],
      adjustmentRulesA: [],
      adjustmentRulesB: [],
    };
    const digest = digestOf(tally([form]));
    const { summary } = digest;
    expect(summary.ruleChanges).toEqual([
      {
        from: '定性指标分档计分（qualitativeBand）',
        to: '定性指标分档计分（qualitativeBand）',
        count: 1,
        kind: 'parameter',
      },
    ]);
    const info = {
      differences: [{ area: 'bands' as const, item: 'partial', a: '[60, 80]', b: '[50, 80]' }],
      rulesA: { id: 'a', version: '1' },
      rulesB: { id: 'b', version: '1' },
      engine: 'fast',
      seconds: 0.1,
    };
    const text = compareText(info, digest);
    expect(text).toContain('同一规则，参数改变得分');
    expect(text).not.toMatch(/定性指标分档计分（qualitativeBand）\s*│\s*定性指标分档计分（qualitativeBand）/);
    // the parameter named for people, its key after it for whoever edits the rule set
    expect(text).toMatch(
      /定性档次\s*│\s*定性指标“部分达成”档的得分区间（qualitativeBands\.partial）\s*│\s*\[60, 80\]\s*│\s*\[50, 80\]/,
    );
  });

  test('a stricter B that turns complete forms into drafts: each listed (完成 → 草稿, with the items B newly asks for), and counted', async () => {
    const run = await runCli(
      'compare',
      '--rules',
      'caiyu-2020-10',
      '--rules',
      'test/fixtures/rulesets/strict-execution.yaml',
      'examples/water-2023/project.actuals.yaml',
    );
    expect(run.out).toMatch(/预算执行率偏低的界限（lowExecutionRate）\s*│\s*0\.9\s*│\s*0\.99/);
    // the total did not move (98% still scores 9.8), yet the form is listed: it now needs a reason
    expect(run.out).toContain('完成 → 草稿（新增 1 项待补充）');
    expect(run.out).toContain('在 B 下变为草稿的表 1 张（新增待补充共 1 项）；在 B 下变为完成的表 0 张。');
    const json = JSON.parse(
      (
        await runCli(
          'compare',
          '--rules',
          'caiyu-2020-10',
          '--rules',
          'test/fixtures/rulesets/strict-execution.yaml',
          'examples/water-2023/project.actuals.yaml',
          '--json',
        )
      ).out,
    );
    expect(json.forms[0]).toMatchObject({
      statusA: 'complete',
      statusB: 'draft',
      pendingA: 0,
      pendingB: 1,
      delta: '0',
    });
    expect(json.summary.statusChanges).toEqual({ toDraft: 1, toComplete: 0, newPending: 1 });
  });

  test("each side's grades as its own rule set prints them: the new words named as a difference, B's 优秀/良好 as the matrix's columns", async () => {
    const dir = tempDir('jixiao-compare-labels-');
    const html = path.join(dir, 'r.html');
    const run = await runCli(
      'compare',
      '--rules',
      'caiyu-2020-10',
      '--rules',
      'test/fixtures/rulesets/grade-labels.yaml',
      year,
      '--html',
      html,
    );
    expect(run.out).toMatch(/等级线\s*│\s*「优」的印法\s*│\s*优\s*│\s*优秀/);
    const json = JSON.parse(
      (
        await runCli(
          'compare',
          '--rules',
          'caiyu-2020-10',
          '--rules',
          'test/fixtures/rulesets/grade-labels.yaml',
          year,
          '--json',
        )
      ).out,
    );
    expect(json.summary.gradeLabelsB.excellent).toBe('优秀');
    expect(json.summary.matrix.excellent.excellent).toBeGreaterThan(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<tr><th>A ＼ B<\/th>(<th>[^<]*<\/th>)*<th>优秀<\/th>/);
    expect(page).toMatch(/<tr><th>优<\/th><td/);
  });

  test('weights that differ are named (hubei: budget 10 → 20, 产出指标 50 → 40)', async () => {
    const run = await compareRuleSets([year], { rulesA: 'caiyu-2020-10', rulesB: 'hubei' });
    expect(run.differences).toEqual(
      expect.arrayContaining([
        { area: 'weights', item: 'budget', a: '10', b: '20' },
        { area: 'weights', item: '产出指标', a: '50', b: '40' },
        { area: 'bands', item: 'partial', a: '[60, 80]', b: '[50, 80]' },
      ]),
    );
  });

  test('the most-changed list puts every grade change before larger point changes', async () => {
    const run = await compareRuleSets([year], {
      rulesA: 'caiyu-2020-10',
      rulesB: 'provincial-linear',
      keepForms: true,
    });
    const shown = run.digest.shown;
    expect(shown).toHaveLength(50);
    // the tally, fed one form at a time, lists what sorting every changed form would (grade changes, errors, size; ties in found order)
    const rank = (f: (typeof run.forms)[number]): [number, number, number] => [
      f.direction === 'up' || f.direction === 'down' ? 1 : 0,
      f.direction === 'error' ? 1 : 0,
      Math.abs(Number(f.delta ?? '0')),
    ];
    const sorted = run.forms
      .filter((f) => f.direction === 'error' || f.delta !== '0' || f.rows.length > 0)
      .map((f, i) => ({ f, i, r: rank(f) }))
      .sort((x, y) => y.r[0] - x.r[0] || y.r[1] - x.r[1] || y.r[2] - x.r[2] || x.i - y.i)
      .slice(0, 50)
      .map((x) => x.f.file);
    expect(shown.map((f) => f.file)).toEqual(sorted);
    expect(run.summary).toEqual(tally(run.forms).summary());
    const firstSameGrade = shown.findIndex((f) => f.direction !== 'up' && f.direction !== 'down');
    const gradeChanges = run.forms.filter((f) => f.direction === 'up' || f.direction === 'down').length;
    expect(firstSameGrade === -1 ? shown.length : firstSameGrade).toBe(Math.min(50, gradeChanges));
  });
});
