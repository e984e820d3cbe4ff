import { cpSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempDir } from './helpers';

/**
 * A year's folder with stray links — a broken link and a loop named like forms, a link loop not named like one,
 * a folder link back to its parent — is read to the end by every command that takes folders: each stray link is
 * reported at its path, every real form is done, nothing exits 2.
 */
function strayYear(): string {
  const dir = tempDir('jixiao-links-');
  cpSync(path.join(ROOT, 'examples/water-2023'), path.join(dir, 'water'), { recursive: true });
  cpSync(path.join(ROOT, 'examples/zhuzhou-2020'), path.join(dir, 'zhuzhou'), { recursive: true });
  symlinkSync(path.join(dir, 'nowhere', 'x.actuals.yaml'), path.join(dir, 'gone.actuals.yaml'));
  symlinkSync('loop.actuals.yaml', path.join(dir, 'loop.actuals.yaml'));
  symlinkSync('knot', path.join(dir, 'knot'));
  symlinkSync('..', path.join(dir, 'water', 'up'));
  return dir;
}

describe('folders with stray links', () => {
  it('score: every form scored, each stray form link reported at its path, exit 1', async () => {
    const dir = strayYear();
    const run = await runCli('score', dir, '--json');
    expect(run.code).toBe(1);
    const list = JSON.parse(run.out) as (
      { ok: false; file: string; errors: { code: string }[] } | { department: string; total: string }
    )[];
    const failed = list.filter((r): r is { ok: false; file: string; errors: { code: string }[] } => 'ok' in r);
    expect(failed.map((f) => [path.basename(f.file), f.errors[0]?.code])).toEqual([
      ['gone.actuals.yaml', 'LINK_BROKEN'],
      ['loop.actuals.yaml', 'LINK_BROKEN'],
    ]);
    // the four real forms, once each (the link back to the parent does not list them again)
    expect(list.filter((r) => !('ok' in r))).toHaveLength(4);
    const text = await runCli('score', dir);
    expect(text.err).toContain('6 张表中 2 张无法评分');
    expect(text.out.match(/总分：/g)).toHaveLength(4);
  });

  it('compare: the links are listed as not scorable, the rest compared, exit 0', async () => {
    const dir = strayYear();
    const run = await runCli(
      'compare',
      '--rules',
      'caiyu-2020-10',
      '--rules',
      'hubei',
      dir,
      '--json',
      '--workers',
      '1',
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as {
      summary: { forms: number; compared: number };
      forms: { file: string; errorA: string | null }[];
    };
    expect(json.summary).toMatchObject({ forms: 6, compared: 4 });
    const broken = json.forms
      .filter((f) => f.errorA !== null)
      .map((f) => [path.basename(f.file), /(?:^| )错误 ([A-Z_]+): /.exec(f.errorA ?? '')?.[1]]);
    expect(broken).toEqual([
      ['gone.actuals.yaml', 'LINK_BROKEN'],
      ['loop.actuals.yaml', 'LINK_BROKEN'],
    ]);
  });

  it('batch: the real forms are printed, the links recorded as failed with their code', async () => {
    const dir = strayYear();
    const out = tempDir('jixiao-links-out-');
    const run = await runCli('batch', dir, '-o', out);
    expect(run.code).toBe(1);
    expect(run.err + run.out).not.toMatch(/内部错误|\n\s+at /);
    const journal = readFileSync(path.join(out, 'journal.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { input?: string; status?: string; codes?: string[] });
    const failed = journal.filter((e) => e.status === 'failed').map((e) => [e.input, e.codes?.[0]]);
    expect(failed).toEqual([
      ['gone.actuals.yaml', 'LINK_BROKEN'],
      ['loop.actuals.yaml', 'LINK_BROKEN'],
    ]);
    const printed = journal
      .filter((e) => e.status === 'complete' || e.status === 'draft')
      .map((e) => e.input)
      .sort();
    expect(printed).toEqual([
      'water/override.actuals.yaml',
      'water/project.actuals.yaml',
      'zhuzhou/department.actuals.yaml',
      'zhuzhou/project.actuals.yaml',
    ]);
    expect(existsSync(path.join(out, 'water', 'project.pdf'))).toBe(true);
  }, 120_000);
});
