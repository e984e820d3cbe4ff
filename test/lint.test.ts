import { lintFile } from '../src/lint/lintFile';
import { shippedRuleSetIds } from '../src/load/ruleSets';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { textOfRef, type TextRef } from '../src/errors/texts';
import { CLEAN, ROOT, runCli, tempDir } from './helpers';

const BROKEN = 'test/fixtures/lint/broken.yaml';

describe('jixiao lint on a rule set', () => {
  it("reports each kind of finding on the broken fixture, at the rule's line, with an example", async () => {
    const { findings } = await lintFile(BROKEN);
    const found = findings.map((f) => [f.code, f.location?.line, f.data.rule ?? '']);
    expect(found).toEqual(
      expect.arrayContaining([
        ['LINT_WEIGHT_SUM', 14, ''],
        ['LINT_BAND_OVERLAP', 37, ''],
        ['LINT_BAND_HOLE', 37, ''],
        ['LINT_GAP', 48, ''],
        ['LINT_CONFLICT', 106, '定性指标分档计分'],
        ['LINT_SHADOWED', 146, '定性指标按比例（冲突）'],
        ['LINT_NEVER_FIRES', 154, '不可能的规则'],
        ['LINT_SHADOWED', 162, '被遮蔽的规则'],
        ['LINT_METHOD_KIND', 170, '定性交给比例法'],
        ['UNKNOWN_METHOD', 183, '未知计分方法'],
        ['UNKNOWN_FLAG', 189, '未知提示代码'],
        ['UNKNOWN_FACT', 191, '未知事实'],
      ]),
    );
    const gap = findings.find((f) => f.code === 'LINT_GAP');
    expect(gap?.data.example).toMatch(/kind=quantitative, direction=lowerIsBetter/);
    const conflict = findings.find((f) => f.code === 'LINT_CONFLICT');
    expect(conflict?.data.other).toBe('定性指标按比例（冲突）');
    expect(conflict?.data.example).toMatch(/band=partial/);
  });

  it('exits 1 on errors and prints each finding with file:line', async () => {
    const run = await runCli('lint', BROKEN);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${BROKEN}:154:5: 警告 LINT_NEVER_FIRES`);
    expect(run.out).toMatch(/9 个错误，3 个警告/);
  });

  it.each(shippedRuleSetIds())('finds nothing in the shipped rule set %s', async (id) => {
    const { findings } = await lintFile(`indicators/rulesets/${id}.yaml`);
    expect(findings).toEqual([]);
  });
});

describe('jixiao lint on indicator definitions', () => {
  it('lists the unmeasurable targets of the seed department form, and its other faults', async () => {
    const { findings } = await lintFile('examples/zhuzhou-2020/department.indicators.yaml');
    const said = (v: unknown): string => (typeof v === 'string' ? v : textOfRef(v as TextRef, 'zh'));
    const unmeasurable = findings
      .filter((f) => f.code === 'NOT_MEASURABLE')
      .map((f) => `${f.data.id} ${said(f.data.target)}`);
    expect(unmeasurable).toEqual([
      '5 规定时间内',
      '7 逐年递减',
      '9 全省前列',
      '10 全省前列',
      '8 指导脱贫',
      '11 全省前列',
      '12 （空）',
      '13 长期',
      '14 长期',
    ]);
    const codes = findings.map((f) => f.code);
    expect(codes.filter((c) => c === 'WEIGHT_SUM_MISMATCH')).toHaveLength(2);
    expect(findings.find((f) => f.code === 'LINT_DUPLICATE_NAME')?.data).toMatchObject({
      name: '市长热线办结率',
      ids: { zh: '5、15', en: '5, 15' },
    });
    expect(findings.filter((f) => f.code === 'LINT_NO_COMPARATOR').map((f) => f.data.id)).toEqual([
      '3',
      '4',
      '15',
      '16',
    ]);
    expect(findings.every((f) => f.severity !== 'error')).toBe(true);
  });

  it('the clean example has only measurable, directed targets', async () => {
    const { findings } = await lintFile('examples/water-2023/project.indicators.yaml');
    expect(findings.map((f) => f.code)).toEqual(['NOT_MEASURABLE']); // 建立健全: a qualitative target, said plainly
  });

  it('flags a quantitative target with no unit and a level-2 name outside its level-1', async () => {
    const { findings } = await lintFile('test/fixtures/bad/unknown-level2/indicators.yaml');
    expect(findings.map((f) => f.code)).toContain('UNKNOWN_LEVEL2');
  });
});

describe('a file lint cannot read says what it is, never a wrong guess', () => {
  test('a rule set with a YAML error is a rule set; a file of nothing recognisable is not called 指标定义', async () => {
    const dir = tempDir('jixiao-lint-kind-');
    const broken = path.join(dir, 'mine.yaml');
    writeFileSync(
      broken,
      'id: mine\nextends: caiyu-2020-10\nversion: 0.0.1\nname: "unclosed\nparameters:\n  lowExecutionRate: 0.9\n',
    );
    const run = await runCli('lint', broken);
    expect(run.code).toBe(1);
    expect(run.out).toContain('mine.yaml（评分规则集）：2 个错误');
    expect(run.out).not.toContain('指标定义');
    const other = path.join(dir, 'other.yaml');
    writeFileSync(other, 'a: "unclosed\nb: 1\n');
    const unknown = await runCli('lint', other);
    expect(unknown.out).toMatch(/other\.yaml：\d+ 个错误/);
    expect(unknown.out).not.toMatch(/（指标定义）|（评分规则集）/);
  });
});

describe('rule sets by id from the command line', () => {
  test('a rulesets/ folder beside the current folder is searched by every command that takes --rules or an id', () => {
    const dir = tempDir('jixiao-cwd-rulesets-');
    mkdirSync(path.join(dir, 'rulesets'));
    writeFileSync(
      path.join(dir, 'rulesets', 'mine.yaml'),
      'id: mine\nextends: caiyu-2020-10\nversion: 0.0.1\nname: 本地规则集\nparameters:\n  lowExecutionRate: 0.95\n',
    );
    const cli = (...argv: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), ...argv], { cwd: dir, encoding: 'utf8' });
    const form = path.join(ROOT, CLEAN);
    const score = cli('score', form, '--rules', 'mine', '--json');
    expect([score.status, JSON.parse(score.stdout).ruleSet.id]).toEqual([0, 'mine']);
    const compare = cli('compare', '--rules', 'caiyu-2020-10', '--rules', 'mine', form);
    expect([compare.status, compare.stdout]).toEqual([
      0,
      expect.stringContaining('预算执行率偏低的界限（lowExecutionRate）'),
    ]);
    const show = cli('ruleset', 'show', 'mine');
    expect([show.status, show.stdout]).toEqual([0, expect.stringContaining('# 解析自：mine ← caiyu-2020-10')]);
  });
});
