import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT, runCli } from './helpers';

/** One fixture per error code: the code, the file it is reported in and the line. */
const FIXTURES: [fixture: string, code: string, file: string, line: number][] = [
  ['yaml-syntax', 'YAML_SYNTAX', 'actuals.yaml', 9],
  ['duplicate-key', 'DUPLICATE_KEY', 'actuals.yaml', 10],
  ['unknown-key', 'UNKNOWN_KEY', 'actuals.yaml', 11],
  ['wrong-type', 'WRONG_TYPE', 'indicators.yaml', 8],
  ['invalid-value', 'INVALID_VALUE', 'indicators.yaml', 18],
  ['id-not-string', 'ID_NOT_STRING', 'indicators.yaml', 24],
  ['id-key-not-string', 'ID_NOT_STRING', 'actuals.yaml', 11],
  ['unknown-indicator', 'UNKNOWN_INDICATOR', 'actuals.yaml', 12],
  ['unknown-level1', 'UNKNOWN_LEVEL1', 'indicators.yaml', 19],
  ['unknown-ruleset', 'UNKNOWN_RULESET', 'indicators.yaml', 3],
  ['unknown-method', 'UNKNOWN_METHOD', 'rules.yaml', 87],
  ['negative-amount', 'NEGATIVE_AMOUNT', 'actuals.yaml', 4],
];

/** Rows a person must still complete: not errors but a draft (exit 3) that names each, at its line. */
const PENDING: [fixture: string, code: string, line: number][] = [
  ['missing-actual', 'MISSING_ACTUAL', 7],
  ['unit-mismatch', 'UNIT_MISMATCH', 8],
  ['text-in-quantitative', 'ACTUAL_NOT_NUMBER', 9],
  ['band-required', 'BAND_REQUIRED', 10],
];

const fixture = (name: string, file = 'actuals.yaml'): string => path.join('test', 'fixtures', 'bad', name, file);

describe('bad input: a located error, exit 1, never a stack trace', () => {
  it.each(FIXTURES)('%s → %s at %s:%i', async (name, code, file, line) => {
    const run = await runCli('score', fixture(name));
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    const expected = `${fixture(name, file)}:${line}:`;
    const reported = run.err.split('\n').find((l) => l.includes(` ${code}: `));
    expect(reported).toBeDefined();
    expect(reported!.startsWith(expected)).toBe(true);
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it.each(PENDING)('%s → a draft naming %s at actuals.yaml:%i, exit 3', async (name, code, line) => {
    const run = await runCli('score', fixture(name), '--json');
    expect(run.code).toBe(3);
    const json = JSON.parse(run.out) as {
      status: string;
      pending: { code: string; location: { file: string; line: number } }[];
    };
    expect(json.status).toBe('draft');
    expect(json.pending).toEqual([
      expect.objectContaining({ code, location: expect.objectContaining({ file: fixture(name), line }) }),
    ]);
    const text = await runCli('score', fixture(name));
    expect(text.out).toMatch(new RegExp(`${fixture(name).replace(/[/.]/g, '\\$&')}:${line}:\\d+: 错误 ${code}: `));
    expect(text.out).toContain('草稿：还有 1 项待补充');
  });

  it('reports every schema error of a file in one run', async () => {
    const run = await runCli('score', fixture('several-errors'));
    expect(run.code).toBe(1);
    expect(run.err).toContain('NEGATIVE_AMOUNT');
    expect(run.err).toContain('UNKNOWN_KEY');
    expect(run.err).toContain('共 2 处错误');
  });

  it('says it in English with --lang en', async () => {
    const run = await runCli('--lang', 'en', 'score', fixture('unit-mismatch'));
    expect(run.code).toBe(3);
    expect(run.out).toContain(
      'error UNIT_MISMATCH: Indicator "1 培训人次": units differ, target in "人次", actual in "人"',
    );
    expect(run.out).toContain('fix: ');
    expect(run.out).toContain('Draft: 1 item(s) still to complete');
  });

  it('treats executed above the full-year budget as a warning, not an error', async () => {
    const run = await runCli('score', fixture('executed-above-budget'), '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { warnings: { code: string }[]; budget: { finalScore: string } };
    expect(json.warnings.map((w) => w.code)).toContain('EXECUTED_ABOVE_BUDGET');
    expect(json.budget.finalScore).toBe('10');
  });

  it('a missing file is an input error', async () => {
    const run = await runCli('score', 'no/such/file.yaml');
    expect(run.code).toBe(1);
    expect(run.err).toContain('FILE_NOT_FOUND');
  });

  it('the built binary prints no stack trace for any fixture', () => {
    for (const [name] of FIXTURES) {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), 'score', fixture(name)], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    }
  });
});
