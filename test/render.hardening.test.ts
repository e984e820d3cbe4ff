import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeTestP12 } from '../src/sign/keygen';
import { ROOT, runCli, tempDir } from './helpers';

/** The clean water example in a folder of its own, with replacements in its files. */
function form(edits: { actuals?: [string, string][]; definitions?: [string, string][] }): string {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
  for (const [name, list] of [
    ['project.actuals.yaml', edits.actuals],
    ['project.indicators.yaml', edits.definitions],
  ] as const) {
    const file = path.join(dir, name);
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of list ?? []) text = text.replace(from, to);
    writeFileSync(file, text);
  }
  return path.join(dir, 'project.actuals.yaml');
}

const pdfText = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

describe('characters and long texts on the printed form', () => {
  jest.setTimeout(120_000);

  test('a character no bundled font has is a warning at its line (rare CJK, emoji); the form still prints with embedded Noto fonts only', async () => {
    const actuals = form({
      definitions: [
        ['name: 新建集中供水工程', 'name: 新建𠀀集中供水工程😀'],
        ['department: 示例市水利局', 'department: 示例市水利局㐀'],
      ],
    });
    const out = path.join(tempDir(), 'rare.pdf');
    const run = await runCli('render', actuals, '-o', out, '--json');
    expect(run.code).toBe(0);
    const [report] = JSON.parse(run.out).forms as { warnings: { code: string; line: number; message: string }[] }[];
    expect(report!.warnings.map((w) => [w.code, w.line, w.message.match(/「(.+?)」/)?.[1]])).toEqual([
      ['UNSUPPORTED_CHARACTER', 7, '㐀'],
      ['UNSUPPORTED_CHARACTER', 25, '𠀀'],
      ['UNSUPPORTED_CHARACTER', 25, '😀'],
    ]);
    // score says the same before anything is printed, at the same places
    const scored = await runCli('score', actuals, '--json');
    expect(scored.code).toBe(0);
    const warnings = (
      JSON.parse(scored.out) as { warnings: { code: string; location: { line: number }; message: string }[] }
    ).warnings.filter((w) => w.code === 'UNSUPPORTED_CHARACTER');
    expect(warnings.map((w) => [w.location.line, w.message.match(/「(.+?)」/)?.[1]])).toEqual([
      [7, '㐀'],
      [25, '𠀀'],
      [25, '😀'],
    ]);
    // a character the fonts do have raises nothing
    const plain = await runCli(
      'render',
      'examples/water-2023/project.actuals.yaml',
      '-o',
      path.join(tempDir(), 'plain.pdf'),
      '--json',
    );
    expect(JSON.parse(plain.out).forms[0].warnings).toEqual([]);
    // no system font stands in: the missing characters print as 〓 in the bundled face
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.filter((l) => !/NotoS(erif|ans)SC/.test(l))).toEqual([]);
    const text = pdfText(out).replace(/\s+/g, '');
    expect(text.match(/〓/g)).toHaveLength(3);
    expect(text).toContain('新建〓集中供水工');
    expect(text).toContain('示例市水利局〓');
  });

  test('a signer whose name the font lacks is warned about when signing', async () => {
    const dir = tempDir();
    const pdf = path.join(dir, 'f.pdf');
    expect((await runCli('render', 'examples/water-2023/project.actuals.yaml', '-o', pdf)).code).toBe(0);
    const p12 = path.join(dir, 'rare.p12');
    writeFileSync(p12, makeTestP12({ commonName: '王𠀀', keyBits: 1024 }, 'pw'));
    process.env.JIXIAO_P12_PASSWORD = 'pw';
    try {
      const run = await runCli('sign', pdf, '--p12', p12, '--role', '填表人', '-o', path.join(dir, 's.pdf'));
      expect(run.code).toBe(0);
      expect(run.err).toMatch(/警告 UNSUPPORTED_CHARACTER: 字符「𠀀」（U\+20000）/);
    } finally {
      delete process.env.JIXIAO_P12_PASSWORD;
    }
  });

  test('a 1,000-character reason wraps over the pages, every character in the text layer; 3,000 is refused with the limit', async () => {
    const sentences = Array.from({ length: 124 }, (_, i) => `第${String(i + 1).padStart(3, '0')}句理由。`).join('');
    const long = form({
      actuals: [
        [
          '"2.3": { actual: 38个, declaredScore: 5 }',
          `"2.3": { actual: 38个, declaredScore: 5, deviationReason: "${sentences}终" }`,
        ],
      ],
    });
    const out = path.join(tempDir(), 'long.pdf');
    expect((await runCli('render', long, '-o', out)).code).toBe(0);
    // the table header repeats on each page the row continues onto: take it out to read the cell as one text
    const header = '绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施';
    const text = pdfText(out)
      .replace(/\s+/g, '')
      .replace(/第\d+页\/共\d+页/g, '')
      .split(header)
      .join('');
    expect(text).toContain(`${sentences}终`.replace(/\s+/g, ''));

    const tooLong = form({
      actuals: [
        [
          '"2.3": { actual: 38个, declaredScore: 5 }',
          `"2.3": { actual: 38个, declaredScore: 5, deviationReason: "${'很长'.repeat(1500)}" }`,
        ],
      ],
    });
    const refused = await runCli('score', tooLong, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out).errors[0]).toMatchObject({
      code: 'TEXT_TOO_LONG',
      line: 23,
      message: expect.stringContaining('3000 个字，超过上限 1000 个字'),
    });
    const cell = form({ actuals: [['actual: 38个', `actual: "${'3'.repeat(10_000)}个"`]] });
    expect(JSON.parse((await runCli('score', cell, '--json')).out).errors[0]).toMatchObject({
      code: 'TEXT_TOO_LONG',
      message: expect.stringContaining('上限 200'),
    });
  });
});
