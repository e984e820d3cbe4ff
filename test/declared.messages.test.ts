import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempDir } from './helpers';

/** A declared score that is not taken says why: no reason, above the row's 分值, or a budget score that is computed. */
async function scoreWith(edits: [string, string][]): Promise<{ code: string; message: string; hint?: string }[]> {
  const dir = tempDir('jixiao-declared-');
  cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
  const file = path.join(dir, 'project.actuals.yaml');
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
  const run = await runCli('score', file, '--json');
  return (
    JSON.parse(run.out) as {
      indicators: { flags: { code: string; message: string; hint?: string }[] }[];
      budget: { flags: { code: string; message: string; hint?: string }[] };
    }
  ).indicators
    .flatMap((r) => r.flags)
    .concat((JSON.parse(run.out) as { budget: { flags: { code: string; message: string }[] } }).budget.flags);
}

describe('DECLARED_SCORE_MISMATCH says why the declared score is not taken', () => {
  it('no reason: "且未说明理由", and the hint asks for one', async () => {
    const flags = await scoreWith([
      ['"1.1": { actual: 12处, declaredScore: 10 }', '"1.1": { actual: 12处, declaredScore: 9 }'],
    ]);
    const f = flags.find((x) => x.code === 'DECLARED_SCORE_MISMATCH');
    expect(f?.message).toBe('「1.1 新建集中供水工程」申报得分 9 与规则得分 10 不符，且未说明理由：按规则得分计');
  });

  it('above the row’s 分值, with a reason: not "未说明理由" but the maximum it exceeds', async () => {
    const flags = await scoreWith([
      [
        '"1.1": { actual: 12处, declaredScore: 10 }',
        '"1.1": { actual: 12处, declaredScore: 12, reason: 超额完成加分 }',
      ],
    ]);
    const f = flags.find((x) => x.code === 'DECLARED_SCORE_MISMATCH');
    expect(f?.message).toContain('申报得分 12 与规则得分 10 不符，且超过此行分值 10');
    expect(f?.message).not.toContain('未说明理由');
  });

  it('a reason and a score within the 分值: taken as a manual score, no mismatch', async () => {
    const flags = await scoreWith([
      [
        '"1.1": { actual: 12处, declaredScore: 10 }',
        '"1.1": { actual: 12处, declaredScore: 9, reason: 一处工程质量返工 }',
      ],
    ]);
    expect(flags.map((x) => x.code)).toContain('MANUAL_OVERRIDE');
    expect(flags.map((x) => x.code)).not.toContain('DECLARED_SCORE_MISMATCH');
  });

  it('the budget row: its score follows from the execution rate, said so', async () => {
    const flags = await scoreWith([['  declaredScore: 9.8', '  declaredScore: 10']]);
    const f = flags.find((x) => x.code === 'DECLARED_SCORE_MISMATCH');
    expect(f?.message).toContain('申报得分 10 与规则得分 9.8 不符，预算执行得分按执行率计算');
  });
});
