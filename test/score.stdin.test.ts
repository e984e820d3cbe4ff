import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

/** `jixiao score -`: the actuals on standard input, read as a file in the current folder; errors name it `-`. */
const BIN = path.join(ROOT, 'dist/cli/main.js');
const water = path.join(ROOT, 'examples/water-2023');

function scoreStdin(input: string | Buffer, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, 'score', '-', ...args], {
    cwd: water,
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('score -', () => {
  it('scores the actuals piped in, its definitions found from the current folder', () => {
    const run = scoreStdin(readFileSync(path.join(water, 'project.actuals.yaml')), '--json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { total: string; grade: { label: string } };
    expect([json.total, json.grade.label]).toEqual(['99.8', '优']);
  });

  it('an error in what was piped in is located at -:line:column, exit 1', () => {
    const run = scoreStdin('definitions: ./project.indicators.yaml\nbudget: [\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^-:3:1: 错误 YAML_SYNTAX: /m);
  });

  it('stdin and files together: each scored, the piped one named -', () => {
    const run = scoreStdin(readFileSync(path.join(water, 'override.actuals.yaml')), 'project.actuals.yaml', '--json');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { total: string }[]).map((r) => r.total)).toEqual(['98.8', '99.8']);
  });
});
