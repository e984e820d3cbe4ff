import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../src/cli/main';
import { ROOT, runCli, tempDir } from './helpers';

const BIN = path.join(ROOT, 'dist/cli/main.js');

/** Runs the built command through a shell pipeline, as a person would type it. */
function shell(
  command: string,
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('bash', ['-o', 'pipefail', '-c', command], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('CLI conventions', () => {
  test('`score <folder>` scores every actuals file in it', async () => {
    const run = await runCli('score', 'examples/zhuzhou-2020/', '--json');
    // the seed's department form is a draft (row 4 over-achieved with no reason): the run says so with exit 3
    expect(run.code).toBe(3);
    const results = JSON.parse(run.out) as { title: string; total: string; grade: { label: string }; status: string }[];
    expect(results.map((r) => [r.title, r.total, r.grade.label, r.status])).toEqual([
      ['2020年度部门整体支出绩效自评表', '95', '优', 'draft'],
      ['2020年度项目支出绩效自评表', '95', '优', 'complete'],
    ]);
  });

  test('`score bad.yaml --json` prints the errors as JSON (code, file, line, column, message), exit 1', async () => {
    const file = path.join(tempDir(), 'bad.actuals.yaml');
    writeFileSync(file, 'definitions: ./nowhere.yaml\nbudget: {}\n');
    const run = await runCli('score', file, '--json', '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.err).toBe('');
    const json = JSON.parse(run.out);
    expect(json.ok).toBe(false);
    expect(json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'FILE_NOT_FOUND',
          file,
          line: 1,
          column: 14,
          message: expect.stringContaining('nowhere.yaml'),
        }),
        expect.objectContaining({ code: 'REQUIRED', severity: 'error', file }),
      ]),
    );
  });

  test('a closed pipe ends quietly: `verify x.pdf | head -1` and `test | head -1` print no stack trace', () => {
    const dir = tempDir();
    const pdf = path.join(dir, 'x.pdf');
    writeFileSync(pdf, '%PDF-1.7\n');
    for (const command of [
      `node ${BIN} test | head -1`,
      `node ${BIN} verify ${pdf} --json | head -1`,
      `node ${BIN} score examples/zhuzhou-2020/ | head -1`,
    ]) {
      const run = shell(command);
      expect(run.stderr).not.toMatch(/EPIPE|at .*\.js:\d+|Error:/);
      expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });

  test('colour only on a terminal and never with NO_COLOR; plain when piped', async () => {
    const lines: string[] = [];
    const io = {
      out: (t: string) => lines.push(t),
      err: (t: string) => lines.push(t),
      interactive: true,
      colour: true,
      columns: 140,
      bytes: () => undefined,
    };
    await main(['score', 'examples/zhuzhou-2020/project.actuals.yaml'], io);
    expect(lines.join('\n')).toContain('\x1b[33m');
    const piped = shell(`node ${BIN} score examples/zhuzhou-2020/project.actuals.yaml | cat`);
    expect(piped.stdout).not.toContain('\x1b[');
    const script = spawnSync(
      'script',
      ['-qfec', `node ${BIN} score examples/zhuzhou-2020/project.actuals.yaml`, '/dev/null'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    if (script.status === 0) expect(script.stdout).not.toContain('\x1b[33m');
  });

  test('the score table follows the terminal: a narrow layout below 100 columns', async () => {
    const capture = async (columns: number): Promise<string> => {
      let out = '';
      await main(['score', 'examples/water-2023/project.actuals.yaml'], {
        out: (t) => (out += `${t}\n`),
        err: () => undefined,
        interactive: true,
        colour: false,
        columns,
        bytes: () => undefined,
      });
      return out;
    };
    const narrow = await capture(80);
    const wide = await capture(160);
    // tables (box-drawing lines) must fit; a long message line is the terminal's to wrap
    const widest = (text: string): number =>
      Math.max(
        ...text
          .split('\n')
          .filter((l) => /[│─]/.test(l))
          .map((l) => [...l].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0)),
      );
    expect(widest(narrow)).toBeLessThanOrEqual(100);
    expect(narrow).not.toMatch(/│ 编号/);
    expect(narrow).toContain('1.1 新建集中供水工程');
    expect(narrow).toContain('年度指标值 ≥12处；实际完成值 12处；分值 10；得分 10');
    expect(wide).toContain('┌');
    expect(widest(wide)).toBeGreaterThan(100);
  });

  test('one overwrite policy: init and keygen refuse to replace a file without --force; generated outputs are replaced', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'mine.actuals.yaml');
    writeFileSync(target, '# 我填了一半\n');
    const refused = await runCli('init', 'examples/water-2023/project.indicators.yaml', '-o', target);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('OUTPUT_EXISTS');
    expect(readFileSync(target, 'utf8')).toBe('# 我填了一半\n');
    expect((await runCli('init', 'examples/water-2023/project.indicators.yaml', '-o', target, '--force')).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('definitions:');

    const p12 = path.join(dir, 'k.p12');
    writeFileSync(p12, 'keep me');
    const keygen = await runCli('keygen', '--cn', '测试', '-o', p12);
    expect(keygen.err).toContain('OUTPUT_EXISTS');
    expect(readFileSync(p12, 'utf8')).toBe('keep me');

    const csv = path.join(dir, 'report.csv');
    writeFileSync(csv, 'old');
    const compare = await runCli(
      'compare',
      '--rules',
      'caiyu-2020-10',
      '--rules',
      'hubei',
      'examples/zhuzhou-2020',
      '--csv',
      csv,
    );
    expect(compare.code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('totalA');
    expect(existsSync(`${csv}.tmp`)).toBe(false);
  });

  test('out-of-range numeric options are refused with their range', async () => {
    for (const [argv, text] of [
      [
        ['render', 'examples/water-2023/project.actuals.yaml', '--timeout', '1e12'],
        '--timeout 应为 1000 至 600000 之间的整数',
      ],
      [
        ['keygen', '--cn', 'x', '-o', path.join(tempDir(), 'x.p12'), '--days', '-5'],
        '--days 应为 1 至 36500 之间的整数，实际是 -5',
      ],
      [['compare', '--rules', 'a', '--rules', 'b', 'examples', '--workers', '0'], '--workers 应为 1 至 64 之间的整数'],
    ] as const) {
      const run = await runCli(...argv);
      expect(run.code).toBe(1);
      expect(run.err).toContain(text);
    }
  });

  test('typing mistakes get the right message: one error for one bad indent, thousands commas read, a band range says its open end', async () => {
    const dir = tempDir();
    const edit = (from: string, to: string): string => {
      const file = path.join(dir, `${Math.random().toString(36).slice(2)}.actuals.yaml`);
      writeFileSync(
        file,
        readFileSync(path.join(ROOT, 'examples/water-2023/project.actuals.yaml'), 'utf8')
          .replace('./project.indicators.yaml', path.join(ROOT, 'examples/water-2023/project.indicators.yaml'))
          .replace(from, to),
      );
      return file;
    };
    const indent = await runCli('score', edit('  fullYearBudget: 1180\n', '   fullYearBudget: 1180\n'), '--json');
    expect(JSON.parse(indent.out).errors).toHaveLength(1);
    const comma = await runCli(
      'score',
      edit('executed: 1156.4\n  breakdown', 'executed: 1,156.4\n  breakdown'),
      '--json',
    );
    expect(JSON.parse(comma.out).budget.executed).toBe('1156.4');
    const band = await runCli(
      'score',
      edit('band: 达成, declaredScore: 10', 'band: 部分达成, declaredScore: 9, reason: 试'),
      '--json',
    );
    expect(JSON.parse(band.out).pending[0].message).toContain('不在「部分达成」档次的范围内（6 至 8 分，不含 8）');
    const en = await runCli(
      'score',
      edit('band: 达成, declaredScore: 10', 'band: 部分达成, declaredScore: 9, reason: 试'),
      '--json',
      '--lang',
      'en',
    );
    expect(JSON.parse(en.out).pending[0].message).toContain('outside the "partly achieved" band (6 to under 8 points)');
  });
});
