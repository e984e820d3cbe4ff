import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeTestP12 } from '../src/sign/keygen';
import { ROOT, runCli, tempDir } from './helpers';

// A row that needs a person does not block a form: the form is a draft (待补充) with a provisional total.

function form(actualsEdits: [string, string][], extra?: (dir: string) => void): string {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
  const file = path.join(dir, 'project.actuals.yaml');
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of actualsEdits) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`edit not applied: ${from}`);
    text = next;
  }
  writeFileSync(file, text);
  extra?.(dir);
  return file;
}

// row 2.5 (qualitative, 10 points): actual text with no band word and no declared score
const noBand = (): string =>
  form([['actual: 已出台管护办法并落实管护经费, band: 达成, declaredScore: 10', 'actual: 管护办法已起草']]);

describe('drafts', () => {
  jest.setTimeout(120_000);

  test('one qualitative row without a band word: a draft total, the row named at its line, exit 3', async () => {
    const run = await runCli('score', noBand(), '--json');
    expect(run.code).toBe(3);
    const json = JSON.parse(run.out);
    expect(json.status).toBe('draft');
    // every other row scores: 99.8 less the 10 points of row 2.5, provisionally 0
    expect(json.total).toBe('89.8');
    expect(json.pending).toEqual([
      expect.objectContaining({ code: 'BAND_REQUIRED', location: expect.objectContaining({ line: 25 }) }),
    ]);
    const row = json.indicators.find((r: { id: string }) => r.id === '2.5');
    expect(row).toMatchObject({
      finalScore: '0',
      method: 'pending',
      pending: expect.objectContaining({ code: 'BAND_REQUIRED' }),
    });
    const text = await runCli('score', noBand());
    expect(text.code).toBe(3);
    expect(text.out).toContain('暂计总分：89.8（满分 100；草稿，待补充后才是总分）');
    expect(text.out).toMatch(/草稿：还有 1 项待补充/);
  });

  test('render prints the draft with 草稿 across every page and the pending cell marked; sign refuses it', async () => {
    const dir = tempDir();
    const pdf = path.join(dir, 'draft.pdf');
    const run = await runCli('render', noBand(), '-o', pdf);
    expect(run.code).toBe(3);
    expect(run.err).toContain('已生成草稿');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(p), '-l', String(p), pdf, '-'], {
        encoding: 'utf8',
      });
      // rotated, the two characters come out of the text layer on lines of their own
      expect(text).toContain('草');
      expect(text).toContain('稿');
    }
    const all = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(all).toContain('待补充');
    expect(all).toContain('总分（暂计）');
    const p12 = path.join(dir, 'signer.p12');
    writeFileSync(p12, makeTestP12({ commonName: '草稿签署人', keyBits: 1024 }, 'pw'));
    process.env.JIXIAO_P12_PASSWORD = 'pw';
    try {
      const sign = await runCli('sign', pdf, '--p12', p12, '--role', '填表人', '--json');
      expect(sign.code).toBe(1);
      expect(JSON.parse(sign.out).errors[0]).toMatchObject({
        code: 'FORM_INCOMPLETE',
        message: expect.stringContaining('还有 1 项待补充'),
      });
    } finally {
      delete process.env.JIXIAO_P12_PASSWORD;
    }
  });

  test('a declared score without a band word takes its band (BAND_FROM_DECLARED); a rule set can turn that off', async () => {
    // 7 of 10 is 70%: 部分达成 [60%, 80%)
    const file = form([
      [
        'actual: 已出台管护办法并落实管护经费, band: 达成, declaredScore: 10',
        'actual: 管护办法已起草, declaredScore: 7, reason: 尚未印发',
      ],
    ]);
    const json = JSON.parse((await runCli('score', file, '--json')).out);
    expect(json.status).toBe('complete');
    const row = json.indicators.find((r: { id: string }) => r.id === '2.5');
    expect(row).toMatchObject({ band: 'partial', finalScore: '7' });
    expect(json.notes.map((n: { code: string }) => n.code)).toContain('BAND_FROM_DECLARED');
    const off = path.join(path.dirname(file), 'no-band-from-score.yaml');
    writeFileSync(
      off,
      'id: no-band-from-score\nextends: caiyu-2020-10\nversion: 0.0.1\nname: 不按申报得分定档\nparameters:\n  bandFromDeclaredScore: false\n',
    );
    const strict = await runCli('score', file, '--rules', off, '--json');
    expect(strict.code).toBe(3);
    expect(JSON.parse(strict.out).pending[0].code).toBe('BAND_REQUIRED');
  });

  test('both seed forms: 95 / 优 with the mismatches reported; the department form is a draft for the reason row 4 lacks', async () => {
    for (const [file, status] of [
      ['examples/zhuzhou-2020/department.actuals.yaml', 'draft'],
      ['examples/zhuzhou-2020/project.actuals.yaml', 'complete'],
    ]) {
      const json = JSON.parse((await runCli('score', file!, '--json')).out);
      expect([json.total, json.grade.label, json.status]).toEqual(['95', '优', status]);
      const codes = json.warnings.map((w: { code: string }) => w.code);
      for (const code of ['DECLARED_SCORE_MISMATCH', 'WEIGHT_SUM_MISMATCH']) expect(codes).toContain(code);
    }
  });
});
