import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import { compareRuleSets } from '../src/compare/run';
import { generateForm } from '../scripts/generate';
import { runCli, tempDir } from './helpers';

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
    const checked = await compareRuleSets([year], { rulesA: 'caiyu-2020-10', rulesB: 'provincial-linear', check: true, workers: 2 });
    expect(checked.agreement!.disagree).toBe(0);
    expect(checked.agreement!.agree).toBeGreaterThan(240 * 20 * 2);
    const fast = await compareRuleSets([year], { rulesA: 'caiyu-2020-10', rulesB: 'provincial-linear', workers: 1 });
    expect(fast.forms.map((f) => [f.file, f.totalA, f.totalB])).toEqual(checked.forms.map((f) => [f.file, f.totalA, f.totalB]));
  }, 120_000);

  it('reports per form totals, delta, grade change and changed rows; and the summary', async () => {
    const run = await compareRuleSets([year], { rulesA: 'caiyu-2020-10', rulesB: 'provincial-linear', workers: 1 });
    const s = run.summary;
    expect(s.forms).toBe(240);
    expect(s.compared).toBe(240);
    expect(s.gradeChanges.up + s.gradeChanges.down + s.gradeChanges.same).toBe(240);
    expect(s.gradeChanges.down).toBeGreaterThan(0); // linear reverse scoring, penalties and caps only lower totals
    expect(s.gradeChanges.up).toBe(0);
    expect(Number(s.meanDelta)).toBeLessThan(0);
    expect(s.ruleChanges[0]).toMatchObject({ from: '反向指标未达标按比例计分（inverseProportional）', to: '反向指标未达标线性扣分（linearPenalty）' });
    expect(s.adjustmentRules.map((r) => r.rule)).toContain('偏离目标30%及以上扣2分');
    const changed = run.forms.find((f) => f.rows.length > 0)!;
    expect(changed.rows[0]).toMatchObject({ methodA: 'inverseProportional', methodB: 'linearPenalty' });
    const matrixTotal = Object.values(s.matrix).reduce((n, row) => n + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(matrixTotal).toBe(240);
  }, 60_000);

  it('writes CSV and a self-contained HTML report, and JSON on stdout', async () => {
    const dir = tempDir('jixiao-compare-out-');
    const run = await runCli('compare', '--rules', 'caiyu-2020-10', '--rules', 'provincial-linear', year, '--json', '--csv', path.join(dir, 'r.csv'), '--html', path.join(dir, 'r.html'), '--workers', '1');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { summary: { compared: number }; forms: unknown[] };
    expect(json.summary.compared).toBe(240);
    const csv = readFileSync(path.join(dir, 'r.csv'), 'utf8');
    expect(csv.startsWith('\ufefffile,title,department,totalA,totalB,delta,gradeA,gradeB')).toBe(true);
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
