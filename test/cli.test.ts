import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir, DEPARTMENT, PROJECT, CLEAN, ROOT } from './helpers';

interface Json {
  total: string;
  grade: { id: string; label: string } | null;
  budget: { rate: string; finalScore: string };
  levels: { name: string; declaredWeight: string | null; maxScore: string; score: string }[];
  indicators: {
    id: string;
    ruleScore: string;
    declaredScore: string | null;
    finalScore: string;
    explanation: string;
    flags: { code: string; message: string }[];
  }[];
  warnings: { code: string; message: string }[];
  ruleSet: { id: string; version: string; sha256: string };
  inputs: { sha256: string };
}

describe('jixiao score', () => {
  it('--json has the documented shape and the seed figures', async () => {
    const run = await runCli('score', DEPARTMENT, '--json');
    // the seed's department form is a draft: row 4 is far above target and gives no reason
    expect(run.code).toBe(3);
    const json = JSON.parse(run.out) as Json & {
      status: string;
      pending: { code: string; location: { line: number } }[];
    };
    expect(json.status).toBe('draft');
    expect(json.pending.map((p) => [p.code, p.location.line])).toEqual([['REASON_REQUIRED', 20]]);
    expect(json.total).toBe('95');
    expect(json.grade).toEqual({ id: 'excellent', label: '优' });
    expect(json.budget.finalScore).toBe('10');
    expect(json.ruleSet.id).toBe('caiyu-2020-10');
    expect(json.ruleSet.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.inputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    const row16 = json.indicators.find((r) => r.id === '16')!;
    expect(row16).toMatchObject({ ruleScore: '5', declaredScore: '4.5', finalScore: '5' });
    expect(row16.flags[0]!.code).toBe('DECLARED_SCORE_MISMATCH');
    expect(row16.flags[0]!.message).toContain('申报得分 4.5 与规则得分 5 不符');
    expect(row16.explanation).toBe('正向指标：实际95% = 目标95%，完成率100%，得满分5分');
    expect(json.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['DECLARED_TOTAL_MISMATCH', 'WEIGHT_SUM_MISMATCH']),
    );
  });

  it('prints a readable Chinese table with totals and every warning', async () => {
    const run = await runCli('score', PROJECT);
    expect(run.code).toBe(0);
    expect(run.out).toContain('首次办理市民满意率');
    expect(run.out).toContain('总分：95（满分 95）  等级：优');
    expect(run.out).toContain('警告（4 条）');
    expect(run.out).toContain('「满意度指标」申报分值 10，但所含指标分值合计 5');
  });

  it('prints the report in English with --lang en', async () => {
    const run = await runCli('--lang', 'en', 'score', PROJECT);
    expect(run.out).toContain('Total: 95 (out of 95)  Grade: excellent');
    expect(run.out).toContain('"满意度指标" declares 10 points, but its rows add up to 5');
  });

  it('the clean example prints no warnings', async () => {
    const run = await runCli('score', CLEAN);
    expect(run.code).toBe(0);
    expect(run.out).toContain('无警告。');
    expect(run.out).not.toContain('警告（');
  });

  it('scores under another rule set with --rules', async () => {
    const a = JSON.parse((await runCli('score', CLEAN, '--json')).out) as Json;
    const b = JSON.parse((await runCli('score', CLEAN, '--json', '--rules', 'hubei')).out) as Json;
    expect(b.ruleSet.id).toBe('hubei');
    expect(a.ruleSet.sha256).not.toBe(b.ruleSet.sha256);
  });
});

describe('jixiao init', () => {
  it('writes an actuals file with every id, name, target and 分值 as comments; unfilled, it is rejected row by row', async () => {
    const dir = tempDir();
    const output = path.join(dir, 'filled.actuals.yaml');
    const definitions = path.join(ROOT, 'examples/water-2023/project.indicators.yaml');
    const run = await runCli('init', definitions, '-o', output);
    expect(run.code).toBe(0);
    const text = readFileSync(output, 'utf8');
    for (const id of ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1'])
      expect(text).toContain(`"${id}": #`);
    expect(text).toContain('# 单位管网改造成本｜年度指标值：≤25万元/公里｜分值：10');
    expect(readdirSync(dir)).toEqual(['filled.actuals.yaml']);

    // unfilled, it is a draft naming every row still to fill (and the budget), at its line
    const unfilled = await runCli('score', output);
    expect(unfilled.code).toBe(3);
    expect((unfilled.out.match(/错误 MISSING_ACTUAL/g) ?? []).length).toBe(10);
    expect(unfilled.out).toContain('BUDGET_ZERO');

    // filled in, it scores
    const filled = text
      .replace(/fullYearBudget: 0/, 'fullYearBudget: 100')
      .replace(/executed: 0/, 'executed: 100')
      .replace(/"1\.1": #.*\n {4}actual: ""/, (m) => m.replace('actual: ""', 'actual: 12处'))
      .replace(/actual: ""/g, 'actual: 达成');
    writeFileSync(output, filled.replace('actual: 达成 # 实际完成情况', 'actual: 完成 # 实际完成情况'));
    const scored = await runCli('score', output);
    expect(scored.code).toBe(3); // quantitative rows filled with a band word still need numbers
    expect(scored.out).toContain('ACTUAL_NOT_NUMBER');
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const dir = tempDir();
    const output = path.join(dir, 'a.yaml');
    writeFileSync(output, 'keep');
    const run = await runCli('init', path.join(ROOT, 'examples/water-2023/project.indicators.yaml'), '-o', output);
    expect(run.code).toBe(1);
    expect(run.err).toContain('OUTPUT_EXISTS');
    expect(readFileSync(output, 'utf8')).toBe('keep');
  });
});

describe('jixiao schema', () => {
  it.each(['definitions', 'actuals', 'ruleset', 'ruleset-tests', 'review-ruleset', 'review-tests'])(
    'prints the JSON Schema for %s, same as the committed file',
    async (kind) => {
      const run = await runCli('schema', kind);
      expect(run.code).toBe(0);
      const committed = readFileSync(path.join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8');
      expect(JSON.parse(run.out)).toEqual(JSON.parse(committed));
    },
  );

  it('an unknown kind is an input error', async () => {
    const run = await runCli('schema', 'nope');
    expect(run.code).toBe(1);
    expect(run.err).toContain('UNKNOWN_KIND');
  });

  it('every shipped YAML file names its schema for the editor', () => {
    const files = [
      ...readdirSync(path.join(ROOT, 'indicators/rulesets')).map((f) => path.join('indicators/rulesets', f)),
      ...['examples/zhuzhou-2020', 'examples/water-2023'].flatMap((d) =>
        readdirSync(path.join(ROOT, d))
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => path.join(d, f)),
      ),
    ];
    for (const file of files) {
      const first = readFileSync(path.join(ROOT, file), 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match).not.toBeNull();
      expect(existsSync(path.resolve(ROOT, path.dirname(file), match![1]!))).toBe(true);
    }
  });
});

describe('exit codes', () => {
  it('usage errors exit 1 and say what was wrong', async () => {
    const missing = await runCli('score');
    expect([missing.code, missing.out]).toEqual([1, '']);
    expect(missing.err).toContain('错误 USAGE: 命令用法有误：缺少参数 actuals');
    const unknown = await runCli('frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('未知的命令 frobnicate');
  });
  it('--help exits 0', async () => {
    const run = await runCli('--help');
    expect(run.code).toBe(0);
    expect(run.out).toContain('score');
  });
});
